// async-callback-ignored: the case table (test/cases/async-callback-ignored.ts), then the tests that need more than a table.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import ts = require('typescript');
import { Analyzer, parse, RULES, update } from '../../../src/core';
import { analyzeRule, analyzeText } from '../../support/harness';
import { groups } from '../../cases/async-callback-ignored';
import { runGroups } from './rule-tester';

const RULE = 'async-callback-ignored';
/** The directive that keeps the self-lint from reporting the should-report fixture. */
const FIXTURE_DIRECTIVE = `/* async-lens-disable ${RULE} -- a fixture of mistakes */`;

describe('async-callback-ignored', () => {
  runGroups(RULE, groups);

  describe('one rule per node (DESIGN: the most specific rule wins)', () => {
    it('forEach(async …) and setTimeout(async …) draw no floating-promise finding', () => {
      const code = `declare function save(x: number): Promise<void>;
declare const items: number[];
async function main(): Promise<void> {
  items.forEach(async (item) => {
    await save(item);
  });
  setTimeout(async () => {
    await save(0);
  }, 10);
}
`;
      const findings = analyzeText(code);
      assert.deepEqual(
        findings.map((f) => `${f.line}:${f.column} ${f.rule}`),
        ['4:17 async-callback-ignored', '7:14 async-callback-ignored'],
      );
    });
  });

  describe('incremental analysis: a referenced handler read only inside the analysed function', () => {
    /** The rule's finding starts after analysing `before`, then the incremental update to `after`. */
    function incremental(before: string, after: string): { incremental: number[]; full: number[] } {
      const analyzer = new Analyzer(ts, RULES);
      const first = parse(ts, 'a.ts', before);
      if (!('sourceFile' in first)) throw new Error(first.skipped);
      analyzer.analyze(first.sourceFile);
      const start = before.indexOf('try {');
      const next = update(ts, first.sourceFile, [{ start, length: 0, text: 'await write(\'\');\n    ' }]);
      if (!('sourceFile' in next)) throw new Error(next.skipped);
      assert.equal(next.sourceFile.text, after);
      const own = (findings: readonly { rule: string; start: number }[]): number[] =>
        findings.filter((f) => f.rule === RULE).map((f) => f.start);
      return { incremental: own(analyzer.analyze(next.sourceFile).findings), full: own(analyzeRule(RULE, after).map((f) => f.finding)) };
    }

    it('re-analyses a call in the same function when the handler gains an await outside its try/catch', () => {
      const before = `declare const emitter: { on(event: string, f: (item: string) => Promise<void>): void };
declare function write(item: string): Promise<void>;
function start(): void {
  async function onData(item: string): Promise<void> {
    try {
      await write(item);
    } catch (error) {
      console.error(error);
    }
  }
  emitter.on('data', onData);
}
`;
      const after = before.replace('try {', "await write('');\n    try {");
      const result = incremental(before, after);
      assert.equal(result.full.length, 1);
      assert.deepEqual(result.incremental, result.full);
    });
  });

  describe('fixtures (test/fixtures/async-callback-ignored)', () => {
    const folder = path.join(__dirname, '..', '..', 'fixtures', RULE);
    for (const name of readdirSync(folder).sort()) {
      it(`${name}: findings exactly on the lines marked \`// ${RULE}\``, () => {
        // The file-level directive keeps the self-lint quiet; the fixture is read without it.
        const code = readFileSync(path.join(folder, name), 'utf8').replace(FIXTURE_DIRECTIVE, '');
        const marked = code
          .split('\n')
          .map((line, i) => (line.trimEnd().endsWith(`// ${RULE}`) ? i + 1 : 0))
          .filter((line) => line > 0);
        assert.equal(marked.length > 0, name.startsWith('should-report'), `${name} states its intent by its name`);
        const found = analyzeRule(RULE, code, name).map((f) => f.line);
        assert.deepEqual(found, marked);
      });
    }
  });
});
