// await-in-loop: one `await` per iteration in a loop whose iterations the rule can show to be
// independent (DESIGN rule 4), so each iteration waits for the previous one for nothing.
import type * as TS from 'typescript';
import { enclosingFunction, excerpt, freshName, indentationAt } from '../fixes';
import { bindingSignature, isSleepExpression, isWriteReference, skipOuterExpressions } from '../promise';
import type { Rule, RuleContext } from '../rule';
import { isFunctionLike, isReference } from '../scope';
import type { RawFix, RuleMeta, TypeScript } from '../types';

const meta: RuleMeta = {
  id: 'await-in-loop',
  description:
    'A loop awaits one call per iteration, though its iterations are independent: each waits for the previous one to finish.',
  defaultSeverity: 'info',
  messageIds: ['await-in-loop.sequential'],
  fixes: { 'fix.await-all-map': 'unsafe' },
  inspiredBy: 'eslint/no-await-in-loop',
};

/** The loops whose iterations the rule can count: `for…of`, and `for` over fixed bounds. */
type LoopShape =
  | { kind: 'for-of'; loop: TS.ForOfStatement; names: string[]; declared: 'const' | 'let' | 'other' }
  | { kind: 'counting'; loop: TS.ForStatement; names: string[]; bound: TS.Expression; fixable: boolean };

/** Where the awaited value goes: `C.push(v)`, `C[K] = v` or `C.set(K, v)`. */
interface SlotWrite {
  kind: 'push' | 'index' | 'set';
  statement: TS.ExpressionStatement;
  container: TS.Expression;
  key?: TS.Expression;
  /** The value written; for `push(...v)` the spread's operand. */
  value: TS.Expression;
  spread: boolean;
  /** The await or the local the value is read from (`user` in `user.name`). */
  root: TS.Expression;
}

/** What one walk over the loop found. */
interface LoopFacts {
  awaits: number;
  exits: boolean;
  /** Reading references by name, in the whole loop (header included). */
  references: Map<string, TS.Identifier[]>;
  /** Names written in the loop body. */
  writes: Set<string>;
  calls: Array<TS.CallExpression | TS.NewExpression>;
}

/** await-in-loop: a loop that awaits independent work one iteration at a time. */
export const awaitInLoop: Rule = {
  meta,
  visitors: {
    AwaitExpression(node, context) {
      const ts = context.ts;
      // Everything below reads the loop and the statements around the await.
      context.contextual();
      const awaited = node as TS.AwaitExpression;
      const call = skipOuterExpressions(ts, awaited.expression);
      if (!ts.isCallExpression(call) || isPromiseStatic(context, call)) return;
      const statement = bodyStatementOf(ts, awaited);
      if (!statement) return;
      const loop = statement.parent.kind === ts.SyntaxKind.Block ? statement.parent.parent : statement.parent;
      const shape = loopShape(ts, loop as TS.Statement);
      if (!shape || !isInAsyncFunction(ts, loop)) return;
      const statements = bodyStatements(ts, shape.loop);
      const index = statements.indexOf(statement);

      // The awaited value's way out of the iteration: straight into a slot, or a local that is
      // read only by slot writes after it.
      const local = awaitedLocal(ts, statement, awaited);
      const direct = local ? undefined : slotWrite(ts, statement, (root) => root === awaited);
      if (!local && !direct) return;

      const facts = scanLoop(ts, shape.loop);
      if (facts.awaits !== 1 || facts.exits) return;

      const perIteration = perIterationNames(ts, shape, statements, index, facts);
      if (!perIteration) return;
      if (!startsIterationWork(ts, call, perIteration, facts)) return;

      const slots: SlotWrite[] = [];
      if (direct) {
        slots.push(direct);
      } else {
        const found = slotsOfLocal(ts, local!, statements, index, facts);
        if (!found) return;
        slots.push(...found);
      }
      for (const slot of slots) {
        if (!isSlotIndependent(context, shape, slot, perIteration, facts)) return;
      }
      if (isLoopBoundTouched(ts, shape, facts)) return;
      if (facts.calls.some((c) => isSleep(context, c))) return;
      if (hasOrderComment(context.sourceFile, enclosingFunction(ts, loop), loop)) return;
      if (isChunked(context.sourceFile, shape)) return;

      context.report({
        node: awaited,
        messageId: 'await-in-loop.sequential',
        data: { call: `${excerpt(context.sourceFile, call.expression)}(…)` },
        fixes: promiseAllFixes(context, shape, statements, awaited, call, local, slots),
      });
    },
  },
};

/**
 * The statement directly in a `for…of` or `for` body that holds `node`, reached through
 * expressions and a variable declaration only (not a nested block, `try`, `if` or function).
 */
