// Shared helpers for tests: analyse a text, describe findings, apply a fix.
import ts = require('typescript');
import { Analyzer, parse, RULES, update } from '../../src/core';
import type * as TS from 'typescript';
import type { AnalyzerOptions, Finding, Fix, TextChange, TextEdit } from '../../src/core';

/** A finding with 1-based line and column, as a user sees it. */
export interface Located {
  rule: string;
  messageId: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  finding: Finding;
}

/** Analyses `text` as `fileName` with every rule (or those in `options.rules`). */
export function analyzeText(text: string, fileName = 'test.ts', options: AnalyzerOptions = {}): Located[] {
  const parsed = parse(ts, fileName, text);
  if (!('sourceFile' in parsed)) throw new Error(`not parsed: ${parsed.skipped}`);
  const sourceFile = parsed.sourceFile;
  const { findings } = new Analyzer(ts, RULES, options).analyze(sourceFile);
  return findings.map((finding) => {
    const start = sourceFile.getLineAndCharacterOfPosition(finding.start);
    const end = sourceFile.getLineAndCharacterOfPosition(finding.end);
    return {
      rule: finding.rule,
      messageId: finding.messageId,
      line: start.line + 1,
      column: start.character + 1,
      endLine: end.line + 1,
      endColumn: end.character + 1,
      message: finding.message,
      finding,
    };
  });
}

/** Only the findings of one rule. */
export function analyzeRule(rule: string, text: string, fileName = 'test.ts', options: AnalyzerOptions = {}): Located[] {
  return analyzeText(text, fileName, options).filter((located) => located.rule === rule);
}

/** Applies a fix's edits (non-overlapping) to `text`. */
export function applyFix(text: string, fix: Pick<Fix, 'edits'>): string {
  return applyEdits(text, fix.edits);
}

/** Applies non-overlapping edits to `text`, last first. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start || b.end - a.end)) {
    result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  }
  return result;
}

/** Parses `text` as `fileName`; throws if the parser gave up. */
export function parsed(text: string, fileName = 'a.ts'): TS.SourceFile {
  const result = parse(ts, fileName, text);
  if (!('sourceFile' in result)) throw new Error(result.skipped);
  return result.sourceFile;
}

/** Applies one edit incrementally; the old tree must not be used again. */
export function edited(sourceFile: TS.SourceFile, change: TextChange): TS.SourceFile {
  const result = update(ts, sourceFile, [change]);
  if (!('sourceFile' in result)) throw new Error(result.skipped);
  return result.sourceFile;
}
