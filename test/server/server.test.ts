import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Diagnostic, MarkupContent, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { RULES } from '../../src/core';
import { applyEdit, FIXTURES, fileUri, fixtureText, LspClient } from './harness';

// The language server over stdio, as any LSP editor drives it (`async-lens-language-server --stdio`).

const ONE_OF_EACH = path.join(FIXTURES, 'one-of-each.ts');
const ONE_OF_EACH_TEXT = fixtureText('one-of-each.ts');
const DOCS = 'https://github.com/async-lens/async-lens/blob/main/docs/rules/';

/** The fixture's findings: rule, 0-based line, start and end character, LSP severity. */
const EXPECTED: readonly [string, number, number, number, number][] = [
  ['floating-promise', 8, 2, 16, 2],
  ['unawaited-promise-all', 10, 14, 28, 2],
  ['blocking-in-async', 11, 15, 50, 2],
  ['await-in-loop', 14, 16, 32, 3],
  ['async-callback-ignored', 16, 16, 28, 2],
];

function shape(diagnostics: readonly Diagnostic[]): [string, number, number, number, number][] {
  return diagnostics.map((d) => [String(d.code), d.range.start.line, d.range.start.character, d.range.end.character, d.severity ?? 0]);
}

function codes(params: PublishDiagnosticsParams): string[] {
  return params.diagnostics.map((d) => String(d.code));
}

/** A URI under the fixtures folder for an in-memory document (never read from disk). */
function memoryUri(name: string): string {
  return fileUri(path.join(FIXTURES, 'memory', name));
}

function lines(text: string): string[] {
  return text.split('\n');
}

