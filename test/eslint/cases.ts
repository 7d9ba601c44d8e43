// The core's case tables (test/cases) as ESLint RuleTester cases: one source of cases for both
// hosts. A finding's safe fix is the ESLint `output`, its other fixes are `suggestions`.
import ts = require('typescript');
import type { RuleTester } from 'eslint';
import * as asyncCallbackIgnored from '../cases/async-callback-ignored';
import * as awaitInLoop from '../cases/await-in-loop';
import * as blockingInAsync from '../cases/blocking-in-async';
import * as floatingPromise from '../cases/floating-promise';
import * as unawaitedPromiseAll from '../cases/unawaited-promise-all';
import { readSettings } from '../../src/eslint/settings';
import type { ExpectedFinding, ExpectedFix, InvalidCase, ValidCase } from '../cases/types';

/** Every rule's table, by rule id. */
export const TABLES: Readonly<Record<string, { valid: readonly ValidCase[]; invalid: readonly InvalidCase[] }>> = {
  'async-callback-ignored': asyncCallbackIgnored,
  'await-in-loop': awaitInLoop,
  'blocking-in-async': blockingInAsync,
  'floating-promise': floatingPromise,
  'unawaited-promise-all': unawaitedPromiseAll,
};

/** A rule's cases in RuleTester's terms, and the table cases ESLint cannot run as they are. */
export interface EslintCases {
  valid: RuleTester.ValidTestCase[];
  invalid: RuleTester.InvalidTestCase[];
  /** Cases with syntax errors: TypeScript recovers and the core still reports, typescript-estree refuses them. */
  unparsable: ValidCase[];
  /** Cases whose options the plugin refuses (the core leaves validation to its hosts). */
  refused: ValidCase[];
}

/** The table of `rule` for ESLint's RuleTester. */
export function eslintCases(rule: string): EslintCases {
  const table = TABLES[rule];
  if (!table) throw new Error(`no case table for ${rule}`);
  const cases = [...table.valid, ...table.invalid];
  const unparsable = cases.filter(hasSyntaxErrors);
  const refused = cases.filter((testCase) => !hasSyntaxErrors(testCase) && isRefused(testCase));
  const runnable = (testCase: ValidCase): boolean => !unparsable.includes(testCase) && !refused.includes(testCase);
  return {
    valid: table.valid.filter(runnable).map((testCase) => ({ ...common(testCase) })),
    invalid: table.invalid.filter(runnable).map(invalidCase),
    unparsable,
    refused,
  };
}

/** The settings a case becomes, as ESLint's `settings`; undefined when it needs none. */
export function eslintSettings(testCase: ValidCase): { asyncLens: Record<string, unknown> } | undefined {
  const settings = settingsOf(testCase);
  return settings ? { asyncLens: settings } : undefined;
}

/** Whether the plugin refuses a case's settings. */
function isRefused(testCase: ValidCase): boolean {
  try {
    readSettings(eslintSettings(testCase));
    return false;
  } catch {
    return true;
  }
}

/** The file name a case is analysed as: the core tester's default is `test.ts`. */
export function fileNameOf(testCase: ValidCase): string {
  return testCase.fileName ?? 'test.ts';
}

/** Whether TypeScript's parser reports a syntax error in a case's code. */
export function hasSyntaxErrors(testCase: ValidCase): boolean {
  const fileName = fileNameOf(testCase);
  const kind = /\.[cm]?jsx?$/i.test(fileName) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  const sourceFile = ts.createSourceFile(fileName, testCase.code, ts.ScriptTarget.Latest, true, kind);
  return (sourceFile as unknown as { parseDiagnostics: readonly unknown[] }).parseDiagnostics.length > 0;
}

/** The parts every case has: name, code, file name, and the core options as `settings.asyncLens`. */
function common(testCase: ValidCase): RuleTester.ValidTestCase {
  const result: RuleTester.ValidTestCase = { name: testCase.name, code: testCase.code, filename: fileNameOf(testCase) };
  const settings = eslintSettings(testCase);
  if (settings) result.settings = settings;
  return result;
}

/** The core's `AnalyzerOptions` of a case as the plugin's settings; anything else is refused. */
function settingsOf(testCase: ValidCase): Record<string, unknown> | undefined {
  const options = testCase.options;
  if (!options) return undefined;
  const settings: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options)) {
    if (key === 'checkThenables') settings.checkThenables = value;
    else if (key === 'ruleOptions') {
      for (const [rule, ruleOptions] of Object.entries(value as Record<string, unknown>)) {
        const additions = (ruleOptions as { additions?: unknown }).additions;
        if (rule !== 'blocking-in-async' || Object.keys(ruleOptions as object).join() !== 'additions') {
          throw new Error(`${testCase.name}: no ESLint setting for ruleOptions of ${rule}`);
        }
        settings.blockingCalls = additions;
      }
    } else throw new Error(`${testCase.name}: no ESLint setting for the option ${key}`);
  }
  return settings;
}

function invalidCase(testCase: InvalidCase): RuleTester.InvalidTestCase {
  const chosen = testCase.findings.map(safeFixOf);
  const outputs = chosen.filter((fix): fix is ExpectedFix => fix !== undefined).map((fix) => fix.output);
  return {
    ...common(testCase),
    errors: testCase.findings.map((finding, index) => errorOf(finding, chosen[index])),
    output: outputs.length === 0 ? null : combine(testCase.code, outputs),
  };
}

/** A finding as a RuleTester error: its place, message id, and every fix but the applied one as a suggestion. */
function errorOf(finding: ExpectedFinding, applied: ExpectedFix | undefined): RuleTester.TestCaseError {
  return {
    messageId: finding.messageId,
    line: finding.line,
    column: finding.column,
    endLine: finding.endLine,
    endColumn: finding.endColumn,
    suggestions: finding.fixes.filter((fix) => fix !== applied).map((fix) => ({ messageId: fix.titleId, output: fix.output })),
  };
}

/** The fix ESLint applies itself: the preferred safe fix, else the first safe one. */
function safeFixOf(finding: ExpectedFinding): ExpectedFix | undefined {
  const safe = finding.fixes.filter((fix) => fix.safety === 'safe');
  return safe.find((fix) => fix.preferred) ?? safe[0];
}

/**
 * The text after ESLint applies several fixes in one pass. Each table output is the whole text
 * after one fix; its edit is the span between the common prefix and suffix with the code.
 */
function combine(code: string, outputs: readonly string[]): string {
  if (outputs.length === 1) return outputs[0]!;
  const edits = outputs.map((output) => {
    let start = 0;
    while (start < code.length && start < output.length && code[start] === output[start]) start++;
    let end = 0;
    while (end < code.length - start && end < output.length - start && code[code.length - 1 - end] === output[output.length - 1 - end]) end++;
    return { start, end: code.length - end, text: output.slice(start, output.length - end) };
  });
  edits.sort((a, b) => b.start - a.start);
  let result = code;
  for (const [index, edit] of edits.entries()) {
    const previous = edits[index - 1];
    if (previous && edit.end > previous.start) throw new Error('overlapping safe fixes: ESLint would apply one of them per pass');
    result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  }
  return result;
}
