// What counts as a promise at the syntax tier (DESIGN, "What counts as a promise"): only what
// the file itself shows. Never a method name alone: `.then` counts only on a known promise.
import type * as TS from 'typescript';
import type { Binding } from './scope';
import { findReferences, lookup } from './scope';
import type { TypeScript } from './types';

/**
 * What an expression is known to evaluate to.
 * - `promise`: a built-in promise; `promise-fn`: a function whose call returns one;
 * - `promise-ctor`: the global `Promise`; `promisify`: `util.promisify`; `require`: the global one;
 * - `ns:<module>`: a module namespace; `mod:<module>#<export>`: another export of a module;
 * - `unknown`: anything else.
 */
export type ValueFact =
  | 'promise'
  | 'promise-fn'
  | 'promise-ctor'
  | 'promisify'
  | 'require'
  | `ns:${string}`
  | `mod:${string}`
  | 'unknown';

/** Resolves names for the fact computations; the analyzer records what was read. */
export interface NameResolver {
  /** The binding `name` refers to at the current position, or undefined for a global. */
  resolve(name: string): Binding | undefined;
  /** The signature of the class member `this.<name>` seen from `node`, or undefined. */
  thisMember(node: TS.Node, name: string): string | undefined;
}

/** The promise combinators of `Promise`. */
export const COMBINATORS: ReadonlySet<string> = new Set(['all', 'allSettled', 'race', 'any']);
const PROMISE_STATICS: ReadonlySet<string> = new Set([...COMBINATORS, 'resolve', 'reject', 'try']);
const CHAIN_METHODS: ReadonlySet<string> = new Set(['then', 'catch', 'finally']);

/** Exports of Node modules whose call returns a promise. Module names without `node:`. */
const PROMISE_EXPORTS: Readonly<Record<string, readonly string[]>> = {
  'fs/promises': [
    'access', 'appendFile', 'chmod', 'chown', 'copyFile', 'cp', 'lchmod', 'lchown', 'link', 'lstat',
    'lutimes', 'mkdir', 'mkdtemp', 'open', 'opendir', 'readdir', 'readFile', 'readlink', 'realpath',
    'rename', 'rm', 'rmdir', 'stat', 'statfs', 'symlink', 'truncate', 'unlink', 'utimes', 'writeFile',
  ],
  'timers/promises': ['setTimeout', 'setImmediate'],
  'stream/promises': ['pipeline', 'finished'],
  'dns/promises': [
    'lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCaa', 'resolveCname',
    'resolveMx', 'resolveNaptr', 'resolveNs', 'resolvePtr', 'resolveSoa', 'resolveSrv', 'resolveTxt', 'reverse',
  ],
  'readline/promises': [],
  events: ['once'],
};

/** Sub-namespaces: `fs.promises` is `fs/promises`. */
const PROMISE_NAMESPACES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  fs: { promises: 'fs/promises' },
  dns: { promises: 'dns/promises' },
  stream: { promises: 'stream/promises' },
  timers: { promises: 'timers/promises' },
};

/** A module specifier without the `node:` prefix. */
export function canonicalModule(specifier: string): string {
  return specifier.startsWith('node:') ? specifier.slice(5) : specifier;
}

/** The fact for `<module>.<name>`. */
export function memberOfModule(module: string, name: string): ValueFact {
  const namespace = PROMISE_NAMESPACES[module]?.[name];
  if (namespace) return `ns:${namespace}`;
  if (PROMISE_EXPORTS[module]?.includes(name)) return 'promise-fn';
  if (module === 'util' && name === 'promisify') return 'promisify';
  return `mod:${module}#${name}`;
}

/** The module and export a `mod:` fact names (`readFileSync` of `fs`), if it is one. */
export function moduleMember(fact: ValueFact): { module: string; name: string } | undefined {
  if (!fact.startsWith('mod:')) return undefined;
  const hash = fact.indexOf('#');
  return { module: fact.slice(4, hash), name: fact.slice(hash + 1) };
}

/** Strips parentheses, type assertions and non-null assertions. */
export function skipOuterExpressions(ts: TypeScript, expression: TS.Expression): TS.Expression {
  let current = expression;
  for (;;) {
    if (
      ts.isParenthesizedExpression(current) ||
      ts.isAsExpression(current) ||
      ts.isNonNullExpression(current) ||
      ts.isSatisfiesExpression(current) ||
      ts.isTypeAssertionExpression(current)
    ) {
      current = current.expression;
    } else {
      return current;
    }
  }
}

