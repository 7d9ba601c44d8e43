// blocking-in-async: synchronous blocking work (file I/O, child processes, key derivation,
// compression, `Atomics.wait`, busy-wait loops) inside async code, where it stalls the event loop.
import type * as TS from 'typescript';
import { canAwaitAt, enclosingFunction, excerpt, insert } from '../fixes';
import { bindingSignature, canonicalModule, moduleMember, skipOuterExpressions, valueOf } from '../promise';
import type { Rule, RuleContext } from '../rule';
import type { RawFix, RuleMeta, TextEdit, TypeScript } from '../types';

/**
 * The rule's options (`AnalyzerOptions.ruleOptions['blocking-in-async']`): `additions` are more
 * blocking calls, each `module.call -> replacement` (`better-sqlite3.exec -> a worker thread`).
 * Hosts validate them with `parseBlockingCallOptions`; the rule ignores a malformed entry.
 */
export interface BlockingInAsyncOptions {
  additions?: readonly string[];
}

/** One user-added blocking call: an export of a module and what to use instead. */
export interface BlockingCallAddition {
  /** Without `node:`. */
  module: string;
  name: string;
  replacement: string;
}

const meta: RuleMeta = {
  id: 'blocking-in-async',
  description:
    'Synchronous blocking work inside async code: `*Sync` file, process, crypto and zlib calls, `Atomics.wait`, busy-wait loops.',
  defaultSeverity: 'warning',
  messageIds: ['blocking-in-async.blocking-call', 'blocking-in-async.metadata-call', 'blocking-in-async.busy-wait'],
  fixes: { 'fix.await-fs-promises': 'unsafe' },
  inspiredBy: 'eslint-plugin-n/no-sync',
  skipsTestFiles: true,
};

/** How heavy a known call is: a warning, or an info finding for a quick metadata call. */
type Weight = 'heavy' | 'metadata';

/** What the rule knows about one blocking export. */
interface BlockingCall {
  weight: Weight;
  /** The non-blocking alternative, as shown in the message (Markdown code spans). */
  replacement: string;
  /** The `node:fs/promises` export that takes the same arguments, when the fix is mechanical. */
  promiseName?: string;
  /** The fix only when the call has at most this many arguments (an options bag may differ). */
  maxArgumentsForFix?: number;
}

const FS_PROMISES = '`node:fs/promises`';

/** `fs` calls whose promise API takes the same arguments and returns the same value. */
const FS_SAME_ARGUMENTS: Readonly<Record<Weight, readonly string[]>> = {
  heavy: [
    'readFile', 'writeFile', 'appendFile', 'copyFile', 'cp', 'readdir', 'rm', 'opendir', 'readlink', 'realpath',
    'truncate',
  ],
  metadata: [
    'stat', 'lstat', 'statfs', 'access', 'mkdir', 'mkdtemp', 'chmod', 'chown', 'lchown', 'utimes', 'lutimes',
    'rename', 'unlink', 'link', 'symlink', 'rmdir',
  ],
};

/** `fs` calls on file descriptors: the promise API uses a `FileHandle` instead. */
const FS_DESCRIPTOR_CALLS: Readonly<Record<Weight, readonly string[]>> = {
  heavy: ['read', 'readv', 'write', 'writev', 'ftruncate', 'fsync', 'fdatasync'],
  metadata: ['fstat', 'fchmod', 'fchown', 'futimes', 'open', 'close', 'lchmod'],
};

/** `fs-extra`'s own synchronous calls; without a callback its asynchronous ones return promises. */
const FS_EXTRA_CALLS: Readonly<Record<Weight, readonly string[]>> = {
  heavy: ['copy', 'move', 'remove', 'emptyDir', 'outputFile', 'outputJson', 'readJson', 'writeJson'],
  metadata: ['ensureDir', 'ensureFile', 'ensureLink', 'ensureSymlink', 'mkdirs', 'mkdirp', 'pathExists'],
};

const BLOCKING_CALLS: Readonly<Record<string, Readonly<Record<string, BlockingCall>>>> = buildTable();

