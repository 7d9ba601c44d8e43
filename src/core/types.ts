// The core's vocabulary: findings, fixes, rules and the options a host passes in.
// Nothing here imports a value from `typescript`: a host hands the `ts` module in.
import type * as TS from 'typescript';

/** The `typescript` module a host passes to the core. */
export type TypeScript = typeof TS;

/** How loudly a finding is reported; `off` disables a rule. */
export type Severity = 'error' | 'warning' | 'info' | 'off';

/** A replacement of the text between two offsets of the analysed text. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/** Whether a fix may be applied without a person looking (fix-all, `--fix`). */
export type FixSafety = 'safe' | 'unsafe';

/** One way to resolve a finding. */
export interface Fix {
  /** Message id of the title in the catalog. */
  titleId: string;
  /** Placeholder values for the title. */
  data?: Record<string, string>;
  /** The title, formatted in the analysis locale. */
  title: string;
  safety: FixSafety;
  /** At most one fix of a finding is preferred: the first one an editor offers. */
  isPreferred?: boolean;
  edits: TextEdit[];
}

/** One thing a rule reports. Offsets index the analysed text. */
export interface Finding {
  rule: string;
  severity: Exclude<Severity, 'off'>;
  start: number;
  end: number;
  messageId: string;
  data: Record<string, string>;
  /** The message (what), formatted in the analysis locale. */
  message: string;
  /** The why-note: the consequence, in one or two sentences. */
  why: string;
  fixes: Fix[];
}

/** A finding as a rule reports it, before severity, wording and ordering are applied. */
export interface RawFinding {
  rule: string;
  start: number;
  end: number;
  messageId: string;
  data: Record<string, string>;
  fixes: RawFix[];
  /** A lower severity for this finding than the rule's (for example `info` for a cheap call). */
  severity?: 'info';
}

/** A fix as a rule reports it. */
export interface RawFix {
  titleId: string;
  data?: Record<string, string>;
  safety: FixSafety;
  isPreferred?: boolean;
  edits: TextEdit[];
}

/** The static description of a rule. */
export interface RuleMeta {
  id: string;
  /** One line: what the rule flags. */
  description: string;
  defaultSeverity: Exclude<Severity, 'off'>;
  /** The message ids the rule reports with (each has a why-note `<id>.why`). */
  messageIds: readonly string[];
  /** The safety of each fix the rule can offer, by title id. */
  fixes: Readonly<Record<string, FixSafety>>;
  /** The peer rule that inspired it, if any. */
  inspiredBy?: string;
  /** Hosts skip the rule for test files (`isTestFile`) unless asked to include them. */
  skipsTestFiles?: boolean;
}

/** Options every rule can read. */
export interface SharedOptions {
  /** Treat any thenable (`x.then(f)`) as a promise, not only the built-in `Promise`. */
  checkThenables: boolean;
}

/** What the analyzer is asked to do. */
export interface AnalyzerOptions {
  /** Per-rule severity; a rule left out runs at its default severity. */
  rules?: Record<string, Severity>;
  checkThenables?: boolean;
  /** Options of individual rules, by rule id; each rule documents and validates its own. */
  ruleOptions?: Readonly<Record<string, unknown>>;
  /** Locale of messages; `en` is the default. */
  locale?: string;
  /** Rules to skip for this file (for example a rule that skips test files). */
  skipRules?: readonly string[];
  /**
   * Whether the same files will be analysed again after edits (an editor). Then the direct
   * statements of long bodies are cached one by one as well as functions; a host that analyses
   * each file once (the CLI) saves that bookkeeping with `false`. Default: true.
   */
  incremental?: boolean;
}
