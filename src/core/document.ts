// Parsing and incremental re-parsing of one document.
import type * as TS from 'typescript';
import type { TypeScript } from './types';

/** One edit: `length` characters at `start` replaced by `text`. */
export interface TextChange {
  start: number;
  length: number;
  text: string;
}

/** The outcome of a parse: the tree, or the reason there is none. */
export type ParseResult = { sourceFile: TS.SourceFile } | { skipped: 'nesting too deep' };

/** The script kind TypeScript should parse a file name as. */
export function scriptKindOf(ts: TypeScript, fileName: string): TS.ScriptKind {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (lower.endsWith('.jsx')) return ts.ScriptKind.JSX;
  if (/\.[cm]?js$/.test(lower)) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}

/** Parses a file. Deeply nested code that overflows the parser's stack is reported as skipped. */
export function parse(ts: TypeScript, fileName: string, text: string): ParseResult {
  try {
    // No rule reads JSDoc, and skipping it saves about a tenth of the parse.
    const options = { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone };
    return { sourceFile: ts.createSourceFile(fileName, text, options, true, scriptKindOf(ts, fileName)) };
  } catch (error) {
    if (error instanceof RangeError) return { skipped: 'nesting too deep' };
    throw error;
  }
}

/**
 * Applies edits to a parsed file, in order, reusing the nodes of unchanged code. An old tree
 * cannot be updated twice, so the caller must drop it. Falls back to a full parse when an
 * incremental update fails.
 */
export function update(ts: TypeScript, sourceFile: TS.SourceFile, changes: readonly TextChange[]): ParseResult {
  let current = sourceFile;
  let text = sourceFile.text;
  try {
    for (const change of changes) {
      text = applyChanges(text, [change]);
      current = ts.updateSourceFile(current, text, {
        span: { start: change.start, length: change.length },
        newLength: change.text.length,
      });
    }
    return { sourceFile: current };
  } catch {
    return parse(ts, sourceFile.fileName, applyChanges(sourceFile.text, changes));
  }
}

/** The text after applying edits in order. */
export function applyChanges(text: string, changes: readonly TextChange[]): string {
  let result = text;
  for (const change of changes) result = result.slice(0, change.start) + change.text + result.slice(change.start + change.length);
  return result;
}
