// The case tables through ESLint's RuleTester, run by matrix.test.ts in a child process per
// TypeScript build (ASYNC_LENS_TYPESCRIPT, resolved by typescript-preload.cjs) and per ESLint
// (ASYNC_LENS_ESLINT: `eslint` for 10, `eslint-9`). Not named *.test.ts: the plain suite runs it
// only through the matrix.
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import ts = require('typescript');
import type * as ESLintModule from 'eslint';
import parser = require('@typescript-eslint/parser');
import plugin = require('../../src/eslint');
import { eslintCases, TABLES } from './cases';

const eslintName = process.env.ASYNC_LENS_ESLINT ?? 'eslint';
const { RuleTester } = require(eslintName) as typeof ESLintModule;
// Paths in the tables are relative; the parser resolves them against the working directory.
const tester = new RuleTester({ languageOptions: { parser } });

describe(`the build under test (${eslintName}, TypeScript ${ts.version})`, () => {
  it('gives the parser and the plugin the same TypeScript build', () => {
    const expected = process.env.ASYNC_LENS_TYPESCRIPT_VERSION;
    if (expected !== undefined) assert.equal(ts.version, expected);
    const result = parser.parseForESLint('run();\n', { filePath: path.join(process.cwd(), 'probe.ts'), range: true, loc: true });
    const sourceFile = result.services.esTreeNodeToTSNodeMap?.get(result.ast as never) as object | undefined;
    assert.ok(sourceFile, 'the parser gave no TypeScript tree');
    const own = ts.createSourceFile('own.ts', '', ts.ScriptTarget.Latest);
    assert.equal(Object.getPrototypeOf(sourceFile), Object.getPrototypeOf(own), 'the parser used another TypeScript build');
  });
});

for (const rule of Object.keys(TABLES)) {
  const { valid, invalid } = eslintCases(rule);
  tester.run(rule, plugin.rules[rule]!, { valid, invalid });
}
