// The language server: documents, settings, scheduling (debounce, supersession, stale versions),
// and the LSP handlers. Everything here hangs off one connection; there is no module-level state.
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts = require('typescript');
import { CodeActionKind, DidChangeConfigurationNotification, MessageType, ShowMessageNotification, TextDocumentSyncKind } from 'vscode-languageserver';
import type {
  CancellationToken,
  CodeAction,
  CodeActionParams,
  Connection,
  Hover,
  HoverParams,
  InitializeParams,
  InitializeResult,
  WorkDoneProgressParams,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analyzer, parse, RULES } from '../core';
import type { Finding } from '../core';
import { matchLocale } from '../core/messages';
import { isInJsxText } from '../core/suppressions';
import type { Locale } from '../core/messages';
import { isTestFile } from '../core/test-files';
import { FIX_ALL_KIND, fixAll, quickFixes } from './actions';
import { ConfigStore, isConfigFile } from './config';
import type { DocumentConfig } from './config';
import type { ConfigError } from '../config';
import { isFindingOf, toDiagnostic, toRange } from './convert';
import { hoverMarkdown } from './hover';
import { lessonHover } from './lesson-hover';
import { fileNameOf, OpenDocument } from './open-document';
import { findPackageRoot, repositoryUrl, RuleDocs, ruleDocUrl } from './rule-docs';
import { analyzerOptions, defaultSettings, readSettings, SETTINGS_SECTION } from './settings';
import type { Settings } from './settings';

/** The request behind "Analyze workspace": analyses files from disk and publishes their diagnostics. */
export const ANALYZE_FILES_REQUEST = 'asyncLens/analyzeFiles';

/** The parameters of `asyncLens/analyzeFiles`. */
export interface AnalyzeFilesParams extends WorkDoneProgressParams {
  /** `file:` URIs. */
  uris: string[];
}

/** The result of `asyncLens/analyzeFiles`. */
export interface AnalyzeFilesResult {
  analysed: number;
  skipped: number;
  findings: number;
  cancelled: boolean;
}

const BOM = '\uFEFF';

/** Wires the server to a connection and starts listening. */
export function startServer(connection: Connection): void {
  new AsyncLensServer(connection).listen();
}

class AsyncLensServer {
  private readonly documents = new Map<string, OpenDocument>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** The reason each skipped document was last logged for, so the log says it once. */
  private readonly skipNotes = new Map<string, string>();
  private settings: Settings = defaultSettings();
  /** Analysis waits for the first settings, so no document is analysed with the wrong ones. */
  private settingsLoaded = false;
  /** Counts settings reloads; a reply to an older one is dropped. */
  private settingsGeneration = 0;
  private canPullConfiguration = false;
  private canRegisterConfiguration = false;
  private workspaceFolders: string[] = [];
  /** The editor's language from `initialize`, used while `asyncLens.locale` is `auto`. */
  private clientLocale: Locale = 'en';
  private readonly packageRoot = findPackageRoot();
  private readonly repository = repositoryUrl(this.packageRoot);
  private readonly ruleDocs = new RuleDocs(this.packageRoot);
  /** Config files per folder; a bad one is shown once and the document gets the settings alone. */
  private readonly configs = new ConfigStore((error) => this.showConfigError(error));

  constructor(private readonly connection: Connection) {}

  listen(): void {
    const connection = this.connection;
    connection.onInitialize((params) => this.initialize(params));
    connection.onInitialized(() => this.initialized());
    connection.onDidChangeConfiguration((params) => {
      if (this.canPullConfiguration) this.reloadSettings();
      else this.applySettings((params.settings as Record<string, unknown> | null)?.[SETTINGS_SECTION]);
    });
    connection.onDidOpenTextDocument(({ textDocument }) => {
      const analyzer = this.newAnalyzer(fileNameOf(textDocument.uri, textDocument.languageId));
      const document = new OpenDocument(textDocument.uri, textDocument.languageId, textDocument.version, textDocument.text, analyzer);
      this.documents.set(document.uri, document);
      this.schedule(document, 0);
    });
    connection.onDidChangeTextDocument(({ textDocument, contentChanges }) => {
      const document = this.documents.get(textDocument.uri);
      if (!document) return;
      document.applyChanges(contentChanges, textDocument.version);
      if (this.settings.run === 'onType') this.schedule(document, this.settings.debounceMs);
    });
    connection.onDidSaveTextDocument(({ textDocument }) => {
      const document = this.documents.get(textDocument.uri);
      if (document) this.schedule(document, 0);
    });
    connection.onDidCloseTextDocument(({ textDocument }) => {
      this.cancel(textDocument.uri);
      this.documents.delete(textDocument.uri);
      this.skipNotes.delete(textDocument.uri);
      this.send(connection.sendDiagnostics({ uri: textDocument.uri, diagnostics: [] }));
    });
    connection.onDidChangeWatchedFiles(({ changes }) => {
      if (changes.some((change) => isConfigFile(change.uri))) this.reloadConfigs();
    });
    connection.onCodeAction((params) => this.codeActions(params));
    connection.onHover((params) => this.hover(params));
    connection.onRequest(ANALYZE_FILES_REQUEST, (params: AnalyzeFilesParams, token: CancellationToken) =>
      this.analyzeFiles(params, token),
    );
    connection.onShutdown(() => {
      for (const uri of [...this.timers.keys()]) this.cancel(uri);
    });
    connection.listen();
  }

