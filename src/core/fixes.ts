// Helpers that rules share to decide where a fix is legal and to build its text edits.
import type * as TS from 'typescript';
import { isFunctionLike } from './scope';
import type { TextEdit, TypeScript } from './types';

/** The function whose body holds `node`, or undefined at module level or in a class field. */
export function enclosingFunction(ts: TypeScript, node: TS.Node): TS.FunctionLikeDeclaration | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionLike(ts, current)) return current;
    if (ts.isClassStaticBlockDeclaration(current) || ts.isPropertyDeclaration(current) || ts.isSourceFile(current)) {
      return undefined;
    }
  }
  return undefined;
}

/** Whether `await` is legal at `node`: inside the body of an `async` function. */
export function canAwaitAt(ts: TypeScript, node: TS.Node): boolean {
  const fn = enclosingFunction(ts, node);
  return !!fn && !!ts.getModifiers(fn)?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword);
}

/** Whether `node` is a loop statement. */
export function isLoop(ts: TypeScript, node: TS.Node): node is TS.IterationStatement {
  switch (node.kind) {
    case ts.SyntaxKind.ForStatement:
    case ts.SyntaxKind.ForOfStatement:
    case ts.SyntaxKind.ForInStatement:
    case ts.SyntaxKind.WhileStatement:
    case ts.SyntaxKind.DoStatement:
      return true;
    default:
      return false;
  }
}

/** The innermost loop whose body holds `node`, within its function. */
export function enclosingLoop(ts: TypeScript, node: TS.Node): TS.IterationStatement | undefined {
  let child: TS.Node = node;
  for (let current = node.parent; current; child = current, current = current.parent) {
    if (isFunctionLike(ts, current) || ts.isSourceFile(current) || ts.isClassLike(current)) return undefined;
    // A statement in the loop's body; not its header.
    if (isLoop(ts, current) && current.statement === child) return current;
  }
  return undefined;
}

/**
 * Whether a statement is the last statement of a function body that may return a value: not a
 * constructor, setter or generator, and without a declared return type (`: void` or
 * `: Promise<number>` would not accept the promise).
 */
export function isLastStatementOfFunction(ts: TypeScript, statement: TS.Statement): boolean {
  const block = statement.parent;
  if (!block || !ts.isBlock(block)) return false;
  const fn = block.parent;
  if (!fn || !isFunctionLike(ts, fn) || fn.body !== block) return false;
  if (ts.isConstructorDeclaration(fn) || ts.isSetAccessor(fn) || fn.asteriskToken || fn.type) return false;
  return block.statements[block.statements.length - 1] === statement;
}

/** Whether a loop can only end by `break`, `return` or `throw`: `while (true)`, `for (;;)`. */
export function isEndlessLoop(ts: TypeScript, loop: TS.IterationStatement): boolean {
  if (ts.isForStatement(loop)) return !loop.condition || loop.condition.kind === ts.SyntaxKind.TrueKeyword;
  if (ts.isWhileStatement(loop) || ts.isDoStatement(loop)) return loop.expression.kind === ts.SyntaxKind.TrueKeyword;
  return false;
}

/** Whether an expression must be wrapped in parentheses to take a prefix operator. */
export function needsParensForPrefix(ts: TypeScript, expression: TS.Expression): boolean {
  switch (expression.kind) {
    case ts.SyntaxKind.BinaryExpression:
    case ts.SyntaxKind.ConditionalExpression:
    case ts.SyntaxKind.ArrowFunction:
    case ts.SyntaxKind.YieldExpression:
    case ts.SyntaxKind.AsExpression:
    case ts.SyntaxKind.SatisfiesExpression:
      return true;
    default:
      return false;
  }
}

/** Whether an expression can take a `.member` suffix without parentheses. */
export function isMemberReceiver(ts: TypeScript, expression: TS.Expression): boolean {
  switch (expression.kind) {
    case ts.SyntaxKind.CallExpression:
    case ts.SyntaxKind.PropertyAccessExpression:
    case ts.SyntaxKind.ElementAccessExpression:
    case ts.SyntaxKind.Identifier:
    case ts.SyntaxKind.ParenthesizedExpression:
    case ts.SyntaxKind.ThisKeyword:
      return true;
    case ts.SyntaxKind.NewExpression:
      return (expression as TS.NewExpression).arguments !== undefined;
    default:
      return false;
  }
}

/** The whitespace that starts the line holding `position`. */
export function indentationAt(text: string, position: number): string {
  const lineStart = text.lastIndexOf('\n', position - 1) + 1;
  const match = /^[ \t]*/.exec(text.slice(lineStart, position));
  return match ? match[0] : '';
}

/** An edit that inserts `text` at `position`. */
export function insert(position: number, text: string): TextEdit {
  return { start: position, end: position, newText: text };
}

/** An edit that wraps the expression in `before … after`, adding parentheses if needed. */
export function wrap(
  sourceFile: TS.SourceFile,
  expression: TS.Expression,
  before: string,
  after: string,
  parenthesize: boolean,
): TextEdit {
  const start = expression.getStart(sourceFile);
  const text = sourceFile.text.slice(start, expression.end);
  const inner = parenthesize ? `(${text})` : text;
  return { start, end: expression.end, newText: `${before}${inner}${after}` };
}

/** A name starting with `base` that does not occur as a word in `scopeText`. */
export function freshName(scopeText: string, base: string): string {
  for (let i = 1; ; i++) {
    const name = i === 1 ? base : `${base}${i}`;
    if (!new RegExp(`\\b${name}\\b`).test(scopeText)) return name;
  }
}

/** A one-line excerpt of a node's text for messages, shortened to `max` characters. */
export function excerpt(sourceFile: TS.SourceFile, node: TS.Node, max = 40): string {
  const text = sourceFile.text.slice(node.getStart(sourceFile), node.end).replace(/\s+/g, ' ');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
