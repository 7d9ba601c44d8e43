// blocking-in-async and the incremental cache: a finding inside a synchronous callback depends on
// whether the function around the callback is async, which the cache records as the callback's
// execution context; editing `async` away and back must give what a fresh analysis gives.
import { strict as assert } from 'node:assert';
import ts = require('typescript');
import type * as TS from 'typescript';
import { Analyzer, RULES } from '../../../src/core';
import type { Finding } from '../../../src/core';
import { edited, parsed } from '../../support/harness';

const RULE = 'blocking-in-async';

function summary(findings: readonly Finding[]): string[] {
  return findings.filter((f) => f.rule === RULE).map((f) => `${f.start}-${f.end}:${f.messageId}:${f.severity}`);
}

function fresh(sourceFile: TS.SourceFile): string[] {
  return summary(new Analyzer(ts, RULES).analyze(parsed(sourceFile.text)).findings);
}

describe('blocking-in-async: incremental analysis', () => {
  it('drops the finding in items.map((x) => readFileSync(x)) when main stops being async, and restores it', () => {
    const text = [
      "import { readFileSync } from 'node:fs';",
      'async function main(items: string[]) {',
      '  return items.map((x) => readFileSync(x));',
      '}',
      'function unrelated() { return 1; }',
      '',
    ].join('\n');
    const analyzer = new Analyzer(ts, RULES);
    const first = parsed(text);
    const at = text.indexOf('readFileSync(x)');
    assert.deepEqual(summary(analyzer.analyze(first).findings), [`${at}-${at + 'readFileSync(x)'.length}:${RULE}.blocking-call:warning`]);

    const asyncAt = text.indexOf('async function main');
    const second = edited(first, { start: asyncAt, length: 'async '.length, text: '' });
    const afterRemoval = analyzer.analyze(second);
    assert.deepEqual(summary(afterRemoval.findings), []);
    assert.deepEqual(summary(afterRemoval.findings), fresh(second));
    assert.ok(afterRemoval.stats.unitsReused >= 1, '`unrelated` is reused');

    const third = edited(second, { start: asyncAt, length: 0, text: 'async ' });
    const afterRestore = analyzer.analyze(third);
    assert.equal(summary(afterRestore.findings).length, 1);
    assert.deepEqual(summary(afterRestore.findings), fresh(third));
  });

  it('re-analyses a cached async function when its import of readFileSync changes module', () => {
    const text = ["import { readFileSync } from 'node:fs';", 'async function main() {', "  return readFileSync('a');", '}', ''].join('\n');
    const analyzer = new Analyzer(ts, RULES);
    const first = parsed(text);
    assert.equal(summary(analyzer.analyze(first).findings).length, 1);
    const at = text.indexOf("'node:fs'");
    const second = edited(first, { start: at, length: "'node:fs'".length, text: "'memfs'" });
    const result = analyzer.analyze(second);
    assert.deepEqual(summary(result.findings), []);
    assert.deepEqual(summary(result.findings), fresh(second));
  });
});
