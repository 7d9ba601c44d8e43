// Generates the rule tables from the rule docs (docs/rules/<id>.md): the one in README.md and the
// index in docs/rules/README.md, each between `<!-- rules:start -->` and `<!-- rules:end -->`.
//   node scripts/rule-table.mjs            rewrite both tables
//   node scripts/rule-table.mjs --check    exit 1 if either is out of date (CI, conformance test)
//   --root <dir>                           work on another checkout (tests use a copy)
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The markers the generated table sits between. */
export const START_MARKER = '<!-- rules:start -->';
export const END_MARKER = '<!-- rules:end -->';

const SEVERITY_LINE = /^Default severity: \*\*(error|warning|info)\*\*$/;
const FIXES_HEADING = 'Quick fixes and their safety';

/** What the table shows of one rule, read from its doc. */
export function readRuleDoc(text, fileName) {
  const lines = text.split(/\r?\n/);
  const title = /^# (\S+)$/.exec(lines[0] ?? '');
  if (!title) throw new Error(`${fileName}: the first line must be "# <id>"`);
  const id = title[1];
  const rest = lines.slice(1).filter((line) => line.trim().length > 0);
  const summary = rest[0] ?? '';
  if (summary.startsWith('#') || SEVERITY_LINE.test(summary)) {
    throw new Error(`${fileName}: a one-line summary must follow the title`);
  }
  const severity = SEVERITY_LINE.exec(rest[1] ?? '');
  if (!severity) throw new Error(`${fileName}: the line after the summary must be "Default severity: **<severity>**"`);
  return { id, summary, severity: severity[1], hasSafeFix: fixSafeties(text).includes('safe') };
}

/** The Safety column of the table under "## Quick fixes and their safety", one entry per fix. */
export function fixSafeties(text) {
  return fixRows(text).map((cells) => (/^safe\b/.test(cells[1] ?? '') ? 'safe' : 'unsafe'));
}

/** The body rows of the fix table, as trimmed cells (Fix, Safety, Offered when, Before, After). */
export function fixRows(text) {
  const rows = [];
  let inSection = false;
  for (const line of text.split(/\r?\n/)) {
    const heading = /^##\s+(.*?)\s*$/.exec(line);
    if (heading) {
      inSection = heading[1] === FIXES_HEADING;
      continue;
    }
    if (!inSection || !line.startsWith('|')) continue;
    const cells = line.slice(1, line.trimEnd().endsWith('|') ? line.trimEnd().length - 1 : undefined).split('|').map((cell) => cell.trim());
    // Skip the header row and the delimiter row.
    if (cells[0] === 'Fix' || cells.every((cell) => /^:?-+:?$/.test(cell))) continue;
    rows.push(cells);
  }
  return rows;
}

/** Every rule doc under `root`, sorted by id. */
export function readRuleDocs(root) {
  const dir = path.join(root, 'docs', 'rules');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md') && name !== 'README.md')
    .sort()
    .map((name) => {
      const doc = readRuleDoc(readFileSync(path.join(dir, name), 'utf8'), `docs/rules/${name}`);
      if (`${doc.id}.md` !== name) throw new Error(`docs/rules/${name}: its title names "${doc.id}"`);
      return doc;
    });
}

/** The Markdown table of rules, links relative to `linkBase` (`docs/rules/` or ``). */
export function renderTable(docs, linkBase) {
  const escape = (text) => text.replace(/\|/g, '\\|');
  const rows = docs.map(
    (doc) => `| [\`${doc.id}\`](${linkBase}${doc.id}.md) | ${doc.severity} | ${escape(doc.summary)} | ${doc.hasSafeFix ? 'yes' : 'no'} |`,
  );
  return ['| Rule | Default severity | What it flags | Safe fix |', '|---|---|---|---|', ...rows].join('\n');
}

/** `text` with the part between the markers replaced by `table`. */
export function replaceBetweenMarkers(text, table, fileName) {
  const start = text.indexOf(START_MARKER);
  const end = text.indexOf(END_MARKER);
  if (start < 0 || end < start) throw new Error(`${fileName}: needs ${START_MARKER} followed by ${END_MARKER}`);
  return `${text.slice(0, start + START_MARKER.length)}\n${table}\n${text.slice(end)}`;
}

/** The files that carry a table, with their text now and as it should be. */
export function planTables(root) {
  const docs = readRuleDocs(root);
  return [
    { file: 'README.md', linkBase: 'docs/rules/' },
    { file: path.join('docs', 'rules', 'README.md'), linkBase: '' },
  ].map(({ file, linkBase }) => {
    const full = path.join(root, file);
    const current = readFileSync(full, 'utf8');
    return { file, full, current, expected: replaceBetweenMarkers(current, renderTable(docs, linkBase), file) };
  });
}

/** The files whose table is out of date (empty when all are current). */
export function staleTables(root) {
  return planTables(root)
    .filter((plan) => plan.current !== plan.expected)
    .map((plan) => plan.file);
}

function main() {
  const args = process.argv.slice(2);
  const rootAt = args.indexOf('--root');
  const root = rootAt >= 0 ? path.resolve(args[rootAt + 1] ?? '.') : path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  if (args.includes('--check')) {
    const stale = staleTables(root);
    if (stale.length > 0) {
      console.error(`rule table out of date in ${stale.join(', ')}: run \`node scripts/rule-table.mjs\``);
      process.exitCode = 1;
    }
    return;
  }
  for (const plan of planTables(root)) {
    if (plan.current !== plan.expected) {
      writeFileSync(plan.full, plan.expected);
      console.log(`updated ${plan.file}`);
    }
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 2;
  }
}
