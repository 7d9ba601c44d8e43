// The teaching features where the learner meets them: a snippet inserted by name, the walkthrough (its
// page in the DOM, a step's command opening its example, a fixed mistake completing its step), the
// lesson hover on `Promise.race`, and the Chinese locale for diagnostics and hovers.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  activeExtension,
  askDriver,
  codeOf,
  lineOf,
  openExampleCopy,
  openScratch,
  retryOnCanceled,
  waitForDiagnostics,
  waitForNoRule,
  waitForRules,
  waitForText,
  workspaceRoot,
} from '../helpers';

interface ElementResult {
  ok: boolean;
  count?: number;
  text?: string;
  error?: string;
}

const WALKTHROUGH = 'async-lens.async-lens#asyncioLessons';

/** Waits (in the driver) until the walkthrough step titled `title` shows that it is done. */
async function assertStepDone(name: string, title: string): Promise<void> {
  const step = await askDriver<ElementResult & { className?: string }>('element', { name, selector: '.getting-started-step', text: title });
  assert.ok(step.ok, `the driver saw ${JSON.stringify(step)}`);
  // A done step shows the registered "checked" icon instead of the empty circle.
  const done = await askDriver<ElementResult>('element', { name, selector: '.getting-started-step:has(.codicon-getting-started-step-checked)', text: title });
  assert.ok(done.ok, `the step "${title}" is not marked done; its classes are ${step.className}`);
}

/** The Markdown of every hover at `position`. */
async function hoverAt(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await retryOnCanceled(() => vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position));
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n---\n');
}

async function updateSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('asyncLens').update(key, value, vscode.ConfigurationTarget.Global);
}

describe('snippets', () => {
  it('editor.action.insertSnippet by name inserts the gather snippet with its defaults', async () => {
    const extension = await activeExtension();
    const file = path.join(extension.extensionPath, 'snippets', 'typescript.code-snippets');
    const snippets = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, { prefix: string | string[]; body: string[] }>;
    const gather = snippets['Await several at once (gather)'];
    assert.ok(gather, 'the gather snippet is contributed');
    assert.equal(gather.prefix, 'async-gather');
    // Its placeholders are plain `${n:default}` and the final `$0`: the defaults give the expected text.
    const expected = gather.body.join('\n').replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$0/g, '');
    assert.match(expected, /^const \[first, second\] = await Promise\.all\(\[loadFirst\(\), loadSecond\(\)\]\);$/m);

    const document = await vscode.workspace.openTextDocument({ language: 'typescript' });
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'typescript', name: 'Await several at once (gather)' });
    assert.equal(await waitForText(document, 'the snippet', (text) => text.length > 0 && text === expected), expected);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});