function buildTable(): Record<string, Record<string, BlockingCall>> {
  const fs: Record<string, BlockingCall> = {};
  for (const weight of ['heavy', 'metadata'] as const) {
    for (const name of FS_SAME_ARGUMENTS[weight]) {
      fs[`${name}Sync`] = {
        weight,
        replacement: `\`${name}\` from ${FS_PROMISES}`,
        promiseName: name,
        // `statSync(p, { throwIfNoEntry: false })` has no promise counterpart.
        ...(name === 'stat' || name === 'lstat' ? { maxArgumentsForFix: 1 } : {}),
      };
    }
    for (const name of FS_DESCRIPTOR_CALLS[weight]) {
      fs[`${name}Sync`] = { weight, replacement: `a \`FileHandle\` from \`open\` in ${FS_PROMISES}` };
    }
  }
  fs.existsSync = { weight: 'metadata', replacement: `\`access\` or \`stat\` from ${FS_PROMISES}` };
  // `graceful-fs` and `fs-extra` re-export `fs`; the fix (to `fs.promises`) is for `fs` only.
  const gracefulFs: Record<string, BlockingCall> = {};
  for (const [name, call] of Object.entries(fs)) gracefulFs[name] = { weight: call.weight, replacement: call.replacement };
  const fsExtra: Record<string, BlockingCall> = { ...gracefulFs };
  for (const weight of ['heavy', 'metadata'] as const) {
    for (const name of FS_EXTRA_CALLS[weight]) {
      fsExtra[`${name}Sync`] = { weight, replacement: `\`${name}\` from \`fs-extra\` (it returns a promise)` };
    }
  }
  const promisified = (module: string, names: readonly string[]): Record<string, BlockingCall> =>
    Object.fromEntries(
      names.map((name) => [
        `${name}Sync`,
        { weight: 'heavy' as const, replacement: `\`${name}\` from \`node:${module}\` (with \`util.promisify\`)` },
      ]),
    );
  return {
    fs,
    'graceful-fs': gracefulFs,
    'fs-extra': fsExtra,
    child_process: {
      ...promisified('child_process', ['exec', 'execFile']),
      spawnSync: { weight: 'heavy', replacement: '`spawn` from `node:child_process`' },
    },
    crypto: promisified('crypto', ['pbkdf2', 'scrypt', 'generateKeyPair', 'generatePrime']),
    zlib: promisified('zlib', [
      'gzip', 'gunzip', 'deflate', 'inflate', 'deflateRaw', 'inflateRaw', 'unzip', 'brotliCompress',
      'brotliDecompress', 'zstdCompress', 'zstdDecompress',
    ]),
  };
}

/** The names a property-access callee must have to be worth resolving (aliases are identifiers). */
const KNOWN_MEMBER_NAMES: ReadonlySet<string> = new Set([
  ...Object.values(BLOCKING_CALLS).flatMap((calls) => Object.keys(calls)),
  'wait',
  'native',
]);

const ATOMICS_WAIT: BlockingCall = { weight: 'heavy', replacement: '`Atomics.waitAsync`' };

export const blockingInAsync: Rule = {
  meta,
  visitors: {
    CallExpression(node, context) {
      const call = node as TS.CallExpression;
      const callee = skipOuterExpressions(context.ts, call.expression);
      if (!context.ts.isIdentifier(callee) && !context.ts.isPropertyAccessExpression(callee)) return;
      // A member name no blocking call has is the cheapest test (an identifier may be an alias).
      if (context.ts.isPropertyAccessExpression(callee) && !KNOWN_MEMBER_NAMES.has(callee.name.text) && !isAddedName(context, callee.name.text)) {
        return;
      }
      // Then the context: it is cheaper than resolving the callee, and most calls are not async code.
      if (context.executionContext(call) !== 'async') return;
      const found = blockingCallOf(context, call);
      if (!found) return;
      const { known, shown } = found;
      context.report({
        node: call,
        messageId: known.weight === 'heavy' ? 'blocking-in-async.blocking-call' : 'blocking-in-async.metadata-call',
        data: { call: shown, replacement: known.replacement },
        fixes: awaitPromiseApiFix(context, call, known),
        ...(known.weight === 'metadata' ? { severity: 'info' as const } : {}),
      });
    },
    WhileStatement: visitLoop,
    DoStatement: visitLoop,
    ForStatement: visitLoop,
  },
};

/** A reported call: what it is, and how the message names it. */
interface FoundCall {
  known: BlockingCall;
  shown: string;
}

