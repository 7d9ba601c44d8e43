// Hovers render the rule doc; settings changes apply live.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, openExampleCopy, retryOnCanceled, waitForDiagnostics, waitForNoRule, waitForRules } from '../helpers';

/** The Markdown of every hover at the start of the first diagnostic of `rule`. */
async function hoverText(editor: vscode.TextEditor, rule: string): Promise<string> {
  const diagnostic = (await waitForRules(editor.document.uri, [rule])).find((d) => codeOf(d) === rule)!;
  const position = diagnostic.range.start.translate(0, 1);
  const hovers = await retryOnCanceled(() =>
    vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, position),
  );
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n---\n');
}

async function updateSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('asyncLens').update(key, value, vscode.ConfigurationTarget.Global);
}

describe('hovers', () => {
  afterEach(() => updateSetting('showAsyncioAnalogues', undefined));

  it('a hover over a finding renders the rule doc: what, why, fix, asyncio analogue, link', async () => {
    const editor = await openExampleCopy('02-gather.ts');
    const text = await hoverText(editor, 'unawaited-promise-all');
    assert.match(text, /async-lens: unawaited-promise-all/);
    assert.match(text, /\*\*What it flags\.\*\*/);
    assert.match(text, /\*\*Why it matters\.\*\*/);
    assert.match(text, /\*\*Fix:\*\* Add `await`/);
    assert.match(text, /asyncio/);
    assert.match(text, /docs\/rules\/unawaited-promise-all\.md/);
  });

  it('asyncLens.showAsyncioAnalogues: false hides the asyncio analogue', async () => {
    const editor = await openExampleCopy('02-gather.ts');
    await updateSetting('showAsyncioAnalogues', false);
    // The server re-reads its settings on the change notification; hovers are computed per request.
    let text = '';
    for (let attempt = 0; attempt < 50 && /The asyncio analogue/.test((text = await hoverText(editor, 'unawaited-promise-all'))); attempt++) {
      await nextDiagnosticsOrTick(editor.document.uri);
    }
    assert.doesNotMatch(text, /The asyncio analogue/);
    assert.match(text, /\*\*Why it matters\.\*\*/);
  });
});

describe('settings', () => {
  afterEach(() => updateSetting('rules', undefined));

  it('a rule turned off in settings loses its diagnostics, and turned back on shows them again', async () => {
    const editor = await openExampleCopy('09-foreach-async.ts');
    await waitForRules(editor.document.uri, ['async-callback-ignored']);
    await updateSetting('rules', { 'async-callback-ignored': 'off' });
    await waitForNoRule(editor.document.uri, 'async-callback-ignored');
    await updateSetting('rules', undefined);
    await waitForRules(editor.document.uri, ['async-callback-ignored']);
  });

  it('a severity set in settings is the diagnostic severity', async () => {
    const editor = await openExampleCopy('10-await-in-loop.ts');
    await waitForRules(editor.document.uri, ['await-in-loop']);
    await updateSetting('rules', { 'await-in-loop': 'error' });
    await waitForDiagnostics(editor.document.uri, 'await-in-loop as an error', (diagnostics) =>
      diagnostics.some((d) => codeOf(d) === 'await-in-loop' && d.severity === vscode.DiagnosticSeverity.Error),
    );
  });
});

/** Waits for a diagnostics event on `uri` or 100 ms, whichever comes first (a bounded re-check of a hover). */
function nextDiagnosticsOrTick(uri: vscode.Uri): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, 100);
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString())) done();
    });
    function done(): void {
      clearTimeout(timer);
      subscription.dispose();
      resolve();
    }
  });
}
