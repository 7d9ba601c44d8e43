// async-callback-ignored: an async function passed where its promise is thrown away (DESIGN rule 5),
// found at the syntax tier by the shape of the call, since the receiver's type is unknown.
import type * as TS from 'typescript';
import { canAwaitAt, indentationAt, insert, needsParensForPrefix } from '../fixes';
import {
  bindingSignature,
  cannotReject,
  containsThrow,
  isAsyncFunction,
  isGuardingTry,
  isSleepExpression,
  skipOuterExpressions,
  valueOf,
} from '../promise';
import type { Rule, RuleContext } from '../rule';
import { isFunctionLike } from '../scope';
import type { RawFix, RuleMeta, TypeScript } from '../types';

const meta: RuleMeta = {
  id: 'async-callback-ignored',
  description:
    'An async function is passed where its promise is thrown away: to `forEach`, an array predicate, an event listener or a timer.',
  defaultSeverity: 'warning',
  messageIds: [
    'async-callback-ignored.for-each',
    'async-callback-ignored.predicate',
    'async-callback-ignored.listener',
    'async-callback-ignored.timer',
  ],
  fixes: {
    'fix.for-each-promise-all': 'unsafe',
    'fix.for-each-for-of': 'unsafe',
    'fix.wrap-try-catch': 'unsafe',
  },
  inspiredBy: '@typescript-eslint/no-misused-promises',
};

/** Which call drops the callback's promise. */
type Shape = 'for-each' | 'predicate' | 'listener' | 'timer';

/** A call that drops what its callback returns, and the argument that is the callback. */
interface Site {
  shape: Shape;
  /** The method or function name, for the message. */
  method: string;
  callback: TS.Expression;
}

/** Array methods that read their callback's result as a boolean (a promise is always truthy). */
const PREDICATES: ReadonlySet<string> = new Set(['filter', 'some', 'every', 'find', 'findIndex', 'findLast', 'findLastIndex']);
/** `EventEmitter` methods that take `(event, listener)`. */
const LISTENERS: ReadonlySet<string> = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener']);
/** Timer functions whose callback's result is dropped. */
const TIMERS: ReadonlySet<string> = new Set(['setTimeout', 'setInterval', 'setImmediate', 'queueMicrotask']);
/** What an array has: a `filter(…)` result read through anything else is another API's. */
const ARRAY_MEMBERS: ReadonlySet<string> = new Set([
  'length', 'at', 'concat', 'copyWithin', 'entries', 'every', 'fill', 'filter', 'find', 'findIndex', 'findLast',
  'findLastIndex', 'flat', 'flatMap', 'forEach', 'includes', 'indexOf', 'join', 'keys', 'lastIndexOf', 'map', 'pop',
  'push', 'reduce', 'reduceRight', 'reverse', 'shift', 'slice', 'some', 'sort', 'splice', 'toLocaleString',
  'toReversed', 'toSorted', 'toSpliced', 'toString', 'unshift', 'values', 'with',
]);
/** Receivers of the global timers: `globalThis.setTimeout`, `window.setTimeout`. */
const GLOBAL_OBJECTS: ReadonlySet<string> = new Set(['globalThis', 'window', 'global', 'self']);

/** async-callback-ignored: an async callback whose promise the callee drops. */
export const asyncCallbackIgnored: Rule = {
  meta,
  visitors: {
    CallExpression(node, context) {
      const call = node as TS.CallExpression;
      const site = findSite(context, call);
      if (!site) return;
      // The verdict may read the statement around the call, a handler declared beside it, or the
      // emitter's declaration.
      context.contextual();
      const callback = skipOuterExpressions(context.ts, site.callback);
      if (!isIgnoredAsync(context, call, site, callback)) return;
      const { start, end } = reportRange(context, callback);
      context.report({
        start,
        end,
        messageId: `async-callback-ignored.${site.shape}`,
        data: { method: site.method },
        fixes: fixesFor(context, call, site, callback),
      });
    },
  },
};

