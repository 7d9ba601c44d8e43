// The config file on the command line: found by walking up, merged under the flags, and a bad one
// is a usage error in one line that names the file, line, column and key.
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { FLOATING, LOAD_DROPPED, makeTree, removeTree, runCli } from './helpers';

/** A dropped promise (warning) and a loop that awaits each call (info by default). */
const LOOP = 'async function fetchUser(id: number) { return id; }\nexport async function all(ids: number[]) {\n  const users = [];\n  for (const id of ids) users.push(await fetchUser(id));\n  return users;\n}\n';

interface JsonReport {
  diagnostics: { file: string; rule: string; severity: string; line: number }[];
}

function findings(stdout: string): string[] {
  return (JSON.parse(stdout) as JsonReport).diagnostics.map((d) => `${d.file}:${d.line} ${d.rule} ${d.severity}`);
}

describe('cli: the config file', () => {
  let root: string;
  afterEach(() => removeTree(root));

  it('fails a typo in a key with exit 2 and one line naming it, also from a subfolder', () => {
    root = makeTree({ 'async-lens.config.json': '{\n  "presets": ["strict"],\n    "rulez": {}\n}\n', 'src/a.ts': FLOATING });
    const run = runCli(['--format', 'json'], root);
    assert.equal(run.status, 2);
    assert.equal(run.stdout, '');
    assert.equal(run.stderr, 'async-lens: async-lens.config.json:3:5: unknown key "rulez" (did you mean "rules"?)\n');
    const nested = runCli([], path.join(root, 'src'));
    assert.equal(nested.status, 2);
    assert.equal(nested.stderr, `async-lens: ${path.join(root, 'async-lens.config.json')}:3:5: unknown key "rulez" (did you mean "rules"?)\n`);
  });

  it('reports a JSON syntax error the same way', () => {
    root = makeTree({ 'async-lens.config.json': '{ "rules": { "await-in-loop": "off" }, }\n{', 'a.ts': FLOATING });
    const run = runCli([], root);
    assert.equal(run.status, 2);
    assert.equal(run.stderr, "async-lens: async-lens.config.json:2:1: invalid JSON: unexpected token\n");
  });

  it('applies presets and rules, and --rule overrides the file', () => {
    root = makeTree({
      'async-lens.config.json': '{ "presets": ["strict"], "rules": { "floating-promise": "error" } }',
      'a.ts': FLOATING,
      'loop.ts': LOOP,
    });
    const run = runCli(['--format', 'json'], root);
    assert.equal(run.status, 1);
    assert.deepEqual(findings(run.stdout), ['a.ts:2 floating-promise error', 'loop.ts:4 await-in-loop warning']);
    const overridden = runCli(['--format', 'json', '--rule', 'floating-promise=off', '--rule', 'await-in-loop=info'], root);
    assert.equal(overridden.status, 0);
    assert.deepEqual(findings(overridden.stdout), ['loop.ts:4 await-in-loop info']);
  });

  it('reads the asyncLens key of package.json when there is no async-lens.config.json', () => {
    root = makeTree({ 'package.json': '{ "name": "app", "asyncLens": { "rules": { "floating-promise": "off" } } }', 'src/a.ts': FLOATING });
    const run = runCli(['--format', 'json'], path.join(root, 'src'));
    assert.equal(run.status, 0);
    assert.deepEqual(findings(run.stdout), []);
    assert.equal(run.stderr, 'No findings in 1 file analysed.\n');
  });

  it('skips ignored files, walked or named, relative to the config folder', () => {
    root = makeTree({
      'async-lens.config.json': '{ "ignores": ["generated/", "*.gen.ts"] }',
      'src/a.ts': FLOATING,
      'src/b.gen.ts': FLOATING,
      'generated/c.ts': FLOATING,
    });
    const run = runCli(['--format', 'json'], root);
    assert.deepEqual(findings(run.stdout), ['src/a.ts:2 floating-promise warning']);
    assert.equal(run.stderr, '1 warning in 1 of 1 file analysed\n');
    const named = runCli(['--format', 'json', 'generated/c.ts', 'src/a.ts'], root);
    assert.deepEqual(findings(named.stdout), ['src/a.ts:2 floating-promise warning']);
  });

  it('adds the config blocking calls to --blocking-call ones, and includeTestFiles turns test files on', () => {
    root = makeTree({
      'async-lens.config.json': '{ "blockingCalls": ["sqlite.run -> a worker thread"], "includeTestFiles": true }',
      'a.test.ts': "import * as db from 'sqlite';\nimport * as q from 'queue';\nexport async function f() {\n  db.run();\n  q.drain();\n}\n",
    });
    const run = runCli(['--format', 'json', '--blocking-call', 'queue.drain -> drainAsync'], root);
    assert.deepEqual(findings(run.stdout), ['a.test.ts:4 blocking-in-async warning', 'a.test.ts:5 blocking-in-async warning']);
  });

  it('uses the file --config names, and fails with one line when it is missing', () => {
    root = makeTree({
      'async-lens.config.json': '{ "rules": { "floating-promise": "off" } }',
      'ci/lens.json': '{ "rules": { "floating-promise": "error" } }',
      'a.ts': FLOATING,
    });
    const run = runCli(['--format', 'json', '--config', 'ci/lens.json', 'a.ts'], root);
    assert.deepEqual(findings(run.stdout), ['a.ts:2 floating-promise error']);
    const missing = runCli(['--config', 'nope.json'], root);
    assert.equal(missing.status, 2);
    assert.equal(missing.stderr, 'async-lens: nope.json:1:1: no such file\n');
  });

  it('names the key inside package.json with its asyncLens prefix', () => {
    root = makeTree({ 'package.json': '{\n  "asyncLens": { "rules": { "floating-promise": "warn" } }\n}\n', 'a.ts': FLOATING });
    const run = runCli([], root);
    assert.equal(run.status, 2);
    assert.equal(
      run.stderr,
      'async-lens: package.json:2:49: "asyncLens.rules.floating-promise": unknown severity "warn"; valid: "off", "info", "warning", "error" (did you mean "warning"?)\n',
    );
  });

  it('runs with the defaults when there is no config', () => {
    root = makeTree({ 'a.ts': FLOATING });
    const run = runCli([], root);
    assert.equal(run.status, 1);
    assert.ok(run.stdout.startsWith(`a.ts:2:1  warning  ${LOAD_DROPPED}  floating-promise\n`));
  });
});
