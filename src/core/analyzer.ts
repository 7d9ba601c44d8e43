// The analyzer: one iterative walk that dispatches to every enabled rule's visitors, with
// findings cached per function (at any depth), and per direct statement of a long body, and
// reused while the facts they read still hold.
import type * as TS from 'typescript';
import { format } from './messages';
import { bindingSignature, isPromiseFunctionTypeNode, isPromiseTypeNode, returnsPromise } from './promise';
import type { ExecutionContext, Report, Rule, RuleContext, Visitor } from './rule';
import type { Binding, Scope } from './scope';
import { isFunctionLike, KIND_BLOCK, KIND_FUNCTION, KIND_SCOPE, kindTable, lookup, openScope } from './scope';
import { applySuppressions } from './suppressions';
import type { AnalyzerOptions, Finding, RawFinding, Severity, SharedOptions, TypeScript } from './types';

/** A fact a cached unit read from outside itself: the binding signature a name had. */
interface Dependency {
  /**
   * `n:<name>` for a name, `t:<name>` for `this.<name>`, `x:` for how a function unit is called,
   * `c:` for the execution context around a statement unit.
   */
  key: string;
  value: string;
}

interface CacheEntry {
  /** The unit's `pos` when the findings were computed. */
  pos: number;
  findings: RawFinding[];
  dependencies: Dependency[];
}

interface ActiveUnit {
  node: TS.Node;
  /** A direct statement of a long body (not a function): cached only if no rule read its surroundings. */
  statement: boolean;
  /** A rule read something around the statement that no recorded fact captures. */
  contextual: boolean;
  /** Depth of the scope the unit sits in: names bound at or above it are outside the unit. */
  outerDepth: number;
  findings: RawFinding[];
  dependencies: Map<string, string>;
}

/** Counters that show how much work an analysis did. */
export interface AnalysisStats {
  /** Nodes the walk dispatched to visitors. */
  nodesVisited: number;
  /** Functions and statements whose cached findings were reused. */
  unitsReused: number;
}

/** The outcome of analysing one file. */
export interface AnalysisResult {
  findings: Finding[];
  stats: AnalysisStats;
}

/** Per-file options a host decides (for example rules skipped for test files). */
export interface FileOptions {
  skipRules?: readonly string[];
  /** Called with each node the walk dispatches, for tests that count work. */
  onVisit?: (node: TS.Node) => void;
}

/** Analyses files with one set of rules and options, caching per unchanged function. */
export class Analyzer {
  private readonly ts: TypeScript;
  private readonly rules: readonly Rule[];
  private readonly severities: ReadonlyMap<string, Exclude<Severity, 'off'>>;
  private readonly shared: SharedOptions;
  private readonly locale: string;
  private cache = new WeakMap<TS.Node, CacheEntry>();
  private cacheKey = '';
  private readonly kinds: Uint8Array;
  private readonly ruleOptions: Readonly<Record<string, unknown>>;
  private readonly statementUnitMin: number;

  constructor(ts: TypeScript, rules: readonly Rule[], options: AnalyzerOptions = {}) {
    this.ts = ts;
    this.kinds = kindTable(ts);
    const severities = new Map<string, Exclude<Severity, 'off'>>();
    for (const rule of rules) {
      const severity = options.rules?.[rule.meta.id] ?? rule.meta.defaultSeverity;
      if (severity !== 'off') severities.set(rule.meta.id, severity);
    }
    this.rules = rules.filter((rule) => severities.has(rule.meta.id));
    this.severities = severities;
    this.shared = { checkThenables: options.checkThenables ?? false };
    this.ruleOptions = options.ruleOptions ?? {};
    this.locale = options.locale ?? 'en';
    this.statementUnitMin = options.incremental === false ? Infinity : STATEMENT_UNIT_MIN;
  }

  /** The ids of the rules this analyzer runs. */
  get enabledRules(): readonly string[] {
    return this.rules.map((rule) => rule.meta.id);
  }

