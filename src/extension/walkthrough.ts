// The walkthrough's side: a command per lesson that opens its example or inserts its snippet, and the
// context keys that complete the "fix the mistake" steps once the server no longer reports the
// lesson's finding in its example.
import * as vscode from 'vscode';
import { fixedContextKey, insertSnippetCommand, LESSONS, openLessonCommand, type Lesson } from './lessons';

/** The source of our diagnostics. */
const SOURCE = 'async-lens';

/** Registers the lesson commands and starts watching diagnostics for fixed lessons. */
export function registerLessons(context: vscode.ExtensionContext): vscode.Disposable {
  const watcher = new FixWatcher();
  const commands = LESSONS.flatMap((lesson) => [
    ...(lesson.example ? [[openLessonCommand(lesson), () => openLesson(context, lesson, watcher)] as const] : []),
    ...(lesson.snippet ? [[insertSnippetCommand(lesson), () => insertLessonSnippet(lesson)] as const] : []),
  ]).map(([id, handler]) => vscode.commands.registerCommand(id, handler));
  return vscode.Disposable.from(watcher, ...commands);
}

/** Opens a lesson's example (returned, for tests) and starts watching it for its finding. */
export async function openLesson(context: vscode.ExtensionContext, lesson: Lesson, watcher?: FixWatcher): Promise<vscode.Uri> {
  const uri = await exampleUri(context, lesson.example!);
  if (lesson.rule) watcher?.watch(lesson, uri);
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document, { preview: false });
  return uri;
}

/**
 * The example to open: the workspace's own copy (`<folder>/<file>` or `<folder>/examples/<file>`,
 * as in the repository and the demo), else a copy of the bundled one in the extension's storage,
 * made once so that the learner's edits are kept. The copy takes `lib/` along, which lessons import.
 */
async function exampleUri(context: vscode.ExtensionContext, file: string): Promise<vscode.Uri> {
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    for (const candidate of [vscode.Uri.joinPath(folder.uri, file), vscode.Uri.joinPath(folder.uri, 'examples', file)]) {
      if (await exists(candidate)) return candidate;
    }
  }
  const bundled = vscode.Uri.joinPath(context.extensionUri, 'examples');
  const copy = vscode.Uri.joinPath(context.globalStorageUri, 'examples');
  for (const name of [file, 'lib', 'tsconfig.json']) {
    const target = vscode.Uri.joinPath(copy, name);
    if (!(await exists(target))) await vscode.workspace.fs.copy(vscode.Uri.joinPath(bundled, name), target);
  }
  return vscode.Uri.joinPath(copy, file);
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** Inserts a lesson's snippet at the cursor, or into a new TypeScript file when no editor is active. */
async function insertLessonSnippet(lesson: Lesson): Promise<void> {
  if (!vscode.window.activeTextEditor) {
    const document = await vscode.workspace.openTextDocument({ language: 'typescript' });
    await vscode.window.showTextDocument(document);
  }
  await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'typescript', name: lesson.snippet });
}

/**
 * Sets a lesson's context key once its example, opened through the walkthrough, has been reported
 * with the lesson's rule and then no longer is: the learner fixed the mistake (or suppressed it,
 * which the step's text says is not the point).
 */
export class FixWatcher implements vscode.Disposable {
  private readonly watched = new Map<string, { lesson: Lesson; seen: boolean }>();
  private readonly subscription = vscode.languages.onDidChangeDiagnostics((event) => {
    for (const uri of event.uris) this.check(uri);
  });

  watch(lesson: Lesson, uri: vscode.Uri): void {
    if (!this.watched.has(uri.toString())) this.watched.set(uri.toString(), { lesson, seen: false });
    this.check(uri);
  }

  private check(uri: vscode.Uri): void {
    const entry = this.watched.get(uri.toString());
    if (!entry) return;
    const reported = vscode.languages
      .getDiagnostics(uri)
      .some((diagnostic) => diagnostic.source === SOURCE && ruleOf(diagnostic) === entry.lesson.rule);
    if (reported) {
      entry.seen = true;
    } else if (entry.seen) {
      this.watched.delete(uri.toString());
      vscode.commands.executeCommand('setContext', fixedContextKey(entry.lesson), true).then(undefined, (error: unknown) => {
        console.error(`async-lens: setting ${fixedContextKey(entry.lesson)} failed: ${String(error)}`);
      });
    }
  }

  dispose(): void {
    this.subscription.dispose();
  }
}

function ruleOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return String(typeof code === 'object' && code !== null ? code.value : code);
}
