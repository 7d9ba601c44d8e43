// Precision on real code: runs the CLI over the pinned corpora, samples each rule's findings
// (all of them, or a seeded random 100), joins them with the labels in
// docs/precision/<rule>.tsv, and writes the counts into docs/precision.md.
//
// Usage:
//   node bench/precision.mjs            regenerate the table (fails if a sampled finding has no label)
//   node bench/precision.mjs --pending [rule]  print the sampled findings that have no label yet, with context
//   node bench/precision.mjs --check    exit 1 when docs/precision.md is not what the labels give
import { execFile } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { corpus } from './corpora.mjs';

const run = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const LABELS = join(root, 'docs', 'precision');
const REPORT = join(root, 'docs', 'precision.md');
const SAMPLE = 100;
const SEED = 20261126;

/** What is analysed in each corpus (paths inside the unpacked package). */
const TARGETS = [
  ['effect', ['src']],
  ['zod', ['src']],
  ['rxjs', ['src']],
  ['fastify', ['fastify.js', 'lib', 'test']],
  ['npm', ['lib']],
  ['eslint', ['lib']],
  ['@vscode/vsce', ['out']],
  ['pm2', ['lib']],
  ['firebase-tools', ['lib']],
  ['bullmq', ['dist/cjs']],
  ['typeorm', ['commands', 'connection', 'data-source', 'driver', 'entity-manager', 'migration', 'persistence', 'query-builder', 'query-runner', 'repository', 'schema-builder', 'util']],
  ['puppeteer-core', ['src']],
  ['playwright-core', ['lib']],
  ['renovate', ['dist']],
  ['knex', ['lib']],
  ['release-it', ['lib', 'test']],
  ['@11ty/eleventy', ['src']],
];

/** Runs the CLI on one corpus: its findings (paths relative to bench/corpora) and file count. */
async function analyse(name, paths) {
  const folder = await corpus(name);
  // Run inside the package, as its own developers would: test-file globs match from there.
  const args = [join(root, 'dist', 'cli.js'), '--format', 'json', ...paths];
  let stdout;
  let stderr;
  try {
    ({ stdout, stderr } = await run(process.execPath, args, { cwd: folder, maxBuffer: 1 << 28 }));
  } catch (error) {
    if (error.code !== 1) throw error;
    ({ stdout, stderr } = error);
  }
  const files = Number(/(\d+) files? analysed/.exec(stderr)?.[1] ?? NaN);
  const prefix = basename(folder);
  const diagnostics = JSON.parse(stdout).diagnostics.map((d) => ({ ...d, file: `${prefix}/${d.file}` }));
  return { files, diagnostics };
}

/** A small seeded PRNG, so the sample is the same on every run. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sample(findings) {
  if (findings.length <= SAMPLE) return findings;
  const next = random(SEED);
  const copy = [...findings];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, SAMPLE).sort((a, b) => key(a).localeCompare(key(b)));
}

function key(d) {
  return `${d.rule}\t${d.file}:${d.line}:${d.column}`;
}

/** The 95% Wilson score interval's lower bound. */
function wilsonLower(successes, total) {
  if (total === 0) return 0;
  const z = 1.96;
  const p = successes / total;
  const denominator = 1 + (z * z) / total;
  const centre = p + (z * z) / (2 * total);
  const margin = z * Math.sqrt((p * (1 - p)) / total + (z * z) / (4 * total * total));
  return (centre - margin) / denominator;
}

/** Labels from docs/precision/<rule>.tsv: `location<TAB>TP|FP<TAB>reason` per line. */
async function readLabels() {
  const labels = new Map();
  for (const file of await readdir(LABELS)) {
    if (!file.endsWith('.tsv')) continue;
    const rule = file.slice(0, -'.tsv'.length);
    const text = await readFile(join(LABELS, file), 'utf8');
    for (const line of text.split('\n')) {
      if (!line.trim() || line.startsWith('#')) continue;
      const [location, verdict, ...reason] = line.split('\t');
      if (verdict !== 'TP' && verdict !== 'FP') throw new Error(`${file}: bad verdict in: ${line}`);
      if (reason.join('').trim() === '') throw new Error(`${file}: no reason in: ${line}`);
      labels.set(`${rule}\t${location}`, { verdict, reason: reason.join('\t') });
    }
  }
  return labels;
}

