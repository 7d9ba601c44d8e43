// The directive grammar (syntaxes/async-lens-directives.injection.tmLanguage.json): the syntax test files
// in fixtures/ run through vscode-tmgrammar-test, with TypeScript's and JavaScript's grammars from
// tm-grammars and the injection as package.json contributes it. The fixtures use an extension the CLI
// does not walk, because the self-lint would report their directives as unused.
import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import ts = require('typescript');
import { parseGrammarTestCase } from 'vscode-tmgrammar-test/dist/unit/parsing';
import type { GrammarTestCase } from 'vscode-tmgrammar-test/dist/unit/model';
import { RULES } from '../../src/core';
import { findSuppressions } from '../../src/core/suppressions';
import type { Suppression } from '../../src/core/suppressions';

const ROOT = path.resolve(__dirname, '..', '..');
const FIXTURES = path.join('test', 'grammar', 'fixtures');
const GRAMMAR = path.join(ROOT, 'syntaxes', 'async-lens-directives.injection.tmLanguage.json');

const KEYWORD = 'keyword.control.directive.suppression.async-lens';
const RULE_ID = 'constant.language.rule-id.async-lens';
const UNKNOWN_RULE_ID = 'invalid.illegal.unknown-rule-id.async-lens';
const KINDS: Readonly<Record<string, Suppression['kind']>> = {
  'async-lens-disable': 'file',
  'async-lens-disable-line': 'line',
  'async-lens-disable-next-line': 'next-line',
};

/** The file name (for its script kind) the core parses a fixture's source as, by the fixture's scope. */
const FILE_NAMES: Readonly<Record<string, string>> = {
  'source.ts': 'fixture.ts',
  'source.tsx': 'fixture.tsx',
  'source.js': 'fixture.js',
  'source.js.jsx': 'fixture.jsx',
};

interface ToolRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

const TOOL_MANIFEST = require.resolve('vscode-tmgrammar-test/package.json');
/** The unit-test command of vscode-tmgrammar-test, run with this Node. */
const TOOL = path.join(
  path.dirname(TOOL_MANIFEST),
  (JSON.parse(readFileSync(TOOL_MANIFEST, 'utf8')) as { bin: Record<string, string> }).bin['vscode-tmgrammar-test']!,
);
/** The grammars the injection goes into, as the tool's `-g` options. */
const HOST_GRAMMARS = ['typescript', 'tsx', 'javascript', 'jsx'].flatMap((name) => ['-g', require.resolve(`tm-grammars/grammars/${name}.json`)]);

