// The config loader: where a config is found, how it resolves, and the one-line errors it gives.
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { ConfigError, createIgnoreFilter, loadConfig, loadConfigAsync, readConfigFile } from '../../src/config';
import type { LoadedConfig } from '../../src/config';
import { makeTree, removeTree } from '../cli/helpers';

/** Loads the config for `start` (relative to `root`) both ways and checks they agree. */
async function load(root: string, start = '.'): Promise<LoadedConfig | undefined> {
  const dir = path.join(root, start);
  const sync = loadConfig(dir);
  const async = await loadConfigAsync(dir);
  assert.deepEqual(async, sync);
  return sync;
}

/** The error both loaders throw for `start`, as the CLI prints it (relative to `root`). */
async function loadError(root: string, start = '.'): Promise<string> {
  const dir = path.join(root, start);
  let syncMessage: string | undefined;
  try {
    loadConfig(dir);
  } catch (error) {
    assert.ok(error instanceof ConfigError, String(error));
    syncMessage = error.format(root);
  }
  await assert.rejects(loadConfigAsync(dir), (error: unknown) => error instanceof ConfigError && error.format(root) === syncMessage);
  assert.ok(syncMessage !== undefined, 'loadConfig did not throw');
  return syncMessage;
}

describe('config: finding the file', () => {
  const roots: string[] = [];
  afterEach(() => {
    for (const root of roots.splice(0)) removeTree(root);
  });
  const tree = (files: Record<string, string>): string => {
    const root = makeTree(files);
    roots.push(root);
    return root;
  };

  it('walks up from a nested folder to async-lens.config.json', async () => {
    const root = tree({ 'async-lens.config.json': '{ "rules": { "await-in-loop": "off" } }', 'src/deep/a.ts': '' });
    const config = await load(root, 'src/deep');
    assert.deepEqual(config, {
      file: path.join(root, 'async-lens.config.json'),
      directory: root,
      source: 'config-file',
      options: { presets: [], rules: { 'await-in-loop': 'off' }, ignores: [], blockingCalls: [], includeTestFiles: undefined },
    });
  });

  it('prefers async-lens.config.json over package.json in the same folder', async () => {
    const root = tree({
      'async-lens.config.json': '{ "includeTestFiles": true }',
      'package.json': '{ "name": "x", "asyncLens": { "includeTestFiles": false } }',
    });
    const config = await load(root);
    assert.equal(config?.source, 'config-file');
    assert.equal(config?.options.includeTestFiles, true);
  });

  it('reads the asyncLens key of the nearest package.json, skipping one without it', async () => {
    const root = tree({
      'package.json': '{ "name": "outer", "asyncLens": { "rules": { "floating-promise": "error" } } }',
      'packages/inner/package.json': '{ "name": "inner" }',
    });
    const config = await load(root, 'packages/inner');
    assert.equal(config?.file, path.join(root, 'package.json'));
    assert.equal(config?.source, 'package.json');
    assert.deepEqual(config?.options.rules, { 'floating-promise': 'error' });
  });

  it('takes the nearest config: a nearer package.json key wins over a farther config file', async () => {
    const root = tree({
      'async-lens.config.json': '{ "rules": { "await-in-loop": "off" } }',
      'app/package.json': '{ "asyncLens": { "presets": ["strict"] } }',
    });
    const config = await load(root, 'app');
    assert.equal(config?.file, path.join(root, 'app', 'package.json'));
    assert.deepEqual(config?.options.rules, { 'await-in-loop': 'warning' });
  });

  it('reads a file named with readConfigFile, and says when it is missing', async () => {
    const root = tree({ 'ci/lens.json': '{ "ignores": ["dist/"] }' });
    const config = await readConfigFile(path.join(root, 'ci', 'lens.json'));
    assert.deepEqual(config.options.ignores, ['dist/']);
    assert.equal(config.directory, path.join(root, 'ci'));
    await assert.rejects(readConfigFile(path.join(root, 'nope.json')), (error: unknown) => {
      return error instanceof ConfigError && error.format(root) === 'nope.json:1:1: no such file';
    });
  });
});

describe('config: resolving', () => {
  let root: string;
  afterEach(() => removeTree(root));

  it('applies presets in order, then rules over them', async () => {
    root = makeTree({
      'async-lens.config.json': JSON.stringify({
        rules: { 'floating-promise': 'error' },
        presets: ['recommended', 'strict'],
      }),
    });
    const config = await load(root);
    assert.deepEqual(config?.options.presets, ['recommended', 'strict']);
    assert.deepEqual(config?.options.rules, { 'await-in-loop': 'warning', 'floating-promise': 'error' });
  });

  it('lets rules turn a preset rule back down', async () => {
    root = makeTree({ 'async-lens.config.json': '{ "presets": ["strict"], "rules": { "await-in-loop": "info" } }' });
    assert.deepEqual((await load(root))?.options.rules, { 'await-in-loop': 'info' });
  });

  it('ignores with gitignore semantics, relative to the config folder', async () => {
    root = makeTree({ 'async-lens.config.json': '{ "ignores": ["dist/", "**/*.generated.ts", "!keep.generated.ts"] }' });
    const config = await load(root);
    const ignored = createIgnoreFilter(config!);
    assert.equal(ignored(path.join(root, 'dist', 'a.ts')), true);
    assert.equal(ignored(path.join(root, 'src', 'dist', 'a.ts')), true);
    assert.equal(ignored(path.join(root, 'src', 'api.generated.ts')), true);
    assert.equal(ignored(path.join(root, 'src', 'keep.generated.ts')), false);
    assert.equal(ignored(path.join(root, 'src', 'a.ts')), false);
    // Outside the config's folder nothing is ignored (and `ignore` is never given a `../` path).
    assert.equal(ignored(path.join(path.dirname(root), 'dist', 'a.ts')), false);
  });
});

