// The ESLint plugin in-process under ESLint 10: its shape (meta, rules, messages, docs addresses,
// the recommended config), one analysis per file, locations, suppressions, settings and locale,
// the config file, and what it does with trees it must not read.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Linter } from 'eslint';
import type { ESLint, Rule } from 'eslint';
import parser = require('@typescript-eslint/parser');
import { Analyzer, format, RULES } from '../../src/core';
import { catalog } from '../../src/core/messages';
import plugin = require('../../src/eslint');
import { eslintCases, eslintSettings, fileNameOf, TABLES } from './cases';

const ROOT = path.join(__dirname, '..', '..');
const PACKAGE = require('../../package.json') as { name: string; version: string };

/** A file with one finding of each warning rule but async-callback-ignored, and one of await-in-loop. */
const LOAD = `async function load(id: string): Promise<string> {
  return id;
}
load('a');
`;

/**
 * Every rule of the plugin at `warn`, with these settings, parsed by @typescript-eslint/parser,
 * another parser, or (`null`) ESLint's default one, espree.
 */
function config(settings?: Record<string, unknown>, parserOverride?: Linter.Parser | null): Linter.Config[] {
  return [
    {
      files: ['**/*.ts', '**/*.js'],
      ...(parserOverride === null ? {} : { languageOptions: { parser: parserOverride ?? (parser as Linter.Parser) } }),
      plugins: { 'async-lens': plugin as ESLint.Plugin },
      rules: Object.fromEntries(RULES.map((rule) => [`async-lens/${rule.meta.id}`, 'warn'])),
      ...(settings ? { settings } : {}),
    },
  ];
}

/** The findings as `rule line:column-endLine:endColumn messageId`. */
function lint(code: string, options: { filename?: string; settings?: Record<string, unknown>; parser?: Linter.Parser | null; cwd?: string } = {}): string[] {
  const linter = new Linter({ cwd: options.cwd ?? ROOT });
  const messages = linter.verify(code, config(options.settings, options.parser), { filename: options.filename ?? 'a.ts' });
  return messages.map((m) => `${m.ruleId} ${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.messageId ?? m.message}`);
}