  /** Analyses a file. Never throws: a rule that throws becomes one internal-error finding. */
  analyze(sourceFile: TS.SourceFile, fileOptions: FileOptions = {}): AnalysisResult {
    const skip = new Set(fileOptions.skipRules ?? []);
    const rules = this.rules.filter((rule) => !skip.has(rule.meta.id));
    const key = rules.map((rule) => rule.meta.id).join(',');
    if (key !== this.cacheKey) {
      this.cache = new WeakMap();
      this.cacheKey = key;
    }
    const walk = new Walk(
      this.ts,
      this.kinds,
      sourceFile,
      rules,
      this.shared,
      this.ruleOptions,
      this.cache,
      this.statementUnitMin,
      fileOptions.onVisit,
    );
    const raw = walk.run();
    if (walk.failures.size > 0) this.cache = new WeakMap();
    const findings: Finding[] = [];
    for (const finding of raw) {
      if (walk.failures.has(finding.rule)) continue;
      findings.push(this.toFinding(finding, finding.severity ?? this.severities.get(finding.rule) ?? 'warning'));
    }
    for (const [rule, error] of walk.failures) {
      findings.push(
        this.toFinding(
          { rule, start: error.start, end: error.end, messageId: 'internal-error', data: { rule, error: error.message }, fixes: [] },
          'error',
        ),
      );
    }
    const active = new Set(rules.map((rule) => rule.meta.id));
    const kept = applySuppressions(this.ts, sourceFile, findings, active, (finding) =>
      this.toFinding(finding, 'info'),
    );
    kept.sort(compareFindings);
    return { findings: kept, stats: walk.stats };
  }

  private toFinding(raw: RawFinding, severity: Exclude<Severity, 'off'>): Finding {
    const locale = this.locale;
    return {
      rule: raw.rule,
      severity,
      start: raw.start,
      end: raw.end,
      messageId: raw.messageId,
      data: raw.data,
      message: format(locale, raw.messageId, raw.data),
      why: format(locale, `${raw.messageId}.why`, raw.data),
      fixes: raw.fixes.map((fix) => ({
        titleId: fix.titleId,
        ...(fix.data ? { data: fix.data } : {}),
        title: format(locale, fix.titleId, fix.data ?? {}),
        safety: fix.safety,
        ...(fix.isPreferred ? { isPreferred: true } : {}),
        edits: fix.edits,
      })),
    };
  }
}

/** Orders findings by position, then rule. */
export function compareFindings(a: Finding, b: Finding): number {
  return a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule) || a.messageId.localeCompare(b.messageId);
}

interface Failure {
  message: string;
  start: number;
  end: number;
}

/** Marks, on the walk's stack, that the node below it is being left. */
const EXIT: unique symbol = Symbol('exit');

/** One analysis of one file. */
class Walk {
  readonly failures = new Map<string, Failure>();
  readonly stats: AnalysisStats = { nodesVisited: 0, unitsReused: 0 };
  private readonly visitors: Array<Array<{ rule: string; visit: Visitor }> | undefined> = [];
  private readonly units: ActiveUnit[] = [];
  private readonly fileFindings: RawFinding[] = [];
  private scope: Scope | undefined;
  private currentRule = '';
  private readonly context: RuleContext;

  constructor(
    private readonly ts: TypeScript,
    private readonly kinds: Uint8Array,
    private readonly sourceFile: TS.SourceFile,
    rules: readonly Rule[],
    shared: SharedOptions,
    ruleOptions: Readonly<Record<string, unknown>>,
    private readonly cache: WeakMap<TS.Node, CacheEntry>,
    private readonly statementUnitMin: number,
    private readonly onVisit: ((node: TS.Node) => void) | undefined,
  ) {
    for (const rule of rules) {
      for (const [kindName, visit] of Object.entries(rule.visitors)) {
        const kind = (ts.SyntaxKind as unknown as Record<string, number>)[kindName];
        if (kind === undefined || !visit) continue;
        (this.visitors[kind] ??= []).push({ rule: rule.meta.id, visit });
      }
    }
    const fileName = sourceFile.fileName;
    const walk = this;
    this.context = {
      ts,
      sourceFile,
      options: shared,
      isJavaScript: /\.[cm]?jsx?$/i.test(fileName),
      get scope() {
        return walk.scope;
      },
      get ruleOptions() {
        return ruleOptions[walk.currentRule];
      },
      report: (report) => this.report(report),
      resolve: (name) => this.resolve(name),
      thisMember: (node, name) => this.thisMember(node, name),
      executionContext: (node) => this.executionContext(node, true),
      contextual: () => this.markContextual(),
    };
  }

