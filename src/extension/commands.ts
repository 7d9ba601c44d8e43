// The handlers of the commands in the registry (`registry.ts`), one per command id.
import * as vscode from 'vscode';
import { ErrorCodes, ResponseError, type LanguageClient } from 'vscode-languageclient/node';
import { matchLocale } from '../core/messages';
import { ruleDocSegments } from '../server/rule-docs';
import { COMMANDS, SETTINGS_SECTION, SOURCE_GLOB } from './registry';

/** The server's request for analysing files that are not open: `{ uris }` in, `{ files }` out. */
export const ANALYZE_FILES_REQUEST = 'asyncLens/analyzeFiles';

/** How many files one `asyncLens/analyzeFiles` request carries (progress is reported per batch). */
const BATCH = 50;

/** What "Analyze Workspace" did: returned to callers of the command (and tests). */
export interface AnalyzeWorkspaceResult {
  files: number;
  /** Findings the server reported for the files (only when it analysed them itself). */
  findings?: number;
  cancelled: boolean;
  /** `server`: the server analysed the files itself; `open`: the client opened each file. */
  via: 'server' | 'open';
}

type Handlers = { [K in keyof typeof COMMANDS]: (...args: never[]) => unknown };

/** Registers every command of the registry; the returned disposable unregisters them. */
export function registerCommands(context: vscode.ExtensionContext, client: LanguageClient): vscode.Disposable {
  const handlers: Handlers = {
    analyzeWorkspace: () => analyzeWorkspace(client),
    showRuleDoc: (id?: string) => showRuleDoc(context, id),
    restartServer: () => client.restart(),
  };
  const disposables = Object.entries(COMMANDS).map(([key, spec]) =>
    vscode.commands.registerCommand(spec.id, handlers[key as keyof typeof COMMANDS]),
  );
  return vscode.Disposable.from(...disposables);
}

/**
 * Analyses every TypeScript and JavaScript file of the workspace (not `node_modules`, not `.d.ts`), with a
 * cancellable progress notification; findings go to the Problems panel. The server analyses unopened files
 * when it has `asyncLens/analyzeFiles`; otherwise the client opens each file, which makes the server analyse it.
 */
async function analyzeWorkspace(client: LanguageClient): Promise<AnalyzeWorkspaceResult> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('async-lens: analyzing the workspace'), cancellable: true },
    async (progress, token) => {
      const found = await vscode.workspace.findFiles(SOURCE_GLOB, '**/node_modules/**', undefined, token);
      const uris = found.filter((uri) => !/\.d\.[cm]?ts$/.test(uri.path));
      let via: AnalyzeWorkspaceResult['via'] = 'server';
      let files = 0;
      let findings = 0;
      for (let i = 0; i < uris.length && !token.isCancellationRequested; i += BATCH) {
        const batch = uris.slice(i, i + BATCH);
        if (via === 'server') {
          try {
            const result = await client.sendRequest<{ findings?: number } | null>(
              ANALYZE_FILES_REQUEST,
              { uris: batch.map((uri) => uri.toString()) },
              token,
            );
            findings += result?.findings ?? 0;
          } catch (error) {
            if (token.isCancellationRequested) break;
            if (!isMethodNotFound(error)) throw error;
            via = 'open';
          }
        }
        if (via === 'open') {
          for (const uri of batch) {
            if (token.isCancellationRequested) break;
            await vscode.workspace.openTextDocument(uri);
          }
        }
        if (token.isCancellationRequested) break;
        files += batch.length;
        progress.report({ increment: (100 * batch.length) / uris.length, message: vscode.l10n.t('{0} of {1} files', files, uris.length) });
      }
      const cancelled = token.isCancellationRequested;
      return via === 'server' ? { files, findings, cancelled, via } : { files, cancelled, via };
    },
  );
}

function isMethodNotFound(error: unknown): boolean {
  return error instanceof ResponseError && error.code === ErrorCodes.MethodNotFound;
}

/** The rule ids that have a bundled doc (`docs/rules/<id>.md`). */
async function ruleDocIds(context: vscode.ExtensionContext): Promise<string[]> {
  const entries = await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules'));
  return entries
    .map(([name]) => name)
    .filter((name) => name.endsWith('.md') && name !== 'README.md')
    .map((name) => name.slice(0, -'.md'.length))
    .sort();
}

/** The bundled doc of a rule in the language of the `locale` setting (`auto`: VS Code's display language). */
function ruleDocUri(context: vscode.ExtensionContext, rule: string): vscode.Uri {
  const setting = vscode.workspace.getConfiguration(SETTINGS_SECTION).get<string>('locale', 'auto');
  const locale = matchLocale(setting === 'auto' ? vscode.env.language : setting);
  return vscode.Uri.joinPath(context.extensionUri, ...ruleDocSegments(locale), `${rule}.md`);
}

/**
 * Opens the bundled doc of a rule in the Markdown preview (works offline), in Chinese when the `locale`
 * setting says so. Without an id (the palette), asks which rule. Returns the doc's URI, or undefined when
 * nothing was opened.
 */
async function showRuleDoc(context: vscode.ExtensionContext, id?: string): Promise<vscode.Uri | undefined> {
  const ids = await ruleDocIds(context);
  const rule = typeof id === 'string' ? id : await vscode.window.showQuickPick(ids, { placeHolder: vscode.l10n.t('Which rule?') });
  if (rule === undefined) return undefined;
  if (!ids.includes(rule)) {
    void vscode.window.showErrorMessage(vscode.l10n.t('async-lens has no rule named "{0}".', rule));
    return undefined;
  }
  const uri = ruleDocUri(context, rule);
  await vscode.commands.executeCommand('markdown.showPreview', uri);
  return uri;
}
