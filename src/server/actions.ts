// Code actions: the ladder per finding (preferred fix, alternatives, disable for the line,
// disable for the file, learn about the rule) and the safe fix-all.
import { CodeActionKind } from 'vscode-languageserver';
import type { CodeAction, Diagnostic, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { format } from '../core/messages';
import type { Finding, Fix, TextEdit as CoreTextEdit } from '../core';
import { isUnusedSuppression, toTextEdit } from './convert';

/** Our fix-all kind: safe fixes only. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.async-lens`;

/** The command the client handles to open a rule's bundled doc (argument: the rule id). */
export const SHOW_RULE_DOC_COMMAND = 'asyncLens.showRuleDoc';

/** The quick fixes of one finding, in ladder order; `diagnostic` is the one they resolve. */
/** Whether an offset of the document lies in JSX text, where a `//` line would be text, not a comment. */
export type InJsxText = (offset: number) => boolean;

export function quickFixes(
  finding: Finding,
  diagnostic: Diagnostic,
  document: TextDocument,
  locale = 'en',
  inJsxText: InJsxText = () => false,
): CodeAction[] {
  const actions: CodeAction[] = [];
  const rule = { rule: finding.rule };
  const fixes = orderFixes(finding.fixes);
  fixes.forEach((fix, index) => {
    actions.push({
      title: fix.title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      isPreferred: index === 0,
      edit: workspaceEdit(document, fix.edits),
    });
  });
  // A suppression cannot suppress the report of a suppression, nor an internal error.
  if (!isUnusedSuppression(finding) && finding.messageId !== 'internal-error') {
    actions.push({
      title: format(locale, 'action.disable-line', rule),
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: { changes: { [document.uri]: [disableLineEdit(document, finding, inJsxText)] } },
    });
    actions.push({
      title: format(locale, 'action.disable-file', rule),
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: { changes: { [document.uri]: [disableFileEdit(document, finding.rule)] } },
    });
  }
  actions.push({
    title: format(locale, 'action.learn', rule),
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    command: { title: format(locale, 'action.learn', rule), command: SHOW_RULE_DOC_COMMAND, arguments: [finding.rule] },
  });
  return actions;
}

/** The preferred fix first (the first fix when none is marked), then the others in their order. */
export function orderFixes(fixes: readonly Fix[]): Fix[] {
  const preferred = fixes.find((fix) => fix.isPreferred) ?? fixes[0];
  return preferred ? [preferred, ...fixes.filter((fix) => fix !== preferred)] : [];
}

/** The fix-all action: one safe fix per finding, leaving out any that touches one already taken. */
export function fixAll(findings: readonly Finding[], document: TextDocument, locale = 'en'): CodeAction | undefined {
  const taken: CoreTextEdit[] = [];
  for (const finding of findings) {
    const safe = orderFixes(finding.fixes.filter((fix) => fix.safety === 'safe'))[0];
    if (!safe || safe.edits.length === 0) continue;
    if (safe.edits.some((edit) => taken.some((other) => touches(edit, other)))) continue;
    taken.push(...safe.edits);
  }
  if (taken.length === 0) return undefined;
  return { title: format(locale, 'action.fix-all', {}), kind: FIX_ALL_KIND, edit: workspaceEdit(document, taken) };
}

/** Edits that overlap or meet; two insertions at one offset would have no defined order. */
function touches(a: CoreTextEdit, b: CoreTextEdit): boolean {
  return a.start <= b.end && b.start <= a.end;
}

function workspaceEdit(document: TextDocument, edits: readonly CoreTextEdit[]): WorkspaceEdit {
  const lineBreak = lineBreakOf(document);
  return {
    changes: {
      [document.uri]: mergeEdits(edits).map((edit) => toTextEdit(document, { ...edit, newText: edit.newText.replace(/\r?\n/g, lineBreak) })),
    },
  };
}

/**
 * Sorts edits and joins an insertion with the edit that starts where it is (`await ` before
 * replacing `readFileSync`): editors differ in how they order an insertion and a replacement
 * at one position, and one edit has only one meaning.
 */
export function mergeEdits(edits: readonly CoreTextEdit[]): CoreTextEdit[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: CoreTextEdit[] = [];
  for (const edit of sorted) {
    const previous = merged[merged.length - 1];
    if (previous && previous.start === edit.start && previous.end === previous.start) {
      merged[merged.length - 1] = { start: edit.start, end: edit.end, newText: previous.newText + edit.newText };
    } else merged.push({ ...edit });
  }
  return merged;
}

/** `// async-lens-disable-next-line <id>` above the finding's first line, with that line's indentation. */
function disableLineEdit(document: TextDocument, finding: Finding, inJsxText: InJsxText): TextEdit {
  const line = document.positionAt(finding.start).line;
  const lineStart = document.offsetAt({ line, character: 0 });
  const text = document.getText();
  const indentation = /^[ \t]*/.exec(text.slice(lineStart, lineStart + 200))![0];
  // Among JSX children a `//` line is text the page shows: the comment goes in braces there.
  const directive = `async-lens-disable-next-line ${finding.rule}`;
  const comment = lineStart > 0 && inJsxText(lineStart - 1) ? `{/* ${directive} */}` : `// ${directive}`;
  return {
    range: { start: { line, character: 0 }, end: { line, character: 0 } },
    newText: `${indentation}${comment}${lineBreakOf(document)}`,
  };
}

/** `/* async-lens-disable <id> *\/` at the top, after a shebang line. */
function disableFileEdit(document: TextDocument, rule: string): TextEdit {
  const comment = `/* async-lens-disable ${rule} */`;
  const lineBreak = lineBreakOf(document);
  const text = document.getText();
  if (!text.startsWith('#!')) {
    return { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: comment + lineBreak };
  }
  if (document.lineCount > 1) {
    return { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, newText: comment + lineBreak };
  }
  // A file that is only a shebang line.
  const end = document.positionAt(text.length);
  return { range: { start: end, end }, newText: lineBreak + comment };
}

function lineBreakOf(document: TextDocument): string {
  return document.getText().includes('\r\n') ? '\r\n' : '\n';
}
