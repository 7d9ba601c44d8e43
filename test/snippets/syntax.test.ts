// The snippet-syntax expander and the TypeScript-to-JavaScript generator of scripts/snippets.mjs, and
// the shape of both snippet files: prefixes, descriptions, tab stops in reading order, and a
// JavaScript file that is the TypeScript one without types.
import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import ts = require('typescript');
import { bodyOf, loadScript, prefixesOf, readSnippets, REQUIRED_PREFIXES, ROOT } from './helpers';
import type { Snippet, SnippetsScript } from './helpers';

const run = promisify(execFile);

describe('snippets: syntax and files', () => {
  let script: SnippetsScript;
  let typescript: Record<string, Snippet>;
  let javascript: Record<string, Snippet>;
  before(async () => {
    [script, typescript, javascript] = await Promise.all([loadScript(), readSnippets('typescript'), readSnippets('javascript')]);
  });

  /** The text VS Code inserts for `body` with every default kept. */
  const expand = (body: string, overrides?: Readonly<Record<number, string>>): string =>
    script.expandSnippet(script.parseSnippet(body), overrides).text;

  describe('expanding VS Code snippet syntax', () => {
    it('a tab stop inserts nothing, a placeholder its default', () => {
      assert.equal(expand('a$1b${2}c${3:three}d$0'), 'abcthreed');
    });

    it('nested placeholders insert their defaults inside each other', () => {
      assert.equal(expand('f(${1:x, ${2:y}});'), 'f(x, y);');
    });

    it('a choice inserts its first option', () => {
      assert.equal(expand("import { connect } from 'node:${1|tls,net|}';"), "import { connect } from 'node:tls';");
    });

    it('a mirror inserts its placeholder\'s text, before or after it', () => {
      assert.equal(expand('$1 = ${1:value}; use($1);'), 'value = value; use(value);');
    });

    it('\\$, \\} and \\\\ are escapes; other backslashes and a $ that starts nothing stay', () => {
      assert.equal(expand('\\${x} ${1:a\\}b} \\\\ \\n $ 5'), '${x} a}b \\ \\n $ 5');
    });

    it('an escaped comma and bar inside a choice belong to the option', () => {
      assert.equal(expand('${1|a\\,b\\|c,d|}'), 'a,b|c');
    });

    it('a variable inserts its default, or its name when it has none', () => {
      assert.equal(expand('${TM_FILENAME:file.ts} $CLIPBOARD'), 'file.ts CLIPBOARD');
    });

    it('overrides replace tab stops by number, mirrors and $0 included', () => {
      assert.equal(expand('connect(${1:8080}); log($1);$0', { 1: '4321', 0: ' done();' }), 'connect(4321); log(4321); done();');
    });

    it('an unclosed placeholder and a transform are errors', () => {
      assert.throws(() => script.parseSnippet('${1:open'), /not closed/);
      assert.throws(() => script.parseSnippet('${1/a/b/}'), /transforms are not supported/);
    });

    it('printing the parsed nodes gives the canonical text back', () => {
      const body = "const ${1:name} = `\\${x}`;\n${2:a \\} ${3:b}} ${4|x,y|}\nconst re = /a\\.b/;$0";
      assert.equal(script.printSnippet(script.parseSnippet(body)), body);
    });

    it('printing escapes a backslash only where it would otherwise start an escape', () => {
      assert.equal(script.printSnippet(script.parseSnippet('a\\\\b \\\\$ c\\d')), 'a\\b \\\\\\$ c\\d');
    });
  });

  describe('erasing types (the JavaScript body)', () => {
    const cases: Array<[title: string, typescript: string, javascript: string]> = [
      ['annotations, return types and optional parameters', 'function f(a: number, b?: string): void {}', 'function f(a, b) {}'],
      ['type parameters and type arguments', 'const s = new Set<Promise<T>>();\nasync function g<T>(x: T) {}', 'const s = new Set();\nasync function g(x) {}'],
      ['as, satisfies and non-null assertions', 'const v = (x as T).y! satisfies number;', 'const v = (x).y;'],
      ['modifiers and field types', 'class Q {\n  private readonly items: T[] = [];\n  public size!: number;\n}', 'class Q {\n  items = [];\n  size;\n}'],
      [
        'an interface with its comment and the blank line after it',
        '// intro\n\n/** What it is. */\ninterface A {\n  b: number;\n}\n\nconst a = 1;',
        '// intro\n\nconst a = 1;',
      ],
      ['implements clauses and the type arguments of a base class', 'class B extends Base<T> implements I, J {}', 'class B extends Base {}'],
      ['a type alias at the top and its blank line', 'type Id = string;\n\nconst id = ${1:one};', 'const id = ${1:one};'],
      ['placeholders survive, tab stops inside types are dropped and the rest renumbered', 'const ${1:q}: ${2:Queue} = make(${3:4});$0', 'const ${1:q} = make(${2:4});$0'],
      ['escapes are kept', 'const s: string = `\\${a}`;', 'const s = `\\${a}`;'],
    ];
    for (const [title, input, output] of cases) {
      it(title, () => {
        assert.equal(script.toJavaScriptBody(input), output);
      });
    }

    it('refuses syntax that has no JavaScript to erase to', () => {
      assert.throws(() => script.toJavaScriptBody('class A {\n  constructor(private x: number) {}\n}'), /a parameter property at 2:15/);
      assert.throws(() => script.toJavaScriptBody('enum E { A }'), /EnumDeclaration at 1:1/);
      assert.throws(() => script.toJavaScriptBody('const x = <T>y;'), /TypeAssertionExpression at 1:11/);
    });

    it('trims a placeholder whose default holds a type, and refuses a mirror that does', () => {
      assert.equal(script.toJavaScriptBody('let ${1:x: number} = 1;'), 'let ${1:x} = 1;');
      assert.throws(() => script.toJavaScriptBody('let ${1:a: number} = 1;\nlet $1 = 2;'), /tab stop 1 is partly inside erased type syntax/);
    });
  });

  describe('the snippet files', () => {
    it('name the same snippets, with the same prefixes and descriptions', () => {
      assert.deepEqual(Object.keys(javascript), Object.keys(typescript));
      for (const [name, snippet] of Object.entries(typescript)) {
        assert.deepEqual(javascript[name]?.prefix, snippet.prefix, name);
        assert.equal(javascript[name]?.description, snippet.description, name);
      }
    });

    it('have every prefix the teaching issue lists', () => {
      const prefixes = new Set(Object.values(typescript).flatMap(prefixesOf));
      assert.deepEqual(REQUIRED_PREFIXES.filter((prefix) => !prefixes.has(prefix)), []);
    });

    it('give every snippet async- prefixes, a description and a body of lines', () => {
      for (const [language, snippets] of [['typescript', typescript], ['javascript', javascript]] as const) {
        for (const [name, snippet] of Object.entries(snippets)) {
          const where = `${language}: ${name}`;
          assert.ok(prefixesOf(snippet).length > 0, where);
          for (const prefix of prefixesOf(snippet)) assert.match(prefix, /^async-[a-z]+(?:-[a-z]+)*$/, where);
          assert.ok(typeof snippet.description === 'string' && snippet.description.length > 20, where);
          assert.ok(Array.isArray(snippet.body) && snippet.body.every((line) => typeof line === 'string'), where);
          assert.ok(bodyOf(snippet).trim().length > 0, where);
        }
      }
    });

    it('number tab stops in reading order: 1, 2, 3… as they first appear, $0 last', () => {
      for (const [language, snippets] of [['typescript', typescript], ['javascript', javascript]] as const) {
        for (const [name, snippet] of Object.entries(snippets)) {
          const order = script.tabStopOrder(script.parseSnippet(bodyOf(snippet)));
          const numbered = order.filter((index) => index !== 0);
          assert.deepEqual(numbered, numbered.map((_, rank) => rank + 1), `${language}: ${name}: ${order.join(', ')}`);
          if (order.includes(0)) assert.equal(order[order.length - 1], 0, `${language}: ${name}: $0 is not last`);
        }
      }
    });

    it('use no variables (a template literal\'s ${…} must be written \\${…})', () => {
      for (const [language, snippets] of [['typescript', typescript], ['javascript', javascript]] as const) {
        for (const [name, snippet] of Object.entries(snippets)) {
          const variables = script.walkSnippet(script.parseSnippet(bodyOf(snippet))).filter((node) => node.kind === 'variable');
          assert.deepEqual(variables, [], `${language}: ${name}`);
        }
      }
    });

    it('keep each body in canonical escaping (printing its parse gives it back)', () => {
      for (const [name, snippet] of Object.entries(typescript)) {
        assert.equal(script.printSnippet(script.parseSnippet(bodyOf(snippet))), bodyOf(snippet), name);
      }
    });

    it('the JavaScript bodies are the TypeScript ones without types: both compile to the same JavaScript', () => {
      const options: ts.TranspileOptions = {
        compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, removeComments: true },
        reportDiagnostics: false,
      };
      for (const [name, snippet] of Object.entries(typescript)) {
        const fromTypeScript = ts.transpileModule(expand(bodyOf(snippet)), { ...options, fileName: 'snippet.ts' }).outputText;
        const js = javascript[name];
        assert.ok(js, name);
        const fromJavaScript = ts.transpileModule(expand(bodyOf(js)), { ...options, fileName: 'snippet.js' }).outputText;
        assert.equal(fromJavaScript, fromTypeScript, name);
      }
    });

    it('node scripts/snippets.mjs --check: the JavaScript file is up to date', async () => {
      const { stdout } = await run(process.execPath, [path.join(ROOT, 'scripts', 'snippets.mjs'), '--check'], { cwd: ROOT });
      assert.equal(stdout, 'snippets/javascript.code-snippets is up to date\n');
    });

    it('--check fails on a JavaScript file that drifted, and a run rewrites it', async () => {
      const root = await mkdtemp(path.join(tmpdir(), 'async-lens-snippets-'));
      try {
        await mkdir(path.join(root, 'snippets'));
        const source = { one: { prefix: 'async-one', description: 'One line.', body: ['let ${1:a}: number = 1;'] } };
        await writeFile(path.join(root, 'snippets', 'typescript.code-snippets'), JSON.stringify(source));
        await writeFile(path.join(root, 'snippets', 'javascript.code-snippets'), '{}\n');
        const args = [path.join(ROOT, 'scripts', 'snippets.mjs'), '--root', root];
        const stale = await run(process.execPath, [...args, '--check']).then(
          () => 'passed',
          (error: { code?: number; stderr?: string }) => `${String(error.code)}: ${String(error.stderr)}`,
        );
        assert.equal(stale, '1: snippets/javascript.code-snippets is out of date: run node scripts/snippets.mjs\n');
        await run(process.execPath, args);
        const written = JSON.parse(await readFile(path.join(root, 'snippets', 'javascript.code-snippets'), 'utf8')) as unknown;
        assert.deepEqual(written, { one: { prefix: 'async-one', description: 'One line.', body: ['let ${1:a} = 1;'] } });
      } finally {
        await rm(root, { recursive: true, force: true });
      }
    });
  });
});