function bodyStatementOf(ts: TypeScript, node: TS.Node): TS.Statement | undefined {
  let current = node.parent;
  while (current && !ts.isExpressionStatement(current) && !ts.isVariableStatement(current)) {
    if (isFunctionLike(ts, current) || ts.isClassLike(current)) return undefined;
    if (!ts.isExpression(current) && !ts.isVariableDeclaration(current) && !ts.isVariableDeclarationList(current)) return undefined;
    current = current.parent;
  }
  if (!current) return undefined;
  const parent = current.parent;
  const owner = ts.isBlock(parent) ? parent.parent : parent;
  const body = ts.isBlock(parent) ? parent : current;
  if (!owner || !(ts.isForOfStatement(owner) || ts.isForStatement(owner)) || owner.statement !== body) return undefined;
  return current;
}

/** The loop's body as a list of statements. */
function bodyStatements(ts: TypeScript, loop: TS.IterationStatement): readonly TS.Statement[] {
  return ts.isBlock(loop.statement) ? loop.statement.statements : [loop.statement];
}

/**
 * A `for…of` (not `for await`), or a counting `for`: one variable, compared with a bound, moved
 * by `++`, `--`, `+= n` or `-= n`. Every other loop (`while`, `for…in`, …) is left alone.
 */
function loopShape(ts: TypeScript, loop: TS.Statement): LoopShape | undefined {
  if (ts.isForOfStatement(loop)) {
    if (loop.awaitModifier) return undefined;
    const initializer = loop.initializer;
    if (ts.isVariableDeclarationList(initializer)) {
      if (initializer.declarations.length !== 1) return undefined;
      const flags = initializer.flags & (ts.NodeFlags.Const | ts.NodeFlags.Let);
      const declared = flags === ts.NodeFlags.Const ? 'const' : flags === ts.NodeFlags.Let ? 'let' : 'other';
      // `for (await using x of …)` and `for (using x of …)` are not plain bindings.
      if ((initializer.flags & ts.NodeFlags.BlockScoped) === ts.NodeFlags.BlockScoped) return undefined;
      return { kind: 'for-of', loop, names: bindingNames(ts, initializer.declarations[0]!.name), declared };
    }
    const target = skipOuterExpressions(ts, initializer);
    return ts.isIdentifier(target) ? { kind: 'for-of', loop, names: [target.text], declared: 'other' } : undefined;
  }
  if (!ts.isForStatement(loop) || !loop.initializer || !loop.condition || !loop.incrementor) return undefined;
  const initializer = loop.initializer;
  if (!ts.isVariableDeclarationList(initializer) || initializer.declarations.length !== 1) return undefined;
  const declaration = initializer.declarations[0]!;
  if (!ts.isIdentifier(declaration.name) || !declaration.initializer || !isPlainOperand(ts, declaration.initializer)) return undefined;
  const name = declaration.name.text;
  const condition = skipOuterExpressions(ts, loop.condition);
  if (!ts.isBinaryExpression(condition)) return undefined;
  const operator = condition.operatorToken.kind;
  const K = ts.SyntaxKind;
  const isCompare = [K.LessThanToken, K.LessThanEqualsToken, K.GreaterThanToken, K.GreaterThanEqualsToken].includes(operator);
  if (!isCompare) return undefined;
  const left = skipOuterExpressions(ts, condition.left);
  const right = skipOuterExpressions(ts, condition.right);
  let bound: TS.Expression;
  if (ts.isIdentifier(left) && left.text === name) bound = right;
  else if (ts.isIdentifier(right) && right.text === name) bound = left;
  else return undefined;
  if (!isPlainOperand(ts, bound) || mentions(ts, bound, name)) return undefined;
  const step = stepOf(ts, loop.incrementor, name);
  if (step === undefined) return undefined;
  const fixable =
    (initializer.flags & ts.NodeFlags.Let) !== 0 &&
    ts.isNumericLiteral(declaration.initializer) &&
    declaration.initializer.text === '0' &&
    operator === K.LessThanToken &&
    bound === right &&
    step === 1;
  return { kind: 'counting', loop, names: [name], bound, fixable };
}

/** `i++`, `++i`, `i += n`: the step; `i--`, `i -= n`: its negative; anything else undefined. */
function stepOf(ts: TypeScript, incrementor: TS.Expression, name: string): number | undefined {
  const node = skipOuterExpressions(ts, incrementor);
  const isName = (e: TS.Expression): boolean => {
    const inner = skipOuterExpressions(ts, e);
    return ts.isIdentifier(inner) && inner.text === name;
  };
  if ((ts.isPostfixUnaryExpression(node) || ts.isPrefixUnaryExpression(node)) && isName(node.operand)) {
    if (node.operator === ts.SyntaxKind.PlusPlusToken) return 1;
    if (node.operator === ts.SyntaxKind.MinusMinusToken) return -1;
    return undefined;
  }
  if (ts.isBinaryExpression(node) && isName(node.left) && ts.isNumericLiteral(node.right)) {
    const amount = Number(node.right.text);
    if (node.operatorToken.kind === ts.SyntaxKind.PlusEqualsToken) return amount;
    if (node.operatorToken.kind === ts.SyntaxKind.MinusEqualsToken) return -amount;
  }
  return undefined;
}

