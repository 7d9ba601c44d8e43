import { strict as assert } from 'node:assert';
import { analyzeText } from '../support/harness';

describe('analyzer', () => {
  it('reports a dropped call of a local async function', () => {
    const found = analyzeText('async function load() {}\nasync function main() {\n  load();\n}\n');
    assert.deepEqual(
      found.map((f) => [f.rule, f.line, f.column, f.endColumn]),
      [['floating-promise', 3, 3, 9]],
    );
  });
});
