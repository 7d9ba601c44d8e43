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
  /** The 0-based line the comment ends on (a `-next-line` directive covers the line after it). */
  line: number;
}

/**
 * Finds the suppression comments of a file: only real comments, never text in a string, template,
 * regular expression or JSX text.
 */
export function findSuppressions(ts: TypeScript, sourceFile: TS.SourceFile): Suppression[] {
  const text = sourceFile.text;
  const found: Suppression[] = [];
  const commentAt = commentLocator(ts, sourceFile);
  let from = 0;
  for (;;) {
    const at = text.indexOf(MARKER, from);
    if (at < 0) break;
    from = at + MARKER.length;
    const comment = commentAt(at);
    if (!comment) continue;
    from = Math.max(from, comment.end);
    const match = DIRECTIVE.exec(text.slice(comment.start, comment.end));
    if (!match) continue;
    const isBlock = text.startsWith('/*', comment.start);
    const kind = match[1] === '-next-line' ? 'next-line' : match[1] === '-line' ? 'line' : 'file';
    // The file form is the block comment; a line comment without a suffix is not a directive.
    if (kind === 'file' && !isBlock) continue;
    const startLine = sourceFile.getLineAndCharacterOfPosition(comment.start).line;
    const endLine = isBlock ? sourceFile.getLineAndCharacterOfPosition(comment.end).line : startLine;
    // As in ESLint: a `-line` directive that spans lines names no one line, so it is none, and
    // `-next-line` means the line after the comment's end.
    if (kind === 'line' && endLine !== startLine) continue;
    // Ids are separated by commas or spaces; `--` starts a free-text reason.
    const words = (match[2] ?? '').split(/[\s,]+/).filter((word) => word.length > 0);
    const cut = words.indexOf('--');
    found.push({
      kind,
      rules: cut >= 0 ? words.slice(0, cut) : words,
      start: comment.start,
      end: comment.end,
      line: endLine,
    });
  }
  return found;
}

/**
 * Whether `position` is in JSX text (the children of a JSX element, between tags and `{…}`), where
 * `//` and `/*` are text: a directive there has to be written `{/* … *\/}`.
 */
export function isInJsxText(ts: TypeScript, sourceFile: TS.SourceFile, position: number): boolean {
  return nodeLocator(ts, sourceFile)(position).node.kind === ts.SyntaxKind.JsxText;
}

/**
 * Makes the function that finds the deepest node whose full range (with its leading trivia) holds
 * a position, and the end of that node's last child before the position (-1 when none). The
 * closures are made once per file, not once per position.
 */
function nodeLocator(ts: TypeScript, sourceFile: TS.SourceFile): (position: number) => { node: TS.Node; before: number } {
  let position = 0;
  // The state of one step of the descent: the child holding the position, or the end of the
  // last child before it.
  let next: TS.Node | undefined;
  let before = -1;
  // Children come in source order; `true` stops at the first one past the position.
  const visit = (child: TS.Node): true | undefined => {
    if (child.pos > position) return true;
    if (position < child.end) {
      next = child;
      return true;
    }
    before = child.end;
    return undefined;
  };
  // A list (thousands of statements in one IIFE) is binary-searched, so that a file of many
  // directives is not quadratic.
  const visitList = (children: TS.NodeArray<TS.Node>): true | undefined => {
    let low = 0;
    let high = children.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (children[middle]!.pos <= position) low = middle;
      else high = middle - 1;
    }
    const child = children[low];
    if (!child) return undefined;
    return visit(child) ?? (low < children.length - 1 ? true : undefined);
  };
  return (at) => {
    position = at;
    let node: TS.Node = sourceFile;
    for (;;) {
      next = undefined;
      before = -1;
      ts.forEachChild(node, visit, visitList);
      if (!next) return { node, before };
      node = next;
    }
  };
}

/**
 * Makes the function that gives the range of the comment containing a position, if it is inside
 * one. It reads only the trivia that the deepest node's own tokens leave: a token's text (a
 * string, a template part, JSX text) is never read as a comment.
 */
function commentLocator(ts: TypeScript, sourceFile: TS.SourceFile): (position: number) => { start: number; end: number } | undefined {
  const text = sourceFile.text;
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, sourceFile.languageVariant);
  const locate = nodeLocator(ts, sourceFile);
  return (position) => {
    const { node, before } = locate(position);
    // JSX text has no trivia: everything in it up to `{` or `<` is text.
    if (node.kind === ts.SyntaxKind.JsxText) return undefined;
    // The position is in the node's leading trivia or among its own tokens (brackets, commas,
    // keywords: none can hold comment-like text), after its last child that ends before the
    // position. Only that gap is scanned, never a child; this is also how a comment alone in `{}`,
    // `()` or JSX `{/* … */}` is found. A token node's own text (a string, a template part) is
    // never read.
    const isToken = node.kind <= ts.SyntaxKind.LastToken;
    scanner.setText(text, before < 0 ? node.pos : before);
    while (scanner.getTextPos() <= position) {
      const start = scanner.getTextPos();
      const kind = scanner.scan();
      const end = scanner.getTextPos();
      if (kind === ts.SyntaxKind.SingleLineCommentTrivia || kind === ts.SyntaxKind.MultiLineCommentTrivia) {
        if (position < end) return { start, end };
      } else if (!isTrivia(ts, kind) && (isToken || position < end || kind === ts.SyntaxKind.EndOfFileToken)) {
        return undefined;
      }
    }
    return undefined;
  };
}

/** Whether a scanned kind is trivia other than a comment. */
function isTrivia(ts: TypeScript, kind: TS.SyntaxKind): boolean {
  return (
    kind === ts.SyntaxKind.WhitespaceTrivia ||
    kind === ts.SyntaxKind.NewLineTrivia ||
    kind === ts.SyntaxKind.ShebangTrivia ||
    kind === ts.SyntaxKind.ConflictMarkerTrivia
  );
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
