// Test files and blocking-in-async through the built CLI: rules that skip test files
// (`meta.skipsTestFiles`) skip them unless --include-test-files is given, by paths relative to the
// working directory; other rules still run there. And --blocking-call, with its usage error.
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { FLOATING, makeTree, removeTree, runCli } from './helpers';

/** One blocking call in an async function: one blocking-in-async finding on line 3. */
const BLOCKING = "import { readFileSync } from 'node:fs';\nexport async function main() {\n  return readFileSync('a.txt');\n}\n";

const TREE: Readonly<Record<string, string>> = {
  'src/app.ts': BLOCKING,
  'src/app.test.ts': BLOCKING,
  'src/app.spec.js': BLOCKING,
  'test/helpers.ts': BLOCKING,
  'tests/e2e.ts': BLOCKING,
  '__tests__/unit.ts': BLOCKING,
  'test/floating.ts': FLOATING,
};

interface JsonReport {
  diagnostics: Array<{ file: string; rule: string; severity: string; line: number; message: string }>;
}

function findings(stdout: string): string[] {
  return (JSON.parse(stdout) as JsonReport).diagnostics.map((d) => `${d.file}:${d.line} ${d.rule}`);
}

describe('cli: test files and blocking-in-async', () => {
  let root: string;
  before(() => {
    root = makeTree(TREE);
  });
  after(() => removeTree(root));

  it('skips blocking-in-async in *.test.*, *.spec.*, test/, tests/ and __tests__/ by default, and runs the other rules there', () => {
    const run = runCli(['--format', 'json', '.'], root);
    assert.deepEqual(findings(run.stdout), ['src/app.ts:3 blocking-in-async', 'test/floating.ts:2 floating-promise']);
    assert.equal(run.stderr, '2 warnings in 2 of 7 files analysed\n');
    assert.equal(run.status, 1);
  });

  it('analyses test files too with --include-test-files', () => {
    const run = runCli(['--format', 'json', '--include-test-files', '.'], root);
    assert.deepEqual(findings(run.stdout), [
      '__tests__/unit.ts:3 blocking-in-async',
      'src/app.spec.js:3 blocking-in-async',
      'src/app.test.ts:3 blocking-in-async',
      'src/app.ts:3 blocking-in-async',
      'test/floating.ts:2 floating-promise',
      'test/helpers.ts:3 blocking-in-async',
      'tests/e2e.ts:3 blocking-in-async',
    ]);
  });

  it('matches test folders relative to the working directory', () => {
    const run = runCli(['--format', 'json', '.'], path.join(root, 'test'));
    assert.deepEqual(findings(run.stdout), ['floating.ts:2 floating-promise', 'helpers.ts:3 blocking-in-async']);
  });

  it('skips test files on worker threads as in-process', () => {
    const run = runCli(['--format', 'json', '.'], root, { ASYNC_LENS_WORKERS: '2' });
    assert.deepEqual(findings(run.stdout), ['src/app.ts:3 blocking-in-async', 'test/floating.ts:2 floating-promise']);
  });
});

describe('cli: --blocking-call', () => {
  let root: string;
  before(() => {
    root = makeTree({
      'db.ts': "import { querySync } from 'odbc-sync';\nexport async function main() {\n  querySync('select 1');\n}\n",
    });
  });
  after(() => removeTree(root));

  it('adds a blocking call, with its replacement in the message (repeatable, also on workers)', () => {
    for (const workers of ['0', '1']) {
      const run = runCli(
        ['--format', 'json', '--blocking-call', 'other.fnSync -> fn', '--blocking-call', 'odbc-sync.querySync -> `query` from `odbc`', '.'],
        root,
        { ASYNC_LENS_WORKERS: workers },
      );
      const report = JSON.parse(run.stdout) as JsonReport;
      assert.deepEqual(
        report.diagnostics.map((d) => [d.line, d.rule, d.severity, d.message]),
        [[3, 'blocking-in-async', 'warning', '`querySync` blocks the event loop inside async code; `query` from `odbc` does the same work without blocking.']],
      );
      assert.equal(run.status, 1);
    }
  });

  it('reports nothing for the call without the addition', () => {
    const run = runCli(['.'], root);
    assert.match(run.stdout, /^No findings in 1 file analysed\.\n$/);
    assert.equal(run.status, 0);
  });

  it('exits 2 with one line on stderr for a malformed entry', () => {
    for (const entry of ['querySync', 'odbc-sync.querySync', 'odbc-sync.querySync ->']) {
      const run = runCli(['--blocking-call', entry, '.'], root);
      assert.equal(run.status, 2, entry);
      assert.equal(run.stdout, '');
      assert.equal(
        run.stderr,
        `async-lens: --blocking-call '${entry}': expected 'module.call -> replacement', for example 'better-sqlite3.exec -> a worker thread'\n`,
      );
    }
  });
});