/** Whether a type node is `Promise<…>` (or `PromiseLike` is not: only the built-in). */
export function isPromiseTypeNode(ts: TypeScript, type: TS.TypeNode | undefined): boolean {
  return !!type && ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) && type.typeName.text === 'Promise';
}

/** Whether a type node is a function type whose return type is `Promise<…>`. */
export function isPromiseFunctionTypeNode(ts: TypeScript, type: TS.TypeNode | undefined): boolean {
  return !!type && ts.isFunctionTypeNode(type) && isPromiseTypeNode(ts, type.type);
}

/** Whether a function's call is known to return a promise: `async`, or annotated so. */
export function returnsPromise(ts: TypeScript, fn: TS.SignatureDeclaration): boolean {
  if ((fn as TS.FunctionLikeDeclaration).asteriskToken) return false;
  const modifiers = ts.canHaveModifiers(fn) ? ts.getModifiers(fn) : undefined;
  if (modifiers?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword)) return true;
  return isPromiseTypeNode(ts, fn.type);
}

/** Whether a node is an `async` function (expression, arrow, declaration or method). */
export function isAsyncFunction(ts: TypeScript, node: TS.Node): node is TS.FunctionLikeDeclaration {
  if (
    !ts.isFunctionExpression(node) &&
    !ts.isArrowFunction(node) &&
    !ts.isFunctionDeclaration(node) &&
    !ts.isMethodDeclaration(node)
  ) {
    return false;
  }
  return !!ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword);
}

/** The string value of a literal module specifier argument, if it is one. */
function stringArgument(ts: TypeScript, call: TS.CallExpression): string | undefined {
  const argument = call.arguments[0];
  return call.arguments.length === 1 && argument && ts.isStringLiteralLike(argument) ? argument.text : undefined;
}

const MAX_DEPTH = 24;

/**
 * The signature of a binding: a short string that says what the file shows about it. It is
 * also the digest that cached results are keyed by, so it changes whenever the facts do.
 */
export function bindingSignature(ts: TypeScript, binding: Binding, depth = 0): string {
  if (binding.signature !== undefined) return binding.signature;
  // A cycle or a very long chain of aliases is simply unknown.
  binding.signature = 'other';
  if (depth > MAX_DEPTH) return 'other';
  const signature = computeSignature(ts, binding, depth);
  binding.signature = signature;
  return signature;
}

function computeSignature(ts: TypeScript, binding: Binding, depth: number): string {
  const node = binding.node;
  const resolver: NameResolver = {
    resolve: (name) => lookup(ts, binding.scope, name),
    thisMember: () => undefined,
  };
  const fact = (expression: TS.Expression): ValueFact => valueOf(ts, expression, resolver, false, depth + 1);
  if (ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node)) {
    if (isSleepFunction(ts, node, resolver, depth + 1)) return 'fn:sleep';
    return promiseFunctionSignature(ts, node);
  }
  if (ts.isParameter(node)) {
    if (isPromiseTypeNode(ts, node.type)) return 'val:promise';
    if (isPromiseFunctionTypeNode(ts, node.type)) return 'fn:promise';
    return 'other';
  }
  if (ts.isVariableDeclaration(node)) {
    if (isPromiseTypeNode(ts, node.type)) return 'val:promise';
    if (isPromiseFunctionTypeNode(ts, node.type)) return 'fn:promise';
    if (node.type || !node.initializer) return 'other';
    const initializer = skipOuterExpressions(ts, node.initializer);
    // A `let` or `var` may hold something else by the time it is called or read: only a
    // binding that is never written again keeps what its initializer shows.
    // `isConstant` scans the binding's scope for writes: ask it last, only when it matters.
    if (ts.isArrowFunction(initializer) || ts.isFunctionExpression(initializer)) {
      const signature = isSleepFunction(ts, initializer, resolver, depth + 1)
        ? 'fn:sleep'
        : promiseFunctionSignature(ts, initializer);
      return signature !== 'other' && isConstant(ts, binding) ? signature : 'other';
    }
    // `const delay = promisify(setTimeout)`.
    if (isPromisifiedSetTimeout(ts, initializer, resolver, depth + 1) && isConstant(ts, binding)) return 'fn:sleep';
    const signature = factToSignature(fact(initializer));
    return signature !== 'other' && isConstant(ts, binding) ? signature : 'other';
  }
  if (ts.isBindingElement(node)) {
    // `const { readFile } = require('node:fs/promises')`, one level deep.
    const pattern = node.parent;
    const declaration = pattern.parent;
    if (!ts.isObjectBindingPattern(pattern) || !ts.isVariableDeclaration(declaration) || !declaration.initializer) {
      return 'other';
    }
    const source = fact(skipOuterExpressions(ts, declaration.initializer));
    const key = node.propertyName ?? node.name;
    if (!source.startsWith('ns:') || !ts.isIdentifier(key)) return 'other';
    const signature = factToSignature(memberOfModule(source.slice(3), key.text));
    return signature !== 'other' && isConstant(ts, binding) ? signature : 'other';
  }
  if (ts.isImportSpecifier(node)) {
    const module = moduleOfImport(ts, node);
    const imported = node.propertyName ?? node.name;
    return module === undefined ? 'other' : `imp:${module}#${imported.text}`;
  }
  if (ts.isNamespaceImport(node) || ts.isImportClause(node)) {
    // The default export of a Node module is the module itself.
    const module = moduleOfImport(ts, node);
    return module === undefined ? 'other' : `ns:${module}`;
  }
  if (ts.isImportEqualsDeclaration(node)) {
    const reference = node.moduleReference;
    if (ts.isExternalModuleReference(reference) && ts.isStringLiteral(reference.expression)) {
      return `ns:${canonicalModule(reference.expression.text)}`;
    }
    return 'other';
  }
  return 'other';
}

