// The shape of a rule's case table, shared by the core's tests (`test/core/rules`) and the ESLint
// plugin's RuleTester suite (`test/eslint`): one source of cases for both hosts.
import type { AnalyzerOptions, FixSafety } from '../../src/core';

/** A case that must give no finding of the rule. */
export interface ValidCase {
  /** What the case shows; the test title. */
  name: string;
  code: string;
  fileName?: string;
  options?: AnalyzerOptions;
}

/** One fix a finding must offer, in order. */
export interface ExpectedFix {
  titleId: string;
  safety: FixSafety;
  preferred: boolean;
  /** The whole text after applying the fix. */
  output: string;
}

/** One finding an invalid case must give. 1-based lines and columns; the end is exclusive. */
export interface ExpectedFinding {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  messageId: string;
  /** Every fix offered, in the order offered; `[]` when none is legal. */
  fixes: ExpectedFix[];
}

/** A case that must give exactly these findings of the rule. */
export interface InvalidCase extends ValidCase {
  findings: ExpectedFinding[];
}

/** Cases that show one behaviour: a `describe` title and its valid or its invalid cases. */
export type CaseGroup = { title: string; valid: readonly ValidCase[] } | { title: string; invalid: readonly InvalidCase[] };

/** Every valid and every invalid case of a table, in table order. */
export function casesOf(groups: readonly CaseGroup[]): { valid: ValidCase[]; invalid: InvalidCase[] } {
  const valid: ValidCase[] = [];
  const invalid: InvalidCase[] = [];
  for (const group of groups) {
    if ('valid' in group) valid.push(...group.valid);
    else invalid.push(...group.invalid);
  }
  return { valid, invalid };
}
