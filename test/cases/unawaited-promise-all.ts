// unawaited-promise-all: the case table. Valid cases include the near misses; invalid cases
// state the range, the message id and every fix with the exact text after it.
// The core's tests (test/core/rules/unawaited-promise-all.test.ts) and the ESLint plugin's RuleTester
// (test/eslint) both run it.
import type { CaseGroup } from './types';
import { casesOf } from './types';

/** The cases, grouped by the behaviour they show, in the order the core's tests run them. */
export const groups: readonly CaseGroup[] = [
  {
    title: 'valid: awaited, returned or void-ed',
    valid: [
      {
        name: 'awaited statement',
        code: `async function main(xs: Promise<number>[]) {
  await Promise.all(xs);
}
`,
      },
      {
        name: 'returned',
        code: `function main(xs: Promise<number>[]) {
  return Promise.allSettled(xs);
}
`,
      },
      {
        name: 'void-ed statement',
        code: `function main(xs: Promise<number>[]) {
  void Promise.all(xs);
}
`,
      },
      {
        name: 'awaited initializer, destructured',
        code: `async function main(x: () => Promise<number>, y: () => Promise<string>) {
  const [a, b] = await Promise.all([x(), y()]);
  return a + b;
}
`,
      },
      {
        name: 'awaited in a for…of header',
        code: `async function main(xs: Promise<number>[]) {
  for (const x of await Promise.all(xs)) console.log(x);
}
`,
      },
      {
        name: 'a local awaited later',
        code: `async function main(xs: Promise<number>[]) {
  const all = Promise.all(xs);
  console.log('started');
  const results = await all;
  return results.length;
}
`,
      },
      {
        name: 'a local returned',
        code: `function main(xs: Promise<number>[]) {
  const all = Promise.any(xs);
  return all;
}
`,
      },
      {
        name: 'a local void-ed',
        code: `function main(xs: Promise<number>[]) {
  const all = Promise.all(xs);
  void all;
}
`,
      },
    ],
  },
  {
    title: 'valid: passed on',
    valid: [
      {
        name: 'this.ready = Promise.all(…)',
        code: `class Service {
  ready: Promise<unknown>;
  constructor(xs: Promise<number>[]) {
    this.ready = Promise.all(xs);
  }
}
`,
      },
      {
        name: 'export const ready = Promise.all(…)',
        code: `declare const xs: Promise<number>[];
export const ready = Promise.all(xs);
`,
      },
      {
        name: 'await Promise.race([p, timeout]) where p is a local from Promise.all',
        code: `async function main(xs: Promise<number>[], timeout: Promise<never>) {
  const p = Promise.all(xs);
  return await Promise.race([p, timeout]);
}
`,
      },
      {
        name: 'an argument',
        code: `function main(xs: Promise<number>[], track: (p: Promise<unknown>) => void) {
  const all = Promise.all(xs);
  track(all);
}
`,
      },
      {
        name: '.then(a, b)',
        code: `function main(xs: Promise<number>[]) {
  const all = Promise.all(xs);
  all.then((values) => console.log(values), (error) => console.error(error));
}
`,
      },
      {
        name: '.catch(f)',
        code: `function main(xs: Promise<number>[]) {
  const all = Promise.all(xs);
  all.catch((error) => console.error(error));
}
`,
      },
      {
        name: 'yield p',
        code: `function* steps(xs: Promise<number>[]) {
  const all = Promise.all(xs);
  yield all;
}
`,
      },
      {
        name: 'a later export',
        code: `declare const xs: Promise<number>[];
const ready = Promise.all(xs);
export { ready };
`,
      },
      {
        name: 'a shorthand property',
        code: `function main(xs: Promise<number>[]) {
  const ready = Promise.all(xs);
  return { ready };
}
`,
      },
      {
        name: 'captured by a closure',
        code: `function main(xs: Promise<number>[]) {
  const all = Promise.all(xs);
  return () => all;
}
`,
      },
      {
        name: 'assigned to a member',
        code: `function main(xs: Promise<number>[], state: { pending?: Promise<unknown> }) {
  const all = Promise.all(xs);
  state.pending = all;
}
`,
      },
      {
        name: 'a let written again before its value is read',
        code: `async function main(xs: Promise<number>[]) {
  let results: any = Promise.all(xs);
  results = await results;
  return results.length;
}
`,
      },
      {
        name: 'JavaScript: a var written again before its value is read',
        fileName: 'main.js',
        code: `async function main(xs) {
  var results = Promise.all(xs);
  results = await results;
  return results.length;
}
`,
      },
    ],
  },
  {
    title: 'valid: not this rule',
    valid: [
      {
        name: 'Promise.all(xs).then(f) is floating-promise’s',
        code: `async function main(xs: Promise<number>[]) {
  Promise.all(xs).then(console.log);
}
`,
      },
      {
        name: 'Promise.resolve() is not a combinator',
        code: `Promise.resolve(1);
`,
      },
      {
        name: 'an imported Promise is not the built-in one',
        code: `import Promise from 'bluebird';
Promise.all([1, 2]);
`,
      },
      {
        name: 'a parameter named Promise shadows the global',
        code: `function main(Promise: { all(xs: unknown[]): void }) {
  Promise.all([1]);
}
`,
      },
      {
        name: 'another library’s all()',
        code: `Bluebird.all([1, 2]);
`,
      },
      {
        name: 'an assignment to an outer variable',
        code: `let pending: Promise<unknown> | undefined;
function start(xs: Promise<number>[]) {
  pending = Promise.all(xs);
}
`,
      },
    ],
  },
  {
    title: 'invalid: a bare statement',
    invalid: [
      {
        name: 'Promise.all(…) in an async function',
        code: `async function main(xs: Promise<number>[]) {
  Promise.all(xs);
  console.log('done');
}
`,
        findings: [
          {
            line: 2,
            column: 3,
            endLine: 2,
            endColumn: 18,
            messageId: 'unawaited-promise-all.bare',
            fixes: [
              {
                titleId: 'fix.add-await',
                safety: 'unsafe',
                preferred: true,
                output: `async function main(xs: Promise<number>[]) {
  await Promise.all(xs);
  console.log('done');
}
`,
              },
            ],
          },
        ],
      },
      {
        name: 'Promise.allSettled(…) at module top level: no await there',
        code: `declare const xs: Promise<number>[];
Promise.allSettled(xs);
`,
        findings: [
          {
            line: 2,
            column: 1,
            endLine: 2,
            endColumn: 23,
            messageId: 'unawaited-promise-all.bare',
            fixes: [],
          },
        ],
      },
      {
        name: 'Promise.race(…) in a sync callback inside an async function: no await there',
        code: `async function main(groups: Promise<number>[][]) {
  groups.forEach((group) => {
    Promise.race(group);
  });
}
`,
        findings: [
          {
            line: 3,
            column: 5,
            endLine: 3,
            endColumn: 24,
            messageId: 'unawaited-promise-all.bare',
            fixes: [],
          },
        ],
      },
      {
        name: 'a parenthesized Promise.any(…)',
        code: `async function main(xs: Promise<number>[]) {
  (Promise.any(xs));
}
`,
        findings: [
          {
            line: 2,
            column: 3,
            endLine: 2,
            endColumn: 20,
            messageId: 'unawaited-promise-all.bare',
            fixes: [
              {
                titleId: 'fix.add-await',
                safety: 'unsafe',
                preferred: true,
                output: `async function main(xs: Promise<number>[]) {
  await (Promise.any(xs));
}
`,
              },
            ],
          },
        ],
      },
      {
        name: 'a syntax error elsewhere in the file still gives the finding',
        code: `async function main(xs: Promise<number>[]) {
  Promise.all(xs);
  const broken = ;
}
`,
        findings: [
          {
            line: 2,
            column: 3,
            endLine: 2,
            endColumn: 18,
            messageId: 'unawaited-promise-all.bare',
            fixes: [
              {
                titleId: 'fix.add-await',
                safety: 'unsafe',
                preferred: true,
                output: `async function main(xs: Promise<number>[]) {
  await Promise.all(xs);
  const broken = ;
}
`,
              },
            ],
          },
        ],
      },
    ],
  },
  {
    title: 'invalid: destructured as if it were the results',
    invalid: [
      {
        name: 'const [a, b] = Promise.all(…) in an async function: the safe fix',
        code: `async function main(x: () => Promise<number>, y: () => Promise<string>) {
  const [a, b] = Promise.all([x(), y()]);
  return [a, b];
}
`,
        findings: [
          {
            line: 2,
            column: 18,
            endLine: 2,
            endColumn: 41,
            messageId: 'unawaited-promise-all.destructured',
            fixes: [
              {
                titleId: 'fix.await-initializer',
                safety: 'safe',
                preferred: true,
                output: `async function main(x: () => Promise<number>, y: () => Promise<string>) {
  const [a, b] = await Promise.all([x(), y()]);
  return [a, b];
}
`,
              },
            ],
          },
        ],
      },
      {
        name: 'const { length } = Promise.all(…)',
        code: `async function main(xs: Promise<number>[]) {
  const { length } = Promise.all(xs);
  return length;
}
`,
        findings: [
          {
            line: 2,
            column: 22,
            endLine: 2,
            endColumn: 37,
            messageId: 'unawaited-promise-all.destructured',
            fixes: [
              {
                titleId: 'fix.await-initializer',
                safety: 'safe',
                preferred: true,
                output: `async function main(xs: Promise<number>[]) {
  const { length } = await Promise.all(xs);
  return length;
}
`,
              },
            ],
          },
        ],
      },
      {
        name: 'destructured in a sync function: no fix',
        code: `function main(xs: Promise<number>[]) {
  const [first] = Promise.all(xs);
  return first;
}
`,
        findings: [
          {
            line: 2,
            column: 19,
            endLine: 2,
            endColumn: 34,
            messageId: 'unawaited-promise-all.destructured',
            fixes: [],
          },
        ],
      },
      {
        name: 'JavaScript: destructured in an async arrow',
        fileName: 'main.js',
        code: `const main = async (xs) => {
  const [first, second] = Promise.all(xs);
  return first + second;
};
`,
        findings: [
          {
            line: 2,
            column: 27,
            endLine: 2,
            endColumn: 42,
            messageId: 'unawaited-promise-all.destructured',
            fixes: [
              {
                titleId: 'fix.await-initializer',
                safety: 'safe',
                preferred: true,
                output: `const main = async (xs) => {
  const [first, second] = await Promise.all(xs);
  return first + second;
};
`,
              },
            ],
          },
        ],
      },
    ],
  },
  {
    title: 'invalid: a local read as if it were the results',
    invalid: [
      {
        name: 'const n = Promise.all(xs); n.length',
        code: `async function main(xs: Promise<number>[]) {
  const n = Promise.all(xs);
  return n.length;
}
`,
        findings: [
          {
            line: 3,
            column: 10,
            endLine: 3,
            endColumn: 18,
            messageId: 'unawaited-promise-all.used-as-value',
            fixes: [
              {
                titleId: 'fix.await-initializer',
                safety: 'safe',
                preferred: true,
                output: `async function main(xs: Promise<number>[]) {
  const n = await Promise.all(xs);
  return n.length;
}
`,
              },
            ],
          },
        ],
      },
      {
        name: 'indexed',
        code: `async function main(xs: Promise<number>[]) {
  const values = Promise.all(xs);
  console.log(values[0]);
}
`,
        findings: [
          {
            line: 3,
            column: 15,
            endLine: 3,
            endColumn: 24,
            messageId: 'unawaited-promise-all.used-as-value',
            fixes: [
              {
                titleId: 'fix.await-initializer',
                safety: 'safe',
                preferred: true,
                output: `async function main(xs: Promise<number>[]) {
  const values = await Promise.all(xs);
  console.log(values[0]);
}
`,
              },
            ],
          },
        ],
      },
      {
        name: 'for…of over the promise',
        code: `async function main(xs: Promise<number>[]) {
  const values = Promise.all(xs);
  for (const value of values) console.log(value);
}
`,
        findings: [
          {
            line: 3,
            column: 23,
            endLine: 3,
            endColumn: 29,
            messageId: 'unawaited-promise-all.used-as-value',
            fixes: [
              {
                titleId: 'fix.await-initializer',
                safety: 'safe',
                preferred: true,
                output: `async function main(xs: Promise<number>[]) {
  const values = await Promise.all(xs);
  for (const value of values) console.log(value);
}
`,
              },
            ],
          },
        ],
      },
      {
        name: 'spread',
        code: `async function main(xs: Promise<number>[]) {
  const values = Promise.allSettled(xs);
  return [...values];
}
`,
        findings: [
          {
            line: 3,
            column: 11,
            endLine: 3,
            endColumn: 20,
            messageId: 'unawaited-promise-all.used-as-value',
            fixes: [
              {
                titleId: 'fix.await-initializer',
                safety: 'safe',
                preferred: true,
                output: `async function main(xs: Promise<number>[]) {
  const values = await Promise.allSettled(xs);
  return [...values];
}
`,
              },
            ],
          },
        ],
      },
      {
        name: 'destructured later',
        code: `async function main(xs: Promise<number>[]) {
  const values = Promise.all(xs);
  const [first] = values;
  return first;
}
`,
        findings: [
          {
            line: 3,
            column: 19,
            endLine: 3,
            endColumn: 25,
            messageId: 'unawaited-promise-all.used-as-value',
            fixes: [
              {
                titleId: 'fix.await-initializer',
                safety: 'safe',
                preferred: true,
                output: `async function main(xs: Promise<number>[]) {
  const values = await Promise.all(xs);
  const [first] = values;
  return first;
}
`,
              },
            ],
          },
        ],
      },
      {
        name: 'also passed on: the await fix is unsafe',
        code: `async function main(xs: Promise<number>[], track: (p: unknown) => void) {
  const values = Promise.all(xs);
  track(values);
  return values.length;
}
`,
        findings: [
          {
            line: 4,
            column: 10,
            endLine: 4,
            endColumn: 23,
            messageId: 'unawaited-promise-all.used-as-value',
            fixes: [
              {
                titleId: 'fix.add-await',
                safety: 'unsafe',
                preferred: true,
                output: `async function main(xs: Promise<number>[], track: (p: unknown) => void) {
  const values = await Promise.all(xs);
  track(values);
  return values.length;
}
`,
              },
            ],
          },
        ],
      },
      {
        name: 'in a sync function: no fix',
        code: `function count(xs: Promise<number>[]) {
  const values = Promise.all(xs);
  return values.length;
}
`,
        findings: [
          {
            line: 3,
            column: 10,
            endLine: 3,
            endColumn: 23,
            messageId: 'unawaited-promise-all.used-as-value',
            fixes: [],
          },
        ],
      },
    ],
  },
  {
    title: 'invalid: a local never awaited, returned or passed on',
    invalid: [
      {
        name: 'in an async function',
        code: `async function main(xs: Promise<number>[]) {
  const all = Promise.all(xs);
  console.log('done');
}
`,
        findings: [
          {
            line: 2,
            column: 9,
            endLine: 2,
            endColumn: 12,
            messageId: 'unawaited-promise-all.unused',
            fixes: [
              {
                titleId: 'fix.add-await',
                safety: 'unsafe',
                preferred: true,
                output: `async function main(xs: Promise<number>[]) {
  const all = await Promise.all(xs);
  console.log('done');
}
`,
              },
            ],
          },
        ],
      },
      {
        name: 'at module top level: no fix',
        code: `declare const xs: Promise<number>[];
const all = Promise.race(xs);
`,
        findings: [
          {
            line: 2,
            column: 7,
            endLine: 2,
            endColumn: 10,
            messageId: 'unawaited-promise-all.unused',
            fixes: [],
          },
        ],
      },
    ],
  },
];

/** The same cases, ungrouped. */
export const { valid, invalid } = casesOf(groups);
