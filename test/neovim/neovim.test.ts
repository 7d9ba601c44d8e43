import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runCli } from '../cli/helpers';

// A second real LSP client: Debian 12's Neovim (0.7.2), headless, runs `async-lens-language-server --stdio`
// on a copy of examples/02-gather.ts through client.lua, which writes what Neovim saw as JSON.
// `npm run setup:vscode` installs Neovim (apt); a machine without it fails here rather than skipping.

const ROOT = path.join(__dirname, '..', '..');
const SERVER = path.join(ROOT, 'dist', 'server.js');
const CLIENT = path.join(__dirname, 'client.lua');
const EXAMPLE = path.join(ROOT, 'examples', '02-gather.ts');
const RULE = 'unawaited-promise-all';
/** How long client.lua waits for each event (diagnostics, the code-action reply, the server's exit). */
const CLIENT_TIMEOUT_MS = 10_000;
/** When the test kills Neovim (and the server in its process group) if client.lua has not quit. */
const KILL_AFTER_MS = 25_000;

/** What client.lua writes. */
interface NeovimResult {
  status: 'ok' | 'timeout' | 'error';
  errors: string[];
  diagnostics: {
    lnum: number;
    col: number;
    end_lnum: number;
    end_col: number;
    severity: number;
    code: string;
    source: string;
    message: string;
  }[];
  codeActions: { title: string; kind: string; isPreferred: boolean }[];
  serverExit?: { code: number; signal: number };
  diagnosticsAfterMs?: number;
  codeActionsAfterMs?: number;
  elapsedMs: number;
}

/** One finding of the CLI's `--format json` (1-based, end column exclusive). */
interface CliDiagnostic {
  file: string;
  rule: string;
  severity: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

interface NeovimRun {
  status: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
}

/** Runs Neovim headless on client.lua; kills its process group after `KILL_AFTER_MS`. */
function runNeovim(env: NodeJS.ProcessEnv, cwd: string): Promise<NeovimRun> {
  return new Promise((resolve, reject) => {
    const child = spawn('nvim', ['--headless', '--clean', '-u', 'NONE', '-c', `luafile ${CLIENT}`], {
      cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // its own process group, with the server it spawns: one kill ends both
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const killGroup = (): void => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // the group is gone already
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, KILL_AFTER_MS);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (status, signal) => {
      clearTimeout(timer);
      // After a failed run, no server is left behind in the group (a clean run has stopped it already).
      if (status !== 0) killGroup();
      resolve({ status, signal, timedOut, stdout, stderr });
    });
  });
}

/** The tail of a file, or a note that it is not there (for failure messages). */
function tail(file: string): string {
  return existsSync(file) ? readFileSync(file, 'utf8').slice(-4000) : `(no ${file})`;
}

describe('neovim: a second real LSP client (Neovim 0.7, headless)', function () {
  this.timeout(KILL_AFTER_MS + 10_000);

  let dir = '';
  let cli: CliDiagnostic[] = [];
  let markedLine = -1;
  let result: NeovimResult;
  let run: NeovimRun;

  before(async () => {
    assert.ok(existsSync(SERVER), `${SERVER} is missing: run \`npm run build\``);
    dir = mkdtempSync(path.join(tmpdir(), 'async-lens-neovim-'));
    // Neovim's logs, shada and swap files go to the temp dir, not $HOME (even `nvim --version` writes a log).
    const state = path.join(dir, 'nvim-state');
    const nvimEnv = { ...process.env, XDG_CONFIG_HOME: state, XDG_DATA_HOME: state, XDG_STATE_HOME: state, XDG_CACHE_HOME: state };
    const probe = spawnSync('nvim', ['--version'], { encoding: 'utf8', env: nvimEnv });
    if (probe.error || probe.status !== 0) {
      throw new Error(`nvim is not installed (${probe.error?.message ?? probe.stderr}): run \`npm run setup:vscode\` (it installs Debian's neovim)`);
    }

    const file = path.join(dir, '02-gather.ts');
    copyFileSync(EXAMPLE, file);
    markedLine = readFileSync(file, 'utf8').split('\n').findIndex((line) => line.endsWith(`// ${RULE}`));

    const lint = runCli(['--format', 'json', '02-gather.ts'], dir);
    assert.equal(lint.status, 1, lint.stderr);
    cli = (JSON.parse(lint.stdout) as { diagnostics: CliDiagnostic[] }).diagnostics;

    const out = path.join(dir, 'result.json');
    run = await runNeovim(
      {
        ...nvimEnv,
        ASYNC_LENS_NVIM_NODE: process.execPath,
        ASYNC_LENS_NVIM_SERVER: SERVER,
        ASYNC_LENS_NVIM_ROOT: dir,
        ASYNC_LENS_NVIM_FILE: file,
        ASYNC_LENS_NVIM_OUT: out,
        ASYNC_LENS_NVIM_TIMEOUT_MS: String(CLIENT_TIMEOUT_MS),
      },
      dir,
    );
    const seen = `exit ${run.status} (signal ${run.signal}); stdout: ${run.stdout}; stderr: ${run.stderr}; ` +
      `result: ${tail(out)}; lsp.log: ${tail(path.join(state, 'nvim', 'lsp.log'))}`;
    assert.ok(!run.timedOut, `Neovim did not quit within ${KILL_AFTER_MS} ms and was killed; ${seen}`);
    assert.ok(existsSync(out), `client.lua wrote no result; ${seen}`);
    result = JSON.parse(readFileSync(out, 'utf8')) as NeovimResult;
    assert.equal(result.status, 'ok', seen);
    assert.equal(run.status, 0, seen);
  });

  after(() => {
    // Neovim and the server have exited (or were killed) by now: `before` awaits Neovim's close.
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('the CLI finds the one marked mistake (the reference for the client)', () => {
    assert.ok(markedLine >= 0, `no line marked // ${RULE} in ${EXAMPLE}`);
    assert.deepEqual(
      cli.map((d) => [d.rule, d.line, d.column, d.endLine, d.endColumn]),
      [[RULE, markedLine + 1, 3, markedLine + 1, 35]],
    );
  });

  it('shows the finding through vim.diagnostic.get(), at the CLI position (0-based)', () => {
    const expected = cli.map((d) => ({
      lnum: d.line - 1,
      col: d.column - 1,
      end_lnum: d.endLine - 1,
      end_col: d.endColumn - 1,
      severity: 2, // vim.diagnostic.severity.WARN
      code: d.rule,
      source: 'async-lens',
      message: d.message,
    }));
    assert.deepEqual(result.diagnostics, expected);
    assert.deepEqual(result.diagnostics[0], {
      lnum: 23,
      col: 2,
      end_lnum: 23,
      end_col: 34,
      severity: 2,
      code: RULE,
      source: 'async-lens',
      message: '`Promise.all(…)` is not awaited: its results and its rejection are dropped.',
    });
  });

  it('offers the code-action ladder at the finding, in order', () => {
    assert.deepEqual(result.codeActions, [
      { title: 'Add `await`', kind: 'quickfix', isPreferred: true },
      { title: `Disable ${RULE} for this line`, kind: 'quickfix', isPreferred: false },
      { title: `Disable ${RULE} for this file`, kind: 'quickfix', isPreferred: false },
      { title: `Learn about ${RULE}`, kind: 'quickfix', isPreferred: false },
    ]);
  });

  it('shuts the server down cleanly (shutdown, exit)', () => {
    assert.deepEqual(result.errors, []);
    assert.deepEqual(result.serverExit, { code: 0, signal: 0 });
  });
});