/** Whether `call` is one of the shapes that drop their callback's result, and which. */
function findSite(context: RuleContext, call: TS.CallExpression): Site | undefined {
  const ts = context.ts;
  const callee = skipOuterExpressions(ts, call.expression);
  const args = call.arguments;
  if (args.length === 0) return undefined;
  if (ts.isIdentifier(callee)) {
    const name = callee.text;
    if (TIMERS.has(name) && isTimer(context, callee, name)) return { shape: 'timer', method: name, callback: args[0]! };
    // The global `addEventListener` of a browser window or worker.
    if (name === 'addEventListener' && (args.length === 2 || args.length === 3) && context.resolve(name) === undefined) {
      return { shape: 'listener', method: name, callback: args[1]! };
    }
    return undefined;
  }
  if (!ts.isPropertyAccessExpression(callee) || !ts.isIdentifier(callee.name)) return undefined;
  const name = callee.name.text;
  if (name === 'forEach' || PREDICATES.has(name) || LISTENERS.has(name)) context.contextual();
  // Node's `Readable.forEach` returns a promise that callers use: only a dropped result is `Array`'s.
  if (name === 'forEach') return isExpressionStatement(ts, call) ? { shape: 'for-each', method: name, callback: args[0]! } : undefined;
  if (PREDICATES.has(name)) return isStreamUse(ts, call, name) ? undefined : { shape: 'predicate', method: name, callback: args[0]! };
  // Exactly `(event, listener)`: Hono's `app.on(method, path, handler)` awaits its handler.
  if (LISTENERS.has(name)) {
    if (args.length !== 2 || isPromiseEmitter(context, call, callee.expression)) return undefined;
    return { shape: 'listener', method: name, callback: args[1]! };
  }
  if (name === 'addEventListener') {
    return args.length === 2 || args.length === 3 ? { shape: 'listener', method: name, callback: args[1]! } : undefined;
  }
  if (TIMERS.has(name) && isTimer(context, callee, name)) return { shape: 'timer', method: name, callback: args[0]! };
  return undefined;
}

/**
 * Whether a timer callee is the global function (`setTimeout`, `globalThis.setTimeout`) or the
 * export of `node:timers`; not `node:timers/promises` and not a local of that name.
 */
function isTimer(context: RuleContext, callee: TS.Identifier | TS.PropertyAccessExpression, name: string): boolean {
  const ts = context.ts;
  if (ts.isIdentifier(callee) && context.resolve(name) === undefined) return true;
  if (ts.isPropertyAccessExpression(callee)) {
    const receiver = skipOuterExpressions(ts, callee.expression);
    if (ts.isIdentifier(receiver) && GLOBAL_OBJECTS.has(receiver.text) && context.resolve(receiver.text) === undefined) return true;
  }
  return valueOf(ts, callee, context, false) === `mod:timers#${name}`;
}

/**
 * Emitters that await their listeners (`emit` returns a promise: Emittery, secretlint's
 * `PromiseEventEmitter`): a receiver bound to `new C(…)` where `C` is imported from `emittery`
 * or is named like one. Only a binding declared inside the function being analysed (or at top
 * level, from top-level code) is read, so that an edit to it re-analyses this call.
 */
function isPromiseEmitter(context: RuleContext, call: TS.CallExpression, receiver: TS.Expression): boolean {
  const ts = context.ts;
  const node = skipOuterExpressions(ts, receiver);
  if (!ts.isIdentifier(node)) return false;
  const binding = context.resolve(node.text);
  if (!binding || !ts.isVariableDeclaration(binding.node) || !binding.node.initializer) return false;
  if (!isInsideUnit(ts, binding.node, call)) return false;
  const initializer = skipOuterExpressions(ts, binding.node.initializer);
  if (!ts.isNewExpression(initializer)) return false;
  const constructor = skipOuterExpressions(ts, initializer.expression);
  if (!ts.isIdentifier(constructor)) return false;
  if (PROMISE_EMITTER_NAME.test(constructor.text)) return true;
  // The default import of `emittery` is its namespace fact (recorded for the cache).
  const fact = valueOf(ts, constructor, context, false);
  return fact === 'ns:emittery' || fact.startsWith('mod:emittery#');
}