/**
 * `fn:safe` for an async function that cannot reject (its whole body is one `try … catch` that
 * does not rethrow), `fn:promise` for any other function whose call returns a promise.
 */
function promiseFunctionSignature(ts: TypeScript, fn: TS.FunctionLikeDeclaration): string {
  if (!returnsPromise(ts, fn)) return 'other';
  return isAsyncFunction(ts, fn) && cannotReject(ts, fn) ? 'fn:safe' : 'fn:promise';
}

/**
 * An async function that cannot reject: its whole body is one `try` that no error leaves
 * (`isGuardingTry`; nested functions aside).
 */
export function cannotReject(ts: TypeScript, fn: TS.FunctionLikeDeclaration): boolean {
  const body = fn.body;
  if (!body || !ts.isBlock(body) || body.statements.length !== 1) return false;
  const statement = body.statements[0]!;
  return ts.isTryStatement(statement) && isGuardingTry(ts, statement);
}

/**
 * A `try` that no error leaves: its `catch` and `finally` do not throw, or its `finally` ends the
 * process (`finally { process.exit(1); }`).
 */
export function isGuardingTry(ts: TypeScript, statement: TS.TryStatement): boolean {
  const { catchClause, finallyBlock } = statement;
  if (finallyBlock && endsProcess(ts, finallyBlock)) return true;
  return !!catchClause && !containsThrow(ts, catchClause.block) && !(finallyBlock && containsThrow(ts, finallyBlock));
}

/** A block whose last statement is `process.exit(…)`: nothing after it runs. */
function endsProcess(ts: TypeScript, block: TS.Block): boolean {
  const last = block.statements[block.statements.length - 1];
  if (!last || !ts.isExpressionStatement(last)) return false;
  const call = skipOuterExpressions(ts, last.expression);
  if (!ts.isCallExpression(call)) return false;
  const callee = skipOuterExpressions(ts, call.expression);
  return (
    ts.isPropertyAccessExpression(callee) &&
    callee.name.text === 'exit' &&
    ts.isIdentifier(callee.expression) &&
    callee.expression.text === 'process'
  );
}

/** Whether a block throws: a `throw` statement outside nested functions and classes. */
export function containsThrow(ts: TypeScript, block: TS.Block): boolean {
  const stack: TS.Node[] = [block];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (ts.isThrowStatement(node)) return true;
    if (ts.isFunctionLike(node) || ts.isClassLike(node)) continue;
    node.forEachChild((child) => {
      stack.push(child);
    });
  }
  return false;
}