describe('config: errors name the file, line, column and key', () => {
  let root: string;
  afterEach(() => removeTree(root));

  const cases: { name: string; file?: string; text: string; expected: string; keyPath: string }[] = [
    {
      name: 'a typo in a top-level key',
      text: '{\n  "presets": [],\n    "rulez": {}\n}\n',
      expected: 'async-lens.config.json:3:5: unknown key "rulez" (did you mean "rules"?)',
      keyPath: 'rulez',
    },
    {
      name: 'an unknown key with nothing near it',
      text: '{ "extends": "x" }',
      expected: 'async-lens.config.json:1:3: unknown key "extends"',
      keyPath: 'extends',
    },
    {
      name: 'an unknown rule id',
      text: '{\n  "rules": {\n    "floating-promis": "off"\n  }\n}',
      expected: 'async-lens.config.json:3:5: unknown rule "floating-promis" in "rules" (did you mean "floating-promise"?)',
      keyPath: 'rules.floating-promis',
    },
    {
      name: 'a bad severity (at the value)',
      text: '{ "rules": { "await-in-loop": "warn" } }',
      expected:
        'async-lens.config.json:1:31: "rules.await-in-loop": unknown severity "warn"; valid: "off", "info", "warning", "error" (did you mean "warning"?)',
      keyPath: 'rules.await-in-loop',
    },
    {
      name: 'a severity of the wrong type',
      text: '{ "rules": { "await-in-loop": 0 } }',
      expected: 'async-lens.config.json:1:31: "rules.await-in-loop" must be a string, got 0',
      keyPath: 'rules.await-in-loop',
    },
    {
      name: 'an unknown preset',
      text: '{ "presets": ["recommended", "stric"] }',
      expected: 'async-lens.config.json:1:30: "presets[1]": unknown preset "stric"; valid: "recommended", "strict" (did you mean "strict"?)',
      keyPath: 'presets[1]',
    },
    {
      name: 'presets given as a string',
      text: '{ "presets": "strict" }',
      expected: 'async-lens.config.json:1:14: "presets" must be an array of preset names, e.g. ["strict"], got "strict"',
      keyPath: 'presets',
    },
    {
      name: 'a malformed blocking call',
      text: '{ "blockingCalls": ["sqlite.run -> worker", "sqliteRun"] }',
      expected:
        "async-lens.config.json:1:45: \"blockingCalls[1]\": 'sqliteRun': expected 'module.call -> replacement', for example 'better-sqlite3.exec -> a worker thread'",
      keyPath: 'blockingCalls[1]',
    },
    {
      name: 'an empty ignore pattern',
      text: '{ "ignores": ["dist/", " "] }',
      expected: 'async-lens.config.json:1:24: "ignores[1]" is an empty pattern',
      keyPath: 'ignores[1]',
    },
    {
      name: 'includeTestFiles as a string',
      text: '{ "includeTestFiles": "yes" }',
      expected: 'async-lens.config.json:1:23: "includeTestFiles" must be true or false, got "yes"',
      keyPath: 'includeTestFiles',
    },
    {
      name: 'a config that is not an object',
      text: '["strict"]',
      expected: 'async-lens.config.json:1:1: the config must be an object, e.g. { "rules": { "await-in-loop": "off" } }, got an array',
      keyPath: '',
    },
    {
      name: 'a JSON syntax error',
      text: '{\n  "rules": { "await-in-loop": "off" }\n  "ignores": []\n}',
      expected: "async-lens.config.json:3:3: invalid JSON: ',' expected",
      keyPath: '',
    },
    {
      name: 'an unquoted key',
      text: '{ rules: {} }',
      expected: 'async-lens.config.json:1:3: invalid JSON: a key must be a string in double quotes',
      keyPath: '',
    },
    {
      name: 'a single-quoted string',
      text: '{ "rules": { "await-in-loop": \'off\' } }',
      expected: 'async-lens.config.json:1:31: invalid JSON: a string must be in double quotes',
      keyPath: 'rules.await-in-loop',
    },
    {
      name: 'a duplicate key',
      text: '{ "rules": {},\n"rules": {} }',
      expected: 'async-lens.config.json:2:1: duplicate key "rules"',
      keyPath: 'rules',
    },
    {
      name: 'an empty file',
      text: '',
      expected: 'async-lens.config.json:1:1: invalid JSON: the file is empty',
      keyPath: '',
    },
    {
      name: 'a typo inside package.json, with the asyncLens key in its path',
      file: 'package.json',
      text: '{\n  "name": "x",\n  "asyncLens": {\n    "ignore": ["dist/"]\n  }\n}\n',
      expected: 'package.json:4:5: unknown key "asyncLens.ignore" (did you mean "ignores"?)',
      keyPath: 'asyncLens.ignore',
    },
    {
      name: 'columns in UTF-16 units after non-ASCII text',
      text: '{ "$schema": "é😀", "x": 1 }',
      expected: 'async-lens.config.json:1:21: unknown key "x"',
      keyPath: 'x',
    },
  ];

  for (const { name, file = 'async-lens.config.json', text, expected, keyPath } of cases) {
    it(name, async () => {
      root = makeTree({ [file]: text, 'src/a.ts': '' });
      assert.equal(await loadError(root, 'src'), expected);
      try {
        loadConfig(root);
        assert.fail('no error');
      } catch (error) {
        assert.ok(error instanceof ConfigError);
        assert.equal(error.keyPath, keyPath);
        assert.equal(error.file, path.join(root, file));
        assert.equal(error.message, `${path.join(root, file)}:${error.line}:${error.column}: ${error.reason}`);
      }
    });
  }
});