/** Constructor names of emitters whose `emit` awaits the listeners. */
const PROMISE_EMITTER_NAME = /^(?:Emittery|\w*(?:Promise|Async)\w*Emitter)$/;

/** Whether the call is a whole expression statement, its result dropped. */
function isExpressionStatement(ts: TypeScript, call: TS.CallExpression): boolean {
  let node: TS.Node = call;
  while (ts.isParenthesizedExpression(node.parent)) node = node.parent;
  return ts.isExpressionStatement(node.parent);
}

/**
 * Node's `Readable` has `filter/some/every/find` that await an async predicate and return a
 * stream or a promise, and so do other libraries (Protractor's and WebdriverIO's element lists,
 * pipelines with `.toArray()`). A call that is awaited, iterated with `for await`, continued
 * with `.then`, or (for `filter`) continued with a method arrays do not have is not `Array`'s.
 */
function isStreamUse(ts: TypeScript, call: TS.CallExpression, method: string): boolean {
  let node: TS.Node = call;
  while (ts.isParenthesizedExpression(node.parent)) node = node.parent;
  const parent = node.parent;
  if (ts.isAwaitExpression(parent)) return true;
  if (ts.isForOfStatement(parent) && parent.awaitModifier && parent.expression === node) return true;
  if (!ts.isPropertyAccessExpression(parent) || parent.expression !== node) return false;
  const member = parent.name.text;
  if (member === 'then' || member === 'catch' || member === 'finally') return true;
  return method === 'filter' && !ARRAY_MEMBERS.has(member);
}

/** Whether the callback is an async function whose promise may carry a rejection or a value. */
function isIgnoredAsync(context: RuleContext, call: TS.CallExpression, site: Site, callback: TS.Expression): boolean {
  const ts = context.ts;
  if (ts.isArrowFunction(callback) || ts.isFunctionExpression(callback)) {
    if (!isAsyncFunction(ts, callback) || callback.asteriskToken) return false;
    return isReported(context, site, callback);
  }
  if (!ts.isIdentifier(callback)) return false;
  if (valueOf(ts, callback, context, false) !== 'promise-fn') return false;
  const binding = context.resolve(callback.text);
  // The global `fetch`, an import, a parameter annotated `() => Promise<…>`: may reject.
  const fn = binding ? functionOf(ts, binding.node) : undefined;
  if (!fn?.body) return true;
  // The body decides (try/catch, middleware): read it only when it lies inside the function being
  // analysed, so that an edit to it re-analyses this call (the cache keys on the function).
  if (!isInsideUnit(ts, fn, call)) return false;
  return isReported(context, site, fn);
}

/** The policy for a visible async function at a site. */
function isReported(context: RuleContext, site: Site, fn: TS.FunctionLikeDeclaration): boolean {
  const ts = context.ts;
  // A promise is truthy whatever it settles to: a predicate is wrong even if it cannot reject.
  if (site.shape === 'predicate') return true;
  // DESIGN: a body that is one `try … catch` that does not rethrow cannot reject.
  if (cannotReject(ts, fn) || isEmptyBody(ts, fn) || isQuietBody(context, fn)) return false;
  if (site.shape === 'listener' && site.method !== 'addEventListener' && isMiddleware(ts, fn)) return false;
  // A listener or a timer runs on its own: nothing is delayed by the dropped promise, and only a
  // rejection can go wrong. Report it when one can escape (see `escapesRejection`).
  return site.shape === 'for-each' || escapesRejection(context, fn);
}

