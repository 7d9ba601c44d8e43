// floating-promise: a promise created and dropped by an expression statement.
import type * as TS from 'typescript';
import {
  canAwaitAt,
  enclosingFunction,
  enclosingLoop,
  excerpt,
  freshName,
  indentationAt,
  insert,
  isEndlessLoop,
  isLastStatementOfFunction,
  isMemberReceiver,
  needsParensForPrefix,
  wrap,
} from '../fixes';
import { bindingSignature, cannotReject, combinatorName, isAsyncFunction, skipOuterExpressions, valueOf } from '../promise';
import type { Rule, RuleContext } from '../rule';
import type { RawFix, RuleMeta, TypeScript } from '../types';

const meta: RuleMeta = {
  id: 'floating-promise',
  description: 'A promise is created and dropped: not awaited, returned, `void`-ed or given a rejection handler.',
  defaultSeverity: 'warning',
  messageIds: ['floating-promise.floating', 'floating-promise.floating-array', 'floating-promise.floating-iife'],
  fixes: {
    'fix.collect-all': 'unsafe',
    'fix.collect-all-settled': 'unsafe',
    'fix.add-await': 'unsafe',
    'fix.return': 'unsafe',
    'fix.add-catch': 'unsafe',
    'fix.void': 'unsafe',
    'fix.await-all': 'unsafe',
    'fix.await-all-settled': 'unsafe',
    'fix.await-race': 'unsafe',
    'fix.await-any': 'unsafe',
  },
  inspiredBy: '@typescript-eslint/no-floating-promises',
};

/** What kind of dropped promise an expression is. */
interface Floating {
  kind: 'floating' | 'floating-iife' | 'floating-array';
  /** The expression reported: the statement's expression without outer parentheses. */
  node: TS.Expression;
  /**
   * The operand that is the promise: `load()` in `a && load()`. A `.catch` goes there, since
   * `(a && load()).catch(…)` throws a TypeError when `a` is false.
   */
  promise: TS.Expression;
}

export const floatingPromise: Rule = {
  meta,
  visitors: {
    ExpressionStatement(node, context) {
      const statement = node as TS.ExpressionStatement;
      const found = classify(context, statement.expression);
      if (!found) return;
      const data: Record<string, string> = found.kind === 'floating-iife' ? {} : { expression: describe(context, found.node) };
      context.report({
        node: statement.expression,
        messageId: `floating-promise.${found.kind}`,
        data,
        fixes: found.kind === 'floating-array' ? arrayFixes(context, statement) : promiseFixes(context, statement, found),
      });
    },
  },
};

/** Finds the dropped promise in a statement's expression, if there is one. */
function classify(context: RuleContext, expression: TS.Expression): Floating | undefined {
  const ts = context.ts;
  const node = skipOuterExpressions(ts, expression);
  if (ts.isVoidExpression(node) || ts.isAwaitExpression(node) || ts.isYieldExpression(node)) return undefined;
  if (ts.isBinaryExpression(node)) {
    const operator = node.operatorToken.kind;
    // `a && load()`, `a ?? load()`, `a, load()`: the right operand is what may be dropped.
    if (
      operator === ts.SyntaxKind.AmpersandAmpersandToken ||
      operator === ts.SyntaxKind.BarBarToken ||
      operator === ts.SyntaxKind.QuestionQuestionToken ||
      operator === ts.SyntaxKind.CommaToken
    ) {
      const right = classify(context, node.right);
      return right ? { ...right, node } : undefined;
    }
    return undefined;
  }
  if (ts.isConditionalExpression(node)) {
    const whenTrue = classify(context, node.whenTrue);
    const whenFalse = classify(context, node.whenFalse);
    // Both branches promises: the whole conditional takes the `.catch`.
    if (whenTrue && whenFalse) return { kind: whenTrue.kind, node, promise: node };
    const branch = whenTrue ?? whenFalse;
    return branch ? { ...branch, node } : undefined;
  }
  // A bare `Promise.all(…)` statement is unawaited-promise-all's.
  if (combinatorName(ts, node, context)) return undefined;
  if (ts.isCallExpression(node)) {
    const callee = skipOuterExpressions(ts, node.expression);
    if (ts.isFunctionExpression(callee) || ts.isArrowFunction(callee)) {
      if (!isAsyncFunction(ts, callee) || cannotReject(ts, callee)) return undefined;
      return { kind: 'floating-iife', node, promise: node };
    }
    // `const run = async () => { try { … } catch { … } }; run();`: the same policy as the IIFE.
    if (ts.isIdentifier(callee)) {
      const binding = context.resolve(callee.text);
      if (binding && bindingSignature(ts, binding) === 'fn:safe') return undefined;
    }
    if (isPromiseArray(context, node)) return { kind: 'floating-array', node, promise: node };
  }
  if (ts.isArrayLiteralExpression(node) && node.elements.length > 0 && node.elements.every((e) => isUnhandledPromise(context, e))) {
    return { kind: 'floating-array', node, promise: node };
  }
  return isUnhandledPromise(context, node) ? { kind: 'floating', node, promise: node } : undefined;
}