  private initialize(params: InitializeParams): InitializeResult {
    const workspace = params.capabilities.workspace;
    this.canPullConfiguration = workspace?.configuration === true;
    this.canRegisterConfiguration = workspace?.didChangeConfiguration?.dynamicRegistration === true;
    this.clientLocale = matchLocale(params.locale);
    const folders = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
    this.workspaceFolders = folders.filter((uri) => uri.startsWith('file:')).map((uri) => fileURLToPath(uri));
    if (!this.canPullConfiguration) {
      // Clients without `workspace/configuration` may pass the section as initialization options.
      this.settings = readSettings(params.initializationOptions, (message) => this.log(message));
      this.settingsLoaded = true;
    }
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
        hoverProvider: true,
      },
      serverInfo: { name: 'async-lens' },
    };
  }

  private initialized(): void {
    if (this.canRegisterConfiguration) {
      this.send(this.connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION }));
    }
    if (this.canPullConfiguration) this.reloadSettings();
  }

  /** Asks the client for the section; the newest reply wins. */
  private reloadSettings(): void {
    const generation = ++this.settingsGeneration;
    const reload = this.connection.workspace.getConfiguration({ section: SETTINGS_SECTION }).then((raw: unknown) => {
      if (generation === this.settingsGeneration) this.applySettings(raw);
    });
    // A failed reply keeps the settings we have; the log says why.
    this.send(reload);
  }

  /** Takes new settings: each document gets a new analyzer and is analysed again. */
  private applySettings(raw: unknown): void {
    this.settings = readSettings(raw, (message) => this.log(message));
    this.settingsLoaded = true;
    this.reanalyseAll();
  }

  /** A config file changed: read configs again and analyse every open document with them. */
  private reloadConfigs(): void {
    this.configs.clear();
    this.reanalyseAll();
  }

  /** Gives each document a new analyzer (settings or config changed) and analyses it again. */
  private reanalyseAll(): void {
    for (const document of this.documents.values()) {
      document.setAnalyzer(this.newAnalyzer(document.fileName));
      this.schedule(document, 0);
    }
  }

  /** The workspace folder that holds a file, if any. */
  private workspaceFolderOf(file: string): string | undefined {
    return this.workspaceFolders.find((root) => !path.relative(root, file).startsWith('..'));
  }

  /** The settings and config for a file: `asyncLens.*` settings over its config file. */
  private configFor(fileName: string | undefined): DocumentConfig {
    return this.configs.forFile(fileName, this.settings, this.workspaceFolders[0]);
  }

  private newAnalyzer(fileName?: string): Analyzer {
    return new Analyzer(ts, RULES, { ...analyzerOptions(this.configFor(fileName).settings), locale: this.locale });
  }

  /** One error notification naming the file, position and key; the log keeps it too. */
  private showConfigError(error: ConfigError): void {
    const folder = this.workspaceFolderOf(error.file) ?? path.dirname(error.file);
    const message = `async-lens: ${error.format(folder)} (using the default configuration until it is fixed)`;
    this.log(message);
    this.send(this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message }));
  }

  /** The language of messages and hovers: the setting, or the editor's when it is `auto`. */
  private get locale(): Locale {
    return this.settings.locale === 'auto' ? this.clientLocale : this.settings.locale;
  }

  /** Analyses a document after `delay` ms; a newer call supersedes a pending one. */
  private schedule(document: OpenDocument, delay: number): void {
    this.cancel(document.uri);
    if (!this.settingsLoaded) return;
    this.timers.set(
      document.uri,
      setTimeout(() => {
        this.timers.delete(document.uri);
        this.analyseNow(document);
      }, delay),
    );
  }

  private cancel(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer !== undefined) clearTimeout(timer);
    this.timers.delete(uri);
  }

  /** Analyses the document's current version and publishes the result, unless it went stale. */
  private analyseNow(document: OpenDocument): void {
    this.cancel(document.uri);
    if (this.documents.get(document.uri) !== document) return;
    const config = this.configFor(document.fileName);
    if (config.ignored) {
      // The config's `ignores` cover this file: it shows no findings, as the CLI would skip it.
      this.send(this.connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: [] }));
      return;
    }
    let analysis;
    try {
      analysis = document.analyse({ maxFileSize: this.settings.maxFileSize, skipRules: this.skipRulesFor(document.fileName, config) });
    } catch (error) {
      this.log(`analysis of ${document.uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return;
    }
    // Analysis is synchronous today; the check keeps a future asynchronous tier from publishing old results.
    if (this.documents.get(document.uri) !== document || analysis.version !== document.version) return;
    if ('skipped' in analysis) {
      if (this.skipNotes.get(document.uri) !== analysis.skipped) this.log(`skipped ${document.uri}: ${analysis.skipped}`);
      this.skipNotes.set(document.uri, analysis.skipped);
    } else this.skipNotes.delete(document.uri);
    const findings = 'findings' in analysis ? analysis.findings : [];
    this.send(
      this.connection.sendDiagnostics({
        uri: document.uri,
        version: analysis.version,
        diagnostics: findings.map((finding) => toDiagnostic(finding, document.text, this.repository)),
      }),
    );
  }

  /** The findings of the document's current text, analysing it now if an analysis is pending. */
  private currentFindings(document: OpenDocument): Finding[] {
    if (this.settingsLoaded && !document.isAnalysed) this.analyseNow(document);
    const last = document.last;
    return last && last.version === document.version && 'findings' in last ? last.findings : [];
  }

  private codeActions(params: CodeActionParams): CodeAction[] {
    const document = this.documents.get(params.textDocument.uri);
    if (!document) return [];
    const only = params.context.only;
    const wants = (kind: string): boolean => !only || only.some((asked) => kind === asked || kind.startsWith(`${asked}.`));
    const findings = this.currentFindings(document);
    const actions: CodeAction[] = [];
    if (wants(CodeActionKind.QuickFix)) {
      const text = document.text;
      const from = text.offsetAt(params.range.start);
      const to = text.offsetAt(params.range.end);
      const ours = params.context.diagnostics.filter((diagnostic) => findings.some((finding) => isFindingOf(finding, diagnostic, text)));
      const tree = document.currentTree;
      const inJsxText = (offset: number): boolean => !!tree && isInJsxText(ts, tree, offset);
      for (const finding of findings) {
        if (finding.start > to || finding.end < from) continue;
        // When the client names diagnostics, answer for those; each action names the diagnostic it resolves.
        const diagnostic = ours.find((candidate) => isFindingOf(finding, candidate, text));
        if (ours.length > 0 && !diagnostic) continue;
        actions.push(...quickFixes(finding, diagnostic ?? toDiagnostic(finding, text, this.repository), text, this.locale, inJsxText));
      }
    }
    // Fix-all only when asked for by kind: it is not a fix of the diagnostic under the cursor.
    if (only && wants(FIX_ALL_KIND)) {
      const action = fixAll(findings, document.text, this.locale);
      if (action) actions.push(action);
    }
    return actions;
  }

  private async hover(params: HoverParams): Promise<Hover | null> {
    const document = this.documents.get(params.textDocument.uri);
    if (!document) return null;
    const offset = document.text.offsetAt(params.position);
    const findings = this.currentFindings(document).filter((finding) => finding.start <= offset && offset <= finding.end);
    const first = findings[0];
    const show = this.settings.showAsyncioAnalogues;
    const locale = this.locale;
    // A finding's hover wins; elsewhere, the lesson of a `Promise.*` combinator or an `await`.
    if (!first) {
      const tree = document.currentTree;
      return tree ? lessonHover(tree, document.text, offset, locale, show) : null;
    }
    const range = toRange(document.text, first.start, first.end);
    const parts = await Promise.all(
      findings.map(async (finding) =>
        hoverMarkdown(finding, await this.ruleDocs.get(finding.rule, locale), ruleDocUrl(this.repository, finding.rule, locale), show, locale),
      ),
    );
    return { contents: { kind: 'markdown', value: parts.join('\n\n---\n\n') }, range };
  }

  /** Analyses files from disk (the open ones from their buffers), publishing as it goes; cancellable. */
  private async analyzeFiles(params: AnalyzeFilesParams, token: CancellationToken): Promise<AnalyzeFilesResult> {
    const uris = Array.isArray(params?.uris) ? params.uris.filter((uri): uri is string => typeof uri === 'string') : [];
    const progress = await this.connection.window.attachWorkDoneProgress(params?.workDoneToken);
    progress.begin('async-lens: analysing', 0, `0/${uris.length} files`, true);
    const result: AnalyzeFilesResult = { analysed: 0, skipped: 0, findings: 0, cancelled: false };
    // One analyzer per config file among the files (most share one, or none).
    const analyzers = new Map<string | undefined, Analyzer>();
    try {
      for (const [index, uri] of uris.entries()) {
        if (token.isCancellationRequested) {
          result.cancelled = true;
          break;
        }
        const open = this.documents.get(uri);
        if (open) {
          const findings = this.currentFindings(open);
          result.analysed++;
          result.findings += findings.length;
        } else {
          const findings = await this.analyseFromDisk(uri, analyzers);
          if (findings === undefined) result.skipped++;
          else {
            result.analysed++;
            result.findings += findings;
          }
        }
        progress.report(Math.round(((index + 1) / Math.max(1, uris.length)) * 100), `${index + 1}/${uris.length} files`);
      }
    } finally {
      progress.done();
    }
    return result;
  }

  /** Reads, analyses and publishes one file that is not open; the number of findings, or undefined when skipped. */
  private async analyseFromDisk(uri: string, analyzers: Map<string | undefined, Analyzer>): Promise<number | undefined> {
    let file: string;
    let text: string;
    let config: DocumentConfig;
    try {
      file = fileURLToPath(uri);
      config = this.configFor(file);
      if (config.ignored) return undefined;
      text = await readFile(file, 'utf8');
    } catch (error) {
      this.log(`skipped ${uri}: cannot read it (${error instanceof Error ? error.message : String(error)})`);
      return undefined;
    }
    if (text.startsWith(BOM)) text = text.slice(1);
    if (Buffer.byteLength(text, 'utf8') > this.settings.maxFileSize) {
      this.log(`skipped ${uri}: larger than ${this.settings.maxFileSize} bytes (asyncLens.maxFileSize)`);
      return undefined;
    }
    const parsed = parse(ts, file, text);
    if (!('sourceFile' in parsed)) {
      this.log(`skipped ${uri}: ${parsed.skipped}`);
      return undefined;
    }
    // A file under a config gets an analyzer with that config's rules.
    let analyzer = analyzers.get(config.file);
    if (!analyzer) {
      analyzer = this.newAnalyzer(file);
      analyzers.set(config.file, analyzer);
    }
    const findings = analyzer.analyze(parsed.sourceFile, { skipRules: this.skipRulesFor(file, config) }).findings;
    // Positions through the same conversion as open documents.
    const document = TextDocument.create(uri, 'typescript', 0, text);
    this.send(
      this.connection.sendDiagnostics({ uri, diagnostics: findings.map((finding) => toDiagnostic(finding, document, this.repository)) }),
    );
    return findings.length;
  }

  /** The rules to skip for a file: those that skip test files, when it is one and the setting says so. */
  private skipRulesFor(fileName: string, config: DocumentConfig): string[] {
    if (config.settings.includeTestFiles) return [];
    const skipping = RULES.filter((rule) => rule.meta.skipsTestFiles).map((rule) => rule.meta.id);
    if (skipping.length === 0 || !path.isAbsolute(fileName)) return [];
    const folder = this.workspaceFolderOf(fileName);
    const relative = folder ? path.relative(folder, fileName) : path.basename(fileName);
    return isTestFile(relative.split(path.sep).join('/')) ? skipping : [];
  }

  private log(message: string): void {
    this.connection.console.info(message);
  }

  /** Sends fire-and-forget: nothing waits on a notification, but a failure is logged, never unhandled. */
  private send(promise: Promise<unknown>): void {
    void promise.catch((error: unknown) => this.log(`send failed: ${error instanceof Error ? error.message : String(error)}`));
  }
}
