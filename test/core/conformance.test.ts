// Keeps each rule's four parts in step: rule file, doc, tests and fixtures, all named by its id;
// its messages in the catalog; and the generated rule tables current.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { format, RULES } from '../../src/core';
import type { Rule } from '../../src/core';
import { hasMessage } from '../../src/core/messages';

const ROOT = path.join(__dirname, '..', '..');

/** The `##` headings of every rule doc, in order (also in scripts/new-rule.mjs). */
const DOC_HEADINGS = [
  'What it flags',
  'Why it matters',
  'Incorrect',
  'Correct',
  'Quick fixes and their safety',
  'Options',
  'Limitations',
  'The asyncio analogue',
  'Further reading',
];

const KEBAB_CASE = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** The `##` headings of a Markdown text, outside code fences. */
function headings(markdown: string): string[] {
  const found: string[] = [];
  let inFence = false;
  for (const line of markdown.split(/\r?\n/)) {
    if (/^(`{3,}|~{3,})/.test(line)) inFence = !inFence;
    const heading = /^##\s+(.*?)\s*$/.exec(line);
    if (!inFence && heading) found.push(heading[1]!);
  }
  return found;
}

/** The title, summary and severity lines at the top of a rule doc. */
function docHeader(markdown: string): { title: string; summary: string; severity: string } {
  const lines = markdown.split(/\r?\n/).filter((line) => line.trim().length > 0);
  return { title: lines[0] ?? '', summary: lines[1] ?? '', severity: lines[2] ?? '' };
}

/** The rows (trimmed cells) of the table under "## Quick fixes and their safety". */
function fixRows(markdown: string): string[][] {
  const rows: string[][] = [];
  let inSection = false;
  for (const line of markdown.split(/\r?\n/)) {
    const heading = /^##\s+(.*?)\s*$/.exec(line);
    if (heading) inSection = heading[1] === 'Quick fixes and their safety';
    if (!inSection || !line.startsWith('|')) continue;
    const cells = line.trim().replace(/^\||\|$/g, '').split('|').map((cell) => cell.trim());
    if (cells[0] === 'Fix' || cells.every((cell) => /^:?-+:?$/.test(cell))) continue;
    rows.push(cells);
  }
  return rows;
}

/** Runs one of our scripts with Node; returns its exit status and output. */
function runScript(script: string, args: string[]): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts', script), ...args], { encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** The exported rule objects of a rule module. */
function exportedRules(module: Record<string, unknown>): Rule[] {
  return Object.values(module).filter(
    (value): value is Rule => typeof value === 'object' && value !== null && 'meta' in value && 'visitors' in value,
  );
}

describe('conformance', () => {
  it('has at least one rule, and rule ids are unique', () => {
    const ids = RULES.map((rule) => rule.meta.id);
    assert.ok(ids.length > 0);
    assert.deepEqual(ids, [...new Set(ids)]);
  });

  for (const rule of RULES) {
    const id = rule.meta.id;

    describe(id, () => {
      const docPath = path.join(ROOT, 'docs', 'rules', `${id}.md`);
      const readDoc = (): string => readFileSync(docPath, 'utf8');

      it('has a kebab-case id', () => {
        assert.match(id, KEBAB_CASE);
      });

      it(`is defined in src/core/rules/${id}.ts with meta.id "${id}"`, () => {
        const file = path.join(ROOT, 'src', 'core', 'rules', `${id}.ts`);
        assert.ok(existsSync(file), `missing ${path.relative(ROOT, file)}`);
        const module = require(file) as Record<string, unknown>;
        const defined = exportedRules(module);
        assert.ok(defined.includes(rule), `src/core/rules/${id}.ts does not export the rule registered as "${id}"`);
        assert.deepEqual(
          defined.map((r) => r.meta.id),
          [id],
          `src/core/rules/${id}.ts must define exactly the rule "${id}"`,
        );
      });

      it(`has a doc docs/rules/${id}.md with the fixed headings in order`, () => {
        assert.ok(existsSync(docPath), `missing docs/rules/${id}.md`);
        const doc = readDoc();
        assert.deepEqual(headings(doc), DOC_HEADINGS);
      });

      it('starts its doc with the id, meta.description and the default severity', () => {
        const header = docHeader(readDoc());
        assert.equal(header.title, `# ${id}`);
        assert.equal(header.summary, rule.meta.description, 'the summary line is meta.description, verbatim');
        assert.equal(header.severity, `Default severity: **${rule.meta.defaultSeverity}**`);
      });

      it('lists every fix in its doc with the catalog title and the declared safety', () => {
        const rows = fixRows(readDoc());
        const documented = rows.map((cells) => [cells[0], /^safe\b/.test(cells[1] ?? '') ? 'safe' : 'unsafe']);
        const declared = Object.entries(rule.meta.fixes).map(([titleId, safety]) => [format('en', titleId, {}), safety]);
        assert.deepEqual(
          [...documented].sort(),
          [...declared].sort(),
          'the rows of "Quick fixes and their safety" are the fixes of meta.fixes: Fix = the English title, Safety = safe or unsafe',
        );
        for (const cells of rows) assert.equal(cells.length, 5, `a fix row has Fix, Safety, Offered when, Before, After: ${cells[0]}`);
      });

      it(`has tests in test/core/rules/${id}.test.ts`, () => {
        const file = path.join(ROOT, 'test', 'core', 'rules', `${id}.test.ts`);
        assert.ok(existsSync(file), `missing test/core/rules/${id}.test.ts`);
      });

      it('has every message id, its why-note and every fix title in the catalog', () => {
        const missing: string[] = [];
        for (const messageId of rule.meta.messageIds) {
          assert.ok(messageId.startsWith(`${id}.`), `message id ${messageId} does not start with "${id}."`);
          if (!hasMessage(messageId)) missing.push(messageId);
          if (!hasMessage(`${messageId}.why`)) missing.push(`${messageId}.why`);
        }
        for (const titleId of Object.keys(rule.meta.fixes)) {
          if (!hasMessage(titleId)) missing.push(titleId);
        }
        assert.deepEqual(missing, [], 'missing from src/core/messages.ts');
      });
    });
  }

  it('has a rule in RULES for every doc in docs/rules/', () => {
    const ids = new Set(RULES.map((rule) => rule.meta.id));
    const orphans = readdirSync(path.join(ROOT, 'docs', 'rules'))
      .filter((name) => name.endsWith('.md') && name !== 'README.md')
      .map((name) => name.slice(0, -'.md'.length))
      .filter((id) => !ids.has(id));
    assert.deepEqual(orphans, [], 'docs without a rule in src/core/rules/index.ts');
  });

  it('has a rule in RULES for every rule file, rule test and fixture folder', () => {
    const ids = new Set(RULES.map((rule) => rule.meta.id));
    const orphans: string[] = [];
    const check = (dir: string, suffix: string, isDirectory: boolean): void => {
      const full = path.join(ROOT, dir);
      if (!existsSync(full)) return;
      for (const entry of readdirSync(full, { withFileTypes: true })) {
        if (entry.isDirectory() !== isDirectory || !entry.name.endsWith(suffix)) continue;
        // `<id>.test.ts`, or `<id>.<aspect>.test.ts` for a second file of the same rule.
        const id = entry.name.slice(0, entry.name.length - suffix.length).split('.')[0]!;
        if (!ids.has(id)) orphans.push(`${dir}/${entry.name}`);
      }
    };
    check('src/core/rules', '.ts', false);
    check('test/core/rules', '.test.ts', false);
    check('test/fixtures', '', true);
    assert.deepEqual(orphans.filter((file) => file !== 'src/core/rules/index.ts'), []);
  });

  describe('rule tables (scripts/rule-table.mjs)', () => {
    it('README.md and docs/rules/README.md are current', () => {
      const { status, output } = runScript('rule-table.mjs', ['--check']);
      assert.equal(status, 0, output);
    });

    it('--check fails on a stale table, and a run brings it up to date', () => {
      const root = mkdtempSync(path.join(tmpdir(), 'async-lens-table-'));
      try {
        cpSync(path.join(ROOT, 'docs', 'rules'), path.join(root, 'docs', 'rules'), { recursive: true });
        const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
        writeFileSync(path.join(root, 'README.md'), readme.replace(/\| warning \|/, '| error |'));
        const stale = runScript('rule-table.mjs', ['--check', '--root', root]);
        assert.equal(stale.status, 1, stale.output);
        assert.match(stale.output, /README\.md/);
        assert.equal(runScript('rule-table.mjs', ['--root', root]).status, 0);
        assert.equal(readFileSync(path.join(root, 'README.md'), 'utf8'), readme);
        assert.equal(runScript('rule-table.mjs', ['--check', '--root', root]).status, 0);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    });
  });

  describe('scaffolding (scripts/new-rule.mjs)', () => {
    it('creates the rule file, the doc with the fixed headings, the test and the fixture folder', () => {
      const root = mkdtempSync(path.join(tmpdir(), 'async-lens-new-rule-'));
      try {
        const { status, output } = runScript('new-rule.mjs', ['sample-rule', '--root', root]);
        assert.equal(status, 0, output);
        for (const file of [
          'src/core/rules/sample-rule.ts',
          'docs/rules/sample-rule.md',
          'test/core/rules/sample-rule.test.ts',
          'test/fixtures/sample-rule/should-report.ts',
          'test/fixtures/sample-rule/should-not-report.ts',
        ]) {
          assert.ok(existsSync(path.join(root, file)), `missing ${file}`);
        }
        const doc = readFileSync(path.join(root, 'docs', 'rules', 'sample-rule.md'), 'utf8');
        assert.deepEqual(headings(doc), DOC_HEADINGS);
        assert.equal(docHeader(doc).title, '# sample-rule');
        assert.match(readFileSync(path.join(root, 'src', 'core', 'rules', 'sample-rule.ts'), 'utf8'), /id: 'sample-rule'/);

        const again = runScript('new-rule.mjs', ['sample-rule', '--root', root]);
        assert.notEqual(again.status, 0, 'an existing id is refused');
        assert.match(again.output, /already exists/);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    });

    it('refuses an id that is not kebab-case, and an id a rule already has', () => {
      const root = mkdtempSync(path.join(tmpdir(), 'async-lens-new-rule-'));
      try {
        for (const id of ['Floating_Promise', 'floatingPromise', 'x--y', '-x', '9lives']) {
          const { status, output } = runScript('new-rule.mjs', [id, '--root', root]);
          assert.notEqual(status, 0, `accepted "${id}"`);
          assert.match(output, /kebab-case/);
        }
        assert.deepEqual(readdirSync(root), [], 'nothing is written for a refused id');
        const taken = runScript('new-rule.mjs', [RULES[0]!.meta.id, '--root', ROOT]);
        assert.notEqual(taken.status, 0);
        assert.match(taken.output, /already exists/);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    });
  });
});