/**
 * Whether a rejection of awaited work can escape the async function: an `await` (or `for await`)
 * of something that may reject, a `throw`, or a `return` of a call, outside every `try` whose
 * `catch` does not rethrow. Synchronous code that might throw does not count: a synchronous
 * listener or timer callback throws the same error, uncaught as well, so the `async` adds no risk
 * there (for example `this.queue = this.queue.filter(…); try { await close(); } catch {}`).
 */
function escapesRejection(context: RuleContext, fn: TS.FunctionLikeDeclaration): boolean {
  const ts = context.ts;
  const body = fn.body;
  if (!body) return false;
  // `async () => work()` returns the call's promise; `async () => value` cannot reject but by a throw.
  if (!ts.isBlock(body)) return mayReject(context, body);
  const stack: TS.Node[] = [...body.statements];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (isFunctionLike(ts, node) || ts.isClassLike(node)) continue;
    if (ts.isTryStatement(node) && isGuardingTry(ts, node)) {
      // The try block is covered; the catch and finally blocks are not.
      if (node.catchClause) stack.push(node.catchClause.block);
      if (node.finallyBlock) stack.push(node.finallyBlock);
      continue;
    }
    if (ts.isThrowStatement(node)) return true;
    if (ts.isForOfStatement(node) && node.awaitModifier) return true;
    if (ts.isAwaitExpression(node) && mayReject(context, node.expression)) return true;
    if (ts.isReturnStatement(node) && node.expression && mayReject(context, node.expression)) return true;
    node.forEachChild((child) => {
      stack.push(child);
    });
  }
  return false;
}

/**
 * Whether awaiting or returning `expression` may reject: a value already in hand (a name, a member
 * or element read), or a call or `new`, except a sleep, a call of a local async function that
 * cannot reject, and `x.catch(handler)` whose handler does not throw. Any other expression (a
 * literal, an operator) is taken not to: the rule stays on the side of not reporting.
 */
function mayReject(context: RuleContext, expression: TS.Expression): boolean {
  const ts = context.ts;
  const node = skipOuterExpressions(ts, expression);
  if (ts.isAwaitExpression(node)) return mayReject(context, node.expression);
  if (!ts.isCallExpression(node) && !ts.isNewExpression(node)) {
    // A value already in hand (`await this.ready`, `await promise`) may hold a rejected promise.
    return ts.isIdentifier(node) || ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node);
  }
  if (isSleepExpression(ts, node, context)) return false;
  if (!ts.isCallExpression(node)) return true;
  const callee = skipOuterExpressions(ts, node.expression);
  if (ts.isIdentifier(callee)) {
    const binding = context.resolve(callee.text);
    const signature = binding ? bindingSignature(ts, binding) : undefined;
    return signature !== 'fn:safe' && signature !== 'fn:sleep';
  }
  if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'catch' && node.arguments.length === 1) {
    const handler = skipOuterExpressions(ts, node.arguments[0]!);
    if (ts.isArrowFunction(handler) || ts.isFunctionExpression(handler)) {
      return ts.isBlock(handler.body) ? containsThrow(ts, handler.body) : false;
    }
  }
  return true;
}

/**
 * A body that is not one `try … catch` but cannot reject either: every statement is a `try … catch`
 * that does not rethrow, or a statement that cannot throw, the flag and the guard written around
 * it (`queueMicrotask(async () => { this.scheduled = false; try { … } catch {} })`):
 * - `let x;` or `const x = 1`: declarations of nothing or of a literal;
 * - `this.flag = false`, `this.#timer = null` (in an arrow, whose `this` is the enclosing one);
 * - `return;` or `return <literal>;`;
 * - `if (this.closed) { … }` on reads of `this`, literals, `!`, `&&`, `||`, `===`, `!==`, around
 *   such statements;
 * - a sleep, `await new Promise((resolve) => setTimeout(resolve, ms))` with the global names.
 * A call of anything else, even a logger, may throw, and keeps the finding.
 */