async function context(d) {
  const text = await readFile(join(here, 'corpora', d.file), 'utf8');
  const lines = text.split('\n');
  const from = Math.max(0, d.line - 4);
  return lines
    .slice(from, d.line + 2)
    .map((l, i) => `${String(from + i + 1).padStart(6)}${from + i + 1 === d.line ? '>' : ' '} ${l}`)
    .join('\n');
}

async function main() {
  const mode = process.argv[2];
  const labels = await readLabels();
  const byRule = new Map();
  const filesPerCorpus = [];
  for (const [name, paths] of TARGETS) {
    const { files, diagnostics } = await analyse(name, paths);
    filesPerCorpus.push(`${name} (${paths.join(', ')}): ${files} files`);
    for (const d of diagnostics) {
      if (d.rule === 'internal-error' || /suppress/.test(d.message)) continue;
      if (!byRule.has(d.rule)) byRule.set(d.rule, []);
      byRule.get(d.rule).push(d);
    }
  }
  // Every rule with a doc, so a rule with no finding still gets its row.
  const ruleIds = (await readdir(join(root, 'docs', 'rules')))
    .filter((f) => f.endsWith('.md') && f !== 'README.md')
    .map((f) => f.slice(0, -3))
    .sort();
  const rows = [];
  const pending = [];
  const falsePositives = [];
  for (const rule of ruleIds) {
    const findings = byRule.get(rule) ?? [];
    const sampled = sample(findings);
    let tp = 0;
    let fp = 0;
    for (const d of sampled) {
      const label = labels.get(key(d));
      if (!label) pending.push(d);
      else if (label.verdict === 'TP') tp += 1;
      else {
        fp += 1;
        falsePositives.push(`- \`${rule}\` ${d.file}:${d.line}:${d.column}: ${label.reason}`);
      }
    }
    const labelled = tp + fp;
    const corpora = new Set(findings.map((d) => d.file.split('/')[0])).size;
    rows.push(
      `| \`${rule}\` | ${findings.length} | ${corpora} | ${sampled.length} | ${tp} | ${fp} | ${labelled ? (tp / labelled).toFixed(3) : '–'} | ${labelled ? wilsonLower(tp, labelled).toFixed(3) : '–'} |`,
    );
  }
  if (mode === '--pending') {
    const only = process.argv[3];
    for (const d of pending) {
      if (only && d.rule !== only) continue;
      console.log(`${key(d)}\t${d.severity}\t${d.message}\n${await context(d)}\n`);
    }
    console.error(`${pending.length} sampled findings have no label`);
    return;
  }
  if (pending.length > 0) {
    console.error(`${pending.length} sampled findings have no label; run with --pending to see them`);
    process.exitCode = 1;
    return;
  }
  const table = [
    `Corpora (pinned in \`bench/corpora.mjs\`): ${filesPerCorpus.join('; ')}.`,
    '',
    '| rule | findings | corpora with findings | labelled (all, or a seeded 100) | true | false | precision | 95% Wilson lower bound |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...rows,
    '',
    falsePositives.length ? 'False positives in the labelled sample:\n\n' + falsePositives.join('\n') : 'No false positive in the labelled sample.',
  ].join('\n');
  const report = await readFile(REPORT, 'utf8');
  const start = report.indexOf('<!-- precision:start -->');
  const end = report.indexOf('<!-- precision:end -->');
  if (start < 0 || end < 0) throw new Error('docs/precision.md has no precision markers');
  const updated = `${report.slice(0, start)}<!-- precision:start -->\n${table}\n${report.slice(end)}`;
  if (mode === '--check') {
    if (updated !== report) {
      console.error('docs/precision.md is out of date: run node bench/precision.mjs');
      process.exitCode = 1;
    }
    return;
  }
  await writeFile(REPORT, updated);
  console.log(table);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
