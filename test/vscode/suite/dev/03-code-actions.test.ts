// Quick fixes come in the ladder order, applying them gives the expected text, and fix-all applies only
// safe fixes.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, openExampleCopy, openScratch, ourCodeActions, retryOnCanceled, waitForNoRule, waitForRules, waitForText } from '../helpers';

/** Our actions for the first diagnostic of `rule` in the editor's document. */
async function actionsFor(editor: vscode.TextEditor, rule: string): Promise<vscode.CodeAction[]> {
  const diagnostics = await waitForRules(editor.document.uri, [rule]);
  const diagnostic = diagnostics.find((d) => codeOf(d) === rule)!;
  return ourCodeActions(editor.document.uri, diagnostic.range, rule);
}

async function apply(action: vscode.CodeAction): Promise<void> {
  assert.ok(action.edit, `${action.title} has an edit`);
  assert.equal(await vscode.workspace.applyEdit(action.edit), true, `${action.title} applied`);
}

function byTitle(actions: vscode.CodeAction[], title: string): vscode.CodeAction {
  const action = actions.find((a) => a.title === title);
  assert.ok(action, `an action titled ${title} among ${JSON.stringify(actions.map((a) => a.title))}`);
  return action;
}

describe('code actions', () => {
  it('are listed in ladder order: preferred fix, alternatives, disable line, disable file, learn', async () => {
    const editor = await openExampleCopy('06-producer-consumer-join.ts');
    const actions = await actionsFor(editor, 'floating-promise');
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
    assert.deepEqual(actions.map((action) => action.isPreferred === true), [true, false, false, false, false, false]);
    assert.ok(actions.every((action) => action.kind?.value === vscode.CodeActionKind.QuickFix.value));
  });

  it('come before the actions of other providers', async () => {
    const editor = await openExampleCopy('02-gather.ts');
    const diagnostic = (await waitForRules(editor.document.uri, ['unawaited-promise-all']))[0]!;
    const all = await retryOnCanceled(() =>
      vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, diagnostic.range),
    );
    assert.equal(all[0]?.title, 'Add `await`');
  });

  it('the preferred fix gives the expected text and clears the diagnostic', async () => {
    const editor = await openExampleCopy('02-gather.ts');
    const [preferred] = await actionsFor(editor, 'unawaited-promise-all');
    await apply(preferred!);
    assert.match(editor.document.getText(), /^ {2}await Promise\.all\(\[quote\('late', 50\)\]\); \/\/ unawaited-promise-all$/m);
    await waitForNoRule(editor.document.uri, 'unawaited-promise-all');
  });

  it('an alternative fix gives its text (.catch on a floating promise)', async () => {
    const editor = await openExampleCopy('06-producer-consumer-join.ts');
    const actions = await actionsFor(editor, 'floating-promise');
    await apply(byTitle(actions, 'Add `.catch((error) => …)`'));
    assert.match(editor.document.getText(), /produce\(queue, 'dropped', 2\)\.catch\(\(error: unknown\) => \{\n {4}console\.error\(error\);\n {2}\}\);/);
    await waitForNoRule(editor.document.uri, 'floating-promise');
  });

  it('the blocking-in-async fix awaits the promise API', async () => {
    const editor = await openExampleCopy('08-blocking-in-async.ts');
    const [preferred] = await actionsFor(editor, 'blocking-in-async');
    assert.equal(preferred!.title, 'Await the `node:fs/promises` version');
    await apply(preferred!);
    assert.match(editor.document.getText(), /await readFile\(file, 'utf8'\)/);
    await waitForNoRule(editor.document.uri, 'blocking-in-async');
  });

  it('"Disable for this line" inserts the directive and the finding goes away', async () => {
    const editor = await openExampleCopy('09-foreach-async.ts');
    const actions = await actionsFor(editor, 'async-callback-ignored');
    await apply(byTitle(actions, 'Disable async-callback-ignored for this line'));
    assert.match(editor.document.getText(), /^\s*\/\/ async-lens-disable-next-line async-callback-ignored\n.*forEach\(async/m);
    await waitForNoRule(editor.document.uri, 'async-callback-ignored');
  });

  it('"Disable for this file" inserts the file directive at the top', async () => {
    const editor = await openExampleCopy('10-await-in-loop.ts');
    const actions = await actionsFor(editor, 'await-in-loop');
    await apply(byTitle(actions, 'Disable await-in-loop for this file'));
    assert.equal(editor.document.lineAt(0).text, '/* async-lens-disable await-in-loop */');
    await waitForNoRule(editor.document.uri, 'await-in-loop');
  });

  it('"Learn about" opens the bundled rule doc in the Markdown preview', async () => {
    const editor = await openExampleCopy('02-gather.ts');
    const learn = byTitle(await actionsFor(editor, 'unawaited-promise-all'), 'Learn about unawaited-promise-all');
    assert.equal(learn.command?.command, 'asyncLens.showRuleDoc');
    const opened = waitForTab((tab) => /unawaited-promise-all/.test(tab.label) && tab.input instanceof vscode.TabInputWebview);
    const uri = await vscode.commands.executeCommand<vscode.Uri>(learn.command.command, ...(learn.command.arguments ?? []));
    assert.match(uri.path, /\/docs\/rules\/unawaited-promise-all\.md$/);
    await opened;
  });

  it('fix-all (source.fixAll.async-lens) applies the safe fixes only', async () => {
    const editor = await openScratch(
      'fix-all.ts',
      [
        'async function quote(n: number): Promise<number> {',
        '  return n;',
        '}',
        '',
        'async function main(): Promise<void> {',
        '  const results = Promise.all([quote(1), quote(2)]);',
        '  console.log(results.length);',
        '  quote(3);',
        '}',
        '',
        'main().catch(() => undefined);',
        '',
      ].join('\n'),
    );
    await waitForRules(editor.document.uri, ['unawaited-promise-all', 'floating-promise']);
    await retryOnCanceled(() =>
      vscode.commands.executeCommand('editor.action.codeAction', { kind: 'source.fixAll.async-lens', apply: 'first' }),
    );
    const text = await waitForText(editor.document, 'the safe fix', (now) => now.includes('await Promise.all'));
    assert.match(text, /const results = await Promise\.all\(\[quote\(1\), quote\(2\)\]\);/, 'the safe fix is applied');
    assert.match(text, /^ {2}quote\(3\);$/m, 'the unsafe fix (await a floating promise) is not');
    const left = await waitForNoRule(editor.document.uri, 'unawaited-promise-all');
    assert.deepEqual(left.map(codeOf), ['floating-promise']);
  });
});

/** Resolves when a tab matching `accept` is open (now or after a tab change); rejects after 20 s. */
function waitForTab(accept: (tab: vscode.Tab) => boolean): Promise<void> {
  const open = (): boolean => vscode.window.tabGroups.all.some((group) => group.tabs.some(accept));
  return new Promise((resolve, reject) => {
    if (open()) return resolve();
    const subscription = vscode.window.tabGroups.onDidChangeTabs(() => {
      if (!open()) return;
      subscription.dispose();
      clearTimeout(timer);
      resolve();
    });
    const timer = setTimeout(() => {
      subscription.dispose();
      const tabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs.map((tab) => tab.label));
      reject(new Error(`timed out waiting for the doc's preview tab; tabs: ${JSON.stringify(tabs)}`));
    }, 20_000);
  });
}