/**
 * A bound or start evaluated without side effects: literals, names, property reads, indexing
 * by those, and arithmetic. No calls, no `await`, no assignment.
 */
function isPlainOperand(ts: TypeScript, expression: TS.Expression): boolean {
  const node = skipOuterExpressions(ts, expression);
  if (ts.isIdentifier(node) || ts.isNumericLiteral(node) || ts.isStringLiteral(node) || node.kind === ts.SyntaxKind.ThisKeyword) {
    return true;
  }
  if (ts.isPropertyAccessExpression(node)) return isPlainOperand(ts, node.expression);
  if (ts.isElementAccessExpression(node)) return isPlainOperand(ts, node.expression) && isPlainOperand(ts, node.argumentExpression);
  if (ts.isPrefixUnaryExpression(node)) return node.operator === ts.SyntaxKind.MinusToken && isPlainOperand(ts, node.operand);
  if (ts.isBinaryExpression(node)) {
    const K = ts.SyntaxKind;
    return (
      [K.PlusToken, K.MinusToken, K.AsteriskToken, K.SlashToken, K.PercentToken].includes(node.operatorToken.kind) &&
      isPlainOperand(ts, node.left) &&
      isPlainOperand(ts, node.right)
    );
  }
  return false;
}

/** Whether an identifier named `name` occurs in `node` as a reference. */
function mentions(ts: TypeScript, node: TS.Node, name: string): boolean {
  let found = false;
  const visit = (child: TS.Node): void => {
    if (found) return;
    if (ts.isIdentifier(child)) {
      if (child.text === name && isReference(ts, child)) found = true;
      return;
    }
    child.forEachChild(visit);
  };
  visit(node);
  return found;
}

/** The names a binding name (identifier or pattern) declares. */
function bindingNames(ts: TypeScript, name: TS.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  const names: string[] = [];
  for (const element of name.elements) {
    if (ts.isBindingElement(element)) names.push(...bindingNames(ts, element.name));
  }
  return names;
}

/** Await is legal and the function is not an async generator (whose loops yield as they go). */
function isInAsyncFunction(ts: TypeScript, loop: TS.Node): boolean {
  const fn = enclosingFunction(ts, loop);
  if (!fn) return true;
  return !fn.asteriskToken && !!ts.getModifiers(fn)?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword);
}

/** `const user = await fetchUser(id);`: the declaration, when the statement is exactly that. */
function awaitedLocal(ts: TypeScript, statement: TS.Statement, awaited: TS.AwaitExpression): TS.VariableDeclaration | undefined {
  if (!ts.isVariableStatement(statement)) return undefined;
  const list = statement.declarationList;
  if (list.declarations.length !== 1 || (list.flags & (ts.NodeFlags.Const | ts.NodeFlags.Let)) === 0) return undefined;
  if ((list.flags & ts.NodeFlags.BlockScoped) === ts.NodeFlags.BlockScoped) return undefined;
  const declaration = list.declarations[0]!;
  if (!declaration.initializer || skipOuterExpressions(ts, declaration.initializer) !== awaited) return undefined;
  return declaration;
}

/**
 * `C.push(v)`, `C.push(...v)`, `C[K] = v` or `C.set(K, v)`, where `v` reads the awaited value
 * (`x`, `x.status`, `x.items`) and `isRoot` says which node is that value.
 */
function slotWrite(ts: TypeScript, statement: TS.Statement, isRoot: (node: TS.Expression) => boolean): SlotWrite | undefined {
  if (!ts.isExpressionStatement(statement)) return undefined;
  const expression = skipOuterExpressions(ts, statement.expression);
  if (ts.isBinaryExpression(expression) && expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    const target = skipOuterExpressions(ts, expression.left);
    if (!ts.isElementAccessExpression(target) || target.questionDotToken || !isContainer(ts, target.expression)) return undefined;
    const root = valueRoot(ts, expression.right);
    if (!root || !isRoot(root)) return undefined;
    return { kind: 'index', statement, container: target.expression, key: target.argumentExpression, value: expression.right, spread: false, root };
  }
  if (!ts.isCallExpression(expression)) return undefined;
  const callee = expression.expression;
  if (!ts.isPropertyAccessExpression(callee) || callee.questionDotToken || expression.questionDotToken) return undefined;
  if (!isContainer(ts, callee.expression)) return undefined;
  const args = expression.arguments;
  if (callee.name.text === 'push' && args.length === 1) {
    const argument = args[0]!;
    const spread = ts.isSpreadElement(argument);
    const value = ts.isSpreadElement(argument) ? argument.expression : argument;
    const root = valueRoot(ts, value);
    if (!root || !isRoot(root)) return undefined;
    return { kind: 'push', statement, container: callee.expression, value, spread, root };
  }
  if (callee.name.text === 'set' && args.length === 2) {
    const root = valueRoot(ts, args[1]!);
    if (!root || !isRoot(root)) return undefined;
    return { kind: 'set', statement, container: callee.expression, key: args[0]!, value: args[1]!, spread: false, root };
  }
  return undefined;
}