/** A promise whose rejection is not handled by `.catch(f)` or `.then(a, b)` at its end. */
function isUnhandledPromise(context: RuleContext, expression: TS.Expression): boolean {
  const ts = context.ts;
  const node = skipOuterExpressions(ts, expression);
  if (valueOf(ts, node, context, context.options.checkThenables) !== 'promise') return false;
  if (!ts.isCallExpression(node)) return true;
  const callee = skipOuterExpressions(ts, node.expression);
  if (!ts.isPropertyAccessExpression(callee)) return true;
  const method = callee.name.text;
  if (method === 'catch') return !isHandler(ts, node.arguments[0]);
  if (method === 'then') return !isHandler(ts, node.arguments[1]);
  // `.finally(f)` passes its receiver's rejection on: handled exactly when the receiver is
  // (typescript-eslint's policy too).
  if (method === 'finally') return isUnhandledPromise(context, callee.expression);
  return true;
}

/** Whether an argument is a rejection handler (present and not `undefined` or `null`). */
function isHandler(ts: TypeScript, argument: TS.Expression | undefined): boolean {
  if (!argument) return false;
  const node = skipOuterExpressions(ts, argument);
  if (node.kind === ts.SyntaxKind.NullKeyword) return false;
  return !(ts.isIdentifier(node) && node.text === 'undefined');
}

/** `items.map(async …)`: an array of promises. */
function isPromiseArray(context: RuleContext, call: TS.CallExpression): boolean {
  const ts = context.ts;
  const callee = skipOuterExpressions(ts, call.expression);
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'map') return false;
  const callback = call.arguments[0];
  return !!callback && isAsyncFunction(ts, skipOuterExpressions(ts, callback)) && !(callback as TS.ArrowFunction).asteriskToken;
}

/** A short name for what created the promise: the callee of a call, or the expression. */
function describe(context: RuleContext, node: TS.Expression): string {
  const ts = context.ts;
  const inner = skipOuterExpressions(ts, node);
  if (ts.isCallExpression(inner)) return `${excerpt(context.sourceFile, inner.expression)}(…)`;
  if (ts.isNewExpression(inner)) return `new ${excerpt(context.sourceFile, inner.expression)}(…)`;
  return excerpt(context.sourceFile, inner);
}

/** Fixes for one dropped promise, the preferred one first. */
function promiseFixes(context: RuleContext, statement: TS.ExpressionStatement, found: Floating): RawFix[] {
  const { ts, sourceFile } = context;
  const expression = statement.expression;
  const fixes: RawFix[] = [];
  const canAwait = canAwaitAt(ts, statement);
  const loop = canAwait ? enclosingLoop(ts, statement) : undefined;
  if (loop && isCollectable(ts, loop, found)) fixes.push(...collectFixes(context, statement, loop));
  if (canAwait) {
    fixes.push({
      titleId: 'fix.add-await',
      safety: 'unsafe',
      edits: [wrap(sourceFile, expression, 'await ', '', needsParensForPrefix(ts, expression))],
    });
  }
  if (isLastStatementOfFunction(ts, statement)) {
    fixes.push({ titleId: 'fix.return', safety: 'unsafe', edits: [insert(expression.getStart(sourceFile), 'return ')] });
  }
  fixes.push(catchFix(context, statement, found));
  fixes.push(voidFix(context, expression));
  fixes[0]!.isPreferred = true;
  return fixes;
}

