// The server's language: the editor's (`initialize` `locale`) unless `asyncLens.locale` says otherwise;
// a change of the setting publishes every open document's diagnostics again in the new language.
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, MarkupContent } from 'vscode-languageserver-protocol';
import { parseRuleDoc } from '../../src/server/rule-docs';
import { FIXTURES, fileUri, fixtureText, LspClient, SERVER } from './harness';

const ONE_OF_EACH_TEXT = fixtureText('one-of-each.ts');
const REPOSITORY = 'https://github.com/async-lens/async-lens';
const ZH_DOCS = path.join(__dirname, '..', '..', 'docs', 'zh-cn', 'rules');

const FLOATING_EN = 'The promise from `load(…)` is dropped: it is not awaited, returned or given a rejection handler.';
const FLOATING_ZH = '`load(…)` 返回的 promise 被丢弃了：没有被 await、return，也没有拒绝处理函数。';
const ALL_UNUSED_ZH = '`results` 是 `Promise.all(…)` 返回的 promise，而不是它的结果：`results.length` 读取的是 promise 本身。';

/**
 * Starts the built server as the harness does, but with `locale` in `initialize` (the harness's
 * `start` sends none). The client object is the harness's, so waiting and hovering work the same.
 */
async function startWithLocale(locale: string, settings: Record<string, unknown>): Promise<LspClient> {
  type Construct = new (child: ChildProcess, connection: MessageConnection, settings: Record<string, unknown>) => LspClient;
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const client = new (LspClient as unknown as Construct)(child, connection, settings);
  await connection.sendRequest('initialize', {
    processId: process.pid,
    locale,
    rootUri: fileUri(FIXTURES),
    workspaceFolders: [{ uri: fileUri(FIXTURES), name: 'fixtures' }],
    capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } } },
  });
  await connection.sendNotification('initialized', {});
  return client;
}

function messageOf(diagnostics: readonly Diagnostic[], rule: string): string | undefined {
  const message = diagnostics.find((diagnostic) => diagnostic.code === rule)?.message;
  return typeof message === 'string' ? message : undefined;
}

describe('server: locale', () => {
  let client: LspClient;
  afterEach(() => client.kill());

  it('follows the editor: initialize with locale zh-cn gives Chinese diagnostics and hovers', async () => {
    client = await startWithLocale('zh-cn', { debounceMs: 0 });
    const uri = fileUri(path.join(FIXTURES, 'memory', 'zh.ts'));
    await client.open(uri, ONE_OF_EACH_TEXT);
    const { diagnostics } = await client.waitForDiagnostics(uri);
    assert.equal(messageOf(diagnostics, 'floating-promise'), FLOATING_ZH);
    assert.equal(messageOf(diagnostics, 'unawaited-promise-all'), ALL_UNUSED_ZH);
    assert.equal(messageOf(diagnostics, 'async-callback-ignored'), '`forEach` 忽略了异步回调返回的 promise。');

    const doc = parseRuleDoc(await readFile(path.join(ZH_DOCS, 'floating-promise.md'), 'utf8'));
    const hover = await client.hover(uri, 8, 5);
    assert.equal(
      (hover?.contents as MarkupContent).value,
      [
        `**async-lens: floating-promise**: ${FLOATING_ZH}`,
        `**报告什么。** ${doc.whatItFlags}`,
        `**为什么重要。** ${doc.whyItMatters}`,
        '**修复：** 添加 `await`；添加 `.catch((error) => …)`；用 `void` 标明是有意忽略',
        '**与 asyncio 的对照。**',
        doc.asyncioAnalogue,
        `[floating-promise 文档](${REPOSITORY}/blob/main/docs/zh-cn/rules/floating-promise.md)`,
      ].join('\n\n'),
    );
    assert.match(doc.whatItFlags ?? '', /[\u4e00-\u9fff]/);
    const safe = (await client.hover(uri, 10, 20))?.contents as MarkupContent;
    assert.match(safe.value, /\n\n\*\*修复：\*\* 给初始化表达式加上 `await`（每处使用读取的都是结果）（安全）\n\n/);

    // The code-action ladder speaks the same language.
    const floating = diagnostics.find((diagnostic) => diagnostic.code === 'floating-promise')!;
    assert.deepEqual(
      (await client.codeActions(uri, floating)).map((action) => action.title),
      ['添加 `await`', '添加 `.catch((error) => …)`', '用 `void` 标明是有意忽略', '在这一行禁用 floating-promise', '在这个文件中禁用 floating-promise', '了解 floating-promise'],
    );
    assert.deepEqual((await client.fixAll(uri)).map((action) => action.title), ['修复所有可以安全修复的 async-lens 问题']);
  });

  it('the setting en overrides the editor, and switching it republishes in the new language', async () => {
    client = await startWithLocale('zh-cn', { debounceMs: 0, locale: 'en' });
    const uri = fileUri(path.join(FIXTURES, 'memory', 'switch.ts'));
    await client.open(uri, ONE_OF_EACH_TEXT);
    assert.equal(messageOf((await client.waitForDiagnostics(uri)).diagnostics, 'floating-promise'), FLOATING_EN);
    const hover = ((await client.hover(uri, 8, 5))?.contents as MarkupContent).value;
    assert.match(hover, /\n\n\*\*What it flags\.\*\* An expression statement/);
    assert.match(hover, /\[floating-promise documentation\]\(https:\/\/github\.com\/async-lens\/async-lens\/blob\/main\/docs\/rules\/floating-promise\.md\)$/);

    // `auto` follows the editor again: the same document, unchanged, is published in Chinese.
    await client.changeSettings({ debounceMs: 0, locale: 'auto' });
    const chinese = await client.waitForDiagnostics(uri, (params) => messageOf(params.diagnostics, 'floating-promise') === FLOATING_ZH);
    assert.equal(chinese.diagnostics.length, 5);
    assert.match(((await client.hover(uri, 8, 5))?.contents as MarkupContent).value, /\n\n\*\*报告什么。\*\* /);
  });

  it('the setting zh-cn overrides an English editor; an unknown value keeps the default with one log line', async () => {
    client = await startWithLocale('en-US', { debounceMs: 0, locale: 'zh-cn' });
    const uri = fileUri(path.join(FIXTURES, 'memory', 'override.ts'));
    await client.open(uri, ONE_OF_EACH_TEXT);
    assert.equal(messageOf((await client.waitForDiagnostics(uri)).diagnostics, 'floating-promise'), FLOATING_ZH);

    await client.changeSettings({ debounceMs: 0, locale: 'fr' });
    const english = await client.waitForDiagnostics(uri, (params) => messageOf(params.diagnostics, 'floating-promise') === FLOATING_EN);
    assert.equal(english.diagnostics.length, 5);
    assert.ok(client.logs.includes('asyncLens.locale: ignored "fr", using the default "auto"'), JSON.stringify(client.logs));
  });

  it('a client without a locale gets English', async () => {
    client = await LspClient.start({ debounceMs: 0 });
    const uri = fileUri(path.join(FIXTURES, 'memory', 'none.ts'));
    await client.open(uri, ONE_OF_EACH_TEXT);
    assert.equal(messageOf((await client.waitForDiagnostics(uri)).diagnostics, 'floating-promise'), FLOATING_EN);
  });
});
