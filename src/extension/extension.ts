// The async-lens VS Code client: starts the language server, registers the commands. It holds no analysis
// logic: diagnostics, code actions and hovers all come from the server.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { createClient } from './client';
import { registerCommands } from './commands';
import { registerLessons } from './walkthrough';

/** What `activate` returns: `vscode.extensions.getExtension(EXTENSION_ID).exports` (used by tests). */
export interface AsyncLensApi {
  readonly client: LanguageClient;
  /** The pid of the running server process, if it runs. */
  serverPid(): number | undefined;
}

/** Starts the server and registers the commands. */
export async function activate(context: vscode.ExtensionContext): Promise<AsyncLensApi> {
  const output = vscode.window.createOutputChannel('async-lens', { log: true });
  const client = createClient(context, output);
  context.subscriptions.push(
    output,
    registerCommands(context, client),
    registerLessons(context),
    // The server starts limited in an untrusted workspace; trusting it later restarts it with every tier.
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      void client.restart().catch((error: unknown) => output.error(`Restarting the server failed: ${String(error)}`));
    }),
    // LanguageClient.dispose stops the server when the extension is deactivated.
    client,
  );
  try {
    await client.start();
  } catch (error) {
    // The commands stay available (restart), so the extension still activates.
    output.error(`The async-lens language server did not start: ${String(error)}`);
  }
  return { client, serverPid: () => client.serverProcess?.pid };
}

/** Nothing to do: the subscriptions stop the server. */
export function deactivate(): void {}