  run(): RawFinding[] {
    const kinds = this.kinds;
    const statementUnits = this.statementUnitMin !== Infinity;
    const stack: Array<TS.Node | typeof EXIT> = [this.sourceFile];
    const push = (child: TS.Node): void => {
      stack.push(child);
    };
    while (stack.length > 0) {
      const top = stack.pop()!;
      if (top === EXIT) {
        this.exit(stack.pop() as TS.Node);
        continue;
      }
      const node = top;
      const flags = kinds[node.kind]!;
      const statement = statementUnits && !(flags & KIND_FUNCTION) && this.isStatementUnit(node);
      const unit = statement || (flags & KIND_FUNCTION) !== 0;
      if (unit) {
        if (this.reuse(node)) continue;
        const outerDepth = this.scope ? this.scope.depth : -1;
        this.units.push({ node, statement, contextual: false, outerDepth, findings: [], dependencies: new Map() });
      }
      const opensScope = this.opensScope(node, flags);
      if (opensScope) this.scope = openScope(node, this.scope);
      this.dispatch(node);
      if (unit || opensScope) stack.push(node, EXIT);
      const start = stack.length;
      node.forEachChild(push);
      // Children were pushed in source order; reverse them so the first child is walked first.
      reverseTail(stack, start);
    }
    return this.fileFindings;
  }

  /**
   * A direct statement of a body long enough that walking all of it again after an edit costs
   * more than checking each statement's facts: a function body or the file of at least
   * `STATEMENT_UNIT_MIN` statements (never, for an analyzer that is not incremental).
   */
  private isStatementUnit(node: TS.Node): boolean {
    const parent = node.parent;
    if (!parent) return false;
    if (this.ts.isSourceFile(parent)) return parent.statements.length >= this.statementUnitMin;
    if (parent.kind !== this.ts.SyntaxKind.Block || !(parent.parent && this.kinds[parent.parent.kind]! & KIND_FUNCTION)) return false;
    return (parent as TS.Block).statements.length >= this.statementUnitMin;
  }

  /** Every statement being walked depends on its surroundings: none of them is cached. */
  private markContextual(): void {
    for (const unit of this.units) if (unit.statement) unit.contextual = true;
  }

  private opensScope(node: TS.Node, flags: number): boolean {
    if (flags & KIND_SCOPE) return true;
    // A function's body block belongs to the function's scope.
    return (flags & KIND_BLOCK) !== 0 && !(node.parent && this.kinds[node.parent.kind]! & KIND_FUNCTION);
  }

  private exit(node: TS.Node): void {
    if (this.scope?.node === node) this.scope = this.scope.parent;
    if (this.units[this.units.length - 1]?.node !== node) return;
    const unit = this.units.pop()!;
    const dependencies: Dependency[] = [];
    for (const [key, value] of unit.dependencies) dependencies.push({ key, value });
    // A fix that edits outside the unit (an import added at the top of the file) would move
    // with it if it were reused, and may depend on text outside it: not cached.
    if (!unit.contextual && !unit.findings.some((finding) => editsOutside(finding, node))) {
      this.cache.set(node, {
        pos: node.pos,
        findings: unit.findings.map((finding) => shift(finding, -node.pos)),
        dependencies,
      });
    }
    const sink = this.sink();
    for (const finding of unit.findings) sink.push(finding);
  }

  /** Reuses a function's cached findings when it is the same node and its facts still hold. */
  private reuse(node: TS.Node): boolean {
    const entry = this.cache.get(node);
    if (!entry) return false;
    for (const dependency of entry.dependencies) {
      if (this.evaluate(dependency.key, node) !== dependency.value) return false;
    }
    // The facts also count for the enclosing units that are being analysed afresh.
    for (const dependency of entry.dependencies) this.evaluate(dependency.key, node, true);
    this.stats.unitsReused += 1;
    const sink = this.sink();
    for (const finding of entry.findings) sink.push(shift(finding, node.pos));
    return true;
  }

  private evaluate(key: string, node: TS.Node, record = false): string {
    // The execution context of the unit itself: the unit is a synchronous callback.
    if (key === 'x:') return this.executionContext(node, record, true);
    // The execution context around a statement.
    if (key === 'c:') return this.executionContext(node, record);
    const name = key.slice(2);
    if (key.startsWith('t:')) return record ? (this.thisMember(node, name) ?? '') : (this.memberSignature(node, name) ?? '');
    const binding = record ? this.resolve(name) : lookup(this.ts, this.scope, name);
    return binding ? bindingSignature(this.ts, binding) : 'global';
  }

  private sink(): RawFinding[] {
    const unit = this.units[this.units.length - 1];
    return unit ? unit.findings : this.fileFindings;
  }

