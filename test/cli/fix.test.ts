// `--fix`: safe fixes only, written back with the file's BOM and line breaks, then re-analysed.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { LOAD_DROPPED, makeTree, removeTree, runCli } from './helpers';

const JOB = [
  'async function x() { return 1; }',
  'async function y() { return 2; }',
  'async function load() {}',
  'async function f() { const [a, b] = Promise.all([x(), y()]); return a + b; }',
  'async function g() {',
  '  load();',
  '}',
  '',
].join('\n');

/** Two safe fixes, with a BOM and CRLF line breaks that must survive. */
const WINDOWS =
  '\uFEFFasync function x() { return [1]; }\r\n' +
  'async function f() { const [a] = Promise.all([x()]); return a; }\r\n' +
  'async function g() {\r\n  const all = Promise.all([x(), x()]);\r\n  return all.length;\r\n}\r\n';

describe('cli: --fix', () => {
  let root: string;
  beforeEach(() => {
    root = makeTree({ 'job.ts': JOB, 'windows.ts': WINDOWS, 'plain.ts': 'async function load() {}\nload();\n' });
  });
  afterEach(() => removeTree(root));

  const read = (name: string): string => readFileSync(path.join(root, name), 'utf8');

  it('adds `await` where the code is broken without it, leaves unsafe fixes, and reports what is left', () => {
    const run = runCli(['--fix', 'job.ts'], root);
    assert.equal(
      read('job.ts'),
      JOB.replace('const [a, b] = Promise.all', 'const [a, b] = await Promise.all'),
    );
    assert.equal(run.stderr, 'Fixed 1 problem in 1 file.\n');
    assert.equal(run.status, 1);
    assert.equal(
      run.stdout,
      [
        `job.ts:6:3  warning  ${LOAD_DROPPED}  floating-promise`,
        '  6 |   load();',
        '    |   ^^^^^^',
        '',
        '1 warning in 1 of 1 file analysed',
        '',
      ].join('\n'),
    );
  });

  it('keeps the BOM and CRLF line breaks, and counts each problem fixed', () => {
    const run = runCli(['--fix', '--format', 'json', 'windows.ts'], root);
    assert.equal(
      read('windows.ts'),
      '\uFEFFasync function x() { return [1]; }\r\n' +
        'async function f() { const [a] = await Promise.all([x()]); return a; }\r\n' +
        'async function g() {\r\n  const all = await Promise.all([x(), x()]);\r\n  return all.length;\r\n}\r\n',
    );
    assert.equal(run.stdout, '{"version":1,"diagnostics":[]}\n');
    assert.equal(run.stderr, 'Fixed 2 problems in 1 file.\nNo findings in 1 file analysed.\n');
    assert.equal(run.status, 0);
  });

  it('leaves a file with only unsafe fixes untouched', () => {
    const run = runCli(['--fix', 'plain.ts'], root);
    assert.equal(read('plain.ts'), 'async function load() {}\nload();\n');
    assert.equal(run.stderr, 'No safe fixes to apply.\n');
    assert.equal(run.status, 1);
  });

  it('counts the files it fixed across a directory', () => {
    const run = runCli(['--fix', '--format', 'json'], root);
    assert.equal(run.stderr, 'Fixed 3 problems in 2 files.\n2 warnings in 2 of 3 files analysed\n');
  });

  it('changes nothing on disk without --fix', () => {
    runCli(['job.ts', 'windows.ts'], root);
    assert.equal(read('job.ts'), JOB);
    assert.equal(read('windows.ts'), WINDOWS);
  });
});
