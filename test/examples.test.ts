// The examples: each lesson's mistake draws exactly its finding and nothing else does, each program
// runs and prints its lesson, and all of them compile under `tsc --strict`.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { runCli } from './cli/helpers';

const ROOT = path.join(__dirname, '..');
const EXAMPLES = path.join(ROOT, 'examples');

/** Where a finding starts, as the CLI's JSON gives it. */
interface Place {
  rule: string;
  line: number;
  column: number;
}

/**
 * The mistake each lesson teaches, stated here as well as marked in the file (`// <rule-id>`), so
 * that a marker and a finding cannot drift together. Files not named here have no mistake.
 */
const MISTAKES: Readonly<Record<string, readonly Place[]>> = {
  'examples/02-gather.ts': [{ rule: 'unawaited-promise-all', line: 24, column: 3 }],
  'examples/06-producer-consumer-join.ts': [{ rule: 'floating-promise', line: 34, column: 3 }],
  // The call of readFileSync.
  'examples/08-blocking-in-async.ts': [{ rule: 'blocking-in-async', line: 14, column: 16 }],
  // The async callback, from its `async` keyword.
  'examples/09-foreach-async.ts': [{ rule: 'async-callback-ignored', line: 21, column: 15 }],
  // The `await` that makes the loop wait.
  'examples/10-await-in-loop.ts': [{ rule: 'await-in-loop', line: 29, column: 19 }],
};

const RULE_IDS = ['async-callback-ignored', 'await-in-loop', 'blocking-in-async', 'floating-promise', 'unawaited-promise-all'];

/** A trailing `// <rule-id>` after code: the fixture convention for the line a finding starts on. */
const MARKER = /\S.*\s\/\/ ([a-z]+(?:-[a-z]+)+)\s*$/;

/** Every TypeScript file under examples/, as `examples/…` paths, sorted. */
function exampleFiles(): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts')) found.push(path.relative(ROOT, full).split(path.sep).join('/'));
    }
  };
  walk(EXAMPLES);
  return found.sort();
}

/** The markers of one file: rule and line, in line order. */
function markersOf(file: string): Array<{ rule: string; line: number }> {
  const lines = readFileSync(path.join(ROOT, file), 'utf8').split('\n');
  const markers: Array<{ rule: string; line: number }> = [];
  lines.forEach((text, index) => {
    const rule = MARKER.exec(text)?.[1];
    if (rule !== undefined) markers.push({ rule, line: index + 1 });
  });
  return markers;
}

