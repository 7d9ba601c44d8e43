// The CLI's `--locale`: messages from the zh-cn catalog (in-process and on workers), `--explain`
// printing the Chinese doc, and the usage error for a locale without a catalog.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { FLOATING, LOAD_DROPPED, makeTree, removeTree, runCli } from './helpers';

const DOCS = path.join(__dirname, '..', '..', 'docs');

/** floating-promise's message for a dropped `load()`, in Chinese. */
const LOAD_DROPPED_ZH = '`load(…)` 返回的 promise 被丢弃了：没有被 await、return，也没有拒绝处理函数。';

/** unawaited-promise-all's message for a destructured `Promise.all(…)`, in Chinese. */
const ALL_DESTRUCTURED_ZH = '`Promise.all(…)` 被当作它的结果来解构，但它是一个 promise。';

const TREE = {
  'a.ts': FLOATING,
  'b.ts': 'async function f(): Promise<number> {\n  const [a, b] = Promise.all([1, 2]);\n  return a + b;\n}\n',
};

describe('cli: --locale', () => {
  let root: string;
  before(() => {
    root = makeTree(TREE);
  });
  after(() => removeTree(root));

  it('--locale zh-cn prints the Chinese messages in the text report', () => {
    const run = runCli(['--locale', 'zh-cn', 'a.ts'], root);
    assert.equal(run.status, 1, run.stderr);
    assert.equal(
      run.stdout,
      [
        `a.ts:2:1  warning  ${LOAD_DROPPED_ZH}  floating-promise`,
        '  2 | load();',
        '    | ^^^^^^',
        '',
        '1 warning in 1 of 1 file analysed',
        '',
      ].join('\n'),
    );
  });

  it('--locale zh-cn reaches the workers: the JSON report is the same in-process and pooled', () => {
    const expected = {
      version: 1,
      diagnostics: [
        { file: 'a.ts', rule: 'floating-promise', severity: 'warning', message: LOAD_DROPPED_ZH, line: 2, column: 1, endLine: 2, endColumn: 7 },
        { file: 'b.ts', rule: 'unawaited-promise-all', severity: 'warning', message: ALL_DESTRUCTURED_ZH, line: 2, column: 18, endLine: 2, endColumn: 37 },
      ],
    };
    for (const workers of ['0', '2']) {
      const run = runCli(['--locale', 'zh-cn', '--format', 'json', '.'], root, { ASYNC_LENS_WORKERS: workers });
      assert.equal(run.status, 1, run.stderr);
      assert.deepEqual(JSON.parse(run.stdout), expected, `ASYNC_LENS_WORKERS=${workers}`);
    }
  });

  it('accepts the locale in any case, and defaults to English', () => {
    const upper = runCli(['--locale', 'ZH-CN', '--format', 'json', 'a.ts'], root);
    assert.equal((JSON.parse(upper.stdout) as { diagnostics: { message: string }[] }).diagnostics[0]?.message, LOAD_DROPPED_ZH);
    const plain = runCli(['--format', 'json', 'a.ts'], root);
    assert.equal((JSON.parse(plain.stdout) as { diagnostics: { message: string }[] }).diagnostics[0]?.message, LOAD_DROPPED);
  });

  it('rejects a locale without a catalog in one line, exit 2', () => {
    const run = runCli(['--locale', 'fr', 'a.ts'], root);
    assert.equal(run.status, 2);
    assert.equal(run.stdout, '');
    assert.equal(run.stderr, "async-lens: unknown locale 'fr'; valid locales: en, zh-cn\n");
  });

  it('--explain prints the Chinese doc under --locale zh-cn, the English one otherwise', () => {
    const chinese = runCli(['--explain', 'await-in-loop', '--locale', 'zh-cn'], root);
    assert.equal(chinese.status, 0, chinese.stderr);
    assert.equal(chinese.stdout, readFileSync(path.join(DOCS, 'zh-cn', 'rules', 'await-in-loop.md'), 'utf8'));
    assert.match(chinese.stdout, /^## 报告什么$/m);
    const english = runCli(['--explain', 'await-in-loop'], root);
    assert.equal(english.status, 0, english.stderr);
    assert.equal(english.stdout, readFileSync(path.join(DOCS, 'rules', 'await-in-loop.md'), 'utf8'));
  });
});