function isQuietBody(context: RuleContext, fn: TS.FunctionLikeDeclaration): boolean {
  const ts = context.ts;
  const body = fn.body;
  if (!body || !ts.isBlock(body)) return false;
  const lexicalThis = ts.isArrowFunction(fn);
  const isLiteral = (node: TS.Expression): boolean => {
    const expression = skipOuterExpressions(ts, node);
    if (ts.isLiteralExpression(expression) || ts.isNoSubstitutionTemplateLiteral(expression)) return true;
    const kind = expression.kind;
    if (kind === ts.SyntaxKind.TrueKeyword || kind === ts.SyntaxKind.FalseKeyword || kind === ts.SyntaxKind.NullKeyword) return true;
    return ts.isVoidExpression(expression) && ts.isLiteralExpression(skipOuterExpressions(ts, expression.expression));
  };
  const isThisMember = (node: TS.Expression): boolean =>
    lexicalThis && ts.isPropertyAccessExpression(node) && !node.questionDotToken && node.expression.kind === ts.SyntaxKind.ThisKeyword;
  const isQuietTest = (node: TS.Expression): boolean => {
    const expression = skipOuterExpressions(ts, node);
    if (isLiteral(expression) || isThisMember(expression)) return true;
    if (ts.isPrefixUnaryExpression(expression)) {
      return expression.operator === ts.SyntaxKind.ExclamationToken && isQuietTest(expression.operand);
    }
    if (!ts.isBinaryExpression(expression)) return false;
    const operator = expression.operatorToken.kind;
    const logical = operator === ts.SyntaxKind.AmpersandAmpersandToken || operator === ts.SyntaxKind.BarBarToken;
    const strict = operator === ts.SyntaxKind.EqualsEqualsEqualsToken || operator === ts.SyntaxKind.ExclamationEqualsEqualsToken;
    return (logical || strict) && isQuietTest(expression.left) && isQuietTest(expression.right);
  };
  const isSleep = (node: TS.Expression): boolean => {
    if (!ts.isAwaitExpression(node)) return false;
    const created = skipOuterExpressions(ts, node.expression);
    if (!ts.isNewExpression(created) || created.arguments?.length !== 1) return false;
    if (!ts.isIdentifier(created.expression) || created.expression.text !== 'Promise' || context.resolve('Promise')) return false;
    const executor = skipOuterExpressions(ts, created.arguments[0]!);
    if (!ts.isArrowFunction(executor) && !ts.isFunctionExpression(executor)) return false;
    const resolve = executor.parameters[0]?.name;
    if (!resolve || !ts.isIdentifier(resolve)) return false;
    let call: TS.Node = executor.body;
    if (ts.isBlock(call)) {
      const only = call.statements.length === 1 ? call.statements[0]! : undefined;
      if (!only || !ts.isExpressionStatement(only)) return false;
      call = only.expression;
    }
    call = skipOuterExpressions(ts, call as TS.Expression);
    if (!ts.isCallExpression(call) || !ts.isIdentifier(call.expression) || call.expression.text !== 'setTimeout') return false;
    if (context.resolve('setTimeout')) return false;
    const [callback, ...rest] = call.arguments;
    if (!callback || !ts.isIdentifier(callback) || callback.text !== resolve.text) return false;
    return rest.every((argument) => ts.isIdentifier(argument) || isLiteral(argument) || isThisMember(argument));
  };
  const isQuiet = (statement: TS.Statement): boolean => {
    if (ts.isTryStatement(statement)) {
      if (!statement.catchClause || containsThrow(ts, statement.catchClause.block)) return false;
      return !statement.finallyBlock || !containsThrow(ts, statement.finallyBlock);
    }
    if (ts.isBlock(statement)) return statement.statements.every(isQuiet);
    if (ts.isEmptyStatement(statement)) return true;
    if (ts.isReturnStatement(statement)) return !statement.expression || isLiteral(statement.expression);
    if (ts.isIfStatement(statement)) {
      return isQuietTest(statement.expression) && isQuiet(statement.thenStatement) && (!statement.elseStatement || isQuiet(statement.elseStatement));
    }
    if (ts.isVariableStatement(statement)) {
      return statement.declarationList.declarations.every(
        (declaration) => ts.isIdentifier(declaration.name) && (!declaration.initializer || isLiteral(declaration.initializer)),
      );
    }
    if (!ts.isExpressionStatement(statement)) return false;
    const expression = skipOuterExpressions(ts, statement.expression);
    if (isSleep(expression)) return true;
    return (
      ts.isBinaryExpression(expression) &&
      expression.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      isThisMember(expression.left) &&
      isLiteral(expression.right)
    );
  };
  return body.statements.every(isQuiet);
}


