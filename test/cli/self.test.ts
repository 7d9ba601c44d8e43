import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { runCli } from './helpers';

// We practise what we teach: our own code passes our own CLI. Fixtures hold mistakes on
// purpose, and examples/ has one marked mistake per lesson; both are tested elsewhere.
describe('cli: our own sources', () => {
  it('finds nothing in src/, scripts/, bench/ and test/ (fixtures aside)', () => {
    const root = path.join(__dirname, '..', '..');
    const tests = readdirSync(path.join(root, 'test'))
      .filter((name) => name !== 'fixtures')
      .map((name) => path.join('test', name));
    const run = runCli(['src', 'scripts', 'bench', ...tests], root);
    assert.equal(run.stdout.replace(/\d+ files/, 'N files'), 'No findings in N files analysed.\n', run.stdout);
    assert.equal(run.stderr, '');
    assert.equal(run.status, 0);
  });
});