function moduleOfImport(ts: TypeScript, node: TS.Node): string | undefined {
  let current: TS.Node | undefined = node;
  while (current && !ts.isImportDeclaration(current)) current = current.parent;
  if (!current) return undefined;
  const clause = current.importClause;
  if (clause?.isTypeOnly) return undefined;
  const specifier = current.moduleSpecifier;
  return ts.isStringLiteral(specifier) ? canonicalModule(specifier.text) : undefined;
}

/** Whether a variable keeps its initial value: `const`, or never written after its declaration. */
function isConstant(ts: TypeScript, binding: Binding): boolean {
  let list: TS.Node | undefined = binding.node.parent;
  while (list && (ts.isBindingElement(list) || ts.isObjectBindingPattern(list) || ts.isArrayBindingPattern(list) || ts.isVariableDeclaration(list))) {
    list = list.parent;
  }
  if (list && ts.isVariableDeclarationList(list) && (list.flags & ts.NodeFlags.Const) !== 0) return true;
  return !findReferences(ts, binding).some((reference) => isWriteReference(ts, reference));
}

/**
 * Whether an identifier is written: the target of an assignment (destructuring included), of
 * `++`/`--`, or the variable of a `for…in`/`for…of` without a declaration.
 */
export function isWriteReference(ts: TypeScript, identifier: TS.Identifier): boolean {
  let node: TS.Node = identifier;
  for (;;) {
    const parent: TS.Node = node.parent;
    if (ts.isParenthesizedExpression(parent) || ts.isNonNullExpression(parent)) {
      node = parent;
    } else if (ts.isBinaryExpression(parent)) {
      const operator = parent.operatorToken.kind;
      return parent.left === node && operator >= ts.SyntaxKind.FirstAssignment && operator <= ts.SyntaxKind.LastAssignment;
    } else if (ts.isPrefixUnaryExpression(parent) || ts.isPostfixUnaryExpression(parent)) {
      return parent.operator === ts.SyntaxKind.PlusPlusToken || parent.operator === ts.SyntaxKind.MinusMinusToken;
    } else if (ts.isForInStatement(parent) || ts.isForOfStatement(parent)) {
      return parent.initializer === node;
    } else if (
      // Climb through what may be a destructuring assignment target: `[a] = …`, `({ a } = …)`.
      ts.isArrayLiteralExpression(parent) ||
      ts.isObjectLiteralExpression(parent) ||
      ts.isShorthandPropertyAssignment(parent) ||
      ts.isSpreadElement(parent) ||
      ts.isSpreadAssignment(parent) ||
      (ts.isPropertyAssignment(parent) && parent.initializer === node)
    ) {
      node = parent;
    } else {
      return false;
    }
  }
}

function factToSignature(fact: ValueFact): string {
  switch (fact) {
    case 'promise':
      return 'val:promise';
    case 'promise-fn':
      return 'fn:promise';
    case 'promisify':
      return 'fn:promisify';
    case 'unknown':
    case 'promise-ctor':
    case 'require':
      return 'other';
    default:
      return fact;
  }
}

/** The fact for a binding's signature. */
export function signatureToFact(signature: string): ValueFact {
  if (signature === 'fn:promise' || signature === 'fn:safe' || signature === 'fn:sleep') return 'promise-fn';
  if (signature === 'val:promise') return 'promise';
  if (signature === 'fn:promisify') return 'promisify';
  if (signature.startsWith('ns:') || signature.startsWith('mod:')) return signature as ValueFact;
  if (signature.startsWith('imp:')) {
    const hash = signature.indexOf('#');
    return memberOfModule(signature.slice(4, hash), signature.slice(hash + 1));
  }
  return 'unknown';
}

