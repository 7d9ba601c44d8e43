// One open document: its text (with line offsets, for every position conversion), its newest
// SourceFile, updated incrementally, and its own Analyzer, whose per-function cache serves the
// document's edits. No LSP connection here, so the editor-latency benchmark can drive it directly.
import { fileURLToPath } from 'node:url';
import ts = require('typescript');
import type * as TS from 'typescript';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { Analyzer, parse, update } from '../core';
import type { Finding } from '../core';

/** The part of the text that changed since the last parse: `[start, oldEnd)` became `[start, newEnd)`. */
interface ChangedSpan {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/** The result of analysing a document at one version. */
export type Analysis =
  | { version: number; findings: Finding[] }
  | { version: number; skipped: string };

/** What an analysis needs besides the document. */
export interface AnalyseOptions {
  maxFileSize: number;
  skipRules: readonly string[];
}

/** An open document and everything the server keeps for it. */
export class OpenDocument {
  /** The text and its line offsets; positions are UTF-16 code units, as LSP counts them. */
  text: TextDocument;
  /** The newest tree; it matches `parsedText` (the text before `pending`). */
  private sourceFile: TS.SourceFile | undefined;
  /** What changed since `sourceFile` was parsed; `full` asks for a fresh parse. */
  private pending: ChangedSpan | 'full' | undefined = 'full';
  /** The last analysis, for code actions and hovers. */
  last: Analysis | undefined;

  constructor(
    readonly uri: string,
    languageId: string,
    version: number,
    content: string,
    private analyzer: Analyzer,
    /** The name the tree is parsed under: its extension picks TS, TSX, JS or JSX. */
    readonly fileName: string = fileNameOf(uri, languageId),
  ) {
    this.text = TextDocument.create(uri, languageId, version, content);
  }

  get version(): number {
    return this.text.version;
  }

  /** Whether the last analysis is of the current text. */
  get isAnalysed(): boolean {
    return this.last !== undefined && this.last.version === this.version;
  }

  /** The tree of the current text, or undefined while edits wait for the next analysis (read by the lesson hover). */
  get currentTree(): TS.SourceFile | undefined {
    return this.pending === undefined ? this.sourceFile : undefined;
  }

  /**
   * Applies `didChange` content changes in order. Each range is converted to offsets against the
   * text as the changes before it left it; the spans are merged into one, so the next analysis
   * costs one `ts.updateSourceFile` however many edits came in between. A change without a range
   * replaces the whole text and asks for a full parse.
   */
  applyChanges(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      if (!('range' in change)) {
        this.pending = 'full';
        TextDocument.update(this.text, [change], version);
        continue;
      }
      const start = this.text.offsetAt(change.range.start);
      const end = Math.max(start, this.text.offsetAt(change.range.end));
      TextDocument.update(this.text, [{ range: change.range, text: change.text }], version);
      this.pending = mergeSpan(this.pending, start, end, change.text.length);
    }
    // An empty batch still moves the version.
    if (changes.length === 0) TextDocument.update(this.text, [], version);
  }

  /** A new analyzer (the settings changed); its cache starts empty. */
  setAnalyzer(analyzer: Analyzer): void {
    this.analyzer = analyzer;
    this.last = undefined;
  }

  /** Brings the tree up to date with the text and analyses it. Never throws for any input text. */
  analyse(options: AnalyseOptions): Analysis {
    const version = this.version;
    const text = this.text.getText();
    if (exceedsBytes(text, options.maxFileSize)) {
      // Keep no tree for a document this large; parse afresh if it shrinks.
      this.sourceFile = undefined;
      this.pending = 'full';
      this.last = { version, skipped: `larger than ${options.maxFileSize} bytes (asyncLens.maxFileSize)` };
      return this.last;
    }
    const tree = this.syncTree(text);
    if ('skipped' in tree) {
      this.last = { version, skipped: tree.skipped };
      return this.last;
    }
    this.last = { version, findings: this.analyzer.analyze(tree.sourceFile, { skipRules: options.skipRules }).findings };
    return this.last;
  }

  /** The tree of `text`: updated through the merged span, or parsed afresh. */
  private syncTree(text: string): { sourceFile: TS.SourceFile } | { skipped: string } {
    const pending = this.pending;
    let result;
    if (pending === undefined && this.sourceFile) return { sourceFile: this.sourceFile };
    if (pending === 'full' || pending === undefined || !this.sourceFile) result = parse(ts, this.fileName, text);
    else {
      const change = { start: pending.start, length: pending.oldEnd - pending.start, text: text.slice(pending.start, pending.newEnd) };
      result = update(ts, this.sourceFile, [change]);
    }
    this.pending = undefined;
    // An old tree cannot be updated twice: keep only the newest.
    this.sourceFile = 'sourceFile' in result ? result.sourceFile : undefined;
    if (!this.sourceFile) this.pending = 'full';
    return result;
  }
}

/**
 * Adds an edit (`[start, end)` of the current text replaced by `length` characters) to the span
 * that changed since the last parse. Text before the span is the same in both texts, and text
 * after it is shifted by `newEnd - oldEnd`.
 */
export function mergeSpan(span: ChangedSpan | 'full' | undefined, start: number, end: number, length: number): ChangedSpan | 'full' {
  if (span === 'full') return 'full';
  if (span === undefined) return { start, oldEnd: end, newEnd: start + length };
  return {
    start: Math.min(span.start, start),
    oldEnd: span.oldEnd + Math.max(0, end - span.newEnd),
    newEnd: Math.max(span.newEnd, end) + length - (end - start),
  };
}

/** Whether the text's UTF-8 size exceeds `limit`, without encoding it when the length decides. */
function exceedsBytes(text: string, limit: number): boolean {
  // Each UTF-16 unit is 1 to 3 UTF-8 bytes.
  if (text.length > limit) return true;
  if (text.length * 3 <= limit) return false;
  return Buffer.byteLength(text, 'utf8') > limit;
}

const EXTENSION_OF_LANGUAGE: Readonly<Record<string, string>> = {
  typescript: '.ts',
  typescriptreact: '.tsx',
  javascript: '.js',
  javascriptreact: '.jsx',
};

/** The file name to parse a document under: its path when it has a source extension, else one from its language. */
export function fileNameOf(uri: string, languageId: string): string {
  let name = uri;
  try {
    const url = new URL(uri);
    name = url.protocol === 'file:' ? fileURLToPath(url) : decodeURIComponent(url.pathname) || uri;
  } catch {
    // Not a URL: use it as it is.
  }
  if (/\.(?:[cm]?[jt]s|[jt]sx)$/i.test(name)) return name;
  return name + (EXTENSION_OF_LANGUAGE[languageId] ?? '.ts');
}