describe('server: diagnostics, code actions and hovers', () => {
  let client: LspClient;
  const uri = fileUri(ONE_OF_EACH);
  let diagnostics: Diagnostic[];

  before(async () => {
    client = await LspClient.start({ debounceMs: 0 });
    await client.open(uri, ONE_OF_EACH_TEXT, 1);
    diagnostics = (await client.waitForDiagnostics(uri)).diagnostics;
  });
  after(() => client.kill());

  const byRule = (rule: string): Diagnostic => {
    const found = diagnostics.find((d) => d.code === rule);
    assert.ok(found, `no ${rule} diagnostic in ${JSON.stringify(diagnostics.map((d) => d.code))}`);
    return found;
  };

  it('advertises incremental sync, code action kinds with fix-all, and hovers', () => {
    const capabilities = client.initializeResult?.capabilities;
    assert.deepEqual(capabilities?.textDocumentSync, { openClose: true, change: 2, save: { includeText: false } });
    assert.deepEqual(capabilities?.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.async-lens'], resolveProvider: false });
    assert.equal(capabilities?.hoverProvider, true);
  });

  it('reports one diagnostic of every rule in the registry, with exact ranges and severities', () => {
    assert.deepEqual(shape(diagnostics), EXPECTED);
    assert.deepEqual(new Set(diagnostics.map((d) => d.code)), new Set(RULES.map((rule) => rule.meta.id)));
  });

  it('gives each diagnostic its source, its rule id as code and its doc as codeDescription', () => {
    for (const d of diagnostics) {
      assert.equal(d.source, 'async-lens');
      assert.equal(d.codeDescription?.href, `${DOCS}${String(d.code)}.md`);
      assert.ok(typeof d.message === 'string' && d.message.length > 0);
      assert.equal(d.tags, undefined);
    }
    assert.equal(byRule('floating-promise').message, 'The promise from `load(…)` is dropped: it is not awaited, returned or given a rejection handler.');
  });

  it('lists the code actions of every diagnostic in ladder order, exactly one preferred, first', async () => {
    for (const d of diagnostics) {
      const actions = await client.codeActions(uri, d);
      const rule = String(d.code);
      const tail = actions.slice(-3).map((action) => action.title);
      assert.deepEqual(tail, [`Disable ${rule} for this line`, `Disable ${rule} for this file`, `Learn about ${rule}`]);
      assert.ok(actions.length > 3, `${rule} has a fix`);
      assert.deepEqual(
        actions.map((action) => action.isPreferred === true),
        actions.map((_, index) => index === 0),
        `${rule}: ${JSON.stringify(actions.map((a) => a.title))}`,
      );
      for (const action of actions) {
        assert.equal(action.kind, 'quickfix');
        assert.deepEqual(action.diagnostics, [d]);
      }
      const learn = actions[actions.length - 1]!;
      assert.deepEqual(learn.command, { title: `Learn about ${rule}`, command: 'asyncLens.showRuleDoc', arguments: [rule] });
      assert.equal(learn.edit, undefined);
    }
  });

  it('orders the fixes of floating-promise: await (preferred), .catch, void', async () => {
    const actions = await client.codeActions(uri, byRule('floating-promise'));
    assert.deepEqual(
      actions.map((action) => action.title),
      [
        'Add `await`',
        'Add `.catch((error) => …)`',
        'Mark as ignored on purpose with `void`',
        'Disable floating-promise for this line',
        'Disable floating-promise for this file',
        'Learn about floating-promise',
      ],
    );
  });

  it('applies each floating-promise action to the exact expected text', async () => {
    const actions = await client.codeActions(uri, byRule('floating-promise'));
    const fixed = actions.slice(0, 5).map((action) => lines(applyEdit(ONE_OF_EACH_TEXT, uri, action.edit)));
    const original = lines(ONE_OF_EACH_TEXT);
    assert.equal(fixed[0]![8], "  await load('config');");
    assert.deepEqual(fixed[1]!.slice(8, 11), ["  load('config').catch((error: unknown) => {", '    console.error(error);', '  });']);
    assert.equal(fixed[2]![8], "  void load('config');");
    assert.deepEqual(fixed[3]!.slice(8, 10), ['  // async-lens-disable-next-line floating-promise', "  load('config');"]);
    assert.deepEqual(fixed[4], ['/* async-lens-disable floating-promise */', ...original]);
    for (const [index, text] of fixed.entries()) {
      if (index === 1) continue;
      assert.equal(text.length - original.length, index >= 3 ? 1 : 0, `action ${index} changes only its line`);
    }
  });

  it('applies the blocking-in-async fix: the import and `await readFile(…)`', async () => {
    const [fix] = await client.codeActions(uri, byRule('blocking-in-async'));
    const fixed = lines(applyEdit(ONE_OF_EACH_TEXT, uri, fix!.edit));
    assert.deepEqual(fixed.slice(1, 3), ["import { readFile } from 'node:fs/promises';", "import { readFileSync } from 'node:fs';"]);
    assert.equal(fixed[12], "  const text = await readFile('config.json', 'utf8');");
  });

  it('applies the preferred fixes of the other rules to the exact expected text', async () => {
    const apply = async (rule: string): Promise<string[]> => {
      const [fix] = await client.codeActions(uri, byRule(rule));
      return lines(applyEdit(ONE_OF_EACH_TEXT, uri, fix!.edit));
    };
    assert.equal((await apply('unawaited-promise-all'))[9], '  const results = await Promise.all(names.map(load));');
    assert.deepEqual((await apply('await-in-loop')).slice(12, 15), [
      '  const loaded = [];',
      '  loaded.push(...await Promise.all(names.map((name) => load(name))));',
      '  names.forEach(async (name) => {',
    ]);
    assert.deepEqual((await apply('async-callback-ignored')).slice(16, 19), [
      '  await Promise.all(names.map(async (name) => {',
      '    await load(name);',
      '  }));',
    ]);
  });

  it('fix-all (source.fixAll.async-lens) applies only the safe fix', async () => {
    const actions = await client.fixAll(uri);
    assert.deepEqual(actions.map((action) => [action.title, action.kind]), [['Fix all safe async-lens problems', 'source.fixAll.async-lens']]);
    const expected = ONE_OF_EACH_TEXT.replace('const results = Promise.all', 'const results = await Promise.all');
    assert.equal(applyEdit(ONE_OF_EACH_TEXT, uri, actions[0]!.edit), expected);
  });

  it('offers no fix-all and no quick fixes when only other kinds are asked for', async () => {
    assert.deepEqual(await client.codeActions(uri, byRule('floating-promise'), ['refactor']), []);
  });

  it('hovers a finding with the doc\'s first paragraphs, the fixes, the asyncio analogue and the doc link', async () => {
    const hover = await client.hover(uri, 8, 5);
    assert.ok(hover);
    assert.deepEqual(hover.range, byRule('floating-promise').range);
    const value = (hover.contents as MarkupContent).value;
    assert.equal((hover.contents as MarkupContent).kind, 'markdown');
    const paragraphs = value.split('\n\n');
    assert.equal(paragraphs[0], '**async-lens: floating-promise**: The promise from `load(…)` is dropped: it is not awaited, returned or given a rejection handler.');
    assert.equal(
      paragraphs[1],
      '**What it flags.** An expression statement whose value is a promise that is not awaited, returned, `void`-ed, or\n' +
        'given a rejection handler (`.catch(f)`, or `.then(a, b)` with a second argument). The statement\nmay be:',
    );
    assert.match(paragraphs[2]!, /^\*\*Why it matters\.\*\* A dropped promise runs on detached\./);
    assert.equal(paragraphs[3], '**Fix:** Add `await`; Add `.catch((error) => …)`; Mark as ignored on purpose with `void`');
    assert.equal(paragraphs[4], '**The asyncio analogue.**');
    assert.match(paragraphs[5]!, /^The notes' first lesson: `asyncio\.create_task\(coro\(\)\)`/);
    assert.equal(paragraphs[paragraphs.length - 1], `[floating-promise documentation](${DOCS}floating-promise.md)`);
  });

  it('marks a safe fix as safe in the hover', async () => {
    const hover = await client.hover(uri, 10, 20);
    const value = (hover?.contents as MarkupContent).value;
    assert.match(value, /\n\n\*\*Fix:\*\* Add `await` to the initializer \(every use reads the results\) \(safe\)\n\n/);
  });

  it('has no hover away from findings', async () => {
    assert.equal(await client.hover(uri, 3, 3), null);
  });
});

describe('server: settings', () => {
  let client: LspClient;
  afterEach(() => client.kill());

  it('reads the settings through workspace/configuration and applies a change live', async () => {
    client = await LspClient.start({ debounceMs: 0 });
    const uri = memoryUri('settings.ts');
    await client.open(uri, ONE_OF_EACH_TEXT);
    assert.deepEqual(codes(await client.waitForDiagnostics(uri)), EXPECTED.map(([rule]) => rule));
    assert.ok(client.configurationRequests >= 1);
    await client.changeSettings({ debounceMs: 0, rules: { 'floating-promise': 'off', 'await-in-loop': 'error' } });
    const next = await client.waitForDiagnostics(uri);
    assert.deepEqual(shape(next.diagnostics), [
      ['unawaited-promise-all', 10, 14, 28, 2],
      ['blocking-in-async', 11, 15, 50, 2],
      ['await-in-loop', 14, 16, 32, 1],
      ['async-callback-ignored', 16, 16, 28, 2],
    ]);
  });

  it('hides the asyncio analogue when showAsyncioAnalogues is false', async () => {
    client = await LspClient.start({ debounceMs: 0, showAsyncioAnalogues: false });
    const uri = memoryUri('no-analogue.ts');
    await client.open(uri, ONE_OF_EACH_TEXT);
    await client.waitForDiagnostics(uri);
    const value = ((await client.hover(uri, 8, 5))?.contents as MarkupContent).value;
    assert.doesNotMatch(value, /asyncio/);
    assert.match(value, /\*\*Why it matters\.\*\*/);
    assert.match(value, /\[floating-promise documentation\]\(/);
  });

  it('skips a document larger than maxFileSize, with one log line', async () => {
    client = await LspClient.start({ debounceMs: 0, maxFileSize: 100 });
    const uri = memoryUri('large.ts');
    await client.open(uri, ONE_OF_EACH_TEXT);
    assert.deepEqual((await client.waitForDiagnostics(uri)).diagnostics, []);
    const before = client.count(uri);
    await client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: ' ' }]);
    await client.waitForDiagnostics(uri, (params) => params.version === 2, before);
    assert.deepEqual(client.logs.filter((line) => line.includes('large.ts')), [`skipped ${uri}: larger than 100 bytes (asyncLens.maxFileSize)`]);
  });

  it('skips blocking-in-async in test files unless includeTestFiles is set', async () => {
    client = await LspClient.start({ debounceMs: 0 });
    const uri = fileUri(path.join(FIXTURES, 'test', 'load.test.ts'));
    await client.open(uri, ONE_OF_EACH_TEXT);
    assert.ok(!codes(await client.waitForDiagnostics(uri)).includes('blocking-in-async'));
    await client.changeSettings({ debounceMs: 0, includeTestFiles: true });
    assert.ok(codes(await client.waitForDiagnostics(uri)).includes('blocking-in-async'));
  });

  it('passes blockingCalls to blocking-in-async as additions', async () => {
    const text = "import { exec } from 'better-sqlite3';\n\nexport async function run(): Promise<void> {\n  exec('vacuum');\n}\n";
    client = await LspClient.start({ debounceMs: 0 });
    const uri = memoryUri('additions.ts');
    await client.open(uri, text);
    assert.deepEqual(codes(await client.waitForDiagnostics(uri)), []);
    await client.changeSettings({ debounceMs: 0, blockingCalls: ['better-sqlite3.exec -> a worker thread'] });
    const next = await client.waitForDiagnostics(uri);
    assert.deepEqual(shape(next.diagnostics), [['blocking-in-async', 3, 2, 16, 2]]);
  });

  it('takes settings from initializationOptions when the client has no workspace/configuration', async () => {
    client = await LspClient.start({ debounceMs: 0, rules: { 'floating-promise': 'off' } }, { configuration: false });
    const uri = memoryUri('init-options.ts');
    await client.open(uri, ONE_OF_EACH_TEXT);
    assert.ok(!codes(await client.waitForDiagnostics(uri)).includes('floating-promise'));
    assert.equal(client.configurationRequests, 0);
  });

  it('with run: onSave, analyses on open and save, not on change', async () => {
    client = await LspClient.start({ debounceMs: 0, run: 'onSave' });
    const uri = memoryUri('on-save.ts');
    await client.open(uri, ONE_OF_EACH_TEXT);
    await client.waitForDiagnostics(uri);
    const before = client.count(uri);
    // Remove line 8 (`load('config');`); only the save publishes the result.
    await client.change(uri, 2, [{ range: { start: { line: 8, character: 0 }, end: { line: 9, character: 0 } }, text: '' }]);
    await client.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
    const saved = await client.waitForDiagnostics(uri, () => true, before);
    assert.equal(saved.version, 2);
    assert.equal(client.count(uri), before + 1, 'the change itself published nothing');
    assert.ok(!codes(saved).includes('floating-promise'));
  });
});