/** What `expression` is known to evaluate to. */
export function valueOf(
  ts: TypeScript,
  expression: TS.Expression,
  resolver: NameResolver,
  checkThenables: boolean,
  depth = 0,
): ValueFact {
  const node = skipOuterExpressions(ts, expression);
  if (depth > MAX_DEPTH) return 'unknown';
  if (ts.isIdentifier(node)) {
    const binding = resolver.resolve(node.text);
    if (binding) return signatureToFact(bindingSignature(ts, binding, depth));
    switch (node.text) {
      case 'fetch':
        return 'promise-fn';
      case 'Promise':
        return 'promise-ctor';
      case 'require':
        return 'require';
      default:
        return 'unknown';
    }
  }
  if (ts.isPropertyAccessExpression(node)) {
    const name = node.name.text;
    if (node.expression.kind === ts.SyntaxKind.ThisKeyword) {
      if (!isInstanceThis(ts, node)) return 'unknown';
      const signature = resolver.thisMember(node, name);
      return signature === undefined ? 'unknown' : signatureToFact(signature);
    }
    const receiver = valueOf(ts, node.expression, resolver, checkThenables, depth + 1);
    if (receiver === 'promise-ctor') return PROMISE_STATICS.has(name) ? 'promise-fn' : 'unknown';
    if (receiver.startsWith('ns:')) return memberOfModule(receiver.slice(3), name);
    return 'unknown';
  }
  if (ts.isCallExpression(node)) {
    if (node.expression.kind === ts.SyntaxKind.ImportKeyword) return 'promise';
    const callee = skipOuterExpressions(ts, node.expression);
    if (ts.isFunctionExpression(callee) || ts.isArrowFunction(callee)) {
      return returnsPromise(ts, callee) ? 'promise' : 'unknown';
    }
    if (ts.isPropertyAccessExpression(callee) && CHAIN_METHODS.has(callee.name.text)) {
      const receiver = valueOf(ts, callee.expression, resolver, checkThenables, depth + 1);
      if (receiver === 'promise') return 'promise';
      if (checkThenables && node.arguments.length > 0) return 'promise';
      return 'unknown';
    }
    const fact = valueOf(ts, callee, resolver, checkThenables, depth + 1);
    if (fact === 'promise-fn') return 'promise';
    if (fact === 'promisify') return 'promise-fn';
    if (fact === 'require') {
      const specifier = stringArgument(ts, node);
      return specifier === undefined ? 'unknown' : `ns:${canonicalModule(specifier)}`;
    }
    return 'unknown';
  }
  if (ts.isNewExpression(node)) {
    return valueOf(ts, node.expression, resolver, checkThenables, depth + 1) === 'promise-ctor' ? 'promise' : 'unknown';
  }
  if (ts.isAwaitExpression(node)) {
    // `await import('node:fs/promises')` is the module namespace.
    const operand = skipOuterExpressions(ts, node.expression);
    if (ts.isCallExpression(operand) && operand.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const specifier = stringArgument(ts, operand);
      return specifier === undefined ? 'unknown' : `ns:${canonicalModule(specifier)}`;
    }
    return 'unknown';
  }
  return 'unknown';
}

/**
 * Whether `this` at `node` is an instance of the class around it: the nearest function that
 * binds `this` (arrows do not) is a member of that class, or `node` is in a field initializer.
 * In an object literal's method `this` is the object, never the class around the literal.
 */
function isInstanceThis(ts: TypeScript, node: TS.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isArrowFunction(current)) continue;
    if (ts.isPropertyDeclaration(current)) return ts.isClassLike(current.parent);
    if (ts.isFunctionLike(current) || ts.isClassStaticBlockDeclaration(current)) {
      return (
        (ts.isMethodDeclaration(current) ||
          ts.isConstructorDeclaration(current) ||
          ts.isGetAccessorDeclaration(current) ||
          ts.isSetAccessorDeclaration(current)) &&
        ts.isClassLike(current.parent)
      );
    }
    if (ts.isSourceFile(current) || ts.isClassLike(current)) return false;
  }
  return false;
}

/** Whether `call` is `Promise.all/allSettled/race/any(…)` on the global `Promise`. */
export function combinatorName(
  ts: TypeScript,
  expression: TS.Expression,
  resolver: NameResolver,
): string | undefined {
  const node = skipOuterExpressions(ts, expression);
  if (!ts.isCallExpression(node)) return undefined;
  const callee = skipOuterExpressions(ts, node.expression);
  if (!ts.isPropertyAccessExpression(callee) || !COMBINATORS.has(callee.name.text)) return undefined;
  const receiver = skipOuterExpressions(ts, callee.expression);
  if (!ts.isIdentifier(receiver) || receiver.text !== 'Promise' || resolver.resolve('Promise')) return undefined;
  return callee.name.text;
}

/**
 * Whether an expression sleeps: a call of `setTimeout` from `node:timers/promises`, or
 * `new Promise(…)` whose executor is one call of `setTimeout` (`(r) => setTimeout(r, ms)`).
 */
