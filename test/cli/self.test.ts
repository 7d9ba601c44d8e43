import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { runCli } from './helpers';

// We practise what we teach: our own code passes our own CLI.
describe('cli: our own sources', () => {
  it('finds nothing in src/, scripts/, bench/ and test/', () => {
    const root = path.join(__dirname, '..', '..');
    const run = runCli(['src', 'scripts', 'bench', 'test'], root);
    assert.match(run.stdout, /^No findings in \d+ files analysed\.\n$/);
    assert.equal(run.stderr, '');
    assert.equal(run.status, 0);
  });
});
