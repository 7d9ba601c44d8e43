// The CLI's reports: exact JSON and text output, exit codes, severities and --output.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ALL_DESTRUCTURED, CLI, FLOATING, LOAD_DROPPED, makeTree, removeTree, runCli } from './helpers';
import { RULES } from '../../src/core';

/** The rule ids, in registry order, as usage errors list them. */
const RULE_IDS = RULES.map((rule) => rule.meta.id).join(', ');

/** Findings of both rules, a line with non-ASCII text before a finding, a BOM, a clean file. */
const TREE = {
  'src/a.ts': [
    'async function x() { return 1; }',
    'async function y() { return 2; }',
    'async function load() {}',
    'async function f() {',
    '  const [a, b] = Promise.all([x(), y()]);',
    '  load();',
    '  return a + b;',
    '}',
    '',
  ].join('\n'),
  // é is one UTF-16 code unit and 😀 two, so `load` starts at column 30.
  'src/b.ts': "async function load() {}\nconst greeting = 'héllo 😀'; load();\n",
  // The BOM is not a column: `load` starts at column 26.
  'lib/bom.ts': '\uFEFFasync function load() {} load();\n',
  'src/clean.ts': 'export const one = 1;\n',
};

const TEXT_REPORT = [
  `lib/bom.ts:1:26  warning  ${LOAD_DROPPED}  floating-promise`,
  '  1 | async function load() {} load();',
  '    |                          ^^^^^^',
  '',
  `src/a.ts:5:18  warning  ${ALL_DESTRUCTURED}  unawaited-promise-all`,
  '  5 |   const [a, b] = Promise.all([x(), y()]);',
  '    |                  ^^^^^^^^^^^^^^^^^^^^^^^',
  `src/a.ts:6:3  warning  ${LOAD_DROPPED}  floating-promise`,
  '  6 |   load();',
  '    |   ^^^^^^',
  '',
  `src/b.ts:2:30  warning  ${LOAD_DROPPED}  floating-promise`,
  "  2 | const greeting = 'héllo 😀'; load();",
  '    |                              ^^^^^^',
  '',
  '4 warnings in 3 of 4 files analysed',
  '',
].join('\n');