/** The blocking call `call` makes, resolved through the file's imports and `require`s. */
function blockingCallOf(context: RuleContext, call: TS.CallExpression): FoundCall | undefined {
  const ts = context.ts;
  const callee = skipOuterExpressions(ts, call.expression);
  if (ts.isPropertyAccessExpression(callee)) {
    const name = callee.name.text;
    if (!KNOWN_MEMBER_NAMES.has(name) && !isAddedName(context, name)) return undefined;
    const receiver = skipOuterExpressions(ts, callee.expression);
    if (name === 'wait' && ts.isIdentifier(receiver) && receiver.text === 'Atomics') {
      return context.resolve('Atomics') === undefined ? { known: ATOMICS_WAIT, shown: 'Atomics.wait' } : undefined;
    }
    if (name === 'native') {
      // `fs.realpathSync.native(p)`.
      const member = moduleMember(valueOf(ts, receiver, context, false));
      const known = member && BLOCKING_CALLS[member.module]?.[member.name];
      return known && member.name === 'realpathSync' ? { known: { ...known, promiseName: undefined }, shown: excerpt(context.sourceFile, callee) } : undefined;
    }
  } else if (!ts.isIdentifier(callee)) {
    return undefined;
  }
  const member = moduleMember(valueOf(ts, callee, context, false));
  if (!member) return undefined;
  const known = BLOCKING_CALLS[member.module]?.[member.name] ?? addedCall(context, member.module, member.name);
  return known ? { known, shown: excerpt(context.sourceFile, callee) } : undefined;
}

/** Whether a user addition names an export called `name` (a cheap filter before resolving). */
function isAddedName(context: RuleContext, name: string): boolean {
  return additionsOf(context).some((addition) => addition.name === name);
}

/** The user addition for `<module>.<name>`, as a heavy call. */
function addedCall(context: RuleContext, module: string, name: string): BlockingCall | undefined {
  const addition = additionsOf(context).find((a) => a.module === module && a.name === name);
  return addition ? { weight: 'heavy', replacement: addition.replacement } : undefined;
}

/** The well-formed additions of the rule's options; a malformed entry is left out. */
function additionsOf(context: RuleContext): BlockingCallAddition[] {
  const parsed = parseBlockingCallOptions(context.ruleOptions);
  return typeof parsed === 'string' ? [] : parsed.additions;
}

/**
 * Parses one `module.call -> replacement` entry (`better-sqlite3.exec -> a worker thread`). The
 * module is everything before the last `.` of the left side, so `@scope/pkg.fn` and
 * `node:fs.readvSync` work. Returns a one-line error for a malformed entry.
 */
export function parseBlockingCall(entry: string): BlockingCallAddition | string {
  const match = /^\s*(\S+)\.([A-Za-z_$][\w$]*)\s*->\s*(\S.*?)\s*$/.exec(entry);
  if (!match) return `'${entry}': expected 'module.call -> replacement', for example 'better-sqlite3.exec -> a worker thread'`;
  return { module: canonicalModule(match[1]!), name: match[2]!, replacement: match[3]! };
}

/**
 * Validates the rule's options (undefined means none): the parsed additions, or a one-line error
 * naming the first malformed entry. Hosts call it before analysing.
 */
export function parseBlockingCallOptions(options: unknown): { additions: BlockingCallAddition[] } | string {
  if (options === undefined || options === null) return { additions: [] };
  if (typeof options !== 'object') return 'the options of blocking-in-async must be an object { additions: string[] }';
  const additions = (options as BlockingInAsyncOptions).additions;
  if (additions === undefined) return { additions: [] };
  if (!Array.isArray(additions)) return 'blocking-in-async additions must be an array of strings';
  const parsed: BlockingCallAddition[] = [];
  for (const entry of additions as unknown[]) {
    if (typeof entry !== 'string') return 'blocking-in-async additions must be an array of strings';
    const addition = parseBlockingCall(entry);
    if (typeof addition === 'string') return addition;
    parsed.push(addition);
  }
  return { additions: parsed };
}

/**
 * `readFileSync(p)` -> `await readFile(p)` with the import added (or reused), and
 * `fs.readFileSync(p)` -> `await fs.promises.readFile(p)`; only where `await` is legal.
 */