function isEmptyBody(ts: TypeScript, fn: TS.FunctionLikeDeclaration): boolean {
  return !!fn.body && ts.isBlock(fn.body) && fn.body.statements.length === 0;
}

/**
 * A middleware signature, `(ctx) => …` or `(x, next) => …`: routers such as Telegraf and grammY
 * register middleware with `bot.on(filter, async (ctx) => …)` and await it.
 */
function isMiddleware(ts: TypeScript, fn: TS.FunctionLikeDeclaration): boolean {
  const [first, second] = fn.parameters;
  if (first && ts.isIdentifier(first.name) && (first.name.text === 'ctx' || first.name.text === 'context')) return true;
  return !!second && ts.isIdentifier(second.name) && second.name.text === 'next';
}

/** The function a binding declares: `async function f`, or `const f = async (…) => …`. */
function functionOf(ts: TypeScript, node: TS.Node): TS.FunctionLikeDeclaration | undefined {
  if (ts.isFunctionDeclaration(node)) return node;
  if (ts.isVariableDeclaration(node) && node.initializer) {
    const initializer = skipOuterExpressions(ts, node.initializer);
    if (ts.isArrowFunction(initializer) || ts.isFunctionExpression(initializer)) return initializer;
  }
  return undefined;
}

/**
 * Whether `fn` lies inside the cached unit that holds `call`: the innermost function around the
 * call, or the whole file at top level (top-level code is walked again after every edit).
 */
function isInsideUnit(ts: TypeScript, fn: TS.Node, call: TS.Node): boolean {
  let unit: TS.Node | undefined = call.parent;
  while (unit && !isFunctionLike(ts, unit)) unit = unit.parent;
  return !unit || (fn.pos >= unit.pos && fn.end <= unit.end);
}

/** From the `async` keyword through the parameter list, or the name of a referenced function. */
function reportRange(context: RuleContext, callback: TS.Expression): { start: number; end: number } {
  const { ts, sourceFile } = context;
  const start = callback.getStart(sourceFile);
  if (!ts.isArrowFunction(callback) && !ts.isFunctionExpression(callback)) return { start, end: callback.end };
  const close = callback.getChildren(sourceFile).find((child) => child.kind === ts.SyntaxKind.CloseParenToken);
  // `async x => …` has no parentheses: end at the parameter.
  return { start, end: close ? close.end : callback.parameters.end };
}

// Fixes.

/** The fixes for one finding, the preferred one first. */
function fixesFor(context: RuleContext, call: TS.CallExpression, site: Site, callback: TS.Expression): RawFix[] {
  const ts = context.ts;
  const fixes: RawFix[] = [];
  if (site.shape === 'for-each') {
    const statement = statementOf(ts, call);
    if (statement && canAwaitAt(ts, statement) && !hasOptionalChain(ts, call)) {
      const all = promiseAllFix(context, call);
      if (all) fixes.push(all);
      const loop = forOfFix(context, call, statement, callback);
      if (loop) fixes.push(loop);
    }
  } else if ((site.shape === 'listener' || site.shape === 'timer') && (ts.isArrowFunction(callback) || ts.isFunctionExpression(callback))) {
    fixes.push(tryCatchFix(context, callback));
  }
  if (fixes.length > 0) fixes[0]!.isPreferred = true;
  return fixes;
}

