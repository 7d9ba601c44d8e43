// scripts/new-rule.mjs after the case tables moved to test/cases: the scaffold writes the table
// module, a test that runs it through `runGroups`, and the table's `TABLES` entry in
// test/eslint/cases.ts. It runs in a temporary copy of the parts of the checkout those files
// import, where the generated test is run with mocha and the generated files are type-checked.
// (test/core/conformance.test.ts checks the doc's headings and the refusal of bad ids.)
import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import ts = require('typescript');

const ROOT = path.resolve(__dirname, '..', '..');
const SCRIPT = path.join(ROOT, 'scripts', 'new-rule.mjs');
const TABLES_FILE = path.join('test', 'eslint', 'cases.ts');

/** What the checkout's generated files import, copied so that they run and type-check. */
const COPIED = ['src', 'test/support', 'test/cases', 'test/core/rules/rule-tester.ts', TABLES_FILE, 'tsconfig.json', 'package.json'];

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(command: string, args: readonly string[], cwd: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd, env: { ...process.env, FORCE_COLOR: '0' } }, (error, stdout, stderr) => {
      // A failing exit is a result the assertions read, not an error of the test.
      const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** Copies what the generated files need into a fresh directory, with the checkout's node_modules. */
async function copyCheckout(): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'async-lens-scaffold-'));
  for (const part of COPIED) {
    await mkdir(path.dirname(path.join(root, part)), { recursive: true });
    await cp(path.join(ROOT, part), path.join(root, part), { recursive: true });
  }
  await symlink(path.join(ROOT, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  return root;
}

/** The TypeScript errors of `files` (and what they import) under the checkout's compiler options. */
function typeErrors(root: string, files: readonly string[]): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(root, 'tsconfig.json'), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  });
  assert.ok(config, 'tsconfig.json is not readable');
  const program = ts.createProgram(
    files.map((file) => path.join(root, file)),
    config.options,
  );
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const where = diagnostic.file ? `${path.relative(root, diagnostic.file.fileName)}: ` : '';
    return where + ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
  });
}