/** A slot container: a name or a chain of property reads on a name or `this`. */
function isContainer(ts: TypeScript, expression: TS.Expression): boolean {
  const node = skipOuterExpressions(ts, expression);
  if (ts.isIdentifier(node)) return true;
  return ts.isPropertyAccessExpression(node) && !node.questionDotToken && (node.expression.kind === ts.SyntaxKind.ThisKeyword || isContainer(ts, node.expression));
}

/** The node a written value reads from, past property reads and literal indexing: `x` in `x.a[0]`. */
function valueRoot(ts: TypeScript, expression: TS.Expression): TS.Expression | undefined {
  let node = skipOuterExpressions(ts, expression);
  for (;;) {
    if (ts.isPropertyAccessExpression(node)) {
      node = skipOuterExpressions(ts, node.expression);
    } else if (ts.isElementAccessExpression(node) && ts.isLiteralExpression(node.argumentExpression)) {
      node = skipOuterExpressions(ts, node.expression);
    } else {
      return ts.isIdentifier(node) || ts.isAwaitExpression(node) ? node : undefined;
    }
  }
}

/** One walk over the loop: awaits, exits, references, writes and calls. */
function scanLoop(ts: TypeScript, loop: TS.IterationStatement): LoopFacts {
  const facts: LoopFacts = { awaits: 0, exits: false, references: new Map(), writes: new Set(), calls: [] };
  const awaitUsing = ts.NodeFlags.AwaitUsing;
  const visit = (node: TS.Node, inFunction: boolean, inBody: boolean): void => {
    if (ts.isIdentifier(node)) {
      if (!isReference(ts, node)) return;
      if (inBody && isWriteReference(ts, node)) facts.writes.add(node.text);
      const list = facts.references.get(node.text);
      if (list) list.push(node);
      else facts.references.set(node.text, [node]);
      return;
    }
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) facts.calls.push(node);
    if (!inFunction) {
      if (ts.isAwaitExpression(node)) facts.awaits += 1;
      else if (ts.isForOfStatement(node) && node.awaitModifier) facts.awaits += 1;
      else if (ts.isVariableDeclarationList(node) && awaitUsing !== undefined && (node.flags & awaitUsing) === awaitUsing) facts.awaits += 1;
      else if (ts.isYieldExpression(node)) facts.awaits += 1;
      else if (ts.isBreakStatement(node) || ts.isContinueStatement(node) || ts.isReturnStatement(node) || ts.isThrowStatement(node)) {
        facts.exits = true;
      }
    }
    const nested = inFunction || isFunctionLike(ts, node) || ts.isClassStaticBlockDeclaration(node);
    node.forEachChild((child) => visit(child, nested, inBody));
  };
  loop.forEachChild((child) => visit(child, false, child === loop.statement));
  return facts;
}

/**
 * The names that hold this iteration's own values: the loop variables, and `const`s declared
 * in the body before the await from them. Undefined when a loop variable is written in the body.
 */
function perIterationNames(
  ts: TypeScript,
  shape: LoopShape,
  statements: readonly TS.Statement[],
  index: number,
  facts: LoopFacts,
): Set<string> | undefined {
  if (shape.names.some((name) => facts.writes.has(name))) return undefined;
  const names = new Set(shape.names);
  for (const statement of statements.slice(0, index)) {
    if (!ts.isVariableStatement(statement) || (statement.declarationList.flags & ts.NodeFlags.Const) === 0) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (declaration.initializer && [...names].some((name) => mentions(ts, declaration.initializer!, name))) {
        for (const name of bindingNames(ts, declaration.name)) names.add(name);
      }
    }
  }
  return names;
}

/**
 * The awaited call starts this iteration's work: it is passed a per-iteration value (not only
 * called on one: `hook.call(ctx)` or `plugin.setup()` runs the items in their order), and
 * nothing it reads is written in the loop body (a cursor or an accumulator chains the iterations).
 */