function awaitPromiseApiFix(context: RuleContext, call: TS.CallExpression, known: BlockingCall): RawFix[] {
  const ts = context.ts;
  const promiseName = known.promiseName;
  if (!promiseName || !canAwaitInBody(ts, call)) return [];
  if (known.maxArgumentsForFix !== undefined && call.arguments.length > known.maxArgumentsForFix) return [];
  const callee = skipOuterExpressions(ts, call.expression);
  const sourceFile = context.sourceFile;
  const edits: TextEdit[] = [];
  if (ts.isPropertyAccessExpression(callee)) {
    // Only `fs` itself has `fs.promises`; `fs-extra` and `graceful-fs` are left alone.
    if (valueOf(ts, callee.expression, context, false) !== 'ns:fs') return [];
    edits.push({ start: callee.name.getStart(sourceFile), end: callee.name.end, newText: `promises.${promiseName}` });
  } else if (ts.isIdentifier(callee)) {
    const binding = context.resolve(callee.text);
    if (!binding) return [];
    const style = importStyle(ts, binding.node, bindingSignature(ts, binding));
    if (!style) return [];
    const existing = context.resolve(promiseName);
    if (existing) {
      // Reuse `import { readFile } from 'node:fs/promises'`; any other `readFile` is in the way.
      if (bindingSignature(ts, existing) !== `imp:fs/promises#${promiseName}`) return [];
    } else {
      edits.push(importEdit(context, style, promiseName));
    }
    edits.push({ start: callee.getStart(sourceFile), end: callee.end, newText: promiseName });
  } else {
    return [];
  }
  const needsParens = isOperandOfPostfix(ts, call);
  edits.push(insert(call.getStart(sourceFile), needsParens ? '(await ' : 'await '));
  if (needsParens) edits.push(insert(call.end, ')'));
  return [{ titleId: 'fix.await-fs-promises', safety: 'unsafe', isPreferred: true, edits }];
}

/** Whether `await` is legal at `node`: in the body of an async function, not its parameters. */
function canAwaitInBody(ts: TypeScript, node: TS.Node): boolean {
  if (!canAwaitAt(ts, node)) return false;
  const body = enclosingFunction(ts, node)?.body;
  return !!body && node.pos >= body.pos && node.end <= body.end;
}

/**
 * How the file brings in `fs`'s function: a named import (`imp:fs#…`), or a destructuring of
 * `require('fs')` (CommonJS). An alias (`const read = fs.readFileSync`) gets no fix: the rule
 * cannot tell which kind of module the file is.
 */
function importStyle(ts: TypeScript, declaration: TS.Node, signature: string): 'import' | 'require' | undefined {
  if (signature.startsWith('imp:fs#')) return 'import';
  if (!signature.startsWith('mod:fs#') || !ts.isBindingElement(declaration)) return undefined;
  const variable = declaration.parent.parent;
  if (!ts.isVariableDeclaration(variable) || !variable.initializer) return undefined;
  const initializer = skipOuterExpressions(ts, variable.initializer);
  return ts.isCallExpression(initializer) && ts.isIdentifier(initializer.expression) && initializer.expression.text === 'require'
    ? 'require'
    : undefined;
}

/**
 * A new import (or `require`) of the promise function at the first statement of the file, after
 * any directive prologue (`'use strict'`), so a header comment stays on top.
 */
function importEdit(context: RuleContext, style: 'import' | 'require', name: string): TextEdit {
  const ts = context.ts;
  const sourceFile = context.sourceFile;
  const statements = sourceFile.statements;
  let index = 0;
  while (index < statements.length && isDirective(ts, statements[index]!)) index++;
  const line =
    style === 'import'
      ? `import { ${name} } from 'node:fs/promises';`
      : `const { ${name} } = require('node:fs/promises');`;
  const anchor = statements[index];
  if (index > 0) {
    // After the directives, on a line of its own.
    return insert(statements[index - 1]!.end, `\n${line}`);
  }
  return insert(anchor ? anchor.getStart(sourceFile) : sourceFile.end, `${line}\n`);
}

function isDirective(ts: TypeScript, statement: TS.Statement): boolean {
  return ts.isExpressionStatement(statement) && ts.isStringLiteral(statement.expression);
}

/** Whether `await call` would bind wrongly: `readFileSync(p).toString()` needs `(await …)`. */
function isOperandOfPostfix(ts: TypeScript, call: TS.Expression): boolean {
  const parent = call.parent;
  if ((ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent)) && parent.expression === call) return true;
  if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.expression === call) return true;
  if (ts.isTaggedTemplateExpression(parent) && parent.tag === call) return true;
  return ts.isBinaryExpression(parent) && parent.left === call && parent.operatorToken.kind === ts.SyntaxKind.AsteriskAsteriskToken;
}

/** A loop that waits by spinning on the clock, inside async code. */
function visitLoop(node: TS.Node, context: RuleContext): void {
  const ts = context.ts;
  const loop = node as TS.WhileStatement | TS.DoStatement | TS.ForStatement;
  const condition = ts.isForStatement(loop) ? loop.condition : loop.expression;
  if (!condition) return;
  const incrementor = ts.isForStatement(loop) ? loop.incrementor : undefined;
  const assigned = new Set<string>();
  if (!isClockOnlyBody(context, loop.statement, assigned)) return;
  if (incrementor && !isClockStep(context, incrementor, assigned)) return;
  if (!readsClock(context, condition, assigned) || !isWaitOnly(context, condition)) return;
  if (context.executionContext(loop) !== 'async') return;
  context.report({ node: loop, messageId: 'blocking-in-async.busy-wait', data: {} });
}

