// ESLint 9 and 10 with the built plugin's recommended config report, on examples/, the same
// findings as the built CLI: the same rule, line, column, end line and end column, file by file.
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import type * as ESLintModule from 'eslint';
import { runCli } from '../cli/helpers';

const ROOT = path.join(__dirname, '..', '..');
/** The built plugin, as users load it (`npm run build` first, as for the CLI tests). */
const PLUGIN = path.join(ROOT, 'dist', 'eslint-plugin.js');

/** One finding as `file rule line:column-endLine:endColumn`, 1-based, files relative to the root. */
type Place = string;

function cliPlaces(): Place[] {
  const run = runCli(['--format', 'json', 'examples'], ROOT);
  assert.equal(run.status, 1, `the CLI should report the examples' mistakes:\n${run.stderr}`);
  const report = JSON.parse(run.stdout) as {
    diagnostics: Array<{ file: string; rule: string; line: number; column: number; endLine: number; endColumn: number }>;
  };
  return report.diagnostics.map((d) => `${d.file} ${d.rule} ${d.line}:${d.column}-${d.endLine}:${d.endColumn}`).sort();
}

async function eslintPlaces(eslintPackage: string): Promise<Place[]> {
  const { ESLint } = require(eslintPackage) as typeof ESLintModule;
  const plugin = require(PLUGIN) as { configs: { recommended: ESLintModule.Linter.Config } };
  const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: [plugin.configs.recommended] });
  const results = await eslint.lintFiles(['examples']);
  const places: Place[] = [];
  for (const result of results) {
    const file = path.relative(ROOT, result.filePath).split(path.sep).join('/');
    for (const message of result.messages) {
      // A message without a rule is a parse failure or a crash: never an expected outcome here.
      assert.ok(message.ruleId, `${file}: ${message.message}`);
      const rule = message.ruleId.replace(/^async-lens\//, '');
      places.push(`${file} ${rule} ${message.line}:${message.column}-${message.endLine}:${message.endColumn}`);
    }
  }
  return places.sort();
}

describe('eslint plugin: the examples, as the CLI reports them', function () {
  this.timeout(60_000);
  let expected: Place[] = [];

  before(() => {
    expected = cliPlaces();
  });

  it('the CLI finds the mistake of each lesson', () => {
    assert.deepEqual(expected, [
      'examples/02-gather.ts unawaited-promise-all 24:3-24:35',
      'examples/06-producer-consumer-join.ts floating-promise 34:3-34:31',
      'examples/08-blocking-in-async.ts blocking-in-async 14:16-14:42',
      'examples/09-foreach-async.ts async-callback-ignored 21:15-21:25',
      'examples/10-await-in-loop.ts await-in-loop 29:19-29:38',
    ]);
  });

  for (const [label, eslintPackage] of [
    ['ESLint 10', 'eslint'],
    ['ESLint 9', 'eslint-9'],
  ] as const) {
    it(`${label} reports the same findings as the CLI`, async () => {
      assert.equal((require(`${eslintPackage}/package.json`) as { version: string }).version.split('.')[0], label.split(' ')[1]);
      assert.deepEqual(await eslintPlaces(eslintPackage), expected);
    });
  }
});
