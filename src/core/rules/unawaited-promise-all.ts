// unawaited-promise-all: `Promise.all/allSettled/race/any(…)` left unawaited, or read as if it
// were already its results.
import type * as TS from 'typescript';
import { canAwaitAt, excerpt, insert, needsParensForPrefix, wrap } from '../fixes';
import { combinatorName, isWriteReference, skipOuterExpressions } from '../promise';
import type { Rule, RuleContext } from '../rule';
import { findReferences } from '../scope';
import type { RawFix, RuleMeta, TypeScript } from '../types';

const meta: RuleMeta = {
  id: 'unawaited-promise-all',
  description:
    'A `Promise.all/allSettled/race/any(…)` that is never awaited, returned or passed on, or is read as if it were its results.',
  defaultSeverity: 'warning',
  messageIds: [
    'unawaited-promise-all.bare',
    'unawaited-promise-all.unused',
    'unawaited-promise-all.used-as-value',
    'unawaited-promise-all.destructured',
  ],
  fixes: { 'fix.add-await': 'unsafe', 'fix.await-initializer': 'safe' },
  inspiredBy: '@typescript-eslint/no-floating-promises',
};

/** How one reference to a local uses the promise it holds. */
type Use = 'value' | 'exempt' | 'other';

export const unawaitedPromiseAll: Rule = {
  meta,
  visitors: {
    ExpressionStatement(node, context) {
      const expression = (node as TS.ExpressionStatement).expression;
      const method = combinatorName(context.ts, expression, context);
      if (!method) return;
      context.contextual();
      const fixes: RawFix[] = [];
      if (canAwaitAt(context.ts, node)) {
        fixes.push({
          titleId: 'fix.add-await',
          safety: 'unsafe',
          isPreferred: true,
          edits: [wrap(context.sourceFile, expression, 'await ', '', false)],
        });
      }
      context.report({ node: expression, messageId: 'unawaited-promise-all.bare', data: { method }, fixes });
    },

    VariableDeclaration(node, context) {
      const declaration = node as TS.VariableDeclaration;
      const ts = context.ts;
      if (!declaration.initializer) return;
      const method = combinatorName(ts, declaration.initializer, context);
      if (!method) return;
      // The verdict reads every reference to the local, in the statements after this one.
      context.contextual();
      const canAwait = canAwaitAt(ts, declaration);
      if (!ts.isIdentifier(declaration.name)) {
        // `const [a, b] = Promise.all(…)`: already broken, so adding `await` is safe.
        context.report({
          node: declaration.initializer,
          messageId: 'unawaited-promise-all.destructured',
          data: { method },
          fixes: canAwait ? [awaitInitializer(context, declaration, 'safe')] : [],
        });
        return;
      }
      if (isExported(ts, declaration)) return;
      const name = declaration.name.text;
      const binding = context.resolve(name);
      if (!binding || binding.node !== declaration) return;
      const references = findReferences(ts, binding);
      const uses = references.map((reference) => classify(ts, reference, declaration));
      if (uses.includes('exempt')) return;
      if (references.length === 0) {
        context.report({
          node: declaration.name,
          messageId: 'unawaited-promise-all.unused',
          data: { name, method },
          fixes: canAwait ? [awaitInitializer(context, declaration, 'unsafe')] : [],
        });
        return;
      }
      const firstValueUse = uses.indexOf('value');
      if (firstValueUse < 0) return;
      const use = valueUseNode(ts, references[firstValueUse]!);
      const safety = uses.every((u) => u === 'value') ? 'safe' : 'unsafe';
      context.report({
        node: use,
        messageId: 'unawaited-promise-all.used-as-value',
        data: { name, method, use: excerpt(context.sourceFile, use) },
        fixes: canAwait ? [awaitInitializer(context, declaration, safety)] : [],
      });
    },
  },
};

function awaitInitializer(context: RuleContext, declaration: TS.VariableDeclaration, safety: 'safe' | 'unsafe'): RawFix {
  const initializer = declaration.initializer!;
  const edit = needsParensForPrefix(context.ts, initializer)
    ? wrap(context.sourceFile, initializer, 'await ', '', true)
    : insert(initializer.getStart(context.sourceFile), 'await ');
  // Safe only where every use reads the results: the code is broken without the `await`.
  const titleId = safety === 'safe' ? 'fix.await-initializer' : 'fix.add-await';
  return { titleId, safety, isPreferred: true, edits: [edit] };
}

function isExported(ts: TypeScript, declaration: TS.VariableDeclaration): boolean {
  const statement = declaration.parent.parent;
  return ts.isVariableStatement(statement) && !!ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

/** The expression a reference sits in, past parentheses and type assertions. */
function outermost(ts: TypeScript, reference: TS.Expression): TS.Expression {
  let node: TS.Expression = reference;
  while (
    node.parent &&
    (ts.isParenthesizedExpression(node.parent) ||
      ts.isAsExpression(node.parent) ||
      ts.isNonNullExpression(node.parent) ||
      ts.isSatisfiesExpression(node.parent))
  ) {
    node = node.parent;
  }
  return node;
}

/**
 * How a reference uses the promise. `exempt`: `void`-ed, or the variable is written again (it
 * may hold the results by the time it is read). `value`: read as if it were the resolved
 * results. `other`: passed on, including any reference from inside a closure.
 */
function classify(ts: TypeScript, reference: TS.Identifier, declaration: TS.VariableDeclaration): Use {
  if (isWriteReference(ts, reference)) return 'exempt';
  if (isInClosure(ts, reference, declaration)) return 'other';
  const node = outermost(ts, reference);
  const parent = node.parent;
  if (ts.isVoidExpression(parent)) return 'exempt';
  if (ts.isPropertyAccessExpression(parent) && parent.expression === node) {
    return ['then', 'catch', 'finally'].includes(parent.name.text) ? 'other' : 'value';
  }
  if (ts.isElementAccessExpression(parent) && parent.expression === node) return 'value';
  if (ts.isForOfStatement(parent) && parent.expression === node) return 'value';
  if (ts.isSpreadElement(parent) || ts.isSpreadAssignment(parent)) return 'value';
  if (ts.isVariableDeclaration(parent) && parent.initializer === node && !ts.isIdentifier(parent.name)) return 'value';
  if (
    ts.isBinaryExpression(parent) &&
    parent.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
    parent.right === node &&
    (ts.isArrayLiteralExpression(parent.left) || ts.isObjectLiteralExpression(parent.left))
  ) {
    return 'value';
  }
  return 'other';
}

/** Whether a reference sits in a function nested inside the one that declares the local. */
function isInClosure(ts: TypeScript, reference: TS.Node, declaration: TS.VariableDeclaration): boolean {
  return enclosingFunctionLike(ts, reference) !== enclosingFunctionLike(ts, declaration);
}

function enclosingFunctionLike(ts: TypeScript, node: TS.Node): TS.Node | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isFunctionLike(current)) return current;
  }
  return undefined;
}

/** The node that shows the misuse: `p.length`, `p[0]`, `...p`, or the reference itself. */
function valueUseNode(ts: TypeScript, reference: TS.Identifier): TS.Node {
  const node = outermost(ts, reference);
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent) || ts.isSpreadElement(parent)) return parent;
  return skipOuterExpressions(ts, node);
}
