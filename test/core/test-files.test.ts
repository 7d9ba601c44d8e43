// isTestFile: which paths, relative to the workspace folder or the CLI's working directory, are tests.
import { strict as assert } from 'node:assert';
import { isTestFile } from '../../src/core/test-files';

describe('isTestFile', () => {
  it('matches **/*.test.* and **/*.spec.* at any depth', () => {
    for (const path of ['a.test.ts', 'src/a.test.ts', 'src/deep/b.spec.tsx', 'x.test.js', 'lib/y.spec.mjs', './c.test.cts']) {
      assert.equal(isTestFile(path), true, path);
    }
  });

  it('matches everything under test/, tests/ and __tests__/ at the root', () => {
    for (const path of ['test/a.ts', 'test/deep/helpers.js', 'tests/b.ts', '__tests__/c.tsx', './test/d.ts']) {
      assert.equal(isTestFile(path), true, path);
    }
  });

  it('does not match other files, or test folders below the root', () => {
    for (const path of [
      'src/a.ts',
      'test.ts',
      'src/test.ts',
      'src/latest.ts',
      'src/contest.spec',
      'src/testing/a.ts',
      'src/test/a.ts',
      'packages/x/__tests__/a.ts',
      'testdata/a.ts',
      'test',
      '',
      '../test/a.ts',
    ]) {
      assert.equal(isTestFile(path), false, path);
    }
  });

  it('matches a file outside the folder by its name only', () => {
    assert.equal(isTestFile('../other/a.test.ts'), true);
  });
});