describe('cli: reports', () => {
  let root: string;
  before(() => {
    root = makeTree(TREE);
  });
  after(() => removeTree(root));

  describe('--format json', () => {
    it('prints every finding with 1-based UTF-16 positions, sorted, with / paths relative to the cwd', () => {
      const run = runCli(['--format', 'json'], root);
      assert.equal(run.status, 1);
      assert.deepEqual(JSON.parse(run.stdout), {
        version: 1,
        diagnostics: [
          { file: 'lib/bom.ts', rule: 'floating-promise', severity: 'warning', message: LOAD_DROPPED, line: 1, column: 26, endLine: 1, endColumn: 32 },
          { file: 'src/a.ts', rule: 'unawaited-promise-all', severity: 'warning', message: ALL_DESTRUCTURED, line: 5, column: 18, endLine: 5, endColumn: 41 },
          { file: 'src/a.ts', rule: 'floating-promise', severity: 'warning', message: LOAD_DROPPED, line: 6, column: 3, endLine: 6, endColumn: 9 },
          { file: 'src/b.ts', rule: 'floating-promise', severity: 'warning', message: LOAD_DROPPED, line: 2, column: 30, endLine: 2, endColumn: 36 },
        ],
      });
      assert.equal(run.stderr, '4 warnings in 3 of 4 files analysed\n');
    });

    it('names files from the cwd when paths point into a subdirectory', () => {
      const run = runCli(['--format', 'json', 'src/b.ts', path.join(root, 'lib')], root);
      const files = (JSON.parse(run.stdout) as { diagnostics: Array<{ file: string }> }).diagnostics.map((d) => d.file);
      assert.deepEqual(files, ['lib/bom.ts', 'src/b.ts']);
    });

    it('prints an empty list and exit 0 for a clean file', () => {
      const run = runCli(['--format', 'json', 'src/clean.ts'], root);
      assert.equal(run.status, 0);
      assert.equal(run.stdout, '{"version":1,"diagnostics":[]}\n');
      assert.equal(run.stderr, 'No findings in 1 file analysed.\n');
    });
  });

  describe('--format text', () => {
    it('prints each finding with a code frame, grouped by file, then the summary, without colour', () => {
      const run = runCli([], root);
      assert.equal(run.status, 1);
      assert.equal(run.stdout, TEXT_REPORT);
      assert.equal(run.stderr, '');
    });

    it('says how many files were analysed when there is nothing to report', () => {
      const run = runCli(['src/clean.ts'], root);
      assert.equal(run.status, 0);
      assert.equal(run.stdout, 'No findings in 1 file analysed.\n');
    });

    it('writes the report to --output instead of stdout', () => {
      const run = runCli(['--output', 'report.txt'], root);
      assert.equal(run.status, 1);
      assert.equal(run.stdout, '');
      assert.equal(readFileSync(path.join(root, 'report.txt'), 'utf8'), TEXT_REPORT);
    });
  });

  describe('colour', () => {
    /** Runs the CLI with stdout on a terminal, through util-linux `script`. */
    function onTerminal(env: Record<string, string>): string {
      const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} src/b.ts`;
      const result = spawnSync('script', ['-qec', command, '/dev/null'], {
        cwd: root,
        env: { ...process.env, NO_COLOR: '', ...env },
        encoding: 'utf8',
      });
      return result.stdout;
    }

    it('colours the severity on a terminal, and not when NO_COLOR is set', function () {
      if (spawnSync('script', ['--version']).error) this.skip();
      assert.ok(onTerminal({}).includes('\u001b[33mwarning\u001b[39m'));
      const plain = onTerminal({ NO_COLOR: '1' });
      assert.ok(plain.includes('src/b.ts:2:30  warning  '), plain);
      assert.ok(!plain.includes('\u001b['), plain);
    });
  });

  describe('exit codes and severities', () => {
    it('fails on an error from --rule and counts each severity in the summary', () => {
      const run = runCli(['--rule', 'unawaited-promise-all=error', '--rule', 'floating-promise=info', 'src/a.ts'], root);
      assert.equal(run.status, 1);
      assert.match(run.stdout, /^src\/a\.ts:5:18 {2}error {2}/);
      assert.match(run.stdout, /\nsrc\/a\.ts:6:3 {2}info {2}/);
      assert.ok(run.stdout.endsWith('\n1 error, 1 info in 1 of 1 file analysed\n'), run.stdout);
    });

    it('exits 0 when the only findings are info', () => {
      const run = runCli(['--rule', 'floating-promise=info', 'src/b.ts'], root);
      assert.equal(run.status, 0);
      assert.ok(run.stdout.endsWith('\n1 info in 1 of 1 file analysed\n'), run.stdout);
    });

    it('turns a rule off with --rule id=off', () => {
      const run = runCli(['--format', 'json', '--rule', 'floating-promise=off', 'src/a.ts'], root);
      const rules = (JSON.parse(run.stdout) as { diagnostics: Array<{ rule: string }> }).diagnostics.map((d) => d.rule);
      assert.deepEqual(rules, ['unawaited-promise-all']);
    });

    it('allows up to N warnings with --max-warnings N', () => {
      assert.equal(runCli(['--max-warnings', '4'], root).status, 0);
      assert.equal(runCli(['--max-warnings', '3'], root).status, 1);
      assert.equal(runCli(['--max-warnings', '0', 'src/clean.ts'], root).status, 0);
    });

    it('still fails on an error within --max-warnings', () => {
      assert.equal(runCli(['--max-warnings', '10', '--rule', 'floating-promise=error'], root).status, 1);
    });
  });
});

describe('cli: usage errors', () => {
  let root: string;
  before(() => {
    root = makeTree({ 'a.ts': FLOATING });
  });
  after(() => removeTree(root));

  const cases: Array<[string, string[], string]> = [
    ['a missing path', ['a.ts', 'missing.ts'], 'async-lens: no such file or directory: missing.ts\n'],
    [
      'an unknown rule id',
      ['--rule', 'no-such-rule=error'],
      `async-lens: unknown rule 'no-such-rule' in --rule no-such-rule=error; valid rules: ${RULE_IDS}\n`,
    ],
    [
      'an unknown severity',
      ['--rule', 'floating-promise=loud'],
      "async-lens: unknown severity 'loud' in --rule floating-promise=loud; valid severities: off, info, warning, error\n",
    ],
    ['an unknown option', ['--frobnicate'], "async-lens: unknown option '--frobnicate'\n"],
    ['a bad --max-warnings', ['--max-warnings', 'many'], 'async-lens: --max-warnings many: expected a whole number of 0 or more\n'],
    ['an unknown format', ['--format', 'xml'], "async-lens: unknown format 'xml'; valid formats: text, json, sarif, github\n"],
    [
      '--project, which a later issue adds',
      ['--project', 'tsconfig.json'],
      'async-lens: --project is not yet supported (the project tier comes with the typed-tiers issue)\n',
    ],
    ['an unknown locale', ['--locale', 'fr'], "async-lens: unknown locale 'fr'; valid locales: en, zh-cn\n"],
  ];
  for (const [name, args, stderr] of cases) {
    it(`exits 2 with one line on stderr and no report for ${name}`, () => {
      const run = runCli(args, root);
      assert.equal(run.status, 2);
      assert.equal(run.stderr, stderr);
      assert.equal(run.stdout, '');
    });
  }

  it('accepts --locale zh-cn: messages in Chinese', () => {
    const run = runCli(['--locale', 'zh-cn', '--format', 'json'], root);
    assert.equal(run.status, 1);
    assert.equal(
      (JSON.parse(run.stdout) as { diagnostics: Array<{ message: string }> }).diagnostics[0]?.message,
      '`load(…)` 返回的 promise 被丢弃了：没有被 await、return，也没有拒绝处理函数。',
    );
  });
});

describe('cli: --help and --version', () => {
  it('prints the usage and exits 0', () => {
    const run = runCli(['--help'], __dirname);
    assert.equal(run.status, 0);
    assert.match(run.stdout, /^Usage: async-lens \[options\] \[paths\.\.\.\]\n/);
    assert.match(run.stdout, /\n {2}--max-warnings <n> /);
  });

  it('prints the version from package.json', () => {
    const manifest = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
    assert.equal(runCli(['--version'], __dirname).stdout, `${manifest.version}\n`);
  });
});

describe('cli: --explain', () => {
  it('prints the rule doc from docs/rules', () => {
    const doc = readFileSync(path.join(__dirname, '..', '..', 'docs', 'rules', 'floating-promise.md'), 'utf8');
    const run = runCli(['--explain', 'floating-promise'], __dirname);
    assert.equal(run.status, 0);
    assert.equal(run.stdout, doc.endsWith('\n') ? doc : `${doc}\n`);
    assert.match(run.stdout, /^# floating-promise\n/);
  });

  it('exits 2 for an unknown rule or lesson id', () => {
    const run = runCli(['--explain', 'nope'], __dirname);
    assert.equal(run.status, 2);
    assert.equal(
      run.stderr,
      `async-lens: unknown rule or lesson 'nope' for --explain; valid rules: ${RULE_IDS}; valid lessons: Promise.all, Promise.allSettled, Promise.race, Promise.any, await\n`,
    );
  });
});
