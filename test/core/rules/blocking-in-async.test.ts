// blocking-in-async: the case table (test/cases/blocking-in-async.ts), then the tests that need more than a table.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseBlockingCall, parseBlockingCallOptions } from '../../../src/core/rules/blocking-in-async';
import { analyzeRule, analyzeText } from '../../support/harness';
import { groups } from '../../cases/blocking-in-async';
import { runGroups } from './rule-tester';

const RULE = 'blocking-in-async';

describe('blocking-in-async', () => {
  runGroups(RULE, groups);

  describe('severity: heavy calls are warnings, metadata calls info', () => {
    it('gives readFileSync a warning and existsSync info in one async function', () => {
      const code = `import { existsSync, readFileSync } from 'node:fs';

async function load(path: string): Promise<string> {
  return existsSync(path) ? readFileSync(path, 'utf8') : '';
}
`;
      assert.deepEqual(
        analyzeRule(RULE, code).map((f) => [f.finding.severity, f.message]),
        [
          ['info', '`existsSync` briefly blocks the event loop inside async code; `access` or `stat` from `node:fs/promises` does not.'],
          [
            'warning',
            '`readFileSync` blocks the event loop inside async code; `readFile` from `node:fs/promises` does the same work without blocking.',
          ],
        ],
      );
    });

    it('keeps metadata calls at info when the rule is raised to error', () => {
      const code = `import { statSync, writeFileSync } from 'node:fs';

async function touch(path: string): Promise<void> {
  if (statSync(path).size === 0) writeFileSync(path, 'x');
}
`;
      const found = analyzeRule(RULE, code, 'test.ts', { rules: { [RULE]: 'error' } });
      assert.deepEqual(found.map((f) => f.finding.severity), ['info', 'error']);
    });

    it('shows a user addition with its replacement, as a warning', () => {
      const code = `import { querySync } from 'odbc-sync';\n\nasync function main(): Promise<void> {\n  querySync('select 1');\n}\n`;
      const found = analyzeRule(RULE, code, 'test.ts', {
        ruleOptions: { [RULE]: { additions: ['node:odbc-sync.querySync -> `query` from `odbc`'] } },
      });
      assert.deepEqual(
        found.map((f) => [f.finding.severity, f.message]),
        [['warning', '`querySync` blocks the event loop inside async code; `query` from `odbc` does the same work without blocking.']],
      );
    });
  });

  describe('options: module.call -> replacement', () => {
    it('parses an entry; the module is everything before the last dot', () => {
      assert.deepEqual(parseBlockingCall('better-sqlite3.exec -> a worker thread'), {
        module: 'better-sqlite3',
        name: 'exec',
        replacement: 'a worker thread',
      });
      assert.deepEqual(parseBlockingCall('  @scope/db.v2.querySync->query  '), {
        module: '@scope/db.v2',
        name: 'querySync',
        replacement: 'query',
      });
      assert.deepEqual(parseBlockingCall('node:fs.readvSync -> filehandle.readv'), {
        module: 'fs',
        name: 'readvSync',
        replacement: 'filehandle.readv',
      });
    });

    it('refuses malformed entries with a one-line explanation', () => {
      for (const entry of ['querySync', 'odbc.querySync', 'odbc.querySync ->', '.querySync -> query', 'odbc. -> query', 'odbc.query-sync -> x']) {
        const result = parseBlockingCall(entry);
        assert.equal(typeof result, 'string', entry);
        assert.match(result as string, /expected 'module\.call -> replacement'/);
      }
    });

    it('validates the options object', () => {
      assert.deepEqual(parseBlockingCallOptions(undefined), { additions: [] });
      assert.deepEqual(parseBlockingCallOptions({}), { additions: [] });
      assert.equal(typeof parseBlockingCallOptions('x'), 'string');
      assert.equal(typeof parseBlockingCallOptions({ additions: 'a.b -> c' }), 'string');
      assert.equal(typeof parseBlockingCallOptions({ additions: [1] }), 'string');
      assert.match(parseBlockingCallOptions({ additions: ['a.b -> c', 'bad'] }) as string, /'bad'/);
    });
  });
});

describe('blocking-in-async fixtures', () => {
  const folder = path.join(__dirname, '..', '..', 'fixtures', RULE);
  for (const name of ['should-report.ts', 'should-not-report.ts']) {
    it(`${name}: a finding exactly on each line marked // ${RULE}`, () => {
      const text = readFileSync(path.join(folder, name), 'utf8');
      const marked = text
        .split('\n')
        .map((line, index) => (line.endsWith(`// ${RULE}`) ? index + 1 : 0))
        .filter((line) => line > 0);
      const found = analyzeText(text, name);
      assert.deepEqual(found.filter((f) => f.rule !== RULE).map((f) => `${f.line} ${f.rule}`), [], 'no other rule');
      assert.deepEqual([...new Set(found.map((f) => f.line))], marked);
      if (name === 'should-report.ts') assert.ok(marked.length >= 8);
    });
  }
});
