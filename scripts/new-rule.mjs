// Scaffolds a new rule at once (as Ruff's `add_rule` does): the rule file, its doc with the fixed
// headings, its case table (test/cases/<id>.ts, shared by the core's tests and the ESLint plugin's
// RuleTester), its test file, which runs the table, its fixture folder, and the table's entry in
// test/eslint/cases.ts `TABLES`, all named by the rule's kebab-case id.
//   node scripts/new-rule.mjs <id> [--root <dir>]
// Refuses an id that is not kebab-case or that any of its files already uses, before writing
// anything. Registering the rule (src/core/rules/index.ts) and its messages (src/core/messages.ts)
// stays a person's edit; the script prints what to add.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Rule ids: lowercase words joined by single hyphens. */
export const KEBAB_CASE = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** The `##` headings of every rule doc, in order. */
export const DOC_HEADINGS = [
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

/** `floating-promise` -> `floatingPromise`. */
function camelCase(id) {
  return id.replace(/-([a-z0-9])/g, (_, letter) => letter.toUpperCase());
}

/** The files and folders a rule owns, relative to the checkout. */
export function rulePaths(id) {
  return {
    rule: path.join('src', 'core', 'rules', `${id}.ts`),
    doc: path.join('docs', 'rules', `${id}.md`),
    cases: path.join('test', 'cases', `${id}.ts`),
    test: path.join('test', 'core', 'rules', `${id}.test.ts`),
    fixtures: path.join('test', 'fixtures', id),
  };
}

/** The map of every rule's case table that the ESLint plugin's tests run, relative to the checkout. */
export const TABLES_FILE = path.join('test', 'eslint', 'cases.ts');

function ruleSource(id) {
  return `// ${id}: TODO(#issue) one line on what the rule flags.
import type { Rule } from '../rule';
import type { RuleMeta } from '../types';

const meta: RuleMeta = {
  id: '${id}',
  description: 'TODO: what is flagged, in one line.',
  defaultSeverity: 'warning',
  messageIds: ['${id}.found'],
  fixes: {},
};

/** ${id}: TODO one line on what it reports. */
export const ${camelCase(id)}: Rule = {
  meta,
  visitors: {
    // One visitor per syntax kind, for example:
    // ExpressionStatement(node, context) {
    //   context.report({ node, messageId: '${id}.found', data: {}, fixes: [] });
    // },
  },
};
`;
}

function docSource(id) {
  const sections = {
    'What it flags': 'TODO: the code shapes reported, in TypeScript terms (this text becomes the hover).',
    'Why it matters': 'TODO: the consequence, in one short paragraph.',
    Incorrect: 'Each block yields exactly one finding of this rule (`test/core/docs.test.ts`).\n\n```ts\n// TODO: a whole small program with one mistake.\n```',
    Correct: 'Each block yields no finding.\n\n```ts\n// TODO: the near misses: awaited, returned, handled, shadowed.\n```',
    'Quick fixes and their safety': '| Fix | Safety | Offered when | Before | After |\n|---|---|---|---|---|',
    Options: 'TODO: options, severity and suppression (`// async-lens-disable-next-line ' + id + '`).',
    Limitations: 'TODO: what the syntax tier cannot see.',
    'The asyncio analogue': 'TODO: the lesson of the notes, and what differs in Node.',
    'Further reading': 'TODO: links.',
  };
  const body = DOC_HEADINGS.map((heading) => `## ${heading}\n\n${sections[heading]}\n`).join('\n');
  return `# ${id}\n\nTODO: what is flagged, in one line (the same text as \`meta.description\`).\n\nDefault severity: **warning**\n\n${body}`;
}

function casesSource(id) {
  return `// ${id}: the case table. Valid cases are the near misses (awaited, returned, \`void\`-ed,
// handled); invalid cases state the range and the exact text after each fix.
// The core's tests (test/core/rules/${id}.test.ts) and the ESLint plugin's RuleTester
// (test/eslint) both run it.
import type { CaseGroup } from './types';
import { casesOf } from './types';

/** The cases, grouped by the behaviour they show, in the order the core's tests run them. */
export const groups: readonly CaseGroup[] = [
  {
    title: 'valid: code without promises',
    valid: [{ name: 'does not report unrelated code', code: 'const answer = 42;\\n' }],
  },
  {
    title: 'invalid: TODO(#issue) the first shape reported',
    invalid: [
      // {
      //   name: 'what the case shows',
      //   code: \`…\`,
      //   findings: [{ line: 1, column: 1, endLine: 1, endColumn: 2, messageId: '${id}.found', fixes: [] }],
      // },
    ],
  },
];

export const { valid, invalid } = casesOf(groups);
`;
}

function testSource(id) {
  return `// ${id}: the case table (test/cases/${id}.ts), then the tests that need more than a table.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyzeRule } from '../../support/harness';
import { groups, invalid } from '../../cases/${id}';
import { runGroups } from './rule-tester';

const RULE = '${id}';

describe(RULE, () => {
  runGroups(RULE, groups);

  // Pending until the table has its first invalid case.
  if (invalid.length === 0) it('TODO: an invalid case in test/cases/${id}.ts for each shape reported');

  describe('fixtures', () => {
    const folder = path.join(__dirname, '..', '..', 'fixtures', RULE);
    for (const [file, reports] of [
      ['should-report.ts', true],
      ['should-not-report.ts', false],
    ] as const) {
      it(\`\${file}: findings exactly on the lines marked // \${RULE}\`, () => {
        const text = readFileSync(path.join(folder, file), 'utf8');
        const marked = text
          .split('\\n')
          .map((line, i) => (line.trimEnd().endsWith(\`// \${RULE}\`) ? i + 1 : 0))
          .filter((line) => line > 0);
        assert.equal(marked.length > 0, reports);
        assert.deepEqual(
          analyzeRule(RULE, text, file).map((f) => f.line),
          marked,
        );
      });
    }
  });
});
`;
}

/**
 * `test/eslint/cases.ts` with the table of `id` imported and listed in `TABLES`, both in id order;
 * throws when the file no longer has the shape this expects.
 */
export function withTableEntry(text, id) {
  const name = camelCase(id);
  const importPattern = /^import \* as (\w+) from '\.\.\/cases\/([a-z0-9-]+)';\n/gm;
  const imports = [...text.matchAll(importPattern)];
  const tables = /^export const TABLES\b[^\n]*= \{\n((?:  '[a-z0-9-]+': \w+,\n)*)\};\n/m.exec(text);
  if (imports.length === 0 || !tables) throw new Error(`${TABLES_FILE}: cannot find the case-table imports and the TABLES map`);
  if (imports.some((match) => match[2] === id) || tables[1].includes(`'${id}':`)) {
    throw new Error(`rule "${id}" already exists: ${TABLES_FILE}`);
  }
  // Before the first import (and entry) whose id sorts after the new one, else after the last.
  const nextImport = imports.find((match) => match[2] > id);
  const importAt = nextImport ? nextImport.index : imports[imports.length - 1].index + imports[imports.length - 1][0].length;
  const importLine = `import * as ${name} from '../cases/${id}';\n`;
  const entries = tables[1].split(/(?<=\n)/).filter((line) => line.length > 0);
  const entryAt = entries.findIndex((line) => /'([a-z0-9-]+)'/.exec(line)[1] > id);
  entries.splice(entryAt < 0 ? entries.length : entryAt, 0, `  '${id}': ${name},\n`);
  const tablesStart = tables.index + tables[0].indexOf(tables[1]);
  const withEntry = text.slice(0, tablesStart) + entries.join('') + text.slice(tablesStart + tables[1].length);
  return withEntry.slice(0, importAt) + importLine + withEntry.slice(importAt);
}

function fixtureSource(id, intent) {
  const marker = intent === 'should report' ? `\n// TODO: code that ${intent}; end each offending line with \`// ${id}\`.\n` : `\n// TODO: the near misses.\n`;
  return `// ${id}: ${intent}.${marker}`;
}

/**
 * Creates the rule's files under `root` and lists its table in `TABLES` (when `root` has
 * test/eslint/cases.ts); throws on a bad or taken id before writing anything. Returns the paths
 * created and updated.
 */
export function scaffold(root, id) {
  if (!KEBAB_CASE.test(id ?? '')) throw new Error(`"${id ?? ''}" is not a kebab-case rule id (like floating-promise)`);
  const paths = rulePaths(id);
  const taken = Object.values(paths).filter((file) => existsSync(path.join(root, file)));
  if (taken.length > 0) throw new Error(`rule "${id}" already exists: ${taken.join(', ')}`);
  const tablesPath = path.join(root, TABLES_FILE);
  const tables = existsSync(tablesPath) ? withTableEntry(readFileSync(tablesPath, 'utf8'), id) : undefined;
  const files = {
    [paths.rule]: ruleSource(id),
    [paths.doc]: docSource(id),
    [paths.cases]: casesSource(id),
    [paths.test]: testSource(id),
    [path.join(paths.fixtures, 'should-report.ts')]: fixtureSource(id, 'should report'),
    [path.join(paths.fixtures, 'should-not-report.ts')]: fixtureSource(id, 'should not report'),
  };
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text, { flag: 'wx' });
  }
  if (tables !== undefined) writeFileSync(tablesPath, tables);
  return { created: Object.keys(files), updated: tables !== undefined ? [TABLES_FILE] : [] };
}

function main() {
  const args = process.argv.slice(2);
  const rootAt = args.indexOf('--root');
  const root = rootAt >= 0 ? path.resolve(args[rootAt + 1] ?? '.') : path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const id = args.find((arg, i) => !arg.startsWith('--') && (rootAt < 0 || i !== rootAt + 1));
  if (!id) throw new Error('usage: node scripts/new-rule.mjs <id> [--root <dir>]');
  const { created, updated } = scaffold(root, id);
  for (const file of created) console.log(`created ${file}`);
  for (const file of updated) console.log(`updated ${file} (the table is listed in TABLES)`);
  if (updated.length === 0) console.log(`no ${TABLES_FILE} here: list the table in its TABLES by hand`);
  console.log(`
Next:
  1. src/core/rules/index.ts: import { ${camelCase(id)} } from './${id}'; and add it to RULES.
  2. src/core/messages.ts: add '${id}.found' and '${id}.found.why' (and each fix title) to every locale.
  3. Write the doc, then run \`node scripts/rule-table.mjs\` to update the rule tables.`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