function startsIterationWork(ts: TypeScript, call: TS.CallExpression, perIteration: Set<string>, facts: LoopFacts): boolean {
  const receiver = calleeRoot(ts, call);
  let readsItem = false;
  let readsWritten = false;
  const visit = (node: TS.Node): void => {
    if (ts.isIdentifier(node)) {
      if (!isReference(ts, node)) return;
      if (perIteration.has(node.text) && node !== receiver) readsItem = true;
      if (facts.writes.has(node.text)) readsWritten = true;
      return;
    }
    node.forEachChild(visit);
  };
  visit(call);
  return readsItem && !readsWritten && !isOrderedWork(ts, call);
}

/** The leftmost name of a callee chain: `tr` in `tr(table).insert(items)`, `hook` in `hook.call(…)`. */
function calleeRoot(ts: TypeScript, call: TS.CallExpression): TS.Node {
  let node: TS.Expression = call.expression;
  for (;;) {
    node = skipOuterExpressions(ts, node);
    if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node) || ts.isCallExpression(node)) node = node.expression;
    else return node;
  }
}

/**
 * Verbs of work that is usually ordered on purpose: writes, queries on one connection,
 * migrations, sends (DESIGN: "ordered writes, migrations and inserts look exactly like that").
 */
const ORDERED_VERBS =
  /^(insert|update|upsert|delete|remove|save|write|create|put|post|patch|send|publish|emit|exec|execute|query|run|commit|rollback|migrate|apply|install|build|deploy|set|add|push|append|destroy|drop|truncate|unlink|rm|mkdir|rename|copy|move|transaction|lock|acquire|spawn|invoke|call|dispatch|process|handle|prompt|ask|confirm|select)(?![a-z])/;

/** A call whose name says it writes or runs ordered work (`insertRows`, `tx.query`), or is computed. */
function isOrderedWork(ts: TypeScript, call: TS.CallExpression): boolean {
  const callee = skipOuterExpressions(ts, call.expression);
  let name: string;
  if (ts.isIdentifier(callee)) name = callee.text;
  else if (ts.isPropertyAccessExpression(callee)) name = callee.name.text;
  else return true;
  return ORDERED_VERBS.test(name) || INTERACTIVE.test(name);
}

/** Questions to a person come one at a time: `textPrompt`, `askSchemaQuestion`, `inquirer.prompt`. */
const INTERACTIVE = /prompt|question|confirm|readline/i;

/**
 * A comment in the function before the loop's end that talks about order or concurrency
 * ("avoid concurrent queries on the same client", "one at a time"): the author chose the loop.
 */
const ORDER_COMMENT = /concurren|parallel|sequential|serial|one (at a time|by one|after another)|in order|in sequence|rate.?limit|throttl|same (client|connection)/i;

/** A loop over chunks or batches: the chunking is already the author's bound on concurrency. */
function isChunked(sourceFile: TS.SourceFile, shape: LoopShape): boolean {
  const source = shape.kind === 'for-of' ? shape.loop.expression : shape.bound;
  return /chunk|batch/i.test(`${shape.names.join(' ')} ${textOf(sourceFile, source)}`);
}

function hasOrderComment(sourceFile: TS.SourceFile, fn: TS.Node | undefined, loop: TS.Node): boolean {
  const start = fn ? fn.getStart(sourceFile) : 0;
  const text = sourceFile.text.slice(start, loop.end);
  const comments = text.match(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g);
  return !!comments && comments.some((comment) => ORDER_COMMENT.test(comment));
}

/**
 * The slot writes that read a local holding the awaited value: every reference to it is the
 * root of a slot write in a later statement of the body. Undefined otherwise, or if unused.
 */
function slotsOfLocal(
  ts: TypeScript,
  declaration: TS.VariableDeclaration,
  statements: readonly TS.Statement[],
  index: number,
  facts: LoopFacts,
): SlotWrite[] | undefined {
  const names = new Set(bindingNames(ts, declaration.name));
  let count = 0;
  for (const name of names) count += facts.references.get(name)?.length ?? 0;
  if (count === 0) return undefined;
  const slots: SlotWrite[] = [];
  let matched = 0;
  for (const statement of statements.slice(index + 1)) {
    const slot = slotWrite(ts, statement, (root) => ts.isIdentifier(root) && names.has(root.text));
    if (!slot) continue;
    slots.push(slot);
    matched += 1;
  }
  // Any other read (a condition, a log, a closure, a second read in the same write) disqualifies.
  for (const slot of slots) {
    for (const name of names) {
      if (slot.key && mentions(ts, slot.key, name)) return undefined;
      if (mentions(ts, slot.container, name)) return undefined;
    }
  }
  return matched === count ? slots : undefined;
}

/**
 * The slot is this iteration's own: its container is declared outside the loop and read nowhere
 * else in it, and its key (if any) is derived from the iteration's values.
 */
