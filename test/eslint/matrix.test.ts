// The TypeScript matrix: the case tables through ESLint's RuleTester (rule-tester.suite.ts) in a
// child process per TypeScript build, each with `typescript` resolved to that build for the parser
// and the plugin alike; and once under ESLint 9. Every child must pass every case.
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import * as path from 'node:path';
import { eslintCases, TABLES } from './cases';

const ROOT = path.join(__dirname, '..', '..');

/** One child: an ESLint package and a TypeScript package (npm aliases), and the version it must be. */
interface Combination {
  eslint: 'eslint' | 'eslint-9';
  typescript: string;
  /** The TypeScript major.minor the alias must load. */
  expected: string;
}

const COMBINATIONS: readonly Combination[] = [
  { eslint: 'eslint', typescript: 'typescript-5.0', expected: '5.0' },
  { eslint: 'eslint', typescript: 'typescript-5.4', expected: '5.4' },
  { eslint: 'eslint', typescript: 'typescript-5.9', expected: '5.9' },
  { eslint: 'eslint', typescript: 'typescript', expected: '6.0' },
  { eslint: 'eslint-9', typescript: 'typescript', expected: '6.0' },
];

/** What mocha's JSON reporter says about one child's run. */
interface ChildReport {
  passes: number;
  failures: number;
  failed: string[];
  /** The child's stderr, for a run that crashed before reporting. */
  stderr: string;
}

/** The tests the suite registers: every runnable table case, plus the check of the build under test. */
function expectedTests(): number {
  let count = 1;
  for (const rule of Object.keys(TABLES)) {
    const { valid, invalid } = eslintCases(rule);
    count += valid.length + invalid.length;
  }
  return count;
}

function versionOf(alias: string): string {
  return (require(`${alias}/package.json`) as { version: string }).version;
}

/** Runs the suite in a child process for one combination. Never rejects for a failed run. */
function runChild(combination: Combination, outputDir: string): Promise<ChildReport> {
  const output = path.join(outputDir, `${combination.eslint}-${combination.typescript}.json`);
  const args = [
    '--require',
    path.join(__dirname, 'typescript-preload.cjs'),
    path.join(ROOT, 'node_modules', 'mocha', 'bin', 'mocha.js'),
    '--no-config',
    '--require',
    'tsx/cjs',
    '--extension',
    'ts',
    '--timeout',
    '20000',
    '--reporter',
    'json',
    '--reporter-option',
    `output=${output}`,
    path.join(__dirname, 'rule-tester.suite.ts'),
  ];
  const env = {
    ...process.env,
    ASYNC_LENS_ESLINT: combination.eslint,
    ASYNC_LENS_TYPESCRIPT: combination.typescript,
    ASYNC_LENS_TYPESCRIPT_VERSION: versionOf(combination.typescript),
  };
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('close', () => {
      readFile(output, 'utf8').then(
        (text) => {
          const report = JSON.parse(text) as { stats: { passes: number; failures: number }; failures: Array<{ fullTitle: string; err: { message?: string } }> };
          resolve({
            passes: report.stats.passes,
            failures: report.stats.failures,
            failed: report.failures.map((failure) => `${failure.fullTitle}: ${(failure.err.message ?? '').split('\n')[0]}`),
            stderr,
          });
        },
        () => resolve({ passes: 0, failures: 1, failed: ['no report'], stderr }),
      );
    });
  });
}

/** Runs every combination, a few at a time. */
async function runAll(outputDir: string): Promise<Map<Combination, ChildReport>> {
  const reports = new Map<Combination, ChildReport>();
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < COMBINATIONS.length) {
      const combination = COMBINATIONS[next++]!;
      reports.set(combination, await runChild(combination, outputDir));
    }
  };
  await Promise.all(Array.from({ length: Math.min(availableParallelism(), COMBINATIONS.length) }, lane));
  return reports;
}

describe('eslint plugin: the case tables on each TypeScript build (RuleTester)', function () {
  let reports = new Map<Combination, ChildReport>();
  let outputDir = '';
  let expected = 0;

  before(async function () {
    this.timeout(300_000);
    expected = expectedTests();
    outputDir = await mkdtemp(path.join(tmpdir(), 'async-lens-matrix-'));
    reports = await runAll(outputDir);
  });

  after(async () => {
    if (outputDir) await rm(outputDir, { recursive: true, force: true });
  });

  it('runs each alias at the TypeScript version it is named for', () => {
    for (const combination of COMBINATIONS) {
      assert.equal(versionOf(combination.typescript).split('.').slice(0, 2).join('.'), combination.expected);
    }
  });

  for (const combination of COMBINATIONS) {
    const label = `${combination.eslint === 'eslint' ? 'ESLint 10' : 'ESLint 9'}, TypeScript ${combination.expected}`;
    it(`${label}: every case passes`, () => {
      const report = reports.get(combination);
      assert.ok(report, `${label} did not run`);
      assert.deepEqual(report.failed, [], `${label} failed:\n${report.failed.join('\n')}\n${report.stderr}`);
      assert.equal(report.passes, expected, `${label} ran a different number of cases\n${report.stderr}`);
    });
  }
});
