// The extension as a user gets it: installed from the .vsix (`--install-extension` into a fresh extensions
// folder), while the development path is an empty harness. Run twice: trusted, and in Restricted Mode
// (the server started without --disable-workspace-trust), where `untrustedWorkspaces: limited` still
// activates it with syntax-tier diagnostics.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, expectedFindings, openExample, waitForRules } from '../helpers';

const restricted = process.env.ASYNC_LENS_TEST_SESSION === 'restricted';

describe(restricted ? 'installed .vsix in Restricted Mode' : 'installed .vsix', () => {
  it(restricted ? 'the workspace is untrusted (vscode.workspace.isTrusted === false)' : 'the workspace is trusted', () => {
    assert.equal(vscode.workspace.isTrusted, !restricted);
  });

  it('the extension comes from the installed .vsix, not from the sources', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    assert.match(extension.extensionUri.path, /\/extensions\/async-lens\.async-lens-\d+\.\d+\.\d+/);
    assert.equal((extension.packageJSON as { capabilities: unknown }).capabilities !== undefined, true);
  });

  it('it activates on an example and shows its diagnostics', async () => {
    const finding = expectedFindings().find((f) => f.rule === 'unawaited-promise-all')!;
    const editor = await openExample(finding.file);
    const [diagnostic] = await waitForRules(editor.document.uri, [finding.rule]);
    assert.equal(vscode.extensions.getExtension(EXTENSION_ID)!.isActive, true);
    assert.equal(diagnostic!.range.start.line, finding.line - 1);
    assert.equal(diagnostic!.range.start.character, finding.column - 1);
  });

  it('the packaged server finds its bundled rule docs (hover and doc command)', async () => {
    const editor = await openExample('08-blocking-in-async.ts');
    const [diagnostic] = await waitForRules(editor.document.uri, ['blocking-in-async']);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, diagnostic!.range.start.translate(0, 1));
    const text = hovers.flatMap((hover) => hover.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
    assert.match(text, /\*\*Why it matters\.\*\*/);
    const uri = await vscode.commands.executeCommand<vscode.Uri>('asyncLens.showRuleDoc', 'blocking-in-async');
    assert.match(uri.path, /\/extensions\/async-lens\.async-lens-[^/]+\/docs\/rules\/blocking-in-async\.md$/);
  });
});
