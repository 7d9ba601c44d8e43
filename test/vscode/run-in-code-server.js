#!/usr/bin/env node
// Runs one extension test session inside a real VS Code (code-server 4.139.1 = VS Code 1.139.1) and exits
// with its result; the last line printed is `N passed, N failed`.
//
//   node test/vscode/run-in-code-server.js --extensionDevelopmentPath=DIR --extensionTestsPath=INDEX.js
//        [--restricted] [--vsix=FILE] [--label=NAME] [--timeout=MS] WORKSPACE
//
// --restricted  start without --disable-workspace-trust: the workspace is untrusted (Restricted Mode)
// --vsix        install the .vsix into this run's fresh extensions folder before starting
// Exit: the extension host's code (0 pass, 1 fail); 2 timeout; 3 code-server died; 4 setup failed;
// 5 "passed" without a result file.
//
// The extension host inherits the server's environment: VSCODE_TEST_RESULT_FILE (where the mocha index
// writes its counts) and ASYNC_LENS_DRIVER_URL (an HTTP endpoint of this driver the tests use to ask for a
// screenshot of the workbench with DOM checks, since only the driver can see the page).
'use strict';
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const {
  startCodeServer,
  launchBrowser,
  plainConsoleText,
  isNoise,
  makeTempDir,
  removeDir,
  waitUntil,
} = require('./code-server');

const ARTIFACTS = path.resolve(__dirname, '..', '..', 'artifacts', 'vscode');
const MOCHA_MARK = '[mocha] ';

function parseArgs(argv) {
  const options = { timeoutMs: 5 * 60 * 1000, label: 'vscode', restricted: false };
  for (const arg of argv) {
    const [flag, ...rest] = arg.split('=');
    const value = rest.join('=');
    if (flag === '--extensionDevelopmentPath') options.extensionDevelopmentPath = path.resolve(value);
    else if (flag === '--extensionTestsPath') options.extensionTestsPath = path.resolve(value);
    else if (flag === '--restricted') options.restricted = true;
    else if (flag === '--vsix') options.vsix = path.resolve(value);
    else if (flag === '--label') options.label = value;
    else if (flag === '--timeout') options.timeoutMs = Number(value);
    else if (!arg.startsWith('-') && !options.workspace) options.workspace = path.resolve(arg);
    // Other flags (those @vscode/test-electron adds for Electron) mean nothing here.
  }
  if (!options.extensionDevelopmentPath || !options.extensionTestsPath || !options.workspace) {
    throw new Error('usage: run-in-code-server.js --extensionDevelopmentPath=DIR --extensionTestsPath=FILE WORKSPACE');
  }
  return options;
}

/**
 * An HTTP endpoint for the tests: GET /screenshot?name=N&rule=R checks the DOM and writes the PNG;
 * GET /element?name=N&selector=S&text=T waits for an element and writes the PNG; /click also
 * clicks it, as the user would (a command run from a walkthrough button, which `onCommand:` sees).
 */
function startDriverEndpoint(getPage, log) {
  const server = http.createServer((request, response) => {
    const url = new URL(request.url, 'http://127.0.0.1');
    const reply = (status, body) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    const name = (url.searchParams.get('name') || 'workbench').replace(/[^a-z0-9-]/gi, '_');
    if (url.pathname === '/element' || url.pathname === '/click') {
      const selector = url.searchParams.get('selector') || 'body';
      const click = url.pathname === '/click';
      return element(getPage(), name, selector, url.searchParams.get('text') || '', log, click).then(
        (result) => reply(200, result),
        (error) => reply(200, { ok: false, error: String(error && error.stack ? error.stack : error) }),
      );
    }
    if (url.pathname !== '/screenshot') return reply(404, { error: 'unknown' });
    const rule = url.searchParams.get('rule') || 'async-lens';
    screenshot(getPage(), name, rule, log).then(
      (result) => reply(200, result),
      (error) => reply(200, { ok: false, error: String(error && error.stack ? error.stack : error) }),
    );
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/**
 * Waits for a visible element matching `selector` (and containing `text`), returns its text and
 * writes a PNG of the page: for workbench views no extension API can see, such as a walkthrough.
 */
async function element(page, name, selector, text, log, click = false) {
  const locator = page.locator(selector, text ? { hasText: text } : {});
  const seen = {};
  try {
    await locator.first().waitFor({ state: 'visible', timeout: 20_000 });
    seen.count = await locator.count();
    seen.text = (await locator.first().innerText()).replace(/\s+/g, ' ').trim();
    seen.className = await locator.first().getAttribute('class');
    if (click) await locator.first().click();
  } catch (error) {
    seen.count ??= await locator.count();
    seen.error = String(error.message || error).split('\n')[0];
  }
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file });
  log(`[driver] element ${selector} ${JSON.stringify({ count: seen.count, error: seen.error })}, screenshot ${path.relative(process.cwd(), file)}`);
  return { ok: !seen.error, file, ...seen };
}

/** Waits for a warning squiggle and a Problems row naming `rule`, then writes the PNG. */
async function screenshot(page, name, rule, log) {
  const seen = {};
  const squiggle = page.locator('.monaco-editor .squiggly-warning');
  const problem = page.locator('.markers-panel .monaco-list-row', { hasText: rule });
  try {
    await squiggle.first().waitFor({ state: 'attached', timeout: 20_000 });
    seen.squiggles = await squiggle.count();
    await problem.first().waitFor({ state: 'visible', timeout: 20_000 });
    seen.problemRows = await problem.count();
    seen.problemText = (await problem.first().innerText()).replace(/\s+/g, ' ').trim();
  } catch (error) {
    seen.squiggles ??= await squiggle.count();
    seen.problemRows ??= await problem.count();
    seen.allProblemRows = await page.locator('.markers-panel .monaco-list-row').allInnerTexts();
    seen.error = String(error.message || error).split('\n')[0];
  }
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file });
  log(`[driver] screenshot ${path.relative(process.cwd(), file)}: ${JSON.stringify(seen)}`);
  return { ok: !seen.error, file, ...seen };
}