function statementOf(ts: TypeScript, call: TS.CallExpression): TS.ExpressionStatement | undefined {
  let node: TS.Node = call;
  while (ts.isParenthesizedExpression(node.parent)) node = node.parent;
  return ts.isExpressionStatement(node.parent) ? node.parent : undefined;
}

/** `a?.items.forEach(…)`: the rewrites would pass `undefined` to `Promise.all` or `for…of`. */
function hasOptionalChain(ts: TypeScript, call: TS.CallExpression): boolean {
  return (call.flags & ts.NodeFlags.OptionalChain) !== 0 || ts.isOptionalChain(call);
}

/** `items.forEach(f);` -> `await Promise.all(items.map(f));`: the same concurrency, now awaited. */
function promiseAllFix(context: RuleContext, call: TS.CallExpression): RawFix | undefined {
  const { ts, sourceFile } = context;
  // A local `Promise` is not the global one.
  if (context.resolve('Promise') !== undefined) return undefined;
  const callee = skipOuterExpressions(ts, call.expression) as TS.PropertyAccessExpression;
  const name = callee.name;
  return {
    titleId: 'fix.for-each-promise-all',
    safety: 'unsafe',
    edits: [
      insert(call.getStart(sourceFile), 'await Promise.all('),
      { start: name.getStart(sourceFile), end: name.end, newText: 'map' },
      insert(call.end, ')'),
    ],
  };
}

/**
 * `items.forEach(async (item) => { … });` -> `for (const item of items) { … }`, and
 * `(item, index)` -> `for (const [index, item] of items.entries())`. Only where the body means
 * the same in a loop: no `return` (it would leave the enclosing function), no `var`, and for a
 * `function` expression no `this` or `arguments`.
 */
function forOfFix(
  context: RuleContext,
  call: TS.CallExpression,
  statement: TS.ExpressionStatement,
  callback: TS.Expression,
): RawFix | undefined {
  const { ts, sourceFile } = context;
  const text = sourceFile.text;
  if (call.arguments.length !== 1) return undefined;
  if (!ts.isArrowFunction(callback) && !ts.isFunctionExpression(callback)) return undefined;
  if (ts.isFunctionExpression(callback) && callback.name) return undefined;
  const parameters = callback.parameters;
  if (parameters.length === 0 || parameters.length > 2) return undefined;
  if (parameters.some((p) => p.initializer || p.dotDotDotToken)) return undefined;
  if (parameters.length === 2 && !ts.isIdentifier(parameters[1]!.name)) return undefined;
  if (!isLoopSafeBody(ts, callback)) return undefined;

  const callee = skipOuterExpressions(ts, call.expression) as TS.PropertyAccessExpression;
  const receiver = text.slice(callee.expression.getStart(sourceFile), callee.expression.end);
  const item = text.slice(parameters[0]!.name.getStart(sourceFile), parameters[0]!.name.end);
  const head =
    parameters.length === 1
      ? `for (const ${item} of ${receiver})`
      : `for (const [${(parameters[1]!.name as TS.Identifier).text}, ${item}] of ${receiver}.entries())`;
  const indent = indentationAt(text, statement.getStart(sourceFile));
  const body = callback.body;
  let block: string;
  if (ts.isBlock(body)) {
    block = dedent(text.slice(body.getStart(sourceFile), body.end), indentationAt(text, body.end - 1), indent);
  } else {
    let expression: TS.Expression = body;
    while (ts.isParenthesizedExpression(expression)) expression = expression.expression;
    const source = text.slice(expression.getStart(sourceFile), expression.end);
    const awaited = ts.isAwaitExpression(expression)
      ? source
      : `await ${needsParensForPrefix(ts, expression) ? `(${source})` : source}`;
    block = `{\n${indent}  ${awaited};\n${indent}}`;
  }
  return {
    titleId: 'fix.for-each-for-of',
    safety: 'unsafe',
    edits: [{ start: statement.getStart(sourceFile), end: statement.end, newText: `${head} ${block}` }],
  };
}

