// Scaffolds a new rule at once (as Ruff's `add_rule` does): the rule file, its doc with the fixed
// headings, its test file and its fixture folder, all named by the rule's kebab-case id.
//   node scripts/new-rule.mjs <id> [--root <dir>]
// Refuses an id that is not kebab-case or that any of the four already uses. Registering the rule
// (src/core/rules/index.ts) and its messages (src/core/messages.ts) stays a person's edit; the
// script prints what to add.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
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
    test: path.join('test', 'core', 'rules', `${id}.test.ts`),
    fixtures: path.join('test', 'fixtures', id),
  };
}

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

function testSource(id) {
  return `// Case table for ${id}: valid cases (the near misses) and invalid cases with line, column and
// the exact text after each fix.
import { strict as assert } from 'node:assert';
import { analyzeRule } from '../../support/harness';

const RULE = '${id}';

describe(RULE, () => {
  describe('valid', () => {
    it('does not report unrelated code', () => {
      assert.deepEqual(analyzeRule(RULE, 'const answer = 42;\\n'), []);
    });
  });

  describe('invalid', () => {
    it('reports TODO: the first shape (line, column, text after each fix)');
  });
});
`;
}

function fixtureSource(id, intent) {
  const marker = intent === 'should report' ? `\n// TODO: code that ${intent}; end each offending line with \`// ${id}\`.\n` : `\n// TODO: the near misses.\n`;
  return `// ${id}: ${intent}.${marker}`;
}

/** Creates the rule's files under `root`; throws on a bad or taken id. Returns the paths made. */
export function scaffold(root, id) {
  if (!KEBAB_CASE.test(id ?? '')) throw new Error(`"${id ?? ''}" is not a kebab-case rule id (like floating-promise)`);
  const paths = rulePaths(id);
  const taken = Object.values(paths).filter((file) => existsSync(path.join(root, file)));
  if (taken.length > 0) throw new Error(`rule "${id}" already exists: ${taken.join(', ')}`);
  const files = {
    [paths.rule]: ruleSource(id),
    [paths.doc]: docSource(id),
    [paths.test]: testSource(id),
    [path.join(paths.fixtures, 'should-report.ts')]: fixtureSource(id, 'should report'),
    [path.join(paths.fixtures, 'should-not-report.ts')]: fixtureSource(id, 'should not report'),
  };
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text, { flag: 'wx' });
  }
  return Object.keys(files);
}

function main() {
  const args = process.argv.slice(2);
  const rootAt = args.indexOf('--root');
  const root = rootAt >= 0 ? path.resolve(args[rootAt + 1] ?? '.') : path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const id = args.find((arg, i) => !arg.startsWith('--') && (rootAt < 0 || i !== rootAt + 1));
  if (!id) throw new Error('usage: node scripts/new-rule.mjs <id> [--root <dir>]');
  for (const file of scaffold(root, id)) console.log(`created ${file}`);
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
