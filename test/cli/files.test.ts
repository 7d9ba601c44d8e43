// Which files the CLI analyses: directory walks, .gitignore, node_modules, explicit paths, bad input.
import { strict as assert } from 'node:assert';
import { FLOATING, makeTree, removeTree, runCli } from './helpers';
import type { CliRun } from './helpers';

/** The files a JSON report names, in order. */
function reportedFiles(run: CliRun): string[] {
  return (JSON.parse(run.stdout) as { diagnostics: Array<{ file: string }> }).diagnostics.map((d) => d.file);
}

describe('cli: file discovery', () => {
  let root: string;
  before(() => {
    // Every source file drops one promise, so the report names each file analysed.
    root = makeTree({
      '.gitignore': 'build/\n*.gen.ts\n',
      'src/a.ts': FLOATING,
      'src/a.gen.ts': FLOATING,
      'src/types.d.ts': FLOATING,
      'src/lib.d.mts': FLOATING,
      'src/nested/.gitignore': 'secret.ts\n!keep.gen.ts\n',
      'src/nested/secret.ts': FLOATING,
      'src/nested/keep.gen.ts': FLOATING,
      'src/nested/b.mjs': FLOATING,
      'src/nested/c.cts': FLOATING,
      'src/nested/d.jsx': FLOATING,
      'src/node_modules/dep/index.ts': FLOATING,
      'build/out.js': FLOATING,
      'node_modules/pkg/index.ts': FLOATING,
      'node_modules/pkg/node_modules/inner/index.ts': FLOATING,
      '.git/hooks/x.js': FLOATING,
      'notes.txt': FLOATING,
      'docs/README.md': '# docs\n',
    });
  });
  after(() => removeTree(root));

  describe('walking directories', () => {
    it('honours root and nested .gitignore files, skips node_modules, .git and .d.ts files', () => {
      const run = runCli(['--format', 'json'], root);
      assert.deepEqual(reportedFiles(run), [
        'src/a.ts',
        'src/nested/b.mjs',
        'src/nested/c.cts',
        'src/nested/d.jsx',
        'src/nested/keep.gen.ts',
      ]);
      assert.equal(run.stderr, '5 warnings in 5 of 5 files analysed\n');
    });

    it('applies the .gitignore files above a walked directory', () => {
      const run = runCli(['--format', 'json', 'src'], root);
      assert.deepEqual(reportedFiles(run), [
        'src/a.ts',
        'src/nested/b.mjs',
        'src/nested/c.cts',
        'src/nested/d.jsx',
        'src/nested/keep.gen.ts',
      ]);
    });

    it('walks a directory given explicitly inside node_modules, skipping node_modules below it', () => {
      const run = runCli(['--format', 'json', 'node_modules/pkg'], root);
      assert.deepEqual(reportedFiles(run), ['node_modules/pkg/index.ts']);
      assert.equal(run.stderr, '1 warning in 1 of 1 file analysed\n');
    });

    it('walks a gitignored directory given explicitly', () => {
      const run = runCli(['--format', 'json', 'build'], root);
      assert.deepEqual(reportedFiles(run), ['build/out.js']);
    });

    it('warns when the given paths hold no file to analyse', () => {
      const run = runCli(['docs'], root);
      assert.equal(run.status, 0);
      assert.equal(run.stdout, 'No findings in 0 files analysed.\n');
      assert.equal(
        run.stderr,
        'async-lens: warning: no file was analysed (no .ts, .tsx, .mts, .cts, .js, .jsx, .mjs or .cjs file found)\n',
      );
    });
  });

  describe('explicit files', () => {
    it('analyses a file given explicitly even when gitignored, a .d.ts, or in node_modules', () => {
      const run = runCli(
        ['--format', 'json', 'build/out.js', 'src/types.d.ts', 'src/nested/secret.ts', 'src/node_modules/dep/index.ts'],
        root,
      );
      assert.deepEqual(reportedFiles(run), [
        'build/out.js',
        'src/nested/secret.ts',
        'src/node_modules/dep/index.ts',
        'src/types.d.ts',
      ]);
      assert.equal(run.stderr, '4 warnings in 4 of 4 files analysed\n');
    });

    it('analyses a file named twice, or inside a directory also given, once', () => {
      const run = runCli(['--format', 'json', 'src/a.ts', './src/a.ts', 'src'], root);
      assert.equal(reportedFiles(run).filter((file) => file === 'src/a.ts').length, 1);
      assert.equal(run.stderr, '5 warnings in 5 of 5 files analysed\n');
    });
  });
});

describe('cli: bad input', () => {
  let root: string;
  before(() => {
    root = makeTree({
      'ok.ts': FLOATING,
      'clean.ts': 'export const one = 1;\n',
      'binary.ts': Buffer.from([0x63, 0x6f, 0x6e, 0x73, 0x74, 0x00, 0x01, 0x02]),
      'deep.ts': `const x = ${'('.repeat(5000)}1${')'.repeat(5000)};\n`,
      // One byte over the 5 MB limit.
      'huge.ts': `//${'x'.repeat(5 * 1024 * 1024 - 1)}`,
      'only-binary/blob.js': Buffer.from([0x00, 0xff]),
    });
  });
  after(() => removeTree(root));

  it('skips binary, oversized and too deeply nested files with a note each, and analyses the rest', () => {
    const run = runCli([], root);
    assert.equal(run.status, 1);
    assert.equal(
      run.stderr,
      [
        'async-lens: skipped binary.ts: binary file',
        'async-lens: skipped deep.ts: nesting too deep',
        'async-lens: skipped huge.ts: larger than 5 MB',
        'async-lens: skipped only-binary/blob.js: binary file',
        '',
      ].join('\n'),
    );
    assert.ok(run.stdout.startsWith('ok.ts:2:1  warning  '), run.stdout);
    assert.ok(run.stdout.endsWith('\n1 warning in 1 of 2 files analysed (4 skipped)\n'), run.stdout);
  });

  it('exits 0 when the files it could analyse are clean', () => {
    const run = runCli(['clean.ts', 'binary.ts', 'deep.ts'], root);
    assert.equal(run.status, 0);
    assert.equal(run.stdout, 'No findings in 1 file analysed (2 skipped).\n');
  });

  it('warns that no file was analysed when every file was skipped', () => {
    const run = runCli(['only-binary'], root);
    assert.equal(run.status, 0);
    assert.equal(run.stdout, 'No findings in 0 files analysed (1 skipped).\n');
    assert.equal(
      run.stderr,
      'async-lens: skipped only-binary/blob.js: binary file\nasync-lens: warning: no file was analysed (every file was skipped)\n',
    );
  });

  it('prints no stack trace for a missing path, and one with --debug for a failed run', () => {
    const missing = runCli(['nope.ts'], root);
    assert.equal(missing.stderr, 'async-lens: no such file or directory: nope.ts\n');
    const unwritable = runCli(['--debug', '--output', 'ok.ts/report.txt', 'clean.ts'], root);
    assert.equal(unwritable.status, 2);
    assert.match(unwritable.stderr, /^Error: cannot write ok\.ts\/report\.txt \(ENOTDIR\)\n {4}at /m);
  });
});
