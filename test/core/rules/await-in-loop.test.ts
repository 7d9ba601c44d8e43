// await-in-loop: the case table (test/cases/await-in-loop.ts), then the tests that need more than a table.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyzeRule } from '../../support/harness';
import { groups } from '../../cases/await-in-loop';
import { runGroups } from './rule-tester';

const RULE = 'await-in-loop';

describe('await-in-loop', () => {
  runGroups(RULE, groups);

  describe('fixtures', () => {
    const folder = path.join(__dirname, '..', '..', 'fixtures', RULE);
    for (const [file, reports] of [
      ['should-report.ts', true],
      ['should-not-report.ts', false],
    ] as const) {
      it(`${file}: findings exactly on the lines marked // ${RULE}`, () => {
        const text = readFileSync(path.join(folder, file), 'utf8');
        const marked = text
          .split('\n')
          .map((line, i) => (line.trimEnd().endsWith(`// ${RULE}`) ? i + 1 : 0))
          .filter((line) => line > 0);
        assert.equal(marked.length > 0, reports);
        assert.deepEqual(
          analyzeRule(RULE, text, file).map((f) => f.line),
          marked,
        );
      });
    }
  });
});
