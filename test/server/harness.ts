// A small LSP client for the server tests: spawns the built server over stdio, answers
// `workspace/configuration` from a settings object the test controls, and records every
// `publishDiagnostics` so tests wait on events (with a timeout that reports what was seen).
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { MessageConnection } from 'vscode-jsonrpc/node';
import type {
  CodeAction,
  Diagnostic,
  Hover,
  InitializeResult,
  PublishDiagnosticsParams,
  TextDocumentContentChangeEvent,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';

/** The built server (`npm run build` first). */
export const SERVER = path.join(__dirname, '..', '..', 'dist', 'server.js');
/** The fixtures of the server tests. */
export const FIXTURES = path.join(__dirname, 'fixtures');

/** A fixture's text without its self-lint directive (`/* async-lens-disable … -- a fixture of mistakes *\/`). */
export function fixtureText(name: string): string {
  const text = readFileSync(path.join(FIXTURES, name), 'utf8');
  const stripped = text.replace(/^\/\* async-lens-disable .* -- a fixture of mistakes \*\/\n/m, '');
  if (stripped === text) throw new Error(`${name} has no self-lint directive to remove`);
  return stripped;
}

/** A `file:` URI for a path. */
export function fileUri(file: string): string {
  return pathToFileURL(file).href;
}

interface Waiter {
  uri: string;
  from: number;
  accept: (params: PublishDiagnosticsParams) => boolean;
  resolve: (params: PublishDiagnosticsParams) => void;
}

/** One server process and the connection to it. */
export class LspClient {
  /** Every `publishDiagnostics`, in arrival order, per URI. */
  readonly published = new Map<string, PublishDiagnosticsParams[]>();
  /** `window/logMessage` lines. */
  readonly logs: string[] = [];
  /** `workspace/configuration` requests answered. */
  configurationRequests = 0;
  private readonly waiters = new Set<Waiter>();
  private readonly exited: Promise<number | null>;
  stderr = '';

  private constructor(
    readonly child: ChildProcess,
    readonly connection: MessageConnection,
    /** The `asyncLens` section the client answers with; tests replace it and send didChangeConfiguration. */
    public settings: Record<string, unknown>,
  ) {
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    child.stderr?.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString('utf8');
    });
    connection.onRequest('workspace/configuration', (raw: unknown) => {
      this.configurationRequests++;
      const params = raw as { items: { section?: string }[] };
      return params.items.map((item) => (item.section === 'asyncLens' ? this.settings : null));
    });
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onNotification('window/logMessage', (raw: unknown) => {
      this.logs.push((raw as { message: string }).message);
    });
    connection.onNotification('textDocument/publishDiagnostics', (raw: unknown) => {
      const params = raw as PublishDiagnosticsParams;
      const list = this.published.get(params.uri) ?? [];
      list.push(params);
      this.published.set(params.uri, list);
      for (const waiter of [...this.waiters]) {
        if (waiter.uri === params.uri && list.length > waiter.from && waiter.accept(params)) {
          this.waiters.delete(waiter);
          waiter.resolve(params);
        }
      }
    });
    connection.listen();
  }

  /** Spawns the server and initializes it (with the configuration capability unless told otherwise). */
  static async start(settings: Record<string, unknown> = {}, options: { configuration?: boolean; rootPath?: string } = {}): Promise<LspClient> {
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new LspClient(child, connection, settings);
    const configuration = options.configuration ?? true;
    const root = options.rootPath ?? FIXTURES;
    client.initializeResult = await connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: fileUri(root),
      workspaceFolders: [{ uri: fileUri(root), name: 'fixtures' }],
      capabilities: {
        workspace: { configuration, didChangeConfiguration: { dynamicRegistration: configuration } },
        textDocument: { publishDiagnostics: { versionSupport: true, tagSupport: { valueSet: [1, 2] } } },
        window: { workDoneProgress: true },
      },
      initializationOptions: configuration ? undefined : settings,
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  initializeResult: InitializeResult | undefined;

  /** Opens a document; resolves when the notification is written. */
  async open(uri: string, text: string, version = 1, languageId = 'typescript'): Promise<void> {
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  async change(uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]): Promise<void> {
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  }

  /** Replaces the settings and tells the server they changed (it pulls them again). */
  async changeSettings(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  }

  /** How many diagnostics notifications `uri` has had so far. */
  count(uri: string): number {
    return this.published.get(uri)?.length ?? 0;
  }

  /**
   * The first `publishDiagnostics` for `uri` after the first `from` (default: those seen so far)
   * that `accept` takes. Fails after `timeoutMs` with what was seen.
   */
  waitForDiagnostics(
    uri: string,
    accept: (params: PublishDiagnosticsParams) => boolean = () => true,
    from = this.count(uri),
    timeoutMs = 10_000,
  ): Promise<PublishDiagnosticsParams> {
    const seen = this.published.get(uri)?.slice(from).find(accept);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        uri,
        from,
        accept,
        resolve: (params) => {
          clearTimeout(timer);
          resolve(params);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        const got = (this.published.get(uri) ?? []).slice(from).map(summarise);
        reject(new Error(`no matching publishDiagnostics for ${uri} within ${timeoutMs} ms; saw ${JSON.stringify(got)}; log: ${JSON.stringify(this.logs)}; stderr: ${this.stderr}`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  codeActions(uri: string, diagnostic: Diagnostic, only?: string[]): Promise<CodeAction[]> {
    return this.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], ...(only ? { only } : {}) },
    });
  }

  fixAll(uri: string): Promise<CodeAction[]> {
    return this.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.async-lens'] },
    });
  }

  hover(uri: string, line: number, character: number): Promise<Hover | null> {
    return this.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character } });
  }

  /** Shuts down and exits; resolves with the exit code. */
  async stop(): Promise<number | null> {
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    const code = await this.exited;
    this.connection.dispose();
    return code;
  }

  /** Kills the process if a test failed before `stop`. */
  kill(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill();
    this.connection.dispose();
  }
}

/** A short description of one notification, for timeout messages. */
export function summarise(params: PublishDiagnosticsParams): { version?: number; codes: string[] } {
  return {
    ...(params.version !== undefined ? { version: params.version } : {}),
    codes: params.diagnostics.map((d) => `${String(d.code)}@${d.range.start.line}:${d.range.start.character}`),
  };
}

/** The text after applying a workspace edit's changes to `uri`. */
export function applyEdit(text: string, uri: string, edit: WorkspaceEdit | undefined): string {
  const edits: TextEdit[] = edit?.changes?.[uri] ?? [];
  return TextDocument.applyEdits(TextDocument.create(uri, 'typescript', 0, text), edits);
}