function isSlotIndependent(context: RuleContext, shape: LoopShape, slot: SlotWrite, perIteration: Set<string>, facts: LoopFacts): boolean {
  const ts = context.ts;
  const loop = shape.loop;
  const containerNames = referencedNames(ts, slot.container);
  for (const name of containerNames) {
    if (perIteration.has(name)) return false;
    const references = facts.references.get(name) ?? [];
    if (references.some((reference) => !isInside(reference, slot.container))) return false;
    const binding = context.resolve(name);
    if (binding && binding.node.pos >= loop.pos && binding.node.end <= loop.end) return false;
  }
  // `this.results`: no other read of the same member in the loop.
  const containerText = textOf(context.sourceFile, slot.container);
  if (containerText.startsWith('this.') && occurrences(textOf(context.sourceFile, loop), containerText) !== 1) return false;
  if (!slot.key) return true;
  return isDerivedKey(ts, slot.key, perIteration);
}

/** The names an expression reads. */
function referencedNames(ts: TypeScript, node: TS.Node): Set<string> {
  const names = new Set<string>();
  const visit = (child: TS.Node): void => {
    if (ts.isIdentifier(child)) {
      if (isReference(ts, child)) names.add(child.text);
      return;
    }
    child.forEachChild(visit);
  };
  visit(node);
  return names;
}

/** A key built from this iteration's values: per-iteration names, literals, property reads. */
function isDerivedKey(ts: TypeScript, key: TS.Expression, perIteration: Set<string>): boolean {
  let readsItem = false;
  let ok = true;
  const visit = (node: TS.Node): void => {
    if (!ok) return;
    if (ts.isIdentifier(node)) {
      if (!isReference(ts, node)) return;
      if (perIteration.has(node.text)) readsItem = true;
      else ok = false;
      return;
    }
    if (ts.isCallExpression(node) || ts.isNewExpression(node) || ts.isTaggedTemplateExpression(node) || ts.isBinaryExpression(node) && isAssignment(ts, node)) {
      ok = false;
      return;
    }
    // `paths[i]`: the item of a collection at this iteration's index.
    if (ts.isElementAccessExpression(node) && isContainer(ts, node.expression)) {
      const wasReading = readsItem;
      readsItem = false;
      visit(node.argumentExpression);
      readsItem = readsItem || wasReading;
      return;
    }
    if (ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) {
      const operator = node.operator;
      if (operator === ts.SyntaxKind.PlusPlusToken || operator === ts.SyntaxKind.MinusMinusToken) ok = false;
    }
    node.forEachChild(visit);
  };
  visit(key);
  return ok && readsItem;
}

function isAssignment(ts: TypeScript, node: TS.BinaryExpression): boolean {
  const operator = node.operatorToken.kind;
  return operator >= ts.SyntaxKind.FirstAssignment && operator <= ts.SyntaxKind.LastAssignment;
}

/**
 * The iterated collection or the bound is changed or read in a way the rule cannot follow:
 * written in the body, or read other than by indexing or `.length`.
 */
function isLoopBoundTouched(ts: TypeScript, shape: LoopShape, facts: LoopFacts): boolean {
  const source = shape.kind === 'for-of' ? shape.loop.expression : shape.bound;
  for (const name of referencedNames(ts, source)) {
    if (facts.writes.has(name)) return true;
    for (const reference of facts.references.get(name) ?? []) {
      if (isInside(reference, source) || !isInside(reference, shape.loop.statement)) continue;
      const parent = reference.parent;
      const isIndexed = ts.isElementAccessExpression(parent) && parent.expression === reference && !isWriteTarget(ts, parent);
      const isLength = ts.isPropertyAccessExpression(parent) && parent.expression === reference && parent.name.text === 'length' && !isWriteTarget(ts, parent);
      if (!isIndexed && !isLength) return true;
    }
  }
  return false;
}

/** Whether `node` is the target of an assignment or of `++`/`--`. */
function isWriteTarget(ts: TypeScript, node: TS.Node): boolean {
  const parent = node.parent;
  if (ts.isBinaryExpression(parent)) return parent.left === node && isAssignment(ts, parent);
  if (ts.isPrefixUnaryExpression(parent) || ts.isPostfixUnaryExpression(parent)) {
    return parent.operator === ts.SyntaxKind.PlusPlusToken || parent.operator === ts.SyntaxKind.MinusMinusToken;
  }
  return false;
}

/** `Promise.all(…)` and the other statics of the global `Promise`: a chunked loop, a timeout race. */
function isPromiseStatic(context: RuleContext, call: TS.CallExpression): boolean {
  const ts = context.ts;
  const callee = skipOuterExpressions(ts, call.expression);
  if (!ts.isPropertyAccessExpression(callee)) return false;
  const receiver = skipOuterExpressions(ts, callee.expression);
  return ts.isIdentifier(receiver) && receiver.text === 'Promise' && !context.resolve('Promise');
}