export function isSleepExpression(ts: TypeScript, expression: TS.Expression, resolver: NameResolver, depth = 0): boolean {
  const node = skipOuterExpressions(ts, expression);
  if (depth > MAX_DEPTH) return false;
  if (ts.isCallExpression(node)) return isPromiseSetTimeout(ts, node.expression, resolver, depth + 1);
  if (!ts.isNewExpression(node) || valueOf(ts, node.expression, resolver, false, depth + 1) !== 'promise-ctor') return false;
  const executor = node.arguments?.[0] && skipOuterExpressions(ts, node.arguments[0]);
  if (!executor || (!ts.isArrowFunction(executor) && !ts.isFunctionExpression(executor))) return false;
  const only = onlyExpression(ts, executor.body, false);
  return !!only && ts.isCallExpression(only) && isCallbackSetTimeout(ts, only.expression, resolver, depth + 1);
}

/**
 * Whether a function's whole body is one sleep (DESIGN rule 4): `(ms) => new Promise((r) =>
 * setTimeout(r, ms))`, `function sleep(ms) { return setTimeout(ms); }` with `setTimeout` from
 * `node:timers/promises`, or an async body that only awaits one of these.
 */
export function isSleepFunction(ts: TypeScript, fn: TS.FunctionLikeDeclaration, resolver: NameResolver, depth = 0): boolean {
  if (fn.asteriskToken || !fn.body) return false;
  const only = onlyExpression(ts, fn.body, true);
  return !!only && isSleepExpression(ts, only, resolver, depth);
}

/** The one expression a function body consists of: `=> e`, `{ return e; }`, `{ e; }`, `await e`. */
function onlyExpression(ts: TypeScript, body: TS.ConciseBody, allowAwait: boolean): TS.Expression | undefined {
  let expression: TS.Expression | undefined;
  if (ts.isBlock(body)) {
    if (body.statements.length !== 1) return undefined;
    const statement = body.statements[0]!;
    if (ts.isReturnStatement(statement)) expression = statement.expression;
    else if (ts.isExpressionStatement(statement)) expression = statement.expression;
  } else {
    expression = body;
  }
  if (!expression) return undefined;
  expression = skipOuterExpressions(ts, expression);
  if (allowAwait && ts.isAwaitExpression(expression)) expression = skipOuterExpressions(ts, expression.expression);
  return expression;
}

/** `setTimeout` of `node:timers/promises` (imported, a namespace member, or required). */
function isPromiseSetTimeout(ts: TypeScript, callee: TS.Expression, resolver: NameResolver, depth: number): boolean {
  const node = skipOuterExpressions(ts, callee);
  if (ts.isIdentifier(node)) {
    const binding = resolver.resolve(node.text);
    return !!binding && bindingSignature(ts, binding, depth) === 'imp:timers/promises#setTimeout';
  }
  if (ts.isPropertyAccessExpression(node) && node.name.text === 'setTimeout') {
    return valueOf(ts, node.expression, resolver, false, depth) === 'ns:timers/promises';
  }
  return false;
}

/** The callback `setTimeout`: the global one, or the export of `node:timers`. */
function isCallbackSetTimeout(ts: TypeScript, callee: TS.Expression, resolver: NameResolver, depth: number): boolean {
  const node = skipOuterExpressions(ts, callee);
  if (ts.isIdentifier(node)) {
    if (node.text !== 'setTimeout') return false;
    const binding = resolver.resolve(node.text);
    return !binding || bindingSignature(ts, binding, depth) === 'imp:timers#setTimeout';
  }
  return (
    ts.isPropertyAccessExpression(node) &&
    node.name.text === 'setTimeout' &&
    ts.isIdentifier(node.expression) &&
    ['globalThis', 'window'].includes(node.expression.text) &&
    !resolver.resolve(node.expression.text)
  );
}

/** `promisify(setTimeout)`: Node's `setTimeout` has a custom promisified form that sleeps. */
function isPromisifiedSetTimeout(ts: TypeScript, expression: TS.Expression, resolver: NameResolver, depth: number): boolean {
  if (!ts.isCallExpression(expression) || expression.arguments.length !== 1) return false;
  const argument = expression.arguments[0]!;
  return valueOf(ts, expression.expression, resolver, false, depth) === 'promisify' && isCallbackSetTimeout(ts, argument, resolver, depth);
}