/** Whether a loop body is empty or only reads the clock (collecting the names it assigns). */
function isClockOnlyBody(context: RuleContext, body: TS.Statement, assigned: Set<string>): boolean {
  const ts = context.ts;
  if (ts.isEmptyStatement(body)) return true;
  if (ts.isBlock(body)) return body.statements.every((statement) => isClockOnlyBody(context, statement, assigned));
  if (ts.isExpressionStatement(body)) return isClockStep(context, body.expression, assigned);
  if (ts.isVariableStatement(body)) {
    return body.declarationList.declarations.every(
      (declaration) =>
        ts.isIdentifier(declaration.name) &&
        !!declaration.initializer &&
        isClockRead(context, declaration.initializer) &&
        !!assigned.add(declaration.name.text),
    );
  }
  return false;
}

/** `Date.now()`, or `now = Date.now()` (recording `now`). */
function isClockStep(context: RuleContext, expression: TS.Expression, assigned: Set<string>): boolean {
  const ts = context.ts;
  const node = skipOuterExpressions(ts, expression);
  if (isClockRead(context, node)) return true;
  if (
    ts.isBinaryExpression(node) &&
    node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
    ts.isIdentifier(node.left) &&
    isClockRead(context, node.right)
  ) {
    assigned.add(node.left.text);
    return true;
  }
  return false;
}

/** Whether an expression reads the clock, or a name the loop fills from the clock. */
function readsClock(context: RuleContext, expression: TS.Node, assigned: ReadonlySet<string>): boolean {
  const ts = context.ts;
  if (ts.isIdentifier(expression) && assigned.has(expression.text)) return true;
  if (ts.isCallExpression(expression) && isClockRead(context, expression)) return true;
  if (ts.isFunctionLike(expression)) return false;
  return !!ts.forEachChild(expression, (child) => readsClock(context, child, assigned) || undefined);
}

/**
 * Whether a loop condition only compares: no call but clock reads, no assignment, `await` or
 * `yield`. `while (Date.now() < deadline && step()) {}` does work until a deadline; it is no wait.
 */
function isWaitOnly(context: RuleContext, node: TS.Node): boolean {
  const ts = context.ts;
  if (ts.isCallExpression(node)) return isClockRead(context, node);
  if (ts.isNewExpression(node) || ts.isAwaitExpression(node) || ts.isYieldExpression(node) || ts.isFunctionLike(node)) return false;
  if (ts.isBinaryExpression(node)) {
    const operator = node.operatorToken.kind;
    if (operator >= ts.SyntaxKind.FirstAssignment && operator <= ts.SyntaxKind.LastAssignment) return false;
  }
  if ((ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) &&
    (node.operator === ts.SyntaxKind.PlusPlusToken || node.operator === ts.SyntaxKind.MinusMinusToken)) {
    return false;
  }
  return !ts.forEachChild(node, (child) => (isWaitOnly(context, child) ? undefined : true));
}

/** `Date.now()`, `performance.now()`, `new Date().getTime()`, `process.hrtime.bigint()` on the globals. */
function isClockRead(context: RuleContext, expression: TS.Expression): boolean {
  const ts = context.ts;
  const node = skipOuterExpressions(ts, expression);
  if (!ts.isCallExpression(node) || node.arguments.length > 0) return false;
  const callee = skipOuterExpressions(ts, node.expression);
  if (!ts.isPropertyAccessExpression(callee)) return false;
  const method = callee.name.text;
  const receiver = skipOuterExpressions(ts, callee.expression);
  if (ts.isIdentifier(receiver)) {
    if (method === 'now' && receiver.text === 'Date') return context.resolve('Date') === undefined;
    if (method === 'now' && receiver.text === 'performance') {
      return (
        context.resolve('performance') === undefined ||
        valueOf(ts, receiver, context, false) === 'mod:perf_hooks#performance'
      );
    }
    return false;
  }
  if ((method === 'getTime' || method === 'valueOf') && ts.isNewExpression(receiver)) {
    const ctor = receiver.expression;
    return ts.isIdentifier(ctor) && ctor.text === 'Date' && (receiver.arguments?.length ?? 0) === 0 && context.resolve('Date') === undefined;
  }
  if (method === 'bigint' && ts.isPropertyAccessExpression(receiver) && receiver.name.text === 'hrtime') {
    const process = receiver.expression;
    return ts.isIdentifier(process) && process.text === 'process' && context.resolve('process') === undefined;
  }
  return false;
}