/**
 * A call that sleeps: `setTimeout` of `node:timers/promises`, `new Promise` around `setTimeout`,
 * or a call of a local function whose whole body is one of these. A loop that sleeps is paced.
 */
function isSleep(context: RuleContext, node: TS.CallExpression | TS.NewExpression): boolean {
  const ts = context.ts;
  if (isSleepExpression(ts, node, context)) return true;
  if (!ts.isCallExpression(node)) return false;
  const callee = skipOuterExpressions(ts, node.expression);
  if (!ts.isIdentifier(callee)) return false;
  const binding = context.resolve(callee.text);
  return !!binding && bindingSignature(ts, binding) === 'fn:sleep';
}

function isInside(node: TS.Node, ancestor: TS.Node): boolean {
  return node.pos >= ancestor.pos && node.end <= ancestor.end;
}

function textOf(sourceFile: TS.SourceFile, node: TS.Node): string {
  return sourceFile.text.slice(node.getStart(sourceFile), node.end);
}

function occurrences(text: string, part: string): number {
  let count = 0;
  for (let at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length)) count += 1;
  return count;
}

// ---------------------------------------------------------------------------------------------
// The fix: start every iteration's call at once, await them together, keep the results in order.

/**
 * `await Promise.all(items.map(…))`, offered only where the rewrite stays obviously equivalent:
 * the body is the slot write alone (or `const x = await …;` and one write of `x`), the loop is a
 * `const`/`let` `for…of` or `for (let i = 0; i < n; i++)`, nothing is spread, no comment is lost.
 */
function promiseAllFixes(
  context: RuleContext,
  shape: LoopShape,
  statements: readonly TS.Statement[],
  awaited: TS.AwaitExpression,
  call: TS.CallExpression,
  local: TS.VariableDeclaration | undefined,
  slots: readonly SlotWrite[],
): RawFix[] {
  const { ts, sourceFile } = context;
  const loop = shape.loop;
  if (slots.length !== 1) return [];
  const slot = slots[0]!;
  if (slot.spread) return [];
  if (statements.length !== (local ? 2 : 1) || statements[statements.length - 1] !== slot.statement) return [];
  if (local && !ts.isIdentifier(local.name)) return [];
  if (ts.isLabeledStatement(loop.parent)) return [];
  if (shape.kind === 'for-of' && shape.declared === 'other') return [];
  if (shape.kind === 'counting' && !shape.fixable) return [];

  // The mapper: `(id) => fetchUser(id)`, or `async (id) => (await fetchUser(id)).name`.
  const callText = textOf(sourceFile, call);
  let body: string;
  let isAsync: boolean;
  if (skipOuterExpressions(ts, slot.value) === slot.root && (local || slot.root === awaited)) {
    body = callText;
    isAsync = false;
  } else if (local) {
    const valueStart = slot.value.getStart(sourceFile);
    const rootStart = slot.root.getStart(sourceFile);
    const valueText = textOf(sourceFile, slot.value);
    body = `${valueText.slice(0, rootStart - valueStart)}(await ${callText})${valueText.slice(slot.root.end - valueStart)}`;
    isAsync = true;
  } else {
    body = textOf(sourceFile, slot.value);
    isAsync = true;
  }
  const loopText = textOf(sourceFile, loop);
  const copied = [callText, textOf(sourceFile, slot.container), slot.key ? textOf(sourceFile, slot.key) : '', textOf(sourceFile, slot.value)];
  if (hasComment(loopText, copied)) return [];

  let mapped: string;
  let iterate: ((write: (index: string) => string) => string) | undefined;
  const fn = enclosingFunction(ts, loop);
  const functionText = fn ? sourceFile.text.slice(fn.pos, fn.end) : sourceFile.text;
  if (shape.kind === 'for-of') {
    const parameter = textOf(sourceFile, (shape.loop.initializer as TS.VariableDeclarationList).declarations[0]!.name);
    const iterable = shape.loop.expression;
    const iterableText = textOf(sourceFile, iterable);
    const mapper = `${isAsync ? 'async ' : ''}(${parameter}) => ${body}`;
    const isArray = isKnownArray(context, iterable);
    mapped = isArray ? `${iterableText}.map(${mapper})` : `Array.from(${iterableText}, ${mapper})`;
    if (slot.kind !== 'push') {
      // The writes run after the results are in, in the loop's order: `forEach` over the same array.
      if (!isArray || !ts.isIdentifier(skipOuterExpressions(ts, iterable))) return [];
      const index = freshName(loopText, 'i');
      iterate = (write) => `${iterableText}.forEach((${parameter}, ${index}) => ${write(index)})`;
    }
  } else {
    const name = shape.names[0]!;
    const placeholder = freshName(loopText, '_');
    const bound = textOf(sourceFile, shape.bound);
    mapped = `Array.from({ length: ${bound} }, ${isAsync ? 'async ' : ''}(${placeholder}, ${name}) => ${body})`;
    if (slot.kind !== 'push') {
      const header = sourceFile.text.slice(loop.getStart(sourceFile), shape.loop.statement.getStart(sourceFile)).trimEnd();
      iterate = (write) => `${header} ${write(name)}`;
    }
  }

  const all = `await Promise.all(${mapped})`;
  const container = textOf(sourceFile, slot.container);
  let replacement: string;
  if (slot.kind === 'push') {
    replacement = `${container}.push(...${all});`;
  } else {
    const results = freshName(functionText, 'fetched');
    const key = textOf(sourceFile, slot.key!);
    const write = (index: string): string =>
      slot.kind === 'set'
        ? `${container}.set(${key}, ${results}[${index}])${shape.kind === 'counting' ? ';' : ''}`
        : shape.kind === 'counting'
          ? `${container}[${key}] = ${results}[${index}];`
          : `{ ${container}[${key}] = ${results}[${index}]; }`;
    const indent = indentationAt(sourceFile.text, loop.getStart(sourceFile));
    const parent = loop.parent;
    if (!ts.isBlock(parent) && !ts.isSourceFile(parent) && !ts.isCaseClause(parent) && !ts.isDefaultClause(parent)) return [];
    replacement = `const ${results} = ${all};\n${indent}${iterate!(write)}${shape.kind === 'counting' ? '' : ';'}`;
  }
  return [
    {
      titleId: 'fix.await-all-map',
      safety: 'unsafe',
      isPreferred: true,
      edits: [{ start: loop.getStart(sourceFile), end: loop.end, newText: replacement }],
    },
  ];
}