  private dispatch(node: TS.Node): void {
    this.stats.nodesVisited += 1;
    this.onVisit?.(node);
    const list = this.visitors[node.kind];
    if (!list) return;
    for (const { rule, visit } of list) {
      if (this.failures.has(rule)) continue;
      this.currentRule = rule;
      try {
        visit(node, this.context);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        this.failures.set(rule, { message, start: node.getStart(this.sourceFile), end: node.getEnd() });
      }
    }
  }

  private report(report: Report): void {
    // A finding's fixes read the code around it (is the function async, is this the last statement).
    this.markContextual();
    const start = report.node ? report.node.getStart(this.sourceFile) : (report.start ?? 0);
    const end = report.node ? report.node.getEnd() : (report.end ?? start);
    this.sink().push({
      rule: this.currentRule,
      start,
      end,
      messageId: report.messageId,
      data: report.data ?? {},
      fixes: report.fixes ?? [],
      ...(report.severity ? { severity: report.severity } : {}),
    });
  }

  /** Resolves a name at the current position and records it in every unit it lies outside. */
  private resolve(name: string): Binding | undefined {
    const binding = lookup(this.ts, this.scope, name);
    const depth = binding ? binding.scope.depth : -1;
    let value: string | undefined;
    for (let i = this.units.length - 1; i >= 0; i--) {
      const unit = this.units[i]!;
      if (depth > unit.outerDepth) break;
      value ??= binding ? bindingSignature(this.ts, binding) : 'global';
      unit.dependencies.set(`n:${name}`, value);
    }
    return binding;
  }

  /**
   * See `RuleContext.executionContext`. Looking past a synchronous callback reads its caller,
   * outside the callback: the answer is recorded as that unit's `x:` fact.
   */
  private executionContext(node: TS.Node, record: boolean, isUnit = false): ExecutionContext {
    const ts = this.ts;
    const crossed: TS.Node[] = [];
    let fn: TS.Node | undefined = isUnit ? node : enclosingFunctionOf(ts, this.kinds, node);
    let result: ExecutionContext = 'top';
    while (fn) {
      if (!(this.kinds[fn.kind]! & KIND_FUNCTION)) {
        result = 'sync';
        break;
      }
      if (ts.getModifiers(fn as TS.FunctionLikeDeclaration)?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword)) {
        result = 'async';
        break;
      }
      if (!this.isSyncCallback(fn, record)) {
        result = 'sync';
        break;
      }
      crossed.push(fn);
      fn = enclosingFunctionOf(ts, this.kinds, fn);
      result = 'top';
    }
    if (record) {
      for (const callback of crossed) {
        for (let i = this.units.length - 1; i >= 0; i--) {
          if (this.units[i]!.node === callback) this.units[i]!.dependencies.set('x:', result);
        }
      }
      // A statement whose answer was decided outside it (by the function around it) keeps the
      // answer as its `c:` fact: the same as the execution context at the statement itself.
      for (const unit of this.units) {
        if (unit.statement && (!fn || fn.pos < unit.node.pos || fn.end > unit.node.end)) unit.dependencies.set('c:', result);
      }
    }
    return result;
  }

  /** Whether a function is a callback that its caller runs synchronously. */
  private isSyncCallback(fn: TS.Node, record: boolean): boolean {
    const ts = this.ts;
    let argument: TS.Node = fn;
    while (ts.isParenthesizedExpression(argument.parent)) argument = argument.parent;
    const call = argument.parent;
    if (ts.isNewExpression(call)) {
      const callee = call.expression;
      return (
        call.arguments?.[0] === argument &&
        ts.isIdentifier(callee) &&
        callee.text === 'Promise' &&
        (record ? this.resolve('Promise') : lookup(ts, this.scope, 'Promise')) === undefined
      );
    }
    if (!ts.isCallExpression(call) || !call.arguments.includes(argument as TS.Expression)) return false;
    const callee = call.expression;
    if (!ts.isPropertyAccessExpression(callee)) return false;
    const method = callee.name.text;
    if (method === 'from' && ts.isIdentifier(callee.expression) && callee.expression.text === 'Array') {
      return call.arguments[1] === argument;
    }
    return SYNC_CALLBACK_METHODS.has(method) && call.arguments[0] === argument;
  }

  /** The signature of `this.<name>`, recorded in the units inside the class. */
  private thisMember(node: TS.Node, name: string): string | undefined {
    const cls = this.enclosingClass(node);
    const signature = this.memberSignature(node, name);
    if (!cls) return signature;
    for (let i = this.units.length - 1; i >= 0; i--) {
      const unit = this.units[i]!;
      if (!isInside(unit.node, cls)) break;
      unit.dependencies.set(`t:${name}`, signature ?? '');
    }
    return signature;
  }

  /** The class whose instance `this` is at `node`, if the file shows it. */
  private enclosingClass(node: TS.Node): TS.ClassLikeDeclaration | undefined {
    const ts = this.ts;
    for (let current = node.parent; current; current = current.parent) {
      if (ts.isArrowFunction(current)) continue;
      if (ts.isClassLike(current)) return current;
      if (
        ts.isMethodDeclaration(current) ||
        ts.isConstructorDeclaration(current) ||
        ts.isGetAccessor(current) ||
        ts.isSetAccessor(current) ||
        ts.isPropertyDeclaration(current)
      ) {
        // A method of an object literal: `this` is that object, not an instance of a class.
        if (!ts.isClassLike(current.parent)) return undefined;
        // `static` members see the constructor, not an instance.
        if (ts.getModifiers(current)?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword)) return undefined;
        continue;
      }
      if (isFunctionLike(ts, current) || ts.isClassStaticBlockDeclaration(current)) return undefined;
    }
    return undefined;
  }

  private memberSignature(node: TS.Node, name: string): string | undefined {
    const ts = this.ts;
    const cls = this.enclosingClass(node);
    if (!cls) return undefined;
    for (const member of cls.members) {
      if (!member.name || !ts.isIdentifier(member.name) || member.name.text !== name) continue;
      if (ts.canHaveModifiers(member) && ts.getModifiers(member)?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword)) continue;
      if (ts.isMethodDeclaration(member)) return returnsPromise(ts, member) ? 'fn:promise' : 'other';
      if (ts.isPropertyDeclaration(member)) {
        if (member.type) {
          if (isPromiseTypeNode(ts, member.type)) return 'val:promise';
          return isPromiseFunctionTypeNode(ts, member.type) ? 'fn:promise' : 'other';
        }
        const initializer = member.initializer;
        if (initializer && (ts.isArrowFunction(initializer) || ts.isFunctionExpression(initializer))) {
          return returnsPromise(ts, initializer) ? 'fn:promise' : 'other';
        }
        return 'other';
      }
      return 'other';
    }
    return undefined;
  }
}