describe('server: editing', () => {
  let client: LspClient;
  afterEach(() => client.kill());

  it('gives the same diagnostics after incremental edits (single and multi-change batches) as a fresh open', async () => {
    client = await LspClient.start({ debounceMs: 0 });
    const uri = memoryUri('edited.ts');
    await client.open(uri, ONE_OF_EACH_TEXT);
    await client.waitForDiagnostics(uri);
    const pos = (line: number, character: number) => ({ line, character });
    // 2: make load non-async (its callers lose their findings); 3: two changes in one batch,
    // the second relative to the text after the first; 4: a multi-line insertion; 5: a deletion.
    await client.change(uri, 2, [{ range: { start: pos(3, 0), end: pos(3, 6) }, text: '' }]);
    await client.change(uri, 3, [
      { range: { start: pos(3, 0), end: pos(3, 0) }, text: 'async ' },
      { range: { start: pos(8, 2), end: pos(8, 6) }, text: 'load(load' },
    ]);
    await client.change(uri, 4, [
      { range: { start: pos(19, 0), end: pos(19, 0) }, text: '  for (const n of names) {\n    load(n);\n  }\n' },
      { range: { start: pos(0, 0), end: pos(0, 0) }, text: '\n' },
    ]);
    await client.change(uri, 5, [{ range: { start: pos(12, 0), end: pos(13, 0) }, text: '' }]);
    const edited = await client.waitForDiagnostics(uri, (params) => params.version === 5);

    const finalText = [
      '',
      ...lines(ONE_OF_EACH_TEXT)
        .slice(0, 19)
        .map((line, index) => (index === 8 ? "  load(load('config');" : line)),
      '  for (const n of names) {',
      '    load(n);',
      '  }',
      ...lines(ONE_OF_EACH_TEXT).slice(19),
    ];
    finalText.splice(12, 1);
    const fresh = memoryUri('fresh.ts');
    await client.open(fresh, finalText.join('\n'));
    const expected = await client.waitForDiagnostics(fresh);
    assert.deepEqual(edited.diagnostics, expected.diagnostics);
    assert.ok(codes(expected).includes('floating-promise'));
  });

  it('never publishes a stale version after a newer one, and ends at the newest', async () => {
    client = await LspClient.start({ debounceMs: 20 });
    const uri = memoryUri('stale.ts');
    await client.open(uri, ONE_OF_EACH_TEXT);
    await client.waitForDiagnostics(uri);
    const from = client.count(uri);
    // Each version inserts one more dropped call at the top of main's body.
    for (let version = 2; version <= 8; version++) {
      await client.change(uri, version, [{ range: { start: { line: 8, character: 0 }, end: { line: 8, character: 0 } }, text: "  load('x');\n" }]);
    }
    const last = await client.waitForDiagnostics(uri, (params) => params.version === 8, from);
    const versions = client.published.get(uri)!.slice(from).map((params) => params.version ?? -1);
    assert.deepEqual([...versions].sort((a, b) => a - b), versions, `published in order: ${versions.join(', ')}`);
    assert.equal(versions[versions.length - 1], 8);
    assert.equal(codes(last).filter((code) => code === 'floating-promise').length, 8);
  });

  it('a superseded analysis is never run: a burst of edits inside the debounce publishes once', async () => {
    client = await LspClient.start({ debounceMs: 300 });
    const uri = memoryUri('burst.ts');
    await client.open(uri, ONE_OF_EACH_TEXT);
    await client.waitForDiagnostics(uri);
    const from = client.count(uri);
    const changes = [2, 3, 4].map((version) =>
      client.change(uri, version, [{ range: { start: { line: 8, character: 0 }, end: { line: 8, character: 0 } }, text: ' ' }]),
    );
    await Promise.all(changes);
    await client.waitForDiagnostics(uri, (params) => params.version === 4, from);
    assert.deepEqual(client.published.get(uri)!.slice(from).map((params) => params.version), [4]);
  });

  it('still reports findings in a document with a syntax error', async () => {
    client = await LspClient.start({ debounceMs: 0 });
    const uri = memoryUri('broken.ts');
    const text = ONE_OF_EACH_TEXT.replace('  return [text, ...loaded];', '  const broken = (;\n  return [text, ...loaded];');
    assert.notEqual(text, ONE_OF_EACH_TEXT);
    await client.open(uri, text);
    const params = await client.waitForDiagnostics(uri);
    assert.deepEqual(shape(params.diagnostics).slice(0, 2), EXPECTED.slice(0, 2));
    assert.ok(codes(params).includes('async-callback-ignored'));
  });

  it('disables for a line among JSX children with a {/* */} comment, which the next analysis honours', async () => {
    client = await LspClient.start({ debounceMs: 0 });
    const uri = memoryUri('view.tsx');
    const text = [
      'declare function save(): Promise<void>;',
      'export function View() {',
      '  return (',
      '    <ul>',
      '      <li onClick={() => {',
      '        save();',
      '      }}>save</li>',
      '    </ul>',
      '  );',
      '}',
      '',
    ].join('\n');
    await client.open(uri, text, 1, 'typescriptreact');
    const [floating] = (await client.waitForDiagnostics(uri)).diagnostics.filter((d) => d.code === 'floating-promise');
    assert.ok(floating, 'save() is reported');
    const disable = (await client.codeActions(uri, floating)).find((action) => action.title === 'Disable floating-promise for this line');
    const after = applyEdit(text, uri, disable?.edit);
    // save() is in a block of the arrow, not among the JSX children: a plain line comment.
    assert.equal(after.split('\n')[5], '        // async-lens-disable-next-line floating-promise');

    // An async predicate inside the JSX children: the line above it is JSX text.
    const child = text
      .replace('declare function save(): Promise<void>;', 'declare const items: { done: boolean }[];')
      .replace('      <li onClick={() => {\n        save();\n      }}>save</li>', '      <li>\n        {items.filter(async (item) => item.done).length}\n      </li>');
    await client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 11, character: 0 } }, text: child }]);
    const params = await client.waitForDiagnostics(uri, (p) => p.version === 2);
    const inChild = params.diagnostics.find((d) => d.code === 'async-callback-ignored');
    assert.ok(inChild, 'the async predicate among the children is reported');
    const childDisable = (await client.codeActions(uri, inChild)).find((action) => action.title === 'Disable async-callback-ignored for this line');
    const disabled = applyEdit(child, uri, childDisable?.edit);
    assert.equal(disabled.split('\n')[5], '        {/* async-lens-disable-next-line async-callback-ignored */}');
    await client.change(uri, 3, [{ range: { start: { line: 0, character: 0 }, end: { line: 12, character: 0 } }, text: disabled }]);
    const quiet = await client.waitForDiagnostics(uri, (p) => p.version === 3);
    assert.deepEqual(quiet.diagnostics.map((d) => d.code), []);
  });

  it('reports an unused suppression as a hint tagged unnecessary, with its removal first', async () => {
    client = await LspClient.start({ debounceMs: 0 });
    const uri = memoryUri('unused.ts');
    const text = '// async-lens-disable-next-line floating-promise\nconst x = 1;\nexport { x };\n';
    await client.open(uri, text);
    const [diagnostic] = (await client.waitForDiagnostics(uri)).diagnostics;
    assert.ok(diagnostic);
    assert.deepEqual(
      { code: diagnostic.code, severity: diagnostic.severity, tags: diagnostic.tags, range: diagnostic.range },
      { code: 'floating-promise', severity: 4, tags: [1], range: { start: { line: 0, character: 0 }, end: { line: 0, character: 48 } } },
    );
    const actions = await client.codeActions(uri, diagnostic);
    assert.deepEqual(actions.map((action) => [action.title, action.isPreferred === true]), [
      ['Remove the unused suppression', true],
      ['Learn about floating-promise', false],
    ]);
    assert.equal(applyEdit(text, uri, actions[0]!.edit), 'const x = 1;\nexport { x };\n');
  });

  it('puts the file suppression after a shebang, and applying it removes the finding', async () => {
    client = await LspClient.start({ debounceMs: 0 });
    const uri = memoryUri('shebang.ts');
    const text = '#!/usr/bin/env node\nfetch("https://example.com");\n';
    await client.open(uri, text);
    const [diagnostic] = (await client.waitForDiagnostics(uri)).diagnostics;
    const actions = await client.codeActions(uri, diagnostic!);
    const disable = actions.find((action) => action.title === 'Disable floating-promise for this file');
    const fixed = applyEdit(text, uri, disable?.edit);
    assert.equal(fixed, '#!/usr/bin/env node\n/* async-lens-disable floating-promise */\nfetch("https://example.com");\n');
    const from = client.count(uri);
    await client.change(uri, 2, [{ text: fixed }]);
    assert.deepEqual((await client.waitForDiagnostics(uri, () => true, from)).diagnostics, []);
  });

  it('analyses files from disk on asyncLens/analyzeFiles and publishes their diagnostics', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'async-lens-server-'));
    try {
      writeFileSync(path.join(folder, 'on-disk.ts'), ONE_OF_EACH_TEXT);
      client = await LspClient.start({ debounceMs: 0 }, { rootPath: folder });
      const uri = fileUri(path.join(folder, 'on-disk.ts'));
      const missing = fileUri(path.join(folder, 'missing.ts'));
      const result = await client.connection.sendRequest('asyncLens/analyzeFiles', { uris: [uri, missing] });
      assert.deepEqual(result, { analysed: 1, skipped: 1, findings: 5, cancelled: false });
      assert.deepEqual(shape((await client.waitForDiagnostics(uri, () => true, 0)).diagnostics), EXPECTED);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('clears a document\'s diagnostics when it closes', async () => {
    client = await LspClient.start({ debounceMs: 0 });
    const uri = memoryUri('closed.ts');
    await client.open(uri, ONE_OF_EACH_TEXT);
    await client.waitForDiagnostics(uri);
    const from = client.count(uri);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    assert.deepEqual((await client.waitForDiagnostics(uri, () => true, from)).diagnostics, []);
  });

  it('shuts down and exits with code 0', async () => {
    client = await LspClient.start();
    assert.equal(await client.stop(), 0);
  });
});
