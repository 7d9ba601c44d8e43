// The one conversion boundary between the core's findings (offsets) and LSP (positions).
import { DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver';
import type { Diagnostic, Range, TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, TextEdit as CoreTextEdit } from '../core';
import { ruleDocUrl } from './rule-docs';

/** The `source` of every diagnostic the server publishes. */
export const SOURCE = 'async-lens';

/** What `Diagnostic.data` carries: the finding's message id, to tell findings of one rule apart. */
export interface DiagnosticData {
  messageId: string;
}

const SEVERITY: Readonly<Record<Finding['severity'], DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** Whether a finding reports a suppression comment that suppressed nothing. */
export function isUnusedSuppression(finding: Finding): boolean {
  return finding.messageId === 'unused-suppression';
}

/** Converts a finding of `document` to an LSP diagnostic. */
export function toDiagnostic(finding: Finding, document: TextDocument, repository: string): Diagnostic {
  const diagnostic: Diagnostic = {
    range: toRange(document, finding.start, finding.end),
    severity: isUnusedSuppression(finding) ? DiagnosticSeverity.Hint : SEVERITY[finding.severity],
    source: SOURCE,
    code: finding.rule,
    codeDescription: { href: ruleDocUrl(repository, finding.rule) },
    message: finding.message,
    data: { messageId: finding.messageId } satisfies DiagnosticData,
  };
  if (isUnusedSuppression(finding)) diagnostic.tags = [DiagnosticTag.Unnecessary];
  return diagnostic;
}

/** The LSP range of two offsets. */
export function toRange(document: TextDocument, start: number, end: number): Range {
  return { start: document.positionAt(start), end: document.positionAt(end) };
}

/** Converts a core edit (offsets) to an LSP edit. */
export function toTextEdit(document: TextDocument, edit: CoreTextEdit): TextEdit {
  return { range: toRange(document, edit.start, edit.end), newText: edit.newText };
}

/** Whether a finding is the one a diagnostic was made from (same rule, message and range). */
export function isFindingOf(finding: Finding, diagnostic: Diagnostic, document: TextDocument): boolean {
  if (diagnostic.source !== SOURCE || diagnostic.code !== finding.rule) return false;
  const data = diagnostic.data as Partial<DiagnosticData> | undefined;
  if (data?.messageId !== undefined && data.messageId !== finding.messageId) return false;
  return (
    document.offsetAt(diagnostic.range.start) === finding.start && document.offsetAt(diagnostic.range.end) === finding.end
  );
}
