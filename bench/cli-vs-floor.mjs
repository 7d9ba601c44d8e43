// CLI (syntax tier) against the floor, side by side in one run: alternating runs, median ratio.
// Usage: node bench/cli-vs-floor.mjs [corpus] [runs]   (corpus: a name from corpora.mjs or a path)
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpus, exists } from './corpora.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');

function time(args) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0 && result.status !== 1) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return { ms, stderr: result.stderr.trim().split('\n').pop() };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function main() {
  const target = process.argv[2] ?? 'effect';
  const runs = Number(process.argv[3] ?? 5);
  const dir = (await exists(target)) ? target : join(await corpus(target), 'src');
  const cli = join(root, 'dist', 'cli.js');
  const floor = join(here, 'floor.cjs');
  const rows = { floor: [], cli: [], ratio: [] };
  let notes = {};
  for (let i = 0; i < runs; i++) {
    const a = time([floor, dir]);
    const b = time([cli, '--format', 'json', '--output', '/dev/null', dir]);
    rows.floor.push(a.ms);
    rows.cli.push(b.ms);
    rows.ratio.push(b.ms / a.ms);
    notes = { floor: a.stderr, cli: b.stderr };
  }
  console.log(`corpus: ${dir}`);
  console.log(`floor: ${notes.floor}`);
  console.log(`cli:   ${notes.cli}`);
  console.log(`median floor ${median(rows.floor).toFixed(0)} ms, cli ${median(rows.cli).toFixed(0)} ms, ratio ${median(rows.ratio).toFixed(2)}x (runs: ${runs})`);
  console.log(`ratios: ${rows.ratio.map((r) => r.toFixed(2)).join(' ')}`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
