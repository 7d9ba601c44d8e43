// `npm test` after build and typecheck: the plain mocha suites, then the real-VS-Code suite, each printed
// as it runs; ends with ONE line `N passed, N failed` summing both (what CI reads). Exit 1 if any failed.
// ASYNC_LENS_SKIP_VSCODE=1 runs the plain suites only (and says so).
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TALLY = /^(\d+) passed, (\d+) failed$/;

/** Runs a command, echoing its output, and returns its exit code and the last tally line it printed. */
function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let pending = '';
    let tally;
    child.stdout.on('data', (chunk) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop();
      for (const line of lines) {
        const match = TALLY.exec(line.trim());
        if (match) tally = { passes: Number(match[1]), failures: Number(match[2]) };
        process.stdout.write(`${line}\n`);
      }
    });
    child.on('close', (code) => {
      if (pending) {
        const match = TALLY.exec(pending.trim());
        if (match) tally = { passes: Number(match[1]), failures: Number(match[2]) };
        process.stdout.write(`${pending}\n`);
      }
      resolve({ code, tally });
    });
  });
}

async function main() {
  const parts = [['plain', process.execPath, [path.join(ROOT, 'node_modules', 'mocha', 'bin', 'mocha.js')]]];
  if (process.env.ASYNC_LENS_SKIP_VSCODE === '1') console.log('[test] ASYNC_LENS_SKIP_VSCODE=1: the real-VS-Code suite is skipped');
  else parts.push(['vscode', process.execPath, [path.join(ROOT, 'test', 'vscode', 'run-tests.mjs')]]);
  let passes = 0;
  let failures = 0;
  const summary = [];
  for (const [name, command, args] of parts) {
    const started = Date.now();
    const { code, tally } = await run(command, args);
    // A suite that crashed before printing its tally, or exited non-zero with none failed, counts one failure.
    const counts = tally ?? { passes: 0, failures: 1 };
    if (code !== 0 && counts.failures === 0) counts.failures = 1;
    passes += counts.passes;
    failures += counts.failures;
    summary.push(`${name}: ${counts.passes} passed, ${counts.failures} failed (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }
  console.log(`\n[test] ${summary.join('; ')}`);
  console.log(`${passes} passed, ${failures} failed`);
  if (failures > 0) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  console.log('0 passed, 1 failed');
  process.exitCode = 1;
});
