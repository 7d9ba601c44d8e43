// `--format github`: GitHub Actions workflow commands, checked line by line, with GitHub's escaping
// and the summary that counts what GitHub's ten-per-kind limit hides.
import { strict as assert } from 'node:assert';
import { escapeData, escapeProperty } from '../../src/cli/github';
import { ALL_DESTRUCTURED, LOAD_DROPPED, makeTree, removeTree, runCli } from './helpers';

const BLOCKING =
  '`readFileSync` blocks the event loop inside async code; `readFile` from `node:fs/promises` does the same work without blocking.';

describe('cli: --format github', () => {
  let root: string;
  afterEach(() => removeTree(root));

  it('prints one annotation per finding (error, warning, notice), then the summary', () => {
    root = makeTree({
      'src/a.ts': 'async function x() { return 1; }\nexport async function f() {\n  const [a, b] = Promise.all([x(), x()]);\n  return a + b;\n}\n',
      // `,`, `:` and `%` in a file name are escaped in the property.
      'src/100%,a:b.ts': 'async function load() {}\nload();\n',
      'src/c.ts': "import { readFileSync } from 'node:fs';\nexport async function read() {\n  return readFileSync('x');\n}\n",
    });
    const run = runCli(['--format', 'github', '--rule', 'floating-promise=error', '--rule', 'blocking-in-async=info', 'src'], root);
    assert.equal(run.status, 1);
    assert.deepEqual(run.stdout.split('\n'), [
      `::error file=src/100%25%2Ca%3Ab.ts,line=2,col=1,endLine=2,endColumn=7,title=async-lens floating-promise::${LOAD_DROPPED}`,
      `::warning file=src/a.ts,line=3,col=18,endLine=3,endColumn=41,title=async-lens unawaited-promise-all::${ALL_DESTRUCTURED}`,
      `::notice file=src/c.ts,line=3,col=10,endLine=3,endColumn=27,title=async-lens blocking-in-async::${BLOCKING}`,
      'async-lens: 1 error, 1 warning, 1 info in 3 of 3 files analysed',
      '',
    ]);
    assert.equal(run.stderr, '1 error, 1 warning, 1 info in 3 of 3 files analysed\n');
  });

  it('says how many annotations of each kind GitHub does not show beyond ten', () => {
    const dropped = Array.from({ length: 12 }, () => 'load();').join('\n');
    root = makeTree({ 'a.ts': `async function load() {}\n${dropped}\n`, 'b.ts': "import { readFileSync } from 'node:fs';\nexport async function r() { return readFileSync('x'); }\n" });
    const run = runCli(['--format', 'github', '--rule', 'blocking-in-async=error', '.'], root);
    assert.equal(run.status, 1);
    const lines = run.stdout.split('\n');
    assert.equal(lines.length, 15);
    assert.equal(lines[0], `::warning file=a.ts,line=2,col=1,endLine=2,endColumn=7,title=async-lens floating-promise::${LOAD_DROPPED}`);
    assert.equal(lines[11], `::warning file=a.ts,line=13,col=1,endLine=13,endColumn=7,title=async-lens floating-promise::${LOAD_DROPPED}`);
    assert.equal(lines[12], `::error file=b.ts,line=2,col=36,endLine=2,endColumn=53,title=async-lens blocking-in-async::${BLOCKING}`);
    assert.equal(
      lines[13],
      'async-lens: 1 error, 12 warnings in 2 of 2 files analysed (GitHub shows the first 10 annotations of each kind per step: 2 warnings not shown there)',
    );
    assert.equal(lines[14], '');
  });

  it('prints only the summary for a clean run, exit 0; --max-warnings applies as for text', () => {
    root = makeTree({ 'ok.ts': 'export const one = 1;\n', 'w.ts': 'async function load() {}\nload();\n' });
    const clean = runCli(['--format', 'github', 'ok.ts'], root);
    assert.equal(clean.status, 0);
    assert.equal(clean.stdout, 'async-lens: No findings in 1 file analysed.\n');
    assert.equal(clean.stderr, 'No findings in 1 file analysed.\n');
    const allowed = runCli(['--format', 'github', '--max-warnings', '1', '.'], root);
    assert.equal(allowed.status, 0);
    assert.equal(allowed.stdout.split('\n').length, 3);
  });
});

describe('GitHub workflow command escaping', () => {
  it('escapes %, CR and LF in data, in that order', () => {
    assert.equal(escapeData('100% done\r\nnext %0A'), '100%25 done%0D%0Anext %250A');
  });

  it('also escapes : and , in properties', () => {
    assert.equal(escapeProperty('C:\\src\\a,b.ts\n%'), 'C%3A\\src\\a%2Cb.ts%0A%25');
  });
});
