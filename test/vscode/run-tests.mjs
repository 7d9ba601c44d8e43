// The real-VS-Code suite (`npm run test:vscode`): bundles the tests, packages the .vsix, then runs three
// sessions through @vscode/test-electron's runTests, whose "VS Code executable" is a shim that forwards
// to the code-server driver (vscode-runtime.md):
//   dev         the extension from the sources (payload extensionDevelopmentPath), trusted
//   installed   the .vsix installed into a fresh extensions folder, trusted
//   restricted  the .vsix installed, the workspace untrusted (Restricted Mode)
// Each session opens a fresh scratch copy of examples/ with the CLI's findings beside it. Prints every
// session's tally and ends with one line `N passed, N failed` summing them; exits 1 if any failed.
// Run `npm run build` first (npm test does); needs `npm run setup:vscode`.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const require = createRequire(import.meta.url);
const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const OUT = path.join(ROOT, 'dist-test', 'vscode');
const SHIM = path.join(HERE, 'vscode-shim.js');
const HARNESS = path.join(HERE, 'harness');

const SESSIONS = [
  { label: 'dev', suite: 'dev', extension: ROOT },
  { label: 'installed', suite: 'installed', extension: HARNESS, vsix: true },
  { label: 'restricted', suite: 'installed', extension: HARNESS, vsix: true, restricted: true },
];

/** Bundles the mocha index and each suite's test files for the extension host (`vscode`, mocha external). */
async function bundleTests() {
  fs.rmSync(OUT, { recursive: true, force: true });
  const suiteDir = path.join(HERE, 'suite');
  const entryPoints = { index: path.join(suiteDir, 'index.ts') };
  for (const suite of ['dev', 'installed']) {
    for (const file of fs.readdirSync(path.join(suiteDir, suite)).filter((name) => name.endsWith('.test.ts'))) {
      entryPoints[`${suite}/${file.replace(/\.ts$/, '')}`] = path.join(suiteDir, suite, file);
    }
  }
  await build({
    entryPoints,
    outdir: OUT,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
}

function packageVsix() {
  const vsix = path.join(ROOT, 'dist-test', 'async-lens.vsix');
  const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'package-vsix.mjs'), '--out', vsix], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`packaging the .vsix failed:\n${result.stdout}${result.stderr}`);
  return vsix;
}

/** A scratch copy of examples/ plus `expected-findings.json`, the CLI's findings on it. */
function makeWorkspace(tmp) {
  const workspace = path.join(tmp, 'examples');
  fs.cpSync(path.join(ROOT, 'examples'), workspace, { recursive: true });
  // The examples' tsconfig names `types: ["node"]`: let it resolve, so Problems holds no TypeScript noise.
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(workspace, 'node_modules'), 'dir');
  const cli = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), '--format', 'json', '.'], {
    cwd: workspace,
    encoding: 'utf8',
  });
  if (cli.status !== 0 && cli.status !== 1) throw new Error(`the CLI failed on the examples: ${cli.stderr}`);
  fs.writeFileSync(path.join(workspace, 'expected-findings.json'), cli.stdout);
  return workspace;
}

async function runSession(session, vsix) {
  const { runTests } = require('@vscode/test-electron');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `async-lens-ws-${session.label}-`));
  const resultFile = path.join(tmp, 'result.json');
  const started = Date.now();
  let failed = false;
  try {
    const workspace = makeWorkspace(tmp);
    const launchArgs = [workspace, `--label=${session.label}`];
    if (session.vsix) launchArgs.push(`--vsix=${vsix}`);
    if (session.restricted) launchArgs.push('--restricted');
    console.log(`\n[vscode] session ${session.label}`);
    await runTests({
      vscodeExecutablePath: SHIM,
      extensionDevelopmentPath: session.extension,
      extensionTestsPath: path.join(OUT, 'index.js'),
      launchArgs,
      extensionTestsEnv: { ASYNC_LENS_RESULT_FILE: resultFile, ASYNC_LENS_TEST_SUITE: session.suite },
    });
  } catch (error) {
    failed = true;
    console.log(`[vscode] session ${session.label}: ${error instanceof Error ? error.message : error}`);
  }
  let counts;
  try {
    counts = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
  } catch {
    // No result: the session itself failed (it did not start, or timed out before mocha ended).
    counts = { passes: 0, failures: 1 };
  }
  if (failed && counts.failures === 0) counts.failures = 1;
  fs.rmSync(tmp, { recursive: true, force: true });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`[vscode] session ${session.label}: ${counts.passes} passed, ${counts.failures} failed (${seconds} s)`);
  return counts;
}

async function main() {
  fs.chmodSync(SHIM, 0o755);
  await bundleTests();
  const vsix = packageVsix();
  const only = process.env.ASYNC_LENS_VSCODE_SESSIONS?.split(',');
  let passes = 0;
  let failures = 0;
  for (const session of SESSIONS) {
    if (only && !only.includes(session.label)) continue;
    const counts = await runSession(session, vsix);
    passes += counts.passes;
    failures += counts.failures;
  }
  console.log(`${passes} passed, ${failures} failed`);
  if (failures > 0) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  console.log('0 passed, 1 failed');
  process.exitCode = 1;
});
