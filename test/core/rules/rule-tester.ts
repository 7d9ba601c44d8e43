// A small case-table runner for one rule, in the manner of typescript-eslint's RuleTester: each
// valid case must give no finding of the rule; each invalid case must give exactly the listed
// findings, each with exactly the listed fixes and the full text after applying each one.
import { strict as assert } from 'node:assert';
import ts = require('typescript');
import type { CaseGroup, ExpectedFinding, InvalidCase, ValidCase } from '../../cases/types';
import { analyzeRule, applyFix } from '../../support/harness';

export type { ExpectedFinding, ExpectedFix, InvalidCase, ValidCase } from '../../cases/types';

/** Registers a table: one `describe` per group, one test per case. */
export function runGroups(rule: string, groups: readonly CaseGroup[]): void {
  for (const group of groups) {
    describe(group.title, () => {
      if ('valid' in group) runValid(rule, group.valid);
      else runInvalid(rule, group.invalid);
    });
  }
}

/** Registers one mocha test per valid case. */
export function runValid(rule: string, cases: readonly ValidCase[]): void {
  for (const testCase of cases) {
    it(testCase.name, () => {
      const found = analyzeRule(rule, testCase.code, testCase.fileName, testCase.options);
      assert.deepEqual(
        found.map((f) => `${f.line}:${f.column} ${f.messageId}`),
        [],
        `expected no ${rule} finding in:\n${testCase.code}`,
      );
    });
  }
}

/**
 * Registers one mocha test per invalid case: the findings and fixes as stated, and for every
 * fix, DESIGN's contract: the output parses without new syntax errors, and re-analysing it
 * gives the rule's other findings (moved by the edits) and no new one.
 */
export function runInvalid(rule: string, cases: readonly InvalidCase[]): void {
  for (const testCase of cases) {
    it(testCase.name, () => {
      const { code, fileName = 'test.ts', options } = testCase;
      const found = analyzeRule(rule, code, fileName, options);
      const actual: ExpectedFinding[] = found.map((f) => ({
        line: f.line,
        column: f.column,
        endLine: f.endLine,
        endColumn: f.endColumn,
        messageId: f.messageId,
        fixes: f.finding.fixes.map((fix) => ({
          titleId: fix.titleId,
          safety: fix.safety,
          preferred: fix.isPreferred === true,
          output: applyFix(code, fix),
        })),
      }));
      assert.deepEqual(actual, testCase.findings);

      const syntaxErrorsBefore = syntaxErrors(code, fileName);
      for (const [index, located] of found.entries()) {
        const others = found.filter((_, i) => i !== index).map((f) => f.finding.start);
        for (const fix of located.finding.fixes) {
          const output = applyFix(code, fix);
          assert.ok(
            syntaxErrors(output, fileName) <= syntaxErrorsBefore,
            `fix ${fix.titleId} adds a syntax error:\n${output}`,
          );
          const after = analyzeRule(rule, output, fileName, options).map((f) => f.finding.start);
          const expected = others.map((start) => movedBy(start, fix.edits));
          assert.deepEqual(
            after.sort((a, b) => a - b),
            expected.sort((a, b) => a - b),
            `fix ${fix.titleId} must remove its finding and add none of ${rule}:\n${output}`,
          );
        }
      }
    });
  }
}

/** The number of syntax errors TypeScript's parser reports for a text. */
function syntaxErrors(text: string, fileName: string): number {
  const kind = /\.[cm]?jsx?$/i.test(fileName) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  const sourceFile = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, kind);
  return (sourceFile as unknown as { parseDiagnostics: readonly ts.Diagnostic[] }).parseDiagnostics.length;
}

/** Where an offset outside the edited ranges lands after the edits. */
function movedBy(offset: number, edits: readonly { start: number; end: number; newText: string }[]): number {
  let moved = offset;
  for (const edit of edits) {
    if (edit.end <= offset) moved += edit.newText.length - (edit.end - edit.start);
  }
  return moved;
}
