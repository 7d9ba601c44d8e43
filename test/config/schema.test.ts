// The JSON Schema editors use and the loader's own checks describe the same configs: a table of
// configs goes through both (ajv compiling the schema), and they must accept and reject alike.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { ConfigError, parseConfigText, PRESETS } from '../../src/config';
import { RULES } from '../../src/core';

const SCHEMA_FILE = path.join(__dirname, '..', '..', 'schemas', 'async-lens.config.schema.json');
const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as {
  properties: { rules: { properties: Record<string, unknown> }; presets: { items: { enum: string[] } } };
};
const ajv = new Ajv({ allErrors: true });
// VS Code's annotation for enum values; ajv's strict mode rejects keywords it does not know.
ajv.addKeyword('markdownEnumDescriptions');
const validate = ajv.compile(schema);

/** Whether the loader accepts a config. */
function loaderAccepts(config: unknown): boolean {
  try {
    parseConfigText('async-lens.config.json', JSON.stringify(config));
    return true;
  } catch (error) {
    if (error instanceof ConfigError) return false;
    throw error;
  }
}

const VALID: unknown[] = [
  {},
  { $schema: './node_modules/async-lens/schemas/async-lens.config.schema.json' },
  { presets: [] },
  { presets: ['recommended', 'strict'] },
  { rules: { 'floating-promise': 'error', 'await-in-loop': 'off', 'blocking-in-async': 'info' } },
  { rules: { 'async-callback-ignored': 'warning', 'unawaited-promise-all': 'off' } },
  { ignores: ['dist/', '**/*.generated.ts', '!keep.ts'] },
  { blockingCalls: ['better-sqlite3.prepare -> a worker thread', 'fs.readFileSync -> fs.promises.readFile'] },
  { includeTestFiles: true },
  { includeTestFiles: false, presets: ['strict'], rules: {}, ignores: [], blockingCalls: [] },
];

const INVALID: unknown[] = [
  [],
  'strict',
  null,
  { rulez: {} },
  { extends: ['strict'] },
  { presets: 'strict' },
  { presets: ['stric'] },
  { presets: [1] },
  { rules: [] },
  { rules: { 'floating-promis': 'off' } },
  { rules: { 'await-in-loop': 'warn' } },
  { rules: { 'await-in-loop': 1 } },
  { rules: { 'await-in-loop': null } },
  { ignores: 'dist/' },
  { ignores: [''] },
  { ignores: ['  '] },
  { ignores: [3] },
  { blockingCalls: ['sqliteRun'] },
  { blockingCalls: ['sqlite.run ->'] },
  { blockingCalls: 'a.b -> c' },
  { includeTestFiles: 'yes' },
  { includeTestFiles: 1 },
  { $schema: 5 },
];

describe('config schema and loader agree', () => {
  for (const config of VALID) {
    it(`both accept ${JSON.stringify(config)}`, () => {
      assert.equal(validate(config), true, JSON.stringify(validate.errors));
      assert.equal(loaderAccepts(config), true);
    });
  }
  for (const config of INVALID) {
    it(`both reject ${JSON.stringify(config)}`, () => {
      assert.equal(validate(config), false);
      assert.equal(loaderAccepts(config), false);
    });
  }

  it('the schema lists every rule id and every preset, and nothing else', () => {
    assert.deepEqual(Object.keys(schema.properties.rules.properties).sort(), RULES.map((rule) => rule.meta.id).sort());
    assert.deepEqual(schema.properties.presets.items.enum, Object.keys(PRESETS));
  });
});