/** Runs vscode-tmgrammar-test from the repository root, so that it reads package.json's `contributes.grammars`. */
function runTool(testFiles: readonly string[]): Promise<ToolRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [TOOL, '--compact', ...HOST_GRAMMARS, ...testFiles],
      { cwd: ROOT, env: { ...process.env, FORCE_COLOR: '0' } },
      (error, stdout, stderr) => {
        // A failed test case is an exit code, not an error of ours; the assertions read it.
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** The directive each line of a fixture claims: the keyword and the ids its assertions give our scopes. */
function claimedDirectives(testCase: GrammarTestCase): { line: number; kind: string; rules: string[] }[] {
  const claimed: { line: number; kind: string; rules: string[] }[] = [];
  for (const { sourceLineNumber, scopeAssertions } of testCase.assertions) {
    const text = testCase.source[sourceLineNumber]!;
    let kind: string | undefined;
    const rules: string[] = [];
    for (const assertion of [...scopeAssertions].sort((a, b) => a.from - b.from)) {
      const word = text.slice(assertion.from, assertion.to);
      if (assertion.scopes.includes(KEYWORD)) kind = KINDS[word] ?? `not a keyword: ${word}`;
      if (assertion.scopes.includes(RULE_ID) || assertion.scopes.includes(UNKNOWN_RULE_ID)) rules.push(word);
    }
    if (kind !== undefined) claimed.push({ line: sourceLineNumber, kind, rules });
    else assert.deepEqual(rules, [], `line ${sourceLineNumber + 1} of the source has ids but no directive`);
  }
  return claimed;
}

const fixtureNames = readdirSync(path.join(ROOT, FIXTURES)).filter((name) => name.endsWith('.syntax-test'));

describe('grammar: the directive injection', () => {
  let fixturesRun: ToolRun;
  let wrongRun: ToolRun;
  let wrongFile: string;
  let tempDir: string;

  before(async () => {
    tempDir = await mkdtemp(path.join(tmpdir(), 'async-lens-grammar-'));
    wrongFile = path.join(tempDir, 'wrong.syntax-test');
    // Two wrong assertions: a known id claimed unknown, and the `//` claimed not to be punctuation.
    // The tool reports both at the 1-based line of the source line they test.
    await writeFile(
      wrongFile,
      [
        '// SYNTAX TEST "source.ts" "wrong on purpose"',
        '// async-lens-disable-line floating-promise',
        `//                         ^^^^^^^^^^^^^^^^ ${UNKNOWN_RULE_ID}`,
        '// <-- - punctuation.definition.comment.ts',
        '',
      ].join('\n'),
    );
    [fixturesRun, wrongRun] = await Promise.all([
      runTool(fixtureNames.map((name) => path.join(FIXTURES, name))),
      runTool([wrongFile]),
    ]);
  });

  after(async () => {
    await rm(tempDir, { recursive: true, force: true });
  });

  it('has a fixture for each language the injection targets', () => {
    const scopes = fixtureNames.map((name) => parseGrammarTestCase(readFileSync(path.join(ROOT, FIXTURES, name), 'utf8')).metadata.scope);
    assert.deepEqual([...new Set(scopes)].sort(), ['source.js', 'source.js.jsx', 'source.ts', 'source.tsx']);
  });

  it('runs every fixture and exits 0 with nothing on stderr', () => {
    assert.equal(fixturesRun.stderr, '');
    assert.equal(fixturesRun.code, 0, fixturesRun.stdout);
    assert.equal(fixturesRun.stdout.trimEnd().split('\n').length, fixtureNames.length, fixturesRun.stdout);
  });

  for (const name of fixtureNames) {
    it(`passes ${name}`, () => {
      const file = path.join(FIXTURES, name);
      const lines = fixturesRun.stdout.split('\n').filter((line) => line.includes(` ${file}`));
      assert.deepEqual(lines, [`✓ ${file} run successfuly.`], fixturesRun.stdout);
    });
  }

  it('fails on a fixture whose assertions are wrong, naming each wrong one', () => {
    assert.equal(wrongRun.code, 255);
    assert.equal(
      wrongRun.stdout,
      `ERROR ${wrongFile}:2:28:44 Missing required scopes: [ ${UNKNOWN_RULE_ID} ] actual scopes: ` +
        '[source.ts comment.line.double-slash.ts meta.directive.suppression.async-lens constant.language.rule-id.async-lens]\n' +
        `ERROR ${wrongFile}:2:1:3 Prohibited scopes: [ punctuation.definition.comment.ts ] actual scopes: ` +
        '[source.ts comment.line.double-slash.ts punctuation.definition.comment.ts]\n',
    );
  });
});

// The fixtures are checked against the grammar above; here their claims are checked against the core,
// so the grammar highlights what `findSuppressions` accepts: the same lines, forms and ids.
describe('grammar: the fixtures agree with the core', () => {
  for (const name of fixtureNames) {
    it(`claims exactly the directives the core finds in ${name}`, () => {
      const testCase = parseGrammarTestCase(readFileSync(path.join(ROOT, FIXTURES, name), 'utf8'));
      const fileName = FILE_NAMES[testCase.metadata.scope];
      assert.ok(fileName, `unexpected scope ${testCase.metadata.scope}`);
      const sourceFile = ts.createSourceFile(fileName, testCase.source.join('\n'), ts.ScriptTarget.Latest, true);
      // The core dates a directive by the line its comment starts on; the grammar sees the keyword's line.
      const found = findSuppressions(ts, sourceFile).map(({ start, kind, rules }) => ({
        line: sourceFile.getLineAndCharacterOfPosition(sourceFile.text.indexOf('async-lens-disable', start)).line,
        kind,
        rules,
      }));
      assert.deepEqual(claimedDirectives(testCase), found);
    });
  }

  it('gives every rule of the registry the rule-id scope, and other words the invalid scope', () => {
    const known = new Set(RULES.map((rule) => rule.meta.id));
    const highlighted = new Set<string>();
    const invalid = new Set<string>();
    for (const name of fixtureNames) {
      const testCase = parseGrammarTestCase(readFileSync(path.join(ROOT, FIXTURES, name), 'utf8'));
      for (const { sourceLineNumber, scopeAssertions } of testCase.assertions) {
        for (const { from, to, scopes } of scopeAssertions) {
          const word = testCase.source[sourceLineNumber]!.slice(from, to);
          if (scopes.includes(RULE_ID)) highlighted.add(word);
          if (scopes.includes(UNKNOWN_RULE_ID)) invalid.add(word);
        }
      }
    }
    assert.deepEqual([...highlighted].sort(), [...known].sort());
    assert.deepEqual([...invalid].filter((word) => known.has(word)), []);
    assert.ok(invalid.size > 0, 'no fixture asserts an unknown id');
  });

  it('knows exactly the ids of the rule registry', () => {
    const grammar = JSON.parse(readFileSync(GRAMMAR, 'utf8')) as { repository: Record<string, { match?: string }> };
    const alternation = /\(\?:([a-z|-]+)\)/.exec(grammar.repository['rule-id']?.match ?? '');
    assert.ok(alternation, 'the rule-id pattern has no alternation of ids');
    assert.deepEqual(alternation[1]!.split('|').sort(), RULES.map((rule) => rule.meta.id).sort());
  });

  it('is the grammar package.json contributes, injected into TypeScript and JavaScript comments', () => {
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      contributes: { grammars: { scopeName: string; path: string; injectTo?: string[] }[] };
    };
    const grammar = JSON.parse(readFileSync(GRAMMAR, 'utf8')) as { scopeName: string; injectionSelector: string };
    const entry = manifest.contributes.grammars.find((candidate) => candidate.scopeName === grammar.scopeName);
    assert.deepEqual(entry, {
      scopeName: 'async-lens-directives.injection',
      path: './syntaxes/async-lens-directives.injection.tmLanguage.json',
      injectTo: ['source.ts', 'source.tsx', 'source.js', 'source.js.jsx'],
    });
    assert.equal(
      grammar.injectionSelector,
      'L:comment.line.double-slash, L:comment.block - comment.block.documentation - meta.lead-in.async-lens',
    );
  });
});