/** Whether the loop holds a comment outside the pieces the fix copies (the fix would drop it). */
function hasComment(loopText: string, copied: readonly string[]): boolean {
  let rest = loopText;
  for (const piece of copied) if (piece) rest = rest.split(piece).join(' ');
  return rest.includes('//') || rest.includes('/*');
}

/**
 * Whether the iterated value is an array the file shows: an array literal, or a name declared
 * in this function (or at top level when the loop is) with an array type, or a `const` from an
 * array literal, `Array.from/of(…)` or `Object.keys/values/entries(…)`. Else the fix uses
 * `Array.from(iterable, …)`, which iterates exactly as `for…of` does.
 */
function isKnownArray(context: RuleContext, expression: TS.Expression): boolean {
  const ts = context.ts;
  const node = skipOuterExpressions(ts, expression);
  if (isArrayExpression(context, node)) return true;
  if (!ts.isIdentifier(node)) return false;
  const binding = context.resolve(node.text);
  if (!binding) return false;
  // Only a declaration inside the loop's own function: the cache records names, not types.
  const fn = enclosingFunction(ts, node);
  const declaration = binding.node;
  if (fn ? !isInside(declaration, fn) : enclosingFunction(ts, declaration) !== undefined) return false;
  if (ts.isParameter(declaration) || ts.isVariableDeclaration(declaration)) {
    if (declaration.type) return isArrayType(ts, declaration.type);
    if (ts.isVariableDeclaration(declaration) && declaration.initializer && (declaration.parent.flags & ts.NodeFlags.Const) !== 0) {
      return isArrayExpression(context, declaration.initializer);
    }
  }
  return false;
}

function isArrayType(ts: TypeScript, type: TS.TypeNode): boolean {
  if (ts.isArrayTypeNode(type)) return true;
  if (ts.isTypeOperatorNode(type) && type.operator === ts.SyntaxKind.ReadonlyKeyword) return isArrayType(ts, type.type);
  return ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) && ['Array', 'ReadonlyArray'].includes(type.typeName.text);
}

function isArrayExpression(context: RuleContext, expression: TS.Expression): boolean {
  const ts = context.ts;
  const node = skipOuterExpressions(ts, expression);
  if (ts.isArrayLiteralExpression(node)) return true;
  if (!ts.isCallExpression(node)) return false;
  const callee = node.expression;
  if (!ts.isPropertyAccessExpression(callee) || !ts.isIdentifier(callee.expression)) return false;
  const receiver = callee.expression.text;
  const method = callee.name.text;
  if (receiver !== 'Array' && receiver !== 'Object') return false;
  if (context.resolve(receiver)) return false;
  return (receiver === 'Array' && (method === 'from' || method === 'of')) || (receiver === 'Object' && ['keys', 'values', 'entries'].includes(method));
}