describe('walkthrough', () => {
  before(() => activeExtension());

  it('workbench.action.openWalkthrough opens "Async TypeScript for asyncio users" with its steps', async () => {
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH, false);
    const page = await askDriver<ElementResult>('element', {
      name: 'walkthrough',
      selector: '.gettingStartedContainer',
      text: 'Async TypeScript for asyncio users',
    });
    assert.ok(page.ok, `the driver saw ${JSON.stringify(page)}`);
    assert.match(page.text ?? '', /Tasks start at once/);
    assert.match(page.text ?? '', /Fix the mistake: unawaited-promise-all/);
  });

  it("the first step's button runs its command: the lesson's example opens and the step is done", async () => {
    const opened = new Promise<vscode.TextEditor | undefined>((resolve) => {
      const subscription = vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor?.document.uri.path.endsWith('/01-task-timing.ts')) {
          subscription.dispose();
          resolve(editor);
        }
      });
    });
    const button = await askDriver<ElementResult>('click', { name: 'walkthrough-click', selector: 'text="Open the example" >> visible=true' });
    assert.ok(button.ok, `the driver saw ${JSON.stringify(button)}`);
    const editor = await opened;
    assert.equal(editor?.document.uri.toString(), vscode.Uri.joinPath(workspaceRoot(), '01-task-timing.ts').toString());
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH, false);
    await assertStepDone('walkthrough-step-done', 'Tasks start at once');
  });

  it('fixing the example of a lesson with a finding completes its "fix the mistake" step', async () => {
    await vscode.commands.executeCommand('asyncLens.openLesson.gather');
    const editor = vscode.window.activeTextEditor!;
    assert.equal(path.basename(editor.document.uri.fsPath), '02-gather.ts');
    const original = editor.document.getText();
    const [diagnostic] = await waitForRules(editor.document.uri, ['unawaited-promise-all']);
    const line = lineOf(editor, "Promise.all([quote('late'");
    assert.equal(diagnostic!.range.start.line, line);
    // Fix it as the learner would, with the preferred quick fix (`await`).
    await editor.edit((edit) => edit.insert(diagnostic!.range.start, 'await '));
    await waitForNoRule(editor.document.uri, 'unawaited-promise-all');
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH, false);
    await assertStepDone('walkthrough-fixed', 'Fix the mistake: unawaited-promise-all');
    // The example is the workspace's own file, which later tests copy (and the editor may have
    // saved the edit): put its text back and save it.
    const restored = await vscode.window.showTextDocument(editor.document);
    const whole = new vscode.Range(new vscode.Position(0, 0), restored.document.positionAt(restored.document.getText().length));
    await restored.edit((edit) => edit.replace(whole, original));
    await restored.document.save();
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(restored.document.uri)), original, 'the example on disk is the original');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});

describe('lesson hovers', () => {
  it('a hover on Promise.race shows the lesson: TypeScript first, then asyncio and what differs', async () => {
    const editor = await openScratch(
      'race.ts',
      'export async function first(a: Promise<number>, b: Promise<number>): Promise<number> {\n  return await Promise.race([a, b]);\n}\n',
    );
    await waitForDiagnostics(editor.document.uri, 'an analysis with no finding', (diagnostics) => diagnostics.length === 0);
    const line = lineOf(editor, 'Promise.race');
    const text = await hoverAt(editor.document.uri, new vscode.Position(line, editor.document.lineAt(line).text.indexOf('race') + 1));
    assert.match(text, /\*\*`Promise\.race\(promises\)`\*\* settles with the first promise to settle/);
    assert.match(text, /\*\*In asyncio\.\*\*/);
    assert.ok(text.indexOf('settles with the first promise') < text.indexOf('**In asyncio.**'), 'TypeScript comes first');
  });
});

describe('locale', () => {
  afterEach(() => updateSetting('locale', undefined));

  it('asyncLens.locale zh-cn gives Chinese diagnostics and hovers, and auto gives them back in English', async () => {
    const editor = await openExampleCopy('02-gather.ts', 'locale-02-gather.ts');
    const uri = editor.document.uri;
    await waitForRules(uri, ['unawaited-promise-all']);
    await updateSetting('locale', 'zh-cn');
    const chinese = await waitForDiagnostics(uri, 'a Chinese message', (diagnostics) =>
      diagnostics.some((d) => codeOf(d) === 'unawaited-promise-all' && /没有被 await/.test(d.message)),
    );
    const diagnostic = chinese.find((d) => codeOf(d) === 'unawaited-promise-all')!;
    assert.equal(diagnostic.message, '`Promise.all(…)` 没有被 await：它的结果和拒绝都被丢弃了。');
    const hover = await hoverAt(uri, diagnostic.range.start.translate(0, 1));
    assert.match(hover, /\*\*报告什么。\*\*/);
    assert.match(hover, /\*\*为什么重要。\*\*/);
    await updateSetting('locale', undefined);
    await waitForDiagnostics(uri, 'the English message again', (diagnostics) =>
      diagnostics.some((d) => codeOf(d) === 'unawaited-promise-all' && d.message.startsWith('`Promise.all(…)` is not awaited')),
    );
  });
});
