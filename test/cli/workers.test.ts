// The worker pool: many files analysed on worker threads give exactly the in-process report.
import { strict as assert } from 'node:assert';
import { availableParallelism } from 'node:os';
import { makeTree, removeTree, runCli } from './helpers';

/** 250 small files (above the pool's threshold of 200), every third one clean. */
function manyFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < 250; i++) {
    files[`pkg${i % 5}/file${i}.ts`] =
      i % 3 === 0
        ? `export const value${i} = ${i};\n`
        : `async function load${i}() {}\nexport async function run${i}() {\n  const [a] = Promise.all([load${i}()]);\n  load${i}();\n  return a;\n}\n`;
  }
  return files;
}

describe('cli: worker pool', () => {
  let root: string;
  before(() => {
    root = makeTree({
      ...manyFiles(),
      // Parses on a worker's larger stack; in-process it is skipped, so it is compared separately.
      'deep/deep.ts': `const x = ${'('.repeat(3000)}1${')'.repeat(3000)};\nasync function load() {}\nload();\n`,
    });
  });
  after(() => removeTree(root));

  it('gives the same JSON on 2 workers as in-process, and says which it used with --debug', () => {
    const inProcess = runCli(['--format', 'json', '--debug', 'pkg0', 'pkg1', 'pkg2', 'pkg3', 'pkg4'], root, {
      ASYNC_LENS_WORKERS: '0',
    });
    const pooled = runCli(['--format', 'json', '--debug', 'pkg0', 'pkg1', 'pkg2', 'pkg3', 'pkg4'], root, {
      ASYNC_LENS_WORKERS: '2',
    });
    assert.equal(inProcess.stderr, 'async-lens: debug: 250 files, in-process\n332 warnings in 166 of 250 files analysed\n');
    assert.equal(pooled.stderr, 'async-lens: debug: 250 files, 2 workers\n332 warnings in 166 of 250 files analysed\n');
    assert.equal(pooled.status, 1);
    assert.deepEqual(JSON.parse(pooled.stdout), JSON.parse(inProcess.stdout));
    const files = (JSON.parse(pooled.stdout) as { diagnostics: Array<{ file: string }> }).diagnostics.map((d) => d.file);
    assert.deepEqual(files, [...files].sort());
  });

  it('uses the pool by default from 200 files on', function () {
    // A machine with one CPU analyses in-process whatever the count.
    if (availableParallelism() < 2) this.skip();
    const run = runCli(['--format', 'json', '--debug', 'pkg0', 'pkg1', 'pkg2', 'pkg3', 'pkg4'], root);
    assert.match(run.stderr, /^async-lens: debug: 250 files, [2-4] workers\n/);
  });

  it('parses deeply nested code on a worker that the main thread skips', () => {
    const pooled = runCli(['--format', 'json', 'deep'], root, { ASYNC_LENS_WORKERS: '1' });
    assert.equal(pooled.stderr, '1 warning in 1 of 1 file analysed\n');
    const inProcess = runCli(['--format', 'json', 'deep'], root, { ASYNC_LENS_WORKERS: '0' });
    assert.equal(
      inProcess.stderr,
      [
        'async-lens: skipped deep/deep.ts: nesting too deep',
        'async-lens: warning: no file was analysed (every file was skipped)',
        'No findings in 0 files analysed (1 skipped).',
        '',
      ].join('\n'),
    );
  });
});
