import { strict as assert } from 'node:assert';
import { SETTINGS as CLIENT_SETTINGS } from '../../src/extension/registry';
import { defaultSettings, readSettings, SETTINGS } from '../../src/server/settings';

// The server's settings registry and the client's (which `package.json` mirrors) agree.

describe('server: settings registry', () => {
  it('has the same names, types and defaults as the client registry', () => {
    const server = Object.fromEntries(Object.entries(SETTINGS).map(([name, spec]) => [name, [spec.type, spec.default]]));
    const client = Object.fromEntries(Object.entries(CLIENT_SETTINGS).map(([name, spec]) => [name, [spec.type, spec.default]]));
    assert.deepEqual(server, client);
    assert.deepEqual(SETTINGS.run.enum, CLIENT_SETTINGS.run.enum);
  });

  it('keeps the default of a malformed value and says so in one line', () => {
    const warnings: string[] = [];
    const settings = readSettings(
      { run: 'sometimes', debounceMs: -1, rules: { 'floating-promise': 'loud', 'no-such-rule': 'error', 'await-in-loop': 'off' }, blockingCalls: ['oops'] },
      (message) => warnings.push(message),
    );
    assert.deepEqual(settings, { ...defaultSettings(), rules: { 'await-in-loop': 'off' } });
    assert.equal(warnings.length, 5);
    assert.match(warnings[0]!, /^asyncLens\.rules\.floating-promise: ignored "loud"/);
  });
});
