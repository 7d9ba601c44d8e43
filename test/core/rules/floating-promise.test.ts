// floating-promise: the case table (test/cases/floating-promise.ts), then the tests that need more than a table.
import { groups } from '../../cases/floating-promise';
import { runGroups } from './rule-tester';

const RULE = 'floating-promise';

describe('floating-promise', () => {
  runGroups(RULE, groups);
});