describe('scripts/new-rule.mjs: the case table, its test and its TABLES entry', () => {
  let root: string;
  let scaffolded: Run;
  let tablesBefore: string;

  before(async () => {
    root = await copyCheckout();
    tablesBefore = await readFile(path.join(root, TABLES_FILE), 'utf8');
    scaffolded = await run(process.execPath, [SCRIPT, 'lost-rejection', '--root', root], ROOT);
  });

  after(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('reports each file it created and the TABLES file it updated', () => {
    assert.equal(scaffolded.stderr, '');
    assert.equal(scaffolded.code, 0);
    const reported = scaffolded.stdout.split('\n').filter((line) => /^(created|updated) /.test(line));
    assert.deepEqual(reported, [
      `created ${path.join('src', 'core', 'rules', 'lost-rejection.ts')}`,
      `created ${path.join('docs', 'rules', 'lost-rejection.md')}`,
      `created ${path.join('test', 'cases', 'lost-rejection.ts')}`,
      `created ${path.join('test', 'core', 'rules', 'lost-rejection.test.ts')}`,
      `created ${path.join('test', 'fixtures', 'lost-rejection', 'should-report.ts')}`,
      `created ${path.join('test', 'fixtures', 'lost-rejection', 'should-not-report.ts')}`,
      `updated ${TABLES_FILE} (the table is listed in TABLES)`,
    ]);
  });

  it('adds exactly the import and the TABLES entry, each in id order', async () => {
    const after = await readFile(path.join(root, TABLES_FILE), 'utf8');
    const before = tablesBefore.split('\n');
    const lines = after.split('\n');
    const added = lines.filter((line) => !before.includes(line));
    assert.deepEqual(added, ["import * as lostRejection from '../cases/lost-rejection';", "  'lost-rejection': lostRejection,"]);
    // Removing the two lines gives the file back, so nothing else moved.
    assert.equal(lines.filter((line) => !added.includes(line)).join('\n'), tablesBefore);
    const importsInOrder = lines.filter((line) => line.includes("from '../cases/") && line.startsWith('import * as'));
    assert.deepEqual(importsInOrder, [...importsInOrder].sort());
    assert.ok(importsInOrder.includes("import * as lostRejection from '../cases/lost-rejection';"));
    const table = lines.slice(lines.findIndex((line) => line.startsWith('export const TABLES')) + 1);
    const entries = table.slice(0, table.indexOf('};'));
    assert.deepEqual(entries, [...entries].sort());
    assert.ok(entries.includes("  'lost-rejection': lostRejection,"));
  });

  it('writes a table module that exports its groups and casesOf(groups)', async () => {
    const text = await readFile(path.join(root, 'test', 'cases', 'lost-rejection.ts'), 'utf8');
    assert.match(text, /^export const groups: readonly CaseGroup\[\] = \[$/m);
    assert.match(text, /^export const \{ valid, invalid \} = casesOf\(groups\);$/m);
    assert.match(text, /^import type \{ CaseGroup \} from '\.\/types';$/m);
  });

  it('type-checks the table, its test and the TABLES file under the checkout’s options', () => {
    assert.deepEqual(typeErrors(root, [path.join('test', 'cases', 'lost-rejection.ts'), path.join('test', 'core', 'rules', 'lost-rejection.test.ts'), TABLES_FILE]), []);
  });

  it('writes a test that runs the table through runGroups, pending until the first invalid case', async () => {
    const test = path.join('test', 'core', 'rules', 'lost-rejection.test.ts');
    const result = await run(process.execPath, [path.join(ROOT, 'node_modules', 'mocha', 'bin', 'mocha.js'), '--no-config', '--require', 'tsx/cjs', '--reporter', 'json', test], root);
    const report = JSON.parse(result.stdout) as {
      tests: { fullTitle: string }[];
      passes: { fullTitle: string }[];
      pending: { fullTitle: string }[];
      failures: { fullTitle: string }[];
    };
    const titles = (list: { fullTitle: string }[]): string[] => list.map((test) => test.fullTitle);
    assert.deepEqual(titles(report.passes), [
      'lost-rejection valid: code without promises does not report unrelated code',
      'lost-rejection fixtures should-not-report.ts: findings exactly on the lines marked // lost-rejection',
    ]);
    assert.deepEqual(titles(report.pending), ['lost-rejection TODO: an invalid case in test/cases/lost-rejection.ts for each shape reported']);
    // The new fixture marks no line yet, so it fails until it shows the mistake.
    assert.deepEqual(titles(report.failures), ['lost-rejection fixtures should-report.ts: findings exactly on the lines marked // lost-rejection']);
    assert.equal(result.code, 1);
  });

  it('refuses a second run of the id, or an id whose table exists, and writes nothing', async () => {
    const tables = await readFile(path.join(root, TABLES_FILE), 'utf8');
    const again = await run(process.execPath, [SCRIPT, 'lost-rejection', '--root', root], ROOT);
    assert.equal(again.code, 1);
    assert.match(again.stderr, /^rule "lost-rejection" already exists: /);

    await writeFile(path.join(root, 'test', 'cases', 'only-a-table.ts'), 'export {};\n');
    const tableOnly = await run(process.execPath, [SCRIPT, 'only-a-table', '--root', root], ROOT);
    assert.equal(tableOnly.code, 1);
    assert.equal(tableOnly.stderr, `rule "only-a-table" already exists: ${path.join('test', 'cases', 'only-a-table.ts')}\n`);
    assert.equal(await readFile(path.join(root, TABLES_FILE), 'utf8'), tables);
    await assert.rejects(readFile(path.join(root, 'src', 'core', 'rules', 'only-a-table.ts'), 'utf8'), { code: 'ENOENT' });
  });

  it('refuses an id already listed in TABLES, and a TABLES file of another shape, before writing', async () => {
    const listed = await mkdtemp(path.join(tmpdir(), 'async-lens-scaffold-'));
    try {
      await mkdir(path.join(listed, 'test', 'eslint'), { recursive: true });
      const tables = [
        "import * as alpha from '../cases/alpha';",
        "import * as omega from '../cases/omega';",
        '',
        'export const TABLES: Readonly<Record<string, unknown>> = {',
        "  'alpha': alpha,",
        "  'omega': omega,",
        '};',
        '',
      ].join('\n');
      await writeFile(path.join(listed, TABLES_FILE), tables);
      const taken = await run(process.execPath, [SCRIPT, 'omega', '--root', listed], ROOT);
      assert.equal(taken.stderr, `rule "omega" already exists: ${TABLES_FILE}\n`);

      const first = await run(process.execPath, [SCRIPT, 'aardvark', '--root', listed], ROOT);
      assert.equal(first.code, 0, first.stderr);
      const last = await run(process.execPath, [SCRIPT, 'zebra-rule', '--root', listed], ROOT);
      assert.equal(last.code, 0, last.stderr);
      assert.equal(
        await readFile(path.join(listed, TABLES_FILE), 'utf8'),
        [
          "import * as aardvark from '../cases/aardvark';",
          "import * as alpha from '../cases/alpha';",
          "import * as omega from '../cases/omega';",
          "import * as zebraRule from '../cases/zebra-rule';",
          '',
          'export const TABLES: Readonly<Record<string, unknown>> = {',
          "  'aardvark': aardvark,",
          "  'alpha': alpha,",
          "  'omega': omega,",
          "  'zebra-rule': zebraRule,",
          '};',
          '',
        ].join('\n'),
      );

      await writeFile(path.join(listed, TABLES_FILE), 'export const TABLES = {};\n');
      const reshaped = await run(process.execPath, [SCRIPT, 'middle-rule', '--root', listed], ROOT);
      assert.equal(reshaped.stderr, `${TABLES_FILE}: cannot find the case-table imports and the TABLES map\n`);
      await assert.rejects(readFile(path.join(listed, 'test', 'cases', 'middle-rule.ts'), 'utf8'), { code: 'ENOENT' });
    } finally {
      await rm(listed, { recursive: true, force: true });
    }
  });
});
