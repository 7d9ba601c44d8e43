// unawaited-promise-all: the case table (test/cases/unawaited-promise-all.ts), then the tests that need more than a table.
import { groups } from '../../cases/unawaited-promise-all';
import { runGroups } from './rule-tester';

const RULE = 'unawaited-promise-all';

describe('unawaited-promise-all', () => {
  runGroups(RULE, groups);
});
