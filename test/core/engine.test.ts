import { strict as assert } from 'node:assert';
import * as ts from 'typescript';
import { Analyzer, parse, RULES } from '../../src/core';
import type { Rule } from '../../src/core';
import { analyzeText, applyFix } from '../support/harness';

const LOAD = 'async function load() {}\n';

function brief(text: string, fileName = 'a.ts'): string[] {
  return analyzeText(text, fileName).map((f) => `${f.line}:${f.column} ${f.rule} ${f.messageId}`);
}

describe('suppression comments', () => {
  it('disable-next-line silences the named rule on the next line only', () => {
    const text = `${LOAD}async function main() {\n  // async-lens-disable-next-line floating-promise\n  load();\n  load();\n}\n`;
    assert.deepEqual(brief(text), ['5:3 floating-promise floating-promise.floating']);
  });

  it('disable-line silences findings on its own line, and a reason follows `--`', () => {
    const text = `${LOAD}async function main() {\n  load(); // async-lens-disable-line floating-promise -- fire and forget\n}\n`;
    assert.deepEqual(brief(text), []);
  });

  it('a directive without ids silences every rule on that line', () => {
    const text = `${LOAD}async function main() {\n  // async-lens-disable-next-line\n  load();\n}\n`;
    assert.deepEqual(brief(text), []);
  });

  it('the block form silences a rule for the whole file', () => {
    const text = `/* async-lens-disable floating-promise */\n${LOAD}async function main() {\n  load();\n  Promise.all([load()]);\n}\n`;
    assert.deepEqual(brief(text), ['5:3 unawaited-promise-all unawaited-promise-all.bare']);
  });

  it('a directive for another rule does not silence this one', () => {
    const text = `${LOAD}async function main() {\n  load(); // async-lens-disable-line unawaited-promise-all\n}\n`;
    assert.deepEqual(brief(text), [
      '3:3 floating-promise floating-promise.floating',
      '3:11 unawaited-promise-all unused-suppression',
    ]);
  });

  it('reports an unused suppression with an unsafe fix that removes its line', () => {
    const text = `${LOAD}async function main() {\n  // async-lens-disable-next-line floating-promise\n  await load();\n}\n`;
    const found = analyzeText(text);
    assert.deepEqual(
      found.map((f) => [f.line, f.column, f.rule, f.messageId, f.finding.severity, f.message]),
      [[3, 3, 'floating-promise', 'unused-suppression', 'info', 'This suppression of `floating-promise` suppresses nothing.']],
    );
    const fix = found[0]!.finding.fixes[0]!;
    assert.equal(fix.safety, 'unsafe');
    assert.equal(applyFix(text, fix), `${LOAD}async function main() {\n  await load();\n}\n`);
  });

  it('removes only the unused id from a directive that lists two', () => {
    const text = `${LOAD}async function main() {\n  load(); // async-lens-disable-line floating-promise, unawaited-promise-all\n}\n`;
    const found = analyzeText(text);
    assert.deepEqual(found.map((f) => f.messageId), ['unused-suppression']);
    assert.equal(
      applyFix(text, found[0]!.finding.fixes[0]!),
      `${LOAD}async function main() {\n  load(); // async-lens-disable-line floating-promise\n}\n`,
    );
  });

  it('does not report an unused suppression of a rule that is off', () => {
    const text = `${LOAD}async function main() {\n  // async-lens-disable-next-line floating-promise\n  await load();\n}\n`;
    assert.deepEqual(analyzeText(text, 'a.ts', { rules: { 'floating-promise': 'off' } }), []);
  });

  it('does not report an unused suppression of a rule skipped for the file', () => {
    const text = `${LOAD}async function main() {\n  // async-lens-disable-next-line floating-promise\n  await load();\n}\n`;
    const parsed = parse(ts, 'a.test.ts', text);
    assert.ok('sourceFile' in parsed);
    const { findings } = new Analyzer(ts, RULES).analyze(parsed.sourceFile, { skipRules: ['floating-promise'] });
    assert.deepEqual(findings, []);
  });

  it('ignores directive text inside a string', () => {
    const text = `${LOAD}async function main() {\n  const s = "// async-lens-disable-next-line floating-promise";\n  load();\n}\n`;
    assert.deepEqual(brief(text), ['4:3 floating-promise floating-promise.floating']);
  });
});

describe('isolation of a failing rule', () => {
  const exploding: Rule = {
    meta: {
      id: 'exploding',
      description: 'Throws on every call expression.',
      defaultSeverity: 'warning',
      messageIds: [],
      fixes: {},
    },
    visitors: {
      CallExpression() {
        throw new Error('boom');
      },
    },
  };

  it('yields one internal-error finding for that rule and keeps the other rules', () => {
    const text = `${LOAD}async function main() {\n  load();\n  load();\n}\n`;
    const parsed = parse(ts, 'a.ts', text);
    assert.ok('sourceFile' in parsed);
    const { findings } = new Analyzer(ts, [...RULES, exploding]).analyze(parsed.sourceFile);
    assert.deepEqual(
      findings.map((f) => [f.rule, f.severity, f.messageId, f.message]),
      [
        // At the first call: the same range as the first finding, and `exploding` sorts first.
        ['exploding', 'error', 'internal-error', 'Rule `exploding` failed on this file: boom'],
        ['floating-promise', 'warning', 'floating-promise.floating', 'The promise from `load(…)` is dropped: it is not awaited, returned or given a rejection handler.'],
        ['floating-promise', 'warning', 'floating-promise.floating', 'The promise from `load(…)` is dropped: it is not awaited, returned or given a rejection handler.'],
      ],
    );
  });
});

describe('bad input', () => {
  it('still reports in a file with syntax errors elsewhere', () => {
    const text = `${LOAD}function broken( {\n  const = ;\n}\nasync function main() {\n  load();\n}\n`;
    assert.ok(brief(text).includes('6:3 floating-promise floating-promise.floating'), brief(text).join('\n'));
  });

  it('reports half-typed code as the user types it', () => {
    const text = `${LOAD}async function main() {\n  load();\n  if (`;
    assert.deepEqual(brief(text), ['3:3 floating-promise floating-promise.floating']);
  });

  it('skips a file nested too deep for the parser instead of throwing', () => {
    const text = `const x = ${'('.repeat(20000)}1${')'.repeat(20000)};\n`;
    const result = parse(ts, 'deep.ts', text);
    assert.deepEqual(result, { skipped: 'nesting too deep' });
  });

  it('walks deeply nested code that parses without overflowing the stack', () => {
    const depth = 600;
    const text = `${LOAD}async function main() {\n${'{'.repeat(depth)} load(); ${'}'.repeat(depth)}\n}\n`;
    assert.deepEqual(brief(text), [`3:${depth + 2} floating-promise floating-promise.floating`]);
  });

  it('returns findings or none for arbitrary bytes, never throws', () => {
    const samples = ['\u0000\u0001\u0002', '\uFFFD'.repeat(50), 'async async async (((', '`${`${`', '/*', '<div>{</div>'];
    for (const sample of samples) {
      for (const fileName of ['a.ts', 'a.tsx', 'a.js']) assert.doesNotThrow(() => analyzeText(sample, fileName));
    }
  });
});