/** How many statements a body needs before its direct statements are cached one by one. */
const STATEMENT_UNIT_MIN = 16;

/** Array methods that call their first argument synchronously. */
const SYNC_CALLBACK_METHODS: ReadonlySet<string> = new Set([
  'map', 'forEach', 'filter', 'reduce', 'reduceRight', 'some', 'every', 'find', 'findIndex', 'findLast',
  'findLastIndex', 'flatMap', 'sort',
]);

/** The nearest function-like ancestor, a class field or static block (as a non-function), or none. */
function enclosingFunctionOf(ts: TypeScript, kinds: Uint8Array, node: TS.Node): TS.Node | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (kinds[current.kind]! & KIND_FUNCTION) return current;
    if (ts.isClassStaticBlockDeclaration(current) || ts.isPropertyDeclaration(current)) return current;
    if (ts.isSourceFile(current)) return undefined;
  }
  return undefined;
}

function isInside(node: TS.Node, ancestor: TS.Node): boolean {
  for (let current: TS.Node | undefined = node.parent; current; current = current.parent) {
    if (current === ancestor) return true;
  }
  return false;
}

function reverseTail<T>(items: T[], start: number): void {
  for (let i = start, j = items.length - 1; i < j; i++, j--) {
    const item = items[i]!;
    items[i] = items[j]!;
    items[j] = item;
  }
}

function editsOutside(finding: RawFinding, node: TS.Node): boolean {
  return finding.fixes.some((fix) => fix.edits.some((edit) => edit.start < node.pos || edit.end > node.end));
}

function shift(finding: RawFinding, delta: number): RawFinding {
  if (delta === 0) return finding;
  return {
    ...finding,
    start: finding.start + delta,
    end: finding.end + delta,
    fixes: finding.fixes.map((fix) => ({
      ...fix,
      edits: fix.edits.map((edit) => ({ ...edit, start: edit.start + delta, end: edit.end + delta })),
    })),
  };
}
