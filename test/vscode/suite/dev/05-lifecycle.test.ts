// Editing, the server's life (crash, restart) and the commands.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, codeOf, expectedFindings, openExampleCopy, openScratch, waitForNoRule, waitForRules, workspaceRoot } from '../helpers';

describe('editing', () => {
  it('fixing the code by hand clears the diagnostic', async () => {
    const editor = await openExampleCopy('06-producer-consumer-join.ts');
    const diagnostic = (await waitForRules(editor.document.uri, ['floating-promise'])).find((d) => codeOf(d) === 'floating-promise')!;
    const ok = await editor.edit((builder) => builder.insert(diagnostic.range.start, 'await '));
    assert.equal(ok, true);
    await waitForNoRule(editor.document.uri, 'floating-promise');
  });

  it('typing a mistake adds its diagnostic', async () => {
    const editor = await openScratch('typing.ts', 'async function save(): Promise<void> {}\n\nexport async function main(): Promise<void> {\n  await save();\n}\n');
    await waitForNoRule(editor.document.uri, 'floating-promise');
    await editor.edit((builder) => builder.insert(new vscode.Position(4, 0), '  save();\n'));
    const [diagnostic] = await waitForRules(editor.document.uri, ['floating-promise']);
    assert.equal(diagnostic!.range.start.line, 4);
  });
});

describe('server lifecycle', () => {
  it('the server killed once comes back, with its diagnostics', async () => {
    const extension = await activeExtension();
    const before = extension.exports.serverPid();
    assert.ok(typeof before === 'number');
    const editor = await openExampleCopy('02-gather.ts');
    await waitForRules(editor.document.uri, ['unawaited-promise-all']);
    process.kill(before, 'SIGKILL');
    // A new process re-publishes the diagnostics of the open documents.
    const changed = await new Promise<number>((resolve, reject) => {
      const deadline = setTimeout(() => {
        subscription.dispose();
        reject(new Error(`no diagnostics from a new server within 20 s (pid still ${String(extension.exports.serverPid())})`));
      }, 20_000);
      const subscription = vscode.languages.onDidChangeDiagnostics(() => {
        const pid = extension.exports.serverPid();
        if (pid === undefined || pid === before) return;
        const ours = vscode.languages.getDiagnostics(editor.document.uri).filter((d) => codeOf(d) === 'unawaited-promise-all');
        if (ours.length === 0) return;
        clearTimeout(deadline);
        subscription.dispose();
        resolve(pid);
      });
    });
    assert.notEqual(changed, before);
  });

  it('asyncLens.restartServer starts a new server process', async () => {
    const extension = await activeExtension();
    const before = extension.exports.serverPid();
    await vscode.commands.executeCommand('asyncLens.restartServer');
    const after = extension.exports.serverPid();
    assert.equal(typeof after, 'number');
    assert.notEqual(after, before);
    const editor = await openExampleCopy('09-foreach-async.ts');
    await waitForRules(editor.document.uri, ['async-callback-ignored']);
  });
});

describe('commands', () => {
  it('asyncLens.analyzeWorkspace analyses every source file, opened or not, into the Problems panel', async () => {
    // A file written to disk and never opened: only the workspace analysis can report it.
    const unopened = vscode.Uri.joinPath(workspaceRoot(), 'scratch', 'never-opened.ts');
    await vscode.workspace.fs.writeFile(unopened, new TextEncoder().encode('async function load(): Promise<void> {}\nload();\n'));
    assert.ok(!vscode.workspace.textDocuments.some((document) => document.uri.toString() === unopened.toString()));
    const result = await vscode.commands.executeCommand<{ files: number; cancelled: boolean; via: string }>('asyncLens.analyzeWorkspace');
    const sources = (await vscode.workspace.findFiles('**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}', '**/node_modules/**')).length;
    assert.equal(result.cancelled, false);
    assert.equal(result.via, 'server', 'the server analyses unopened files itself (asyncLens/analyzeFiles)');
    assert.equal(result.files, sources);
    const [diagnostic] = await waitForRules(unopened, ['floating-promise']);
    assert.equal(diagnostic!.range.start.line, 1);
    for (const finding of expectedFindings()) {
      await waitForRules(vscode.Uri.joinPath(workspaceRoot(), finding.file), [finding.rule]);
    }
  });

  it('asyncLens.showRuleDoc opens a rule doc and refuses an unknown rule', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('asyncLens.showRuleDoc', 'await-in-loop');
    assert.match(uri.path, /\/docs\/rules\/await-in-loop\.md$/);
    const bytes = await vscode.workspace.fs.readFile(uri);
    assert.match(new TextDecoder().decode(bytes), /await-in-loop/);
    assert.equal(await vscode.commands.executeCommand('asyncLens.showRuleDoc', 'no-such-rule'), undefined);
  });
});