/** Whether a callback's body keeps its meaning as a loop body. */
function isLoopSafeBody(ts: TypeScript, fn: TS.ArrowFunction | TS.FunctionExpression): boolean {
  const isFunction = ts.isFunctionExpression(fn);
  const stack: TS.Node[] = [fn.body];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (ts.isReturnStatement(node)) return false;
    if (ts.isVariableDeclarationList(node) && (node.flags & ts.NodeFlags.BlockScoped) === 0) return false;
    if (isFunction && (node.kind === ts.SyntaxKind.ThisKeyword || (ts.isIdentifier(node) && node.text === 'arguments'))) return false;
    // Arrows see the same `this` and `arguments`, but their `return` and `var` are their own.
    if (ts.isArrowFunction(node)) {
      if (isFunction) stack.push(node.body);
      continue;
    }
    if (isFunctionLike(ts, node) || ts.isClassLike(node)) continue;
    node.forEachChild((child) => {
      stack.push(child);
    });
  }
  return true;
}

/**
 * Moves a block's lines from the indentation of its closing brace to `target` (the block of a
 * callback written on a continuation line is indented deeper than the statement).
 */
function dedent(block: string, closing: string, target: string): string {
  if (closing.length <= target.length || !closing.startsWith(target)) return block;
  const extra = closing.slice(target.length);
  return block
    .split('\n')
    .map((line, i) => (i > 0 && line.startsWith(extra) ? line.slice(extra.length) : line))
    .join('\n');
}

/** Wraps the callback's body in `try { … } catch (error) { console.error(error); }`. */
function tryCatchFix(context: RuleContext, callback: TS.ArrowFunction | TS.FunctionExpression): RawFix {
  const { ts, sourceFile } = context;
  const text = sourceFile.text;
  const body = callback.body;
  let indent: string;
  let unit = '  ';
  let lines: string[];
  if (ts.isBlock(body)) {
    const closeOnOwnLine = /^[ \t]*$/.test(text.slice(text.lastIndexOf('\n', body.end - 2) + 1, body.end - 1));
    indent = indentationAt(text, closeOnOwnLine ? body.end - 1 : callback.getStart(sourceFile));
    const first = body.statements[0];
    if (first) {
      const firstIndent = indentationAt(text, first.getStart(sourceFile));
      if (firstIndent.length > indent.length && firstIndent.startsWith(indent) && text.lastIndexOf('\n', first.getStart(sourceFile)) > body.getStart(sourceFile)) {
        unit = firstIndent.slice(indent.length);
      }
    }
    const inner = text.slice(body.getStart(sourceFile) + 1, body.end - 1);
    lines = inner.split('\n');
    while (lines.length > 0 && lines[0]!.trim() === '') lines.shift();
    while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop();
    lines = lines.map((line) => {
      if (line.trim() === '') return '';
      return line.startsWith(indent + unit) ? `${unit}${line}` : `${indent}${unit}${unit}${line.trim()}`;
    });
  } else {
    indent = indentationAt(text, callback.getStart(sourceFile));
    let expression: TS.Expression = body;
    while (ts.isParenthesizedExpression(expression)) expression = expression.expression;
    const source = text.slice(expression.getStart(sourceFile), expression.end);
    const awaited = ts.isAwaitExpression(expression) ? source : `await ${needsParensForPrefix(ts, expression) ? `(${source})` : source}`;
    lines = [`${indent}${unit}${unit}${awaited};`];
  }
  const inner = `${indent}${unit}`;
  const newBody = [
    '{',
    `${inner}try {`,
    ...lines,
    `${inner}} catch (error) {`,
    `${inner}${unit}console.error(error);`,
    `${inner}}`,
    `${indent}}`,
  ].join('\n');
  return {
    titleId: 'fix.wrap-try-catch',
    safety: 'unsafe',
    edits: [{ start: body.getStart(sourceFile), end: body.end, newText: newBody }],
  };
}
