// Suppression comments: `// async-lens-disable-next-line <id>[, <id>]`, `// async-lens-disable-line`
// and `/* async-lens-disable <id> */` for the whole file; unused ones are reported.
import type * as TS from 'typescript';
import type { Finding, RawFinding, TypeScript } from './types';

const MARKER = 'async-lens-disable';
const DIRECTIVE = /^(?:\/\/|\/\*)\s*async-lens-disable(-next-line|-line)?(?=[\s*]|$)([^\n]*?)(?:\*\/)?\s*$/;

/** A parsed suppression comment. */
export interface Suppression {
  kind: 'next-line' | 'line' | 'file';
  /** Rule ids; empty means every rule. */
  rules: string[];
  /** The comment's range. */
  start: number;
  end: number;
  /** The 0-based line the comment is on. */
  line: number;
}

/** Finds the suppression comments of a file (only real comments, never text in strings). */
export function findSuppressions(ts: TypeScript, sourceFile: TS.SourceFile): Suppression[] {
  const text = sourceFile.text;
  const found: Suppression[] = [];
  let from = 0;
  for (;;) {
    const at = text.indexOf(MARKER, from);
    if (at < 0) break;
    from = at + MARKER.length;
    const comment = commentAt(ts, sourceFile, at);
    if (!comment) continue;
    from = Math.max(from, comment.end);
    const match = DIRECTIVE.exec(text.slice(comment.start, comment.end));
    if (!match) continue;
    const isBlock = text.startsWith('/*', comment.start);
    const kind = match[1] === '-next-line' ? 'next-line' : match[1] === '-line' ? 'line' : 'file';
    // The file form is the block comment; a line comment without a suffix is not a directive.
    if (kind === 'file' && !isBlock) continue;
    // Ids are separated by commas or spaces; `--` starts a free-text reason.
    const words = (match[2] ?? '').split(/[\s,]+/).filter((word) => word.length > 0);
    const cut = words.indexOf('--');
    found.push({
      kind,
      rules: cut >= 0 ? words.slice(0, cut) : words,
      start: comment.start,
      end: comment.end,
      line: sourceFile.getLineAndCharacterOfPosition(comment.start).line,
    });
  }
  return found;
}

/** The range of the comment that contains `position`, if it is inside one. */
function commentAt(ts: TypeScript, sourceFile: TS.SourceFile, position: number): { start: number; end: number } | undefined {
  // Descend to the deepest node whose full range holds the position; a comment lies in its
  // leading trivia, before the node's first token.
  let node: TS.Node = sourceFile;
  for (;;) {
    let next: TS.Node | undefined;
    node.forEachChild((child) => {
      if (child.pos <= position && position < child.end) {
        next = child;
        return true;
      }
      return undefined;
    });
    if (!next) break;
    node = next;
  }
  const text = sourceFile.text;
  const scanFrom = node === sourceFile ? lastTokenEnd(sourceFile) : node.pos;
  const ranges = [
    ...(ts.getLeadingCommentRanges(text, scanFrom) ?? []),
    ...(ts.getTrailingCommentRanges(text, scanFrom) ?? []),
  ];
  for (const range of ranges) {
    if (range.pos <= position && position < range.end) return { start: range.pos, end: range.end };
  }
  // Comments inside a token-less gap (for example between the last statement and a closing
  // brace) belong to no child: scan from the end of the child before the position.
  let previousEnd = -1;
  node.forEachChild((child) => {
    if (child.end <= position) previousEnd = Math.max(previousEnd, child.end);
  });
  if (previousEnd >= 0) {
    for (const range of [
      ...(ts.getTrailingCommentRanges(text, previousEnd) ?? []),
      ...(ts.getLeadingCommentRanges(text, previousEnd) ?? []),
    ]) {
      if (range.pos <= position && position < range.end) return { start: range.pos, end: range.end };
    }
  }
  return undefined;
}

function lastTokenEnd(sourceFile: TS.SourceFile): number {
  const last = sourceFile.statements[sourceFile.statements.length - 1];
  return last ? last.end : 0;
}

/**
 * Drops suppressed findings and adds an `unused-suppression` finding (made by `toFinding`) for
 * each listed rule id that suppressed nothing, when that rule is active for the file.
 */
export function applySuppressions(
  ts: TypeScript,
  sourceFile: TS.SourceFile,
  findings: Finding[],
  activeRules: ReadonlySet<string>,
  toFinding: (raw: RawFinding) => Finding,
): Finding[] {
  if (!sourceFile.text.includes(MARKER)) return findings;
  const suppressions = findSuppressions(ts, sourceFile);
  if (suppressions.length === 0) return findings;
  const used = suppressions.map(() => new Set<string>());
  const kept: Finding[] = [];
  for (const finding of findings) {
    if (finding.messageId === 'internal-error') {
      kept.push(finding);
      continue;
    }
    const line = sourceFile.getLineAndCharacterOfPosition(finding.start).line;
    let suppressed = false;
    suppressions.forEach((suppression, index) => {
      if (suppression.rules.length > 0 && !suppression.rules.includes(finding.rule)) return;
      const applies =
        suppression.kind === 'file' ||
        (suppression.kind === 'line' && suppression.line === line) ||
        (suppression.kind === 'next-line' && suppression.line + 1 === line);
      if (!applies) return;
      suppressed = true;
      used[index]!.add(finding.rule);
    });
    if (!suppressed) kept.push(finding);
  }
  suppressions.forEach((suppression, index) => {
    for (const rule of suppression.rules) {
      if (!activeRules.has(rule) || used[index]!.has(rule)) continue;
      kept.push(
        toFinding({
          rule,
          start: suppression.start,
          end: suppression.end,
          messageId: 'unused-suppression',
          data: { rule },
          fixes: [
            {
              titleId: 'fix.remove-suppression',
              safety: 'unsafe',
              edits: [removeCommentEdit(sourceFile.text, suppression, rule)],
            },
          ],
        }),
      );
    }
  });
  return kept;
}

/** Removes a rule id from a directive, or the whole comment (and its line, if alone on it). */
function removeCommentEdit(text: string, suppression: Suppression, rule: string): { start: number; end: number; newText: string } {
  if (suppression.rules.length > 1) {
    const comment = text.slice(suppression.start, suppression.end);
    const rest = suppression.rules.filter((id) => id !== rule).join(', ');
    const replaced = comment.replace(/^((?:\/\/|\/\*)\s*async-lens-disable(?:-next-line|-line)?\s+)[^*\n]*?(\s*(?:\*\/)?)$/, `$1${rest}$2`);
    return { start: suppression.start, end: suppression.end, newText: replaced };
  }
  let start = suppression.start;
  let end = suppression.end;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const before = text.slice(lineStart, start);
  const newline = text.indexOf('\n', end);
  const lineEnd = newline < 0 ? text.length : newline;
  const after = text.slice(end, lineEnd);
  if (before.trim() === '' && after.trim() === '') {
    start = lineStart;
    end = newline < 0 ? text.length : newline + 1;
  } else {
    while (start > lineStart && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  }
  return { start, end, newText: '' };
}
