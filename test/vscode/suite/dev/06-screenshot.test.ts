// Chromium renders the workbench with an example open: a warning squiggle in the editor and a Problems row
// naming an async-lens rule. The driver (outside the extension host) checks the DOM and keeps the PNG.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { askDriver, openExample, waitForRules } from '../helpers';

interface ScreenshotResult {
  ok: boolean;
  file?: string;
  squiggles?: number;
  problemRows?: number;
  problemText?: string;
  error?: string;
}

describe('screenshot', () => {
  it('the workbench shows a warning squiggle and a Problems row naming the rule', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const editor = await openExample('02-gather.ts');
    const [diagnostic] = await waitForRules(editor.document.uri, ['unawaited-promise-all']);
    editor.revealRange(diagnostic!.range, vscode.TextEditorRevealType.InCenter);
    editor.selection = new vscode.Selection(diagnostic!.range.start, diagnostic!.range.start);
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    const result = await askDriver<ScreenshotResult>('screenshot', { name: 'workbench-02-gather', rule: 'unawaited-promise-all' });
    assert.ok(result.ok, `the driver saw ${JSON.stringify(result)}`);
    assert.ok((result.squiggles ?? 0) > 0);
    assert.match(result.problemText ?? '', /unawaited-promise-all/);
  });
});