/**
 * Whether the loop's promises can be collected and awaited after it: the loop ends on its own
 * (after `while (true)` the `await` would never run while the array grows), and the statement
 * is itself a promise (`a && load()` would push `false` into `Promise<unknown>[]`).
 */
function isCollectable(ts: TypeScript, loop: TS.IterationStatement, found: Floating): boolean {
  const node = skipOuterExpressions(ts, found.node);
  return !isEndlessLoop(ts, loop) && !ts.isBinaryExpression(node) && !ts.isConditionalExpression(node);
}

/** Fixes for a dropped array of promises: await one of the combinators, or `void`. */
function arrayFixes(context: RuleContext, statement: TS.ExpressionStatement): RawFix[] {
  const { ts, sourceFile } = context;
  const expression = statement.expression;
  const fixes: RawFix[] = [];
  const inner = skipOuterExpressions(ts, expression);
  // `a && items.map(async …)` may be `false`, which `Promise.all` rejects: only a bare array.
  const isBareArray = ts.isCallExpression(inner) || ts.isArrayLiteralExpression(inner);
  if (canAwaitAt(ts, statement) && isBareArray) {
    for (const [method, titleId] of [
      ['all', 'fix.await-all'],
      ['allSettled', 'fix.await-all-settled'],
      ['race', 'fix.await-race'],
      ['any', 'fix.await-any'],
    ] as const) {
      const edit = wrap(sourceFile, inner, `await Promise.${method}(`, ')', false);
      fixes.push({ titleId, safety: 'unsafe', edits: [{ ...edit, start: expression.getStart(sourceFile), end: expression.end }] });
    }
  }
  fixes.push(voidFix(context, expression));
  fixes[0]!.isPreferred = true;
  return fixes;
}

/** `.catch((error) => …)` on the promise: the whole expression, or its promise operand. */
function catchFix(context: RuleContext, statement: TS.ExpressionStatement, found: Floating): RawFix {
  const { ts, sourceFile } = context;
  const target = found.promise === found.node ? statement.expression : found.promise;
  const indent = indentationAt(sourceFile.text, statement.getStart(sourceFile));
  const parameter = context.isJavaScript ? '(error)' : '(error: unknown)';
  const handler = `.catch(${parameter} => {\n${indent}  console.error(error);\n${indent}})`;
  return {
    titleId: 'fix.add-catch',
    safety: 'unsafe',
    edits: [wrap(sourceFile, target, '', handler, !isMemberReceiver(ts, target))],
  };
}

function voidFix(context: RuleContext, expression: TS.Expression): RawFix {
  return {
    titleId: 'fix.void',
    safety: 'unsafe',
    edits: [wrap(context.sourceFile, expression, 'void ', '', needsParensForPrefix(context.ts, expression))],
  };
}

/** Collect the loop's promises in an array, then await them together after the loop. */
function collectFixes(context: RuleContext, statement: TS.ExpressionStatement, loop: TS.IterationStatement): RawFix[] {
  const { ts, sourceFile } = context;
  let anchor: TS.Statement = loop;
  while (ts.isLabeledStatement(anchor.parent)) anchor = anchor.parent;
  const container = anchor.parent;
  if (!ts.isBlock(container) && !ts.isSourceFile(container) && !ts.isCaseClause(container) && !ts.isDefaultClause(container)) {
    return [];
  }
  const fn = enclosingFunction(ts, statement);
  const scopeText = fn ? sourceFile.text.slice(fn.pos, fn.end) : sourceFile.text;
  const name = freshName(scopeText, 'pending');
  const indent = indentationAt(sourceFile.text, anchor.getStart(sourceFile));
  const type = context.isJavaScript ? '' : ': Promise<unknown>[]';
  const expression = statement.expression;
  return (
    [
      ['all', 'fix.collect-all'],
      ['allSettled', 'fix.collect-all-settled'],
    ] as const
  ).map(([method, titleId]) => ({
    titleId,
    safety: 'unsafe' as const,
    edits: [
      insert(anchor.getStart(sourceFile), `const ${name}${type} = [];\n${indent}`),
      wrap(sourceFile, expression, `${name}.push(`, ')', false),
      insert(anchor.end, `\n${indent}await Promise.${method}(${name});`),
    ],
  }));
}
