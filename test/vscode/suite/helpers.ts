// Helpers the real-VS-Code suites share: waiting on diagnostics events with a timeout that reports what
// was seen, code actions with one retry on `Canceled`, scratch copies of the examples.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as vscode from 'vscode';

/** The extension under test (`publisher.name`). */
export const EXTENSION_ID = 'async-lens.async-lens';
/** The `source` of our diagnostics. */
export const SOURCE = 'async-lens';
/** The doc address the server builds from `package.json` `repository`. */
export const docUrl = (rule: string): string => `https://github.com/async-lens/async-lens/blob/main/docs/rules/${rule}.md`;

/** The folder the session opened: a scratch copy of `examples/` with `expected-findings.json` (the CLI's). */
export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the session has a workspace folder');
  return folder.uri;
}

/** One finding as the CLI's `--format json` reports it. */
export interface CliDiagnostic {
  file: string;
  rule: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** The CLI's findings on the examples, written by the runner before the session. */
export function expectedFindings(): CliDiagnostic[] {
  const file = vscode.Uri.joinPath(workspaceRoot(), 'expected-findings.json').fsPath;
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { diagnostics: CliDiagnostic[] }).diagnostics;
}

/** Our diagnostics of a document. */
export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === SOURCE);
}

/** `rule@line:col-line:col` (1-based), for messages and comparisons. */
export function describe(diagnostic: vscode.Diagnostic): string {
  const { start, end } = diagnostic.range;
  return `${codeOf(diagnostic)}@${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1}`;
}

/** The rule id of a diagnostic (`code` is `{ value, target }` when it links to a doc). */
export function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return String(typeof code === 'object' && code !== null ? code.value : code);
}

/**
 * Resolves with our diagnostics of `uri` once `accept` holds for them, checking now and on every
 * `onDidChangeDiagnostics` event for that URI. Rejects after `timeoutMs` saying what was seen.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  what: string,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
  timeoutMs = 20_000,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const seen: string[] = [];
    const check = (): void => {
      const diagnostics = ours(uri);
      if (accept(diagnostics)) {
        cleanup();
        resolve(diagnostics);
      } else {
        seen.push(`[${diagnostics.map(describe).join(', ')}]`);
      }
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what} on ${uri.path}; saw ${seen.slice(-5).join(' then ') || 'no diagnostics event'}`));
    }, timeoutMs);
    function cleanup(): void {
      subscription.dispose();
      clearTimeout(timer);
    }
    check();
  });
}

/** Waits until the document has at least one diagnostic of each rule given (and returns ours). */
export function waitForRules(uri: vscode.Uri, rules: readonly string[], timeoutMs?: number): Promise<vscode.Diagnostic[]> {
  return waitForDiagnostics(uri, `diagnostics of ${rules.join(', ')}`, (diagnostics) => rules.every((rule) => diagnostics.some((d) => codeOf(d) === rule)), timeoutMs);
}

/** Waits until the document has no diagnostic of `rule`. */
export function waitForNoRule(uri: vscode.Uri, rule: string, timeoutMs?: number): Promise<vscode.Diagnostic[]> {
  return waitForDiagnostics(uri, `no ${rule} diagnostic`, (diagnostics) => !diagnostics.some((d) => codeOf(d) === rule), timeoutMs);
}

function isCanceled(error: unknown): boolean {
  return error instanceof Error && (error.name === 'Canceled' || error.message === 'Canceled');
}

/** Runs `action`, once more if VS Code cancelled it (the provider set changed while it ran). */
export async function retryOnCanceled<T>(action: () => Thenable<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (!isCanceled(error)) throw error;
    return await action();
  }
}

/** Whether an action is our "Learn about <rule>" (the last rung of a ladder). */
function isLearn(action: vscode.CodeAction | vscode.Command, rule?: string): action is vscode.CodeAction {
  const command = 'command' in action && typeof action.command === 'object' ? action.command : undefined;
  return command?.command === 'asyncLens.showRuleDoc' && (rule === undefined || command.arguments?.[0] === rule);
}

/**
 * Our quick fixes for the diagnostic of `rule` at `range`, in the order VS Code lists them. The API
 * command drops `CodeAction.diagnostics`, so the ladder is found by its last rung ("Learn about <rule>",
 * which runs our command) and runs back to the previous ladder's last rung or the start of the list: if
 * another provider's action came first, it is in the result and the ladder assertions fail, as they should.
 */
export async function ourCodeActions(uri: vscode.Uri, range: vscode.Range, rule: string): Promise<vscode.CodeAction[]> {
  const all = await retryOnCanceled(() =>
    vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, range),
  );
  const last = all.findIndex((action) => isLearn(action, rule));
  if (last < 0) return [];
  let first = last;
  while (first > 0 && !isLearn(all[first - 1]!)) first--;
  return all.slice(first, last + 1) as vscode.CodeAction[];
}

/** Resolves when `accept(text)` holds for the document (now or after a change); rejects after 15 s with the text. */
export function waitForText(document: vscode.TextDocument, what: string, accept: (text: string) => boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    if (accept(document.getText())) return resolve(document.getText());
    const subscription = vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document !== document || !accept(document.getText())) return;
      subscription.dispose();
      clearTimeout(timer);
      resolve(document.getText());
    });
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out after 15000 ms waiting for ${what}; the text is:\n${document.getText()}`));
    }, 15_000);
  });
}

/** Writes `text` to a new file in the workspace's `scratch/` folder and opens it in an editor. */
export async function openScratch(name: string, text: string): Promise<vscode.TextEditor> {
  const uri = vscode.Uri.joinPath(workspaceRoot(), 'scratch', name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document);
}

let copies = 0;

/** A scratch copy of an example (a new file each time), opened in an editor. */
export async function openExampleCopy(example: string, name = `copy${++copies}-${example}`): Promise<vscode.TextEditor> {
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(workspaceRoot(), example));
  return openScratch(name, new TextDecoder().decode(bytes));
}

/** Opens an example of the workspace in an editor. */
export async function openExample(example: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(workspaceRoot(), example));
  return vscode.window.showTextDocument(document);
}

/** The extension, activated; its exports are the client's test API. */
export async function activeExtension(): Promise<vscode.Extension<{ serverPid(): number | undefined }>> {
  const extension = vscode.extensions.getExtension<{ serverPid(): number | undefined }>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is installed`);
  await extension.activate();
  return extension;
}

/** The 0-based line of the first line of the editor's text that contains `needle`. */
export function lineOf(editor: vscode.TextEditor, needle: string): number {
  const line = editor.document.getText().split(/\r?\n/).findIndex((text) => text.includes(needle));
  assert.ok(line >= 0, `${editor.document.uri.path} has a line with ${needle}`);
  return line;
}

/**
 * Asks the driver (outside the extension host, where the page is) to check the workbench's DOM and
 * write a screenshot: `screenshot` (a squiggle and a Problems row), `element` (any selector) or
 * `click` (the same, then a click on it).
 */
export function askDriver<T>(endpoint: 'screenshot' | 'element' | 'click', query: Record<string, string>): Promise<T> {
  const base = process.env.ASYNC_LENS_DRIVER_URL;
  assert.ok(base, 'the driver says where to ask (ASYNC_LENS_DRIVER_URL)');
  return new Promise((resolve, reject) => {
    http
      .get(`${base}/${endpoint}?${new URLSearchParams(query).toString()}`, (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve(JSON.parse(body) as T));
      })
      .on('error', reject);
  });
}
