// The config file in the editor: a typo'd key shows one error notification naming it while diagnostics go on
// with the defaults; a fixed file applies at once; a deleted one gives the defaults back.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { askDriver, openExampleCopy, waitForNoRule, waitForRules, workspaceRoot } from '../helpers';

interface ElementResult {
  ok: boolean;
  count?: number;
  text?: string;
  error?: string;
}

async function writeConfig(text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(workspaceRoot(), 'async-lens.config.json'), new TextEncoder().encode(text));
}

describe('config file', () => {
  after(async () => {
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(workspaceRoot(), 'async-lens.config.json')).then(undefined, () => undefined);
  });

  it('a typo in async-lens.config.json is one notification naming the key; diagnostics keep the defaults', async () => {
    await writeConfig('{\n  "rulez": { "unawaited-promise-all": "off" }\n}\n');
    const editor = await openExampleCopy('02-gather.ts', 'config-typo-02-gather.ts');
    await waitForRules(editor.document.uri, ['unawaited-promise-all']);
    // The notification center lists it whether or not a toast is still showing.
    await vscode.commands.executeCommand('notifications.showList');
    const toast = await askDriver<ElementResult>('element', { name: 'config-error', selector: '.notifications-center .monaco-list-row', text: 'rulez' });
    await vscode.commands.executeCommand('notifications.hideList');
    assert.ok(toast.ok, `the driver saw ${JSON.stringify(toast)}`);
    assert.match(toast.text ?? '', /async-lens\.config\.json:2:3: unknown key "rulez" \(did you mean "rules"\?\)/);
  });

  it('fixing the file applies it to open documents, and deleting it restores the defaults', async () => {
    const editor = await openExampleCopy('02-gather.ts', 'config-fixed-02-gather.ts');
    await waitForRules(editor.document.uri, ['unawaited-promise-all']);
    await writeConfig('{\n  "rules": { "unawaited-promise-all": "off" }\n}\n');
    await waitForNoRule(editor.document.uri, 'unawaited-promise-all');
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(workspaceRoot(), 'async-lens.config.json'));
    await waitForRules(editor.document.uri, ['unawaited-promise-all']);
  });
});