describe('eslint plugin', () => {
  describe('shape', () => {
    it('names itself after the package, with its version', () => {
      assert.deepEqual(plugin.meta, { name: PACKAGE.name, version: PACKAGE.version, namespace: 'async-lens' });
    });

    it('has one rule per core rule, with the same id', () => {
      assert.deepEqual(Object.keys(plugin.rules).sort(), RULES.map((rule) => rule.meta.id).sort());
    });

    it('has a case table (test/cases) for every rule, so the RuleTester suite misses none', () => {
      assert.deepEqual(Object.keys(TABLES).sort(), RULES.map((rule) => rule.meta.id).sort());
    });

    it("links each rule to its doc's one address", () => {
      assert.equal(
        plugin.rules['floating-promise']!.meta!.docs!.url,
        'https://github.com/async-lens/async-lens/blob/main/docs/rules/floating-promise.md',
      );
      for (const rule of RULES) {
        assert.equal(plugin.rules[rule.meta.id]!.meta!.docs!.url, `https://github.com/async-lens/async-lens/blob/main/docs/rules/${rule.meta.id}.md`);
      }
    });

    it('takes its messages from the English catalog, with ESLint placeholders', () => {
      const messages = plugin.rules['floating-promise']!.meta!.messages!;
      assert.equal(
        messages['floating-promise.floating'],
        'The promise from `{{expression}}` is dropped: it is not awaited, returned or given a rejection handler.',
      );
      assert.equal(messages['fix.add-await'], catalog('en')['fix.add-await']);
      assert.equal(messages['unused-suppression'], 'This suppression of `{{rule}}` suppresses nothing.');
      for (const rule of RULES) {
        const ids = Object.keys(plugin.rules[rule.meta.id]!.meta!.messages!);
        for (const id of [...rule.meta.messageIds, ...Object.keys(rule.meta.fixes)]) assert.ok(ids.includes(id), `${rule.meta.id} lacks ${id}`);
      }
    });

    it('is fixable only where the core has a safe fix, and offers suggestions everywhere', () => {
      const fixable = RULES.filter((rule) => plugin.rules[rule.meta.id]!.meta!.fixable === 'code').map((rule) => rule.meta.id);
      assert.deepEqual(fixable, ['unawaited-promise-all']);
      for (const rule of RULES) assert.equal(plugin.rules[rule.meta.id]!.meta!.hasSuggestions, true);
    });

    it('has a recommended flat config: the CLI’s files, the parser, every rule at its default severity', () => {
      const recommended = plugin.configs.recommended;
      assert.deepEqual(recommended.files, ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}']);
      assert.deepEqual(recommended.ignores, ['**/*.d.ts']);
      assert.equal(recommended.languageOptions?.parser, parser);
      assert.equal(recommended.plugins?.['async-lens'], plugin);
      assert.deepEqual(recommended.rules, {
        'async-lens/floating-promise': 'warn',
        'async-lens/unawaited-promise-all': 'warn',
        'async-lens/blocking-in-async': 'warn',
        'async-lens/await-in-loop': 'warn',
        'async-lens/async-callback-ignored': 'warn',
      });
    });
  });

  describe('analysis', () => {
    it('analyses a file once for all five rules, and again only when it is parsed again', () => {
      const original = Analyzer.prototype.analyze;
      let calls = 0;
      Analyzer.prototype.analyze = function (this: Analyzer, ...args: Parameters<Analyzer['analyze']>) {
        calls += 1;
        return original.apply(this, args);
      };
      try {
        assert.deepEqual(lint(LOAD), ['async-lens/floating-promise 4:1-4:10 floating-promise.floating']);
        assert.equal(calls, 1);
        lint(LOAD);
        assert.equal(calls, 2);
      } finally {
        Analyzer.prototype.analyze = original;
      }
    });

    it('counts columns in UTF-16 code units, as the CLI does', () => {
      const code = `async function load(): Promise<void> {}\nconst face = '😀'; load();\n`;
      // `😀` is two UTF-16 units: `load()` starts at unit 20 of its line.
      assert.deepEqual(lint(code), ['async-lens/floating-promise 2:20-2:26 floating-promise.floating']);
    });

    it('keeps async-lens suppression directives working, and reports an unused one', () => {
      const suppressed = `async function load(): Promise<void> {}\n// async-lens-disable-next-line floating-promise -- fire and forget\nload();\n`;
      assert.deepEqual(lint(suppressed), []);
      const unused = `// async-lens-disable-next-line floating-promise\nconst x = 1;\n`;
      assert.deepEqual(lint(unused), ['async-lens/floating-promise 1:1-1:49 unused-suppression']);
    });

    it('offers the unsafe fixes as suggestions with the core’s titles, and applies none itself', () => {
      const linter = new Linter({ cwd: ROOT });
      const [message] = linter.verify(LOAD, config(), { filename: 'a.ts' });
      assert.equal(message?.fix, undefined);
      assert.deepEqual(
        message?.suggestions?.map((s) => s.desc),
        ['Add `.catch((error) => …)`', 'Mark as ignored on purpose with `void`'],
      );
    });

    it('applies the safe fix (await a destructured Promise.all) as an ESLint fix', () => {
      const code = `async function main(xs: Promise<number>[]) {\n  const [first] = Promise.all(xs);\n  return first;\n}\n`;
      const linter = new Linter({ cwd: ROOT });
      const fixed = linter.verifyAndFix(code, config(), { filename: 'a.ts' });
      assert.equal(fixed.output, code.replace('= Promise.all', '= await Promise.all'));
      assert.deepEqual(fixed.messages, []);
    });

    it('writes the line breaks of a suggestion in the file’s own style', () => {
      const code = 'declare function save(x: number): Promise<void>;\r\nasync function main(items: number[]) {\r\n  for (const item of items) {\r\n    save(item);\r\n  }\r\n}\r\n';
      const linter = new Linter({ cwd: ROOT });
      const [message] = linter.verify(code, config(), { filename: 'a.ts' });
      const multiLine = message?.suggestions?.find((s) => s.fix.text.includes('\n'));
      assert.ok(multiLine, 'expected a suggestion that spans lines');
      assert.ok(!/[^\r]\n/.test(multiLine.fix.text), JSON.stringify(multiLine.fix.text));
    });
  });

  describe('settings.asyncLens', () => {
    it('locale zh-cn: the messages and suggestions of the Chinese catalog', () => {
      const linter = new Linter({ cwd: ROOT });
      const [message] = linter.verify(LOAD, config({ asyncLens: { locale: 'zh-cn' } }), { filename: 'a.ts' });
      const expected = format('zh-cn', 'floating-promise.floating', { expression: 'load(…)' });
      assert.notEqual(expected, format('en', 'floating-promise.floating', { expression: 'load(…)' }));
      assert.equal(message?.message, expected);
      assert.deepEqual(message?.suggestions?.map((s) => s.desc), ['fix.add-catch', 'fix.void'].map((id) => format('zh-cn', id, {})));
    });

    it('locale en (the default): messages by id', () => {
      const linter = new Linter({ cwd: ROOT });
      const [message] = linter.verify(LOAD, config({ asyncLens: { locale: 'en' } }), { filename: 'a.ts' });
      assert.equal(message?.messageId, 'floating-promise.floating');
      assert.equal(message?.message, 'The promise from `load(…)` is dropped: it is not awaited, returned or given a rejection handler.');
    });

    it('refuses an unknown locale, an unknown key and a malformed blocking call, naming the setting', () => {
      assert.throws(() => lint(LOAD, { settings: { asyncLens: { locale: 'fr' } } }), /settings\.asyncLens\.locale must be one of en, zh-cn/);
      assert.throws(() => lint(LOAD, { settings: { asyncLens: { blockingCall: [] } } }), /settings\.asyncLens\.blockingCall is not a setting/);
      assert.throws(() => lint(LOAD, { settings: { asyncLens: { blockingCalls: ['querySync'] } } }), /settings\.asyncLens\.blockingCalls must be/);
    });

    it('blockingCalls adds calls to blocking-in-async', () => {
      const code = `import { querySync } from 'odbc-sync';\nasync function main() {\n  return querySync('select 1');\n}\n`;
      assert.deepEqual(lint(code), []);
      assert.deepEqual(lint(code, { settings: { asyncLens: { blockingCalls: ['odbc-sync.querySync -> query'] } } }), [
        'async-lens/blocking-in-async 3:10-3:31 blocking-in-async.blocking-call',
      ]);
    });

    it('skips blocking-in-async in test files unless includeTestFiles', () => {
      const code = `import { readFileSync } from 'node:fs';\nasync function main() {\n  return readFileSync('a');\n}\n`;
      const finding = 'async-lens/blocking-in-async 3:10-3:27 blocking-in-async.blocking-call';
      assert.deepEqual(lint(code, { filename: 'src/a.ts' }), [finding]);
      assert.deepEqual(lint(code, { filename: 'test/a.ts' }), []);
      assert.deepEqual(lint(code, { filename: 'src/a.spec.ts' }), []);
      assert.deepEqual(lint(code, { filename: 'test/a.ts', settings: { asyncLens: { includeTestFiles: true } } }), [finding]);
    });
  });

  describe('the config file (async-lens.config.json)', () => {
    let folder = '';
    const code = `import { querySync } from 'odbc-sync';\nasync function main() {\n  querySync('select 1');\n  load();\n}\nasync function load() {}\n`;

    before(() => {
      folder = mkdtempSync(path.join(tmpdir(), 'async-lens-eslint-'));
      mkdirSync(path.join(folder, 'generated'));
      writeFileSync(
        path.join(folder, 'async-lens.config.json'),
        JSON.stringify({ rules: { 'floating-promise': 'off' }, blockingCalls: ['odbc-sync.querySync -> query'], ignores: ['generated/'] }),
      );
    });

    after(() => {
      rmSync(folder, { recursive: true, force: true });
    });

    it('applies its blocking calls; ESLint’s own rule severities win over its rules', () => {
      assert.deepEqual(lint(code, { filename: path.join(folder, 'a.ts'), cwd: folder }), [
        'async-lens/blocking-in-async 3:3-3:24 blocking-in-async.blocking-call',
        'async-lens/floating-promise 4:3-4:9 floating-promise.floating',
      ]);
    });

    it('reports nothing in the files it ignores', () => {
      assert.deepEqual(lint(code, { filename: path.join(folder, 'generated', 'a.ts'), cwd: folder }), []);
    });

    it('stops with the file, line and column of an error in it', () => {
      const broken = mkdtempSync(path.join(tmpdir(), 'async-lens-eslint-'));
      try {
        writeFileSync(path.join(broken, 'async-lens.config.json'), '{ "rules": { "floating-promise": "loud" } }');
        assert.throws(() => lint(code, { filename: path.join(broken, 'a.ts'), cwd: broken }), /async-lens: async-lens\.config\.json:1:/);
      } finally {
        rmSync(broken, { recursive: true, force: true });
      }
    });
  });

  describe('with type information', () => {
    it('reads the tree of the program the parser built (parserOptions.project), with the syntax-tier findings', function () {
      this.timeout(60_000);
      const file = path.join(ROOT, 'examples', '02-gather.ts');
      const linter = new Linter({ cwd: ROOT });
      const typed: Linter.Config = {
        files: ['**/*.ts'],
        languageOptions: { parser: parser as Linter.Parser, parserOptions: { project: './examples/tsconfig.json', tsconfigRootDir: ROOT } },
        plugins: { 'async-lens': plugin as ESLint.Plugin },
        rules: Object.fromEntries(RULES.map((rule) => [`async-lens/${rule.meta.id}`, 'warn'])),
      };
      let program: unknown;
      // A rule that only records what the parser gave the rules.
      const recordProgram: Rule.RuleModule = {
        create: (context) => ({
          Program: () => {
            program = context.sourceCode.parserServices?.program;
          },
        }),
      };
      const spy: Linter.Config = { files: ['**/*.ts'], plugins: { spy: { rules: { program: recordProgram } } }, rules: { 'spy/program': 'warn' } };
      const messages = linter.verify(readFileSync(file, 'utf8'), [typed, spy], { filename: file });
      assert.ok(program, 'the parser built no program');
      assert.deepEqual(
        messages.map((m) => `${m.ruleId} ${m.line}:${m.column}-${m.endLine}:${m.endColumn}`),
        ['async-lens/unawaited-promise-all 24:3-24:35'],
      );
    });
  });

  describe('trees it must not read', () => {
    it('parses the file itself under another parser (espree), with the same findings', () => {
      const code = `async function load() {}\nload();\n`;
      const espree = lint(code, { filename: 'a.js', parser: null });
      assert.deepEqual(espree, ['async-lens/floating-promise 2:1-2:7 floating-promise.floating']);
      assert.deepEqual(lint(code, { filename: 'a.js' }), espree);
    });

    it('parses the file itself when the parser’s tree comes from another TypeScript build', () => {
      // TypeScript 5.0 numbers CallExpression 210, 6.0 numbers it 214: read with the wrong
      // build's kinds, the tree would show no call at all.
      const ts50 = require('typescript-5.0') as typeof import('typescript');
      const foreign: Linter.Parser = {
        parseForESLint(code: string, options?: Record<string, unknown>) {
          const result = parser.parseForESLint(code, options as never);
          const tree = ts50.createSourceFile('a.ts', code, ts50.ScriptTarget.Latest, true);
          const map = result.services.esTreeNodeToTSNodeMap!;
          return {
            ...result,
            services: { ...result.services, esTreeNodeToTSNodeMap: { get: (node: unknown) => (node === result.ast ? tree : map.get(node as never)) } },
          } as unknown as Linter.ESLintParseResult;
        },
      };
      assert.deepEqual(lint(LOAD, { parser: foreign }), ['async-lens/floating-promise 4:1-4:10 floating-promise.floating']);
    });
  });

  describe('the table cases ESLint cannot run as they are', () => {
    const excluded = Object.keys(TABLES).flatMap((rule) => {
      const { unparsable, refused } = eslintCases(rule);
      return [...unparsable.map((c) => ({ rule, testCase: c, kind: 'unparsable' })), ...refused.map((c) => ({ rule, testCase: c, kind: 'refused' }))];
    });

    it('are the two with syntax errors and the one with a malformed option', () => {
      assert.deepEqual(
        excluded.map(({ rule, testCase, kind }) => `${kind} ${rule}: ${testCase.name}`),
        [
          'refused blocking-in-async: a malformed addition is ignored by the analyzer (hosts validate first)',
          'unparsable floating-promise: a syntax error elsewhere in the file still gives the finding',
          'unparsable unawaited-promise-all: a syntax error elsewhere in the file still gives the finding',
        ],
      );
    });

    for (const { rule, testCase, kind } of excluded) {
      it(`${rule}: ${testCase.name}: ESLint ${kind === 'unparsable' ? 'reports a parsing error' : 'refuses the setting'}`, () => {
        const run = (): string[] => lint(testCase.code, { filename: fileNameOf(testCase), settings: eslintSettings(testCase) ?? {} });
        if (kind === 'refused') assert.throws(run, /settings\.asyncLens\.blockingCalls/);
        else assert.match(run().join('\n'), /^null \d+:\d+-.*Parsing error/m);
      });
    }
  });
});