async function run(options) {
  const started = Date.now();
  const tmp = makeTempDir('async-lens-vscode-');
  const resultFile = process.env.ASYNC_LENS_RESULT_FILE || path.join(tmp, 'result.json');
  fs.rmSync(resultFile, { force: true });
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const logFile = path.join(ARTIFACTS, `${options.label}.log`);
  const logStream = fs.createWriteStream(logFile);
  const verbose = process.env.ASYNC_LENS_VSCODE_VERBOSE === '1';
  const log = (line) => {
    logStream.write(`${line}\n`);
    console.log(line);
  };
  let page;
  let server;
  let browser;
  let endpoint;
  let exitCode;
  try {
    endpoint = await startDriverEndpoint(() => page, log);
    server = await startCodeServer({
      tmp,
      workspace: options.workspace,
      trusted: !options.restricted,
      vsix: options.vsix,
      log,
      // The scratch workspaces have no node_modules: TypeScript's own errors would fill Problems.
      userSettings: { 'typescript.validate.enable': false, 'javascript.validate.enable': false },
      env: {
        VSCODE_TEST_RESULT_FILE: resultFile,
        ASYNC_LENS_DRIVER_URL: `http://127.0.0.1:${endpoint.address().port}`,
        ASYNC_LENS_TEST_SESSION: options.label,
      },
    });
    browser = await launchBrowser(tmp);
    page = browser.page;
    let finished;
    const done = new Promise((resolve) => {
      finished = resolve;
    });
    await page.exposeFunction('codeAutomationExit', (code) => finished(code));
    await page.exposeFunction('codeAutomationLog', () => undefined);
    page.on('console', (message) => {
      const text = plainConsoleText(message);
      logStream.write(`${text}\n`);
      const mark = text.indexOf(MOCHA_MARK);
      if (mark >= 0) console.log(text.slice(mark + MOCHA_MARK.length));
      else if (verbose && !isNoise(text)) console.log(`  [console] ${text}`);
    });
    page.on('pageerror', (error) => logStream.write(`[pageerror] ${error.message}\n`));
    await page.goto(
      server.url({
        folder: options.workspace,
        extensionDevelopmentPath: options.extensionDevelopmentPath,
        extensionTestsPath: options.extensionTestsPath,
      }),
    );
    let timer;
    const timeout = new Promise((resolve) => {
      timer = setTimeout(() => resolve('timeout'), options.timeoutMs);
    });
    const died = waitUntil('code-server', options.timeoutMs + 1000, () => Boolean(server.isExited())).then(() => 'died');
    const outcome = await Promise.race([done, timeout, died]);
    clearTimeout(timer);
    if (outcome === 'timeout') {
      log(`[driver] ${options.label}: timed out after ${options.timeoutMs} ms; log: ${path.relative(process.cwd(), logFile)}`);
      exitCode = 2;
    } else if (outcome === 'died') {
      log(`[driver] ${options.label}: ${server.isExited()}; last server lines:\n${server.serverLines.slice(-20).join('\n')}`);
      exitCode = 3;
    } else {
      exitCode = Number(outcome) === 0 ? 0 : 1;
    }
  } catch (error) {
    log(`[driver] ${options.label}: ${error && error.stack ? error.stack : error}`);
    exitCode = 4;
  } finally {
    if (browser) await browser.context.close().catch(() => undefined);
    if (server) {
      logStream.write(`--- code-server ---\n${server.serverLines.join('\n')}\n`);
      await server.stop();
    }
    if (endpoint) endpoint.close();
    // Only after the process group has ended: a live server still writes into it.
    removeDir(tmp);
  }
  let counts;
  try {
    counts = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
  } catch {
    counts = undefined;
  }
  if (!counts) {
    counts = { passes: 0, failures: 1 };
    if (exitCode === 0) exitCode = 5;
    log(`[driver] ${options.label}: no test result was written (exit ${exitCode})`);
  }
  log(`[driver] ${options.label}: ${((Date.now() - started) / 1000).toFixed(1)} s, exit ${exitCode}`);
  await new Promise((resolve) => logStream.end(resolve));
  console.log(`${counts.passes} passed, ${counts.failures} failed`);
  return exitCode;
}

if (require.main === module) {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(error.message);
    process.exit(4);
  }
  run(options).then(
    (code) => process.exit(code),
    (error) => {
      console.error(error);
      process.exit(4);
    },
  );
}

module.exports = { run, parseArgs };