/** What one run of an example printed and returned. */
interface ExampleRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs one example with tsx, as `npx tsx examples/<file>` does, with a generous bound. */
function runExample(file: string): ExampleRun {
  const result = spawnSync(process.execPath, ['--import', 'tsx', file], { cwd: ROOT, encoding: 'utf8', timeout: 15_000 });
  if (result.error) throw result.error;
  assert.equal(result.stderr, '', `${file} wrote to stderr`);
  assert.equal(result.status, 0, `${file} exited with ${String(result.status)} (signal ${String(result.signal)})`);
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The number a line of `stdout` shows after `label`, e.g. `started together: 203 ms`. */
function numberAfter(stdout: string, label: string): number {
  const line = stdout.split('\n').find((text) => text.startsWith(label));
  assert.ok(line !== undefined, `no line starting with ${JSON.stringify(label)} in:\n${stdout}`);
  const value = /(\d+)/.exec(line.slice(label.length))?.[1];
  assert.ok(value !== undefined, `no number in ${JSON.stringify(line)}`);
  return Number(value);
}

/** Asserts that `stdout` has these lines, in this order (other lines may come between). */
function assertInOrder(stdout: string, expected: readonly string[]): void {
  const lines = stdout.split('\n');
  let from = 0;
  for (const line of expected) {
    const at = lines.indexOf(line, from);
    assert.ok(at >= 0, `expected ${JSON.stringify(line)} after line ${from} of:\n${stdout}`);
    from = at + 1;
  }
}

describe('examples', () => {
  const files = exampleFiles();

  describe('markers', () => {
    it('name known rules, and match the mistakes stated in this test', () => {
      const markers: Record<string, Array<{ rule: string; line: number }>> = {};
      for (const file of files) {
        const found = markersOf(file);
        if (found.length > 0) markers[file] = found;
      }
      const stated = Object.fromEntries(
        Object.entries(MISTAKES).map(([file, places]) => [file, places.map(({ rule, line }) => ({ rule, line }))]),
      );
      assert.deepEqual(markers, stated);
      for (const found of Object.values(markers)) for (const { rule } of found) assert.ok(RULE_IDS.includes(rule), rule);
    });

    it('agree with each lesson\'s header: its rule, or "run and observe"', () => {
      for (const file of files.filter((name) => /^examples\/\d\d-/.test(name))) {
        const header = /^(?:\/\/.*\n)+/.exec(readFileSync(path.join(ROOT, file), 'utf8'))?.[0] ?? '';
        assert.match(header, /^\/\/ Run: {4}npx tsx examples\/\S+\.ts$/m, file);
        const verdict = /^\/\/ async-lens: (.*)$/m.exec(header)?.[1] ?? '';
        const mistake = MISTAKES[file]?.[0];
        if (mistake) assert.ok(verdict.includes(`\`${mistake.rule}\``), `${file}: ${verdict}`);
        else assert.ok(verdict.startsWith('run and observe'), `${file}: ${verdict}`);
      }
    });

    it('cover all five rules', () => {
      const rules = Object.values(MISTAKES).flatMap((places) => places.map((place) => place.rule));
      assert.deepEqual([...new Set(rules)].sort(), RULE_IDS);
    });
  });

  describe('async-lens --format json examples', () => {
    let findings: Map<string, Place[]>;
    let status: number | null;
    let stderr: string;
    before(() => {
      const run = runCli(['--format', 'json', 'examples'], ROOT);
      status = run.status;
      stderr = run.stderr;
      findings = new Map();
      const report = JSON.parse(run.stdout) as { diagnostics: Array<Place & { file: string }> };
      for (const { file, rule, line, column } of report.diagnostics) {
        findings.set(file, [...(findings.get(file) ?? []), { rule, line, column }]);
      }
    });

    it('analyses every example and exits 1', () => {
      assert.match(stderr, new RegExp(` of ${files.length} files analysed\\n$`));
      assert.equal(status, 1);
    });

    it('reports all five rules', () => {
      const rules = [...findings.values()].flatMap((places) => places.map((place) => place.rule));
      assert.deepEqual([...new Set(rules)].sort(), RULE_IDS);
    });

    it('reports no file that is not an example', () => {
      for (const file of findings.keys()) assert.ok(files.includes(file), file);
    });

    // One case per file, so that each expectation that fails is reported on its own.
    for (const file of files) {
      const expected = MISTAKES[file] ?? [];
      const title = expected.length === 0 ? 'nothing' : expected.map((place) => `${place.rule} at ${place.line}:${place.column}`).join(', ');
      it(`${file}: ${title}`, () => {
        assert.deepEqual(findings.get(file) ?? [], expected);
      });
    }
  });

  describe('run (node --import tsx)', () => {
    it('01: the tasks started together finish sooner than the ones awaited in turn', () => {
      const { stdout } = runExample('examples/01-task-timing.ts');
      // Both calls have started before main goes on; the second pair starts one after the other.
      assertInOrder(stdout, ['task a: running', 'task b: running', 'main: both tasks started, main goes on', 'task a: done']);
      assertInOrder(stdout, ['task c: running', 'task c: done', 'task d: running', 'task d: done']);
      const together = numberAfter(stdout, 'started together:');
      const inTurn = numberAfter(stdout, 'awaited in turn:');
      assert.ok(together < inTurn, `started together ${together} ms, awaited in turn ${inTurn} ms`);
      assert.ok(inTurn < 10_000, `awaited in turn ${inTurn} ms`);
    });

    it('02: results in argument order, completion in time order, the unawaited work after main', () => {
      const { stdout } = runExample('examples/02-gather.ts');
      assertInOrder(stdout, [
        'finished: fast after 100 ms',
        'finished: mid after 200 ms',
        'finished: slow after 300 ms',
        'results in argument order: slow=300, fast=100, mid=200',
        'main: done, the unawaited work has not finished yet',
        'finished: late after 50 ms',
      ]);
    });

    it('03: the first to finish is done, the others are pending and can still be awaited', () => {
      const { stdout } = runExample('examples/03-wait-first-completed.ts');
      assertInOrder(stdout, [
        'done: 1, pending: 3',
        'first finished: job 1 (100 ms)',
        'pending, awaited later: job 0 (250 ms), job 2 (300 ms), job 3 (150 ms)',
      ]);
    });

    it('04: the timeout returns the pending work instead of throwing', () => {
      const { stdout } = runExample('examples/04-wait-timeout.ts');
      assertInOrder(stdout, [
        'after 150 ms: 2 done, 2 pending, no error thrown',
        'done: a (50 ms), c (100 ms)',
        'pending, awaited later: b (300 ms), d (250 ms)',
      ]);
    });

    it('05: results come in completion order', () => {
      const { stdout } = runExample('examples/05-as-completed.ts');
      assertInOrder(stdout, [
        '> got job 1 (50 ms)',
        '> got job 3 (100 ms)',
        '> got job 0 (200 ms)',
        '> got job 2 (300 ms)',
        'argument order was: job 0 (200 ms), job 1 (50 ms), job 2 (300 ms), job 3 (100 ms)',
      ]);
    });

    it('06: join() returns at once after a dropped producer, after all the work after an awaited one', () => {
      const { stdout } = runExample('examples/06-producer-consumer-join.ts');
      assertInOrder(stdout, ['join() after a dropped producer: 0 items processed', 'join() after an awaited producer: 6 items processed']);
      for (const item of ['dropped-1', 'dropped-2', 'batch-1', 'batch-2', 'batch-3', 'batch-4']) {
        assert.match(stdout, new RegExp(`^consumer \\d: processed ${item}$`, 'm'));
      }
    });

    it('07: the consumer stops at the sentinel, after every value', () => {
      const { stdout } = runExample('examples/07-producer-consumer-sentinel.ts');
      assertInOrder(stdout, ['producer: running', 'consumer: got 120', 'consumer: got 40', 'consumer: got 90', 'consumer: got 60']);
      assertInOrder(stdout, ['producer: done', 'consumer: stopped at the sentinel after 4 values: 120, 40, 90, 60']);
    });

    it('08: nothing else runs during readFileSync; other work runs during await readFile', () => {
      const { stdout } = runExample('examples/08-blocking-in-async.ts');
      assert.match(stdout, /^readFileSync: read \d+ characters; another task ran 0 times meanwhile$/m);
      const turns = /^await readFile: read \d+ characters; another task ran (\d+) times meanwhile$/m.exec(stdout)?.[1];
      assert.ok(turns !== undefined && Number(turns) > 0, stdout);
    });

    it('09: nothing is saved when forEach returns; everything after await Promise.all', () => {
      const { stdout } = runExample('examples/09-foreach-async.ts');
      assertInOrder(stdout, ['after forEach: 0 of 3 saved', 'after await Promise.all: 3 of 3 saved']);
    });

    it('10: the same users either way, sooner all at once than one after another', () => {
      const { stdout } = runExample('examples/10-await-in-loop.ts');
      assert.match(stdout, /^one after another: user-1, user-2, user-3 in \d+ ms$/m);
      assert.match(stdout, /^all at once: user-1, user-2, user-3 in \d+ ms$/m);
      const inTurn = numberAfter(stdout, 'one after another: user-1, user-2, user-3 in');
      const atOnce = numberAfter(stdout, 'all at once: user-1, user-2, user-3 in');
      assert.ok(atOnce < inTurn, `all at once ${atOnce} ms, one after another ${inTurn} ms`);
      assert.ok(inTurn < 10_000, `one after another ${inTurn} ms`);
    });
  });

  describe('compile', () => {
    it('tsc -p examples/tsconfig.json passes (strict)', function () {
      this.timeout(90_000);
      const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
      const result = spawnSync(process.execPath, [tsc, '-p', 'examples/tsconfig.json'], { cwd: ROOT, encoding: 'utf8' });
      if (result.error) throw result.error;
      assert.equal(result.stdout + result.stderr, '');
      assert.equal(result.status, 0);
    });
  });
});
