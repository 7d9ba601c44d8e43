// Starts the async-lens language server (dist/server.js) over IPC and keeps it running.
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  RevealOutputChannelOn,
  TransportKind,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { LANGUAGES } from './registry';

/** How many crashes in `CRASH_WINDOW_MS` the client restarts the server after; then it gives up. */
const MAX_RESTARTS = 4;
const CRASH_WINDOW_MS = 3 * 60 * 1000;

/** The language client for this window, not yet started. */
export function createClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: LANGUAGES.flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]),
    // The server pulls `asyncLens` through workspace/configuration and registers for change
    // notifications itself (dynamic registration), so no `synchronize.configurationSection` here.
    // The server limits itself to the syntax and file tiers in an untrusted workspace.
    initializationOptions: () => ({ workspaceTrusted: vscode.workspace.isTrusted }),
    // Config files: the server re-reads them on a change and analyses open documents again.
    synchronize: { fileEvents: configWatcher(context) },
    outputChannel: output,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    errorHandler: crashHandler(output),
  };
  return new LanguageClient('asyncLens', 'async-lens', serverOptions, clientOptions);
}

/** Watches `async-lens.config.json` and `package.json` (its `asyncLens` key) files; disposed with the extension. */
function configWatcher(context: vscode.ExtensionContext): vscode.FileSystemWatcher {
  const watcher = vscode.workspace.createFileSystemWatcher('**/{async-lens.config.json,package.json}');
  context.subscriptions.push(watcher);
  return watcher;
}

/**
 * Restarts a crashed server (as the library's default handler does) and says so once per session, in a
 * notification; after too many crashes it stops and points at the restart command.
 */
function crashHandler(output: vscode.LogOutputChannel): ErrorHandler {
  const crashes: number[] = [];
  let told = false;
  return {
    error(): ErrorHandlerResult {
      return { action: ErrorAction.Continue, handled: true };
    },
    closed(): CloseHandlerResult {
      const now = Date.now();
      crashes.push(now);
      while (crashes.length > 0 && crashes[0]! < now - CRASH_WINDOW_MS) crashes.shift();
      if (crashes.length > MAX_RESTARTS) {
        const message = vscode.l10n.t(
          'The async-lens language server crashed {0} times in 3 minutes and was not restarted. See the "async-lens" output, then run "async-lens: Restart Language Server".',
          crashes.length,
        );
        void vscode.window.showErrorMessage(message);
        return { action: CloseAction.DoNotRestart, message, handled: true };
      }
      const message = vscode.l10n.t('The async-lens language server stopped unexpectedly and was restarted.');
      output.warn(message);
      if (!told) {
        told = true;
        // Fire-and-forget: a notification nobody has to answer.
        void vscode.window.showInformationMessage(message);
      }
      return { action: CloseAction.Restart, message, handled: true };
    },
  };
}
