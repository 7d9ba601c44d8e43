// The contract between the analyzer and a rule: metadata plus visitors keyed by syntax kind name.
import type * as TS from 'typescript';
import type { NameResolver } from './promise';
import type { Binding, Scope } from './scope';
import type { RawFix, RuleMeta, SharedOptions, TypeScript } from './types';

/** What a rule reports; `node` or `start`/`end` give the range. */
export interface Report {
  node?: TS.Node;
  start?: number;
  end?: number;
  messageId: string;
  data?: Record<string, string>;
  fixes?: RawFix[];
  /** Report at `info` whatever the rule's severity (DESIGN: metadata calls of blocking-in-async). */
  severity?: 'info';
}

/** What a visitor may read and do. */
export interface RuleContext extends NameResolver {
  readonly ts: TypeScript;
  readonly sourceFile: TS.SourceFile;
  readonly options: SharedOptions;
  /** True for JavaScript files (no type annotations in fixes). */
  readonly isJavaScript: boolean;
  /** The options the host gave the running rule (`AnalyzerOptions.ruleOptions[id]`), if any. */
  readonly ruleOptions: unknown;
  /** The innermost scope at the visited node. */
  readonly scope: Scope | undefined;
  report(report: Report): void;
  /** Resolves a name at the visited node and records the fact for cache validation. */
  resolve(name: string): Binding | undefined;
  /**
   * How code at `node` runs: `async` inside an async function, or inside a callback that one
   * runs synchronously (array methods, `Array.from`'s mapper, a `new Promise` executor);
   * `sync` in any other function; `top` at module level. Recorded for cache validation.
   */
  executionContext(node: TS.Node): ExecutionContext;
  /**
   * Says that what the visitor decides depends on code outside the statement being walked that
   * no recorded fact captures (the references of a local, the loop or function around the node,
   * the statements beside it): the analyzer then does not reuse that statement's findings on
   * their own. `report` implies it (fixes read the code around a finding); `executionContext`
   * and `resolve` are recorded as facts instead. Call it before any such read, also on the way
   * to deciding there is nothing to report.
   */
  contextual(): void;
}

/** See `RuleContext.executionContext`. */
export type ExecutionContext = 'async' | 'sync' | 'top';

/** A visitor for one syntax kind. */
export type Visitor = (node: TS.Node, context: RuleContext) => void;

/** A rule: metadata and visitors by `ts.SyntaxKind` name (for example `ExpressionStatement`). */
export interface Rule {
  meta: RuleMeta;
  visitors: Readonly<Partial<Record<keyof typeof TS.SyntaxKind, Visitor>>>;
}
