// floating-promise: the case table. Valid cases include the near misses; invalid cases
// state the range, the message id and every fix with the exact text after it.
// The core's tests (test/core/rules/floating-promise.test.ts) and the ESLint plugin's RuleTester
// (test/eslint) both run it.
import type { CaseGroup } from './types';
import { casesOf } from './types';

/** The cases, grouped by the behaviour they show, in the order the core's tests run them. */
export const groups: readonly CaseGroup[] = [
  {
    title: 'valid: the promise is handled',
    valid: [
      {
        name: 'awaited',
        code: `async function load() {}
async function main() {
  await load();
}
`,
      },
      {
        name: 'returned',
        code: `async function load() {}
function main() {
  return load();
}
`,
      },
      {
        name: 'void-ed',
        code: `async function load() {}
void load();
`,
      },
      {
        name: '.catch(f)',
        code: `async function load() {}
load().catch((error) => console.error(error));
`,
      },
      {
        name: '.then(a, b)',
        code: `async function load() {}
load().then(() => {}, (error) => console.error(error));
`,
      },
      {
        name: '.then(a).catch(b)',
        code: `async function load() {}
load().then(() => {}).catch(() => {});
`,
      },
      {
        name: '.catch(f).finally(g): finally passes on a handled rejection',
        code: `async function load() {}
load().catch(() => {}).finally(() => {});
`,
      },
      {
        name: 'assigned to a variable',
        code: `async function load() {}
const pending = load();
`,
      },
      {
        name: 'assigned to a member',
        code: `async function load() {}
const state = { pending: undefined as unknown };
state.pending = load();
`,
      },
      {
        name: 'yielded by a generator',
        code: `async function load() {}
function* steps() {
  yield load();
}
`,
      },
      {
        name: 'async IIFE with .catch(f)',
        code: `async function load() {}
(async () => {
  await load();
})().catch((error) => console.error(error));
`,
      },
    ],
  },
  {
    title: 'valid: the async IIFE cannot reject',
    valid: [
      {
        name: 'whole body is a try/catch that does not rethrow',
        code: `async function load() {}
(async () => {
  try {
    await load();
  } catch (error) {
    console.error(error);
  }
})();
`,
      },
      {
        name: 'a throw inside a nested function of the catch block does not count',
        code: `(async function () {
  try {
    await fetch('/x');
  } catch (error) {
    setTimeout(() => {
      throw error;
    });
  }
})();
`,
      },
    ],
  },
  {
    title: 'valid: a local async function that cannot reject',
    valid: [
      {
        name: 'a const arrow whose whole body is a try/catch that hands the error to reject',
        code: `function start(retain: () => Promise<void>): Promise<void> {
  return new Promise((resolve, reject) => {
    const init = async () => {
      try {
        await retain();
        resolve();
      } catch (error) {
        reject(error);
      }
    };
    init();
  });
}
`,
      },
      {
        name: 'a function declaration whose whole body is a try/catch that does not rethrow',
        code: `async function refresh() {
  try {
    await fetch('/x');
  } catch (error) {
    console.error(error);
  }
}
refresh();
`,
      },
      {
        name: 'a function whose whole body is a try whose finally ends the process',
        code: `declare function stopAll(): Promise<void>;
async function fatal(message: string) {
  try {
    console.error(message);
    await stopAll();
  } finally {
    process.exit(1);
  }
}
fatal('the emulator exited');
`,
      },
    ],
  },
  {
    title: 'valid: shadowing',
    valid: [
      {
        name: 'a local fetch shadows the global',
        code: `function main() {
  const fetch = (url: string) => url.length;
  fetch('/x');
}
`,
      },
      {
        name: 'a parameter named like an async function shadows it',
        code: `async function load() {}
function run(load: () => void) {
  load();
}
`,
      },
      {
        name: 'a parameter named fetch shadows the global',
        code: `function run(fetch: (url: string) => void) {
  fetch('/x');
}
`,
      },
      {
        name: 'an imported Promise is not the built-in one',
        code: `import Promise from 'bluebird';
Promise.resolve(1);
new Promise((resolve) => resolve(1));
`,
      },
      {
        name: 'a let that is reassigned may no longer hold the async function',
        code: `let load = async () => {};
load = () => 1;
load();
`,
      },
    ],
  },
  {
    title: 'valid: not known promises',
    valid: [
      {
        name: 'a Cypress chain',
        code: `cy.get('x').then(($el) => $el.click());
`,
      },
      {
        name: 'a query builder',
        code: `db.select().from(t).then((rows) => console.log(rows));
`,
      },
      {
        name: "Zod's schema.catch",
        code: `const schema = z.string();
schema.catch('fallback');
`,
      },
      {
        name: 'a thenable without checkThenables',
        code: `thenable.then(f);
`,
      },
      {
        name: 'node:test registrations',
        code: `import { describe, it, test } from 'node:test';
describe('suite', () => {
  it('works', async () => {});
});
test('top', async () => {});
`,
      },
      {
        name: 'mocha globals',
        code: `describe('suite', () => {
  it('works', async () => {});
});
`,
      },
      {
        name: 'the callback API of node:fs',
        code: `import * as fs from 'node:fs';
fs.readFile('a', () => {});
`,
      },
      {
        name: 'a sync method through this',
        code: `class Store {
  save() {}
  run() {
    this.save();
  }
}
`,
      },
      {
        name: "this in an object literal's method is the object, not the class around it",
        code: `class Store {
  async save() {}
  run() {
    return { save() { return 1; }, go() { this.save(); } };
  }
}
`,
      },
      {
        name: 'PromiseLike is not the built-in Promise',
        code: `function main(pending: PromiseLike<void>) {
  pending;
}
`,
      },
      {
        name: 'a bare Promise.all(…) statement is unawaited-promise-all, not floating-promise',
        code: `async function main(xs: Promise<number>[]) {
  Promise.all(xs);
}
`,
      },
    ],
  },
  {
    title: 'invalid: unhandled chains',
    invalid: [
      {
        name: '.then(a) has no rejection handler',
        code: `async function load() {}
async function main() {
  load().then(() => {});
  console.log('started');
}
`,
        findings: [
          {
            line: 3,
            column: 3,
            endLine: 3,
            endColumn: 24,
            messageId: 'floating-promise.floating',
            fixes: [
              {
                titleId: 'fix.add-await',
                safety: 'unsafe',
                preferred: true,
                output: `async function load() {}
async function main() {
  await load().then(() => {});
  console.log('started');
}
`,
              },
              {
                titleId: 'fix.add-catch',
                safety: 'unsafe',
                preferred: false,
                output: `async function load() {}
async function main() {
  load().then(() => {}).catch((error: unknown) => {
    console.error(error);
  });
  console.log('started');
}
`,
              },
              {
                titleId: 'fix.void',
                safety: 'unsafe',
                preferred: false,
                output: `async function load() {}
async function main() {
  void load().then(() => {});
  console.log('started');
}
`,
              },
            ],
          },
        ],
      },
      {
        name: 'a local async function whose catch rethrows can still reject',
        code: `async function refresh() {
  try {
    await fetch('/x');
  } catch (error) {
    throw error;
  }
}
refresh();
`,
        findings: [
          {
            line: 8,
            column: 1,
            endLine: 8,
            endColumn: 10,
            messageId: 'floating-promise.floating',
            fixes: [
              {
                titleId: 'fix.add-catch',
                safety: 'unsafe',
                preferred: true,
                output: `async function refresh() {
  try {
    await fetch('/x');
  } catch (error) {
    throw error;
  }
}
refresh().catch((error: unknown) => {
  console.error(error);
});
`,
              },
              {
                titleId: 'fix.void',
                safety: 'unsafe',
                preferred: false,
                output: `async function refresh() {
  try {
    await fetch('/x');
  } catch (error) {
    throw error;
  }
}
void refresh();
`,
              },
            ],
          },
        ],
      },
      {
        name: '.finally(f) at module top level: no await there',
        code: `async function load() {}
load().finally(() => {});
`,
        findings: [
          {
            line: 2,
            column: 1,
            endLine: 2,
            endColumn: 25,
            messageId: 'floating-promise.floating',
            fixes: [
              {
                titleId: 'fix.add-catch',
                safety: 'unsafe',
                preferred: true,
                output: `async function load() {}
load().finally(() => {}).catch((error: unknown) => {
  console.error(error);
});
`,
              },
              {
                titleId: 'fix.void',
                safety: 'unsafe',
                preferred: false,
                output: `async function load() {}
void load().finally(() => {});
`,
              },
            ],
          },
        ],
      },
      {
        name: '.then(a, undefined) is no rejection handler',
        code: `async function load() {}
load().then(() => {}, undefined);
`,
        findings: [
          {
            line: 2,
            column: 1,
            endLine: 2,
            endColumn: 33,
            messageId: 'floating-promise.floating',
            fixes: [
              {
                titleId: 'fix.add-catch',
                safety: 'unsafe',
                preferred: true,
                output: `async function load() {}
load().then(() => {}, undefined).catch((error: unknown) => {
  console.error(error);
});
`,
              },
              {
                titleId: 'fix.void',
                safety: 'unsafe',
                preferred: false,
                output: `async function load() {}
void load().then(() => {}, undefined);
`,
              },
            ],
          },
        ],
      },
      {
        name: 'a chain on Promise.all(…) is floating-promise’s, with return as the last statement',
        code: `async function main(xs: Promise<number>[]) {
  Promise.all(xs).then(console.log);
}
`,
        findings: [
          {
            line: 2,
            column: 3,
            endLine: 2,
            endColumn: 36,
            messageId: 'floating-promise.floating',
            fixes: [
              {
                titleId: 'fix.add-await',
                safety: 'unsafe',
                preferred: true,
                output: `async function main(xs: Promise<number>[]) {
  await Promise.all(xs).then(console.log);
}
`,
              },
              {
                titleId: 'fix.return',
                safety: 'unsafe',
                preferred: false,
                output: `async function main(xs: Promise<number>[]) {
  return Promise.all(xs).then(console.log);
}
`,
              },
              {
                titleId: 'fix.add-catch',
                safety: 'unsafe',
                preferred: false,
                output: `async function main(xs: Promise<number>[]) {
  Promise.all(xs).then(console.log).catch((error: unknown) => {
    console.error(error);
  });
}
`,
              },
              {
                titleId: 'fix.void',
                safety: 'unsafe',
                preferred: false,
                output: `async function main(xs: Promise<number>[]) {
  void Promise.all(xs).then(console.log);
}
`,
              },
            ],
          },
        ],
      },
      {
        name: 'checkThenables flags any thenable chain',
        code: `thenable.then(f);
`,
        options: { checkThenables: true },
        findings: [
          {
            line: 1,
            column: 1,
            endLine: 1,
            endColumn: 17,
            messageId: 'floating-promise.floating',
            fixes: [
              {
                titleId: 'fix.add-catch',
                safety: 'unsafe',
                preferred: true,
                output: `thenable.then(f).catch((error: unknown) => {
  console.error(error);
});
`,
              },
              {
                titleId: 'fix.void',
                safety: 'unsafe',
                preferred: false,
                output: `void thenable.then(f);
`,
              },
            ],
          },
        ],
      },
    ],
  },
  {
    title: 'invalid: parentheses where the fix needs them',
    invalid: [
      {
        name: 'a && load(): await and void take parentheses; .catch goes on the promise, since (false).catch throws',
        code: `async function load() {}
async function main(ready: boolean) {
  ready && load();
  console.log('started');
}
`,
        findings: [
          {
            line: 3,
            column: 3,
            endLine: 3,
            endColumn: 18,
            messageId: 'floating-promise.floating',
            fixes: [
              {
                titleId: 'fix.add-await',
                safety: 'unsafe',
                preferred: true,
                output: `async function load() {}
async function main(ready: boolean) {
  await (ready && load());
  console.log('started');
}
`,
              },
              {
                titleId: 'fix.add-catch',
                safety: 'unsafe',
                preferred: false,
                output: `async function load() {}
async function main(ready: boolean) {
  ready && load().catch((error: unknown) => {
    console.error(error);
  });
  console.log('started');
}
`,
              },
              {
                titleId: 'fix.void',
                safety: 'unsafe',
                preferred: false,
                output: `async function load() {}
async function main(ready: boolean) {
  void (ready && load());
  console.log('started');
}
`,
              },
            ],
          },
        ],
      },
      {
        name: 'a conditional with one promise branch: .catch goes on that branch',
        code: `async function load() {}
function start(ready: boolean) {
  ready ? load() : null;
  console.log('started');
}
`,
        findings: [
          {
            line: 3,
            column: 3,
            endLine: 3,
            endColumn: 24,
            messageId: 'floating-promise.floating',
            fixes: [
              {
                titleId: 'fix.add-catch',
                safety: 'unsafe',
                preferred: true,
                output: `async function load() {}
function start(ready: boolean) {
  ready ? load().catch((error: unknown) => {
    console.error(error);
  }) : null;
  console.log('started');
}
`,
              },
              {
                titleId: 'fix.void',
                safety: 'unsafe',
                preferred: false,
                output: `async function load() {}
function start(ready: boolean) {
  void (ready ? load() : null);
  console.log('started');
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
    title: 'invalid: where await is not legal',
    invalid: [
      {
        name: 'a sync callback inside an async function gets no await',
        code: `async function load() {}
async function main(items: number[]) {
  items.forEach(() => {
    load();
  });
}
`,
        findings: [
          {
            line: 4,
            column: 5,
            endLine: 4,
            endColumn: 11,
            messageId: 'floating-promise.floating',
            fixes: [
              {
                titleId: 'fix.return',
                safety: 'unsafe',
                preferred: true,
                output: `async function load() {}
async function main(items: number[]) {
  items.forEach(() => {
    return load();
  });
}
`,
              },
              {
                titleId: 'fix.add-catch',
                safety: 'unsafe',
                preferred: false,
                output: `async function load() {}
async function main(items: number[]) {
  items.forEach(() => {
    load().catch((error: unknown) => {
      console.error(error);
    });
  });
}
`,
              },
              {
                titleId: 'fix.void',
                safety: 'unsafe',
                preferred: false,
                output: `async function load() {}
async function main(items: number[]) {
  items.forEach(() => {
    void load();
  });
}
`,
              },
            ],
          },
        ],
      },
      {
        name: 'a function with a declared return type gets no return fix',
        code: `async function load() {}
function start(): void {
  load();
}
`,
        findings: [
          {
            line: 3,
            column: 3,
            endLine: 3,
            endColumn: 9,
            messageId: 'floating-promise.floating',
            fixes: [
              {
                titleId: 'fix.add-catch',
                safety: 'unsafe',
                preferred: true,
                output: `async function load() {}
function start(): void {
  load().catch((error: unknown) => {
    console.error(error);
  });
}
`,
              },
              {
                titleId: 'fix.void',
                safety: 'unsafe',
                preferred: false,
                output: `async function load() {}
function start(): void {
  void load();
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
    title: 'invalid: async IIFE and arrays of promises',
    invalid: [
      {
        name: 'an async IIFE',
        code: `(async () => {
  await fetch('/x');
})();
`,
        findings: [
          {
            line: 1,
            column: 1,
            endLine: 3,
            endColumn: 5,
            messageId: 'floating-promise.floating-iife',
            fixes: [
              {
                titleId: 'fix.add-catch',
                safety: 'unsafe',
                preferred: true,
                output: `(async () => {
  await fetch('/x');
})().catch((error: unknown) => {
  console.error(error);
});
`,
              },
              {
                titleId: 'fix.void',
                safety: 'unsafe',
                preferred: false,
                output: `void (async () => {
  await fetch('/x');
})();
`,
              },
            ],
          },
        ],
      },
      {
        name: 'an async IIFE whose catch rethrows',
        code: `(async () => {
  try {
    await fetch('/x');
  } catch (error) {
    throw error;
  }
})();
`,
        findings: [
          {
            line: 1,
            column: 1,
            endLine: 7,
            endColumn: 5,
            messageId: 'floating-promise.floating-iife',
            fixes: [
              {
                titleId: 'fix.add-catch',
                safety: 'unsafe',
                preferred: true,
                output: `(async () => {
  try {
    await fetch('/x');
  } catch (error) {
    throw error;
  }
})().catch((error: unknown) => {
  console.error(error);
});
`,
              },
              {
                titleId: 'fix.void',
                safety: 'unsafe',
                preferred: false,
                output: `void (async () => {
  try {
    await fetch('/x');
  } catch (error) {
    throw error;
  }
})();
`,
              },
            ],
          },
        ],
      },
      {
        name: 'items.map(async …) as a statement: four combinators and void',
        code: `async function main(items: string[]) {
  items.map(async (item) => fetch(item));
}
`,
        findings: [
          {
            line: 2,
            column: 3,
            endLine: 2,
            endColumn: 41,
            messageId: 'floating-promise.floating-array',
            fixes: [
              {
                titleId: 'fix.await-all',
                safety: 'unsafe',
                preferred: true,
                output: `async function main(items: string[]) {
  await Promise.all(items.map(async (item) => fetch(item)));
}
`,
              },
              {
                titleId: 'fix.await-all-settled',
                safety: 'unsafe',
                preferred: false,
                output: `async function main(items: string[]) {
  await Promise.allSettled(items.map(async (item) => fetch(item)));
}
`,
              },
              {
                titleId: 'fix.await-race',
                safety: 'unsafe',
                preferred: false,
                output: `async function main(items: string[]) {
  await Promise.race(items.map(async (item) => fetch(item)));
}
`,
              },
              {
                titleId: 'fix.await-any',
                safety: 'unsafe',
                preferred: false,
                output: `async function main(items: string[]) {
  await Promise.any(items.map(async (item) => fetch(item)));
}
`,
              },
              {
                titleId: 'fix.void',
                safety: 'unsafe',
                preferred: false,
                output: `async function main(items: string[]) {
  void items.map(async (item) => fetch(item));
}
`,
              },
            ],
          },
        ],
      },
      {
        name: 'a parenthesized items.map(async …) gets no doubled parentheses',
        code: `async function main(items: string[]) {
  (items.map(async (item) => fetch(item)));
}
`,
        findings: [
          {
            line: 2,
            column: 3,
            endLine: 2,
            endColumn: 43,
            messageId: 'floating-promise.floating-array',
            fixes: [
              {
                titleId: 'fix.await-all',
                safety: 'unsafe',
                preferred: true,
                output: `async function main(items: string[]) {
  await Promise.all(items.map(async (item) => fetch(item)));
}
`,
              },
              {
                titleId: 'fix.await-all-settled',
                safety: 'unsafe',
                preferred: false,
                output: `async function main(items: string[]) {
  await Promise.allSettled(items.map(async (item) => fetch(item)));
}
`,
              },
              {
                titleId: 'fix.await-race',
                safety: 'unsafe',
                preferred: false,
                output: `async function main(items: string[]) {
  await Promise.race(items.map(async (item) => fetch(item)));
}
`,
              },
              {
                titleId: 'fix.await-any',
                safety: 'unsafe',
                preferred: false,
                output: `async function main(items: string[]) {
  await Promise.any(items.map(async (item) => fetch(item)));
}
`,
              },
              {
                titleId: 'fix.void',
                safety: 'unsafe',
                preferred: false,
                output: `async function main(items: string[]) {
  void (items.map(async (item) => fetch(item)));
}
`,
              },
            ],
          },
        ],
      },
      {
        name: 'a conditional array of promises gets only void (Promise.all(false) would reject)',
        code: `async function main(items: string[], ready: boolean) {
  ready && items.map(async (item) => fetch(item));
}
`,
        findings: [
          {
            line: 2,
            column: 3,
            endLine: 2,
            endColumn: 50,
            messageId: 'floating-promise.floating-array',
            fixes: [
              {
                titleId: 'fix.void',
                safety: 'unsafe',
                preferred: true,
                output: `async function main(items: string[], ready: boolean) {
  void (ready && items.map(async (item) => fetch(item)));
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
    title: 'invalid: in a loop',
    invalid: [
      {
        name: 'the preferred fix collects, then awaits Promise.all after the loop',
        code: `async function save(item: string) {}
async function main(items: string[]) {
  for (const item of items) {
    save(item);
  }
  console.log('done');
}
`,
        findings: [
          {
            line: 4,
            column: 5,
            endLine: 4,
            endColumn: 15,
            messageId: 'floating-promise.floating',
            fixes: [
              {
                titleId: 'fix.collect-all',
                safety: 'unsafe',
                preferred: true,
                output: `async function save(item: string) {}
async function main(items: string[]) {
  const pending: Promise<unknown>[] = [];
  for (const item of items) {
    pending.push(save(item));
  }
  await Promise.all(pending);
  console.log('done');
}
`,
              },
              {
                titleId: 'fix.collect-all-settled',
                safety: 'unsafe',
                preferred: false,
                output: `async function save(item: string) {}
async function main(items: string[]) {
  const pending: Promise<unknown>[] = [];
  for (const item of items) {
    pending.push(save(item));
  }
  await Promise.allSettled(pending);
  console.log('done');
}
`,
              },
              {
                titleId: 'fix.add-await',
                safety: 'unsafe',
                preferred: false,
                output: `async function save(item: string) {}
async function main(items: string[]) {
  for (const item of items) {
    await save(item);
  }
  console.log('done');
}
`,
              },
              {
                titleId: 'fix.add-catch',
                safety: 'unsafe',
                preferred: false,
                output: `async function save(item: string) {}
async function main(items: string[]) {
  for (const item of items) {
    save(item).catch((error: unknown) => {
      console.error(error);
    });
  }
  console.log('done');
}
`,
              },
              {
                titleId: 'fix.void',
                safety: 'unsafe',
                preferred: false,
                output: `async function save(item: string) {}
async function main(items: string[]) {
  for (const item of items) {
    void save(item);
  }
  console.log('done');
}
`,
              },
            ],
          },
        ],
      },
      {
        name: 'an endless loop gets no collect fix (the await after it would never run)',
        code: `async function poll() {}
async function main() {
  while (true) {
    poll();
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}
`,
        findings: [
          {
            line: 4,
            column: 5,
            endLine: 4,
            endColumn: 11,
            messageId: 'floating-promise.floating',
            fixes: [
              {
                titleId: 'fix.add-await',
                safety: 'unsafe',
                preferred: true,
                output: `async function poll() {}
async function main() {
  while (true) {
    await poll();
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}
`,
              },
              {
                titleId: 'fix.add-catch',
                safety: 'unsafe',
                preferred: false,
                output: `async function poll() {}
async function main() {
  while (true) {
    poll().catch((error: unknown) => {
      console.error(error);
    });
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}
`,
              },
              {
                titleId: 'fix.void',
                safety: 'unsafe',
                preferred: false,
                output: `async function poll() {}
async function main() {
  while (true) {
    void poll();
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}
`,
              },
            ],
          },
        ],
      },
      {
        name: 'JavaScript: the collected array has no type annotation, the catch parameter none either',
        fileName: 'main.js',
        code: `async function save(item) {}
async function main(items) {
  for (const item of items) {
    save(item);
  }
}
`,
        findings: [
          {
            line: 4,
            column: 5,
            endLine: 4,
            endColumn: 15,
            messageId: 'floating-promise.floating',
            fixes: [
              {
                titleId: 'fix.collect-all',
                safety: 'unsafe',
                preferred: true,
                output: `async function save(item) {}
async function main(items) {
  const pending = [];
  for (const item of items) {
    pending.push(save(item));
  }
  await Promise.all(pending);
}
`,
              },
              {
                titleId: 'fix.collect-all-settled',
                safety: 'unsafe',
                preferred: false,
                output: `async function save(item) {}
async function main(items) {
  const pending = [];
  for (const item of items) {
    pending.push(save(item));
  }
  await Promise.allSettled(pending);
}
`,
              },
              {
                titleId: 'fix.add-await',
                safety: 'unsafe',
                preferred: false,
                output: `async function save(item) {}
async function main(items) {
  for (const item of items) {
    await save(item);
  }
}
`,
              },
              {
                titleId: 'fix.add-catch',
                safety: 'unsafe',
                preferred: false,
                output: `async function save(item) {}
async function main(items) {
  for (const item of items) {
    save(item).catch((error) => {
      console.error(error);
    });
  }
}
`,
              },
              {
                titleId: 'fix.void',
                safety: 'unsafe',
                preferred: false,
                output: `async function save(item) {}
async function main(items) {
  for (const item of items) {
    void save(item);
  }
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
    title: 'invalid: what the file shows is a promise',
    invalid: [
      {
        name: 'an async method through this',
        code: `class Store {
  async save() {}
  run() {
    this.save();
    console.log('saving');
  }
}
`,
        findings: [
          {
            line: 4,
            column: 5,
            endLine: 4,
            endColumn: 16,
            messageId: 'floating-promise.floating',
            fixes: [
              {
                titleId: 'fix.add-catch',
                safety: 'unsafe',
                preferred: true,
                output: `class Store {
  async save() {}
  run() {
    this.save().catch((error: unknown) => {
      console.error(error);
    });
    console.log('saving');
  }
}
`,
              },
              {
                titleId: 'fix.void',
                safety: 'unsafe',
                preferred: false,
                output: `class Store {
  async save() {}
  run() {
    void this.save();
    console.log('saving');
  }
}
`,
              },
            ],
          },
        ],
      },
      {
        name: 'new Promise(…), Promise.resolve(), import(…) and the global fetch',
        code: `new Promise((resolve) => resolve(1));
Promise.resolve();
import('x');
fetch('/x');
`,
        findings: [
          {
            line: 1,
            column: 1,
            endLine: 1,
            endColumn: 37,
            messageId: 'floating-promise.floating',
            fixes: [
              {
                titleId: 'fix.add-catch',
                safety: 'unsafe',
                preferred: true,
                output: `new Promise((resolve) => resolve(1)).catch((error: unknown) => {
  console.error(error);
});
Promise.resolve();
import('x');
fetch('/x');
`,
              },
              {
                titleId: 'fix.void',
                safety: 'unsafe',
                preferred: false,
                output: `void new Promise((resolve) => resolve(1));
Promise.resolve();
import('x');
fetch('/x');
`,
              },
            ],
          },
          {
            line: 2,
            column: 1,
            endLine: 2,
            endColumn: 18,
            messageId: 'floating-promise.floating',
            fixes: [
              {
                titleId: 'fix.add-catch',
                safety: 'unsafe',
                preferred: true,
                output: `new Promise((resolve) => resolve(1));
Promise.resolve().catch((error: unknown) => {
  console.error(error);
});
import('x');
fetch('/x');
`,
              },
              {
                titleId: 'fix.void',
                safety: 'unsafe',
                preferred: false,
                output: `new Promise((resolve) => resolve(1));
void Promise.resolve();
import('x');
fetch('/x');
`,
              },
            ],
          },
          {
            line: 3,
            column: 1,
            endLine: 3,
            endColumn: 12,
            messageId: 'floating-promise.floating',
            fixes: [
              {
                titleId: 'fix.add-catch',
                safety: 'unsafe',
                preferred: true,
                output: `new Promise((resolve) => resolve(1));
Promise.resolve();
import('x').catch((error: unknown) => {
  console.error(error);
});
fetch('/x');
`,
              },
              {
                titleId: 'fix.void',
                safety: 'unsafe',
                preferred: false,
                output: `new Promise((resolve) => resolve(1));
Promise.resolve();
void import('x');
fetch('/x');
`,
              },
            ],
          },
          {
            line: 4,
            column: 1,
            endLine: 4,
            endColumn: 12,
            messageId: 'floating-promise.floating',
            fixes: [
              {
                titleId: 'fix.add-catch',
                safety: 'unsafe',
                preferred: true,
                output: `new Promise((resolve) => resolve(1));
Promise.resolve();
import('x');
fetch('/x').catch((error: unknown) => {
  console.error(error);
});
`,
              },
              {
                titleId: 'fix.void',
                safety: 'unsafe',
                preferred: false,
                output: `new Promise((resolve) => resolve(1));
Promise.resolve();
import('x');
void fetch('/x');
`,
              },
            ],
          },
        ],
      },
      {
        name: 'a parameter annotated Promise<T>',
        code: `function watch(pending: Promise<number>) {
  pending;
}
`,
        findings: [
          {
            line: 2,
            column: 3,
            endLine: 2,
            endColumn: 10,
            messageId: 'floating-promise.floating',
            fixes: [
              {
                titleId: 'fix.return',
                safety: 'unsafe',
                preferred: true,
                output: `function watch(pending: Promise<number>) {
  return pending;
}
`,
              },
              {
                titleId: 'fix.add-catch',
                safety: 'unsafe',
                preferred: false,
                output: `function watch(pending: Promise<number>) {
  pending.catch((error: unknown) => {
    console.error(error);
  });
}
`,
              },
              {
                titleId: 'fix.void',
                safety: 'unsafe',
                preferred: false,
                output: `function watch(pending: Promise<number>) {
  void pending;
}
`,
              },
            ],
          },
        ],
      },
      {
        name: 'a syntax error elsewhere in the file still gives the finding',
        code: `async function load() {}
load();
const broken = ;
`,
        findings: [
          {
            line: 2,
            column: 1,
            endLine: 2,
            endColumn: 7,
            messageId: 'floating-promise.floating',
            fixes: [
              {
                titleId: 'fix.add-catch',
                safety: 'unsafe',
                preferred: true,
                output: `async function load() {}
load().catch((error: unknown) => {
  console.error(error);
});
const broken = ;
`,
              },
              {
                titleId: 'fix.void',
                safety: 'unsafe',
                preferred: false,
                output: `async function load() {}
void load();
const broken = ;
`,
              },
            ],
          },
        ],
      },
    ],
  },
  {
    title: 'invalid: Node promise APIs through imports',
    invalid: [
      {
        name: "import { readFile } from 'node:fs/promises'",
        code: `import { readFile } from 'node:fs/promises';
readFile('a');
`,
        findings: [
          {
            line: 2,
            column: 1,
            endLine: 2,
            endColumn: 14,
            messageId: 'floating-promise.floating',
            fixes: [
              {
                titleId: 'fix.add-catch',
                safety: 'unsafe',
                preferred: true,
                output: `import { readFile } from 'node:fs/promises';
readFile('a').catch((error: unknown) => {
  console.error(error);
});
`,
              },
              {
                titleId: 'fix.void',
                safety: 'unsafe',
                preferred: false,
                output: `import { readFile } from 'node:fs/promises';
void readFile('a');
`,
              },
            ],
          },
        ],
      },
      {
        name: "import * as fsp from 'fs/promises'",
        code: `import * as fsp from 'fs/promises';
fsp.writeFile('a', 'b');
`,
        findings: [
          {
            line: 2,
            column: 1,
            endLine: 2,
            endColumn: 24,
            messageId: 'floating-promise.floating',
            fixes: [
              {
                titleId: 'fix.add-catch',
                safety: 'unsafe',
                preferred: true,
                output: `import * as fsp from 'fs/promises';
fsp.writeFile('a', 'b').catch((error: unknown) => {
  console.error(error);
});
`,
              },
              {
                titleId: 'fix.void',
                safety: 'unsafe',
                preferred: false,
                output: `import * as fsp from 'fs/promises';
void fsp.writeFile('a', 'b');
`,
              },
            ],
          },
        ],
      },
      {
        name: 'fs.promises.readFile',
        code: `import fs from 'node:fs';
fs.promises.readFile('a');
`,
        findings: [
          {
            line: 2,
            column: 1,
            endLine: 2,
            endColumn: 26,
            messageId: 'floating-promise.floating',
            fixes: [
              {
                titleId: 'fix.add-catch',
                safety: 'unsafe',
                preferred: true,
                output: `import fs from 'node:fs';
fs.promises.readFile('a').catch((error: unknown) => {
  console.error(error);
});
`,
              },
              {
                titleId: 'fix.void',
                safety: 'unsafe',
                preferred: false,
                output: `import fs from 'node:fs';
void fs.promises.readFile('a');
`,
              },
            ],
          },
        ],
      },
      {
        name: "const { setTimeout: sleep } = require('node:timers/promises')",
        fileName: 'main.cjs',
        code: `const { setTimeout: sleep } = require('node:timers/promises');
sleep(10);
`,
        findings: [
          {
            line: 2,
            column: 1,
            endLine: 2,
            endColumn: 10,
            messageId: 'floating-promise.floating',
            fixes: [
              {
                titleId: 'fix.add-catch',
                safety: 'unsafe',
                preferred: true,
                output: `const { setTimeout: sleep } = require('node:timers/promises');
sleep(10).catch((error) => {
  console.error(error);
});
`,
              },
              {
                titleId: 'fix.void',
                safety: 'unsafe',
                preferred: false,
                output: `const { setTimeout: sleep } = require('node:timers/promises');
void sleep(10);
`,
              },
            ],
          },
        ],
      },
      {
        name: "events.once(e, 'x')",
        code: `import events from 'node:events';
events.once(emitter, 'ready');
`,
        findings: [
          {
            line: 2,
            column: 1,
            endLine: 2,
            endColumn: 30,
            messageId: 'floating-promise.floating',
            fixes: [
              {
                titleId: 'fix.add-catch',
                safety: 'unsafe',
                preferred: true,
                output: `import events from 'node:events';
events.once(emitter, 'ready').catch((error: unknown) => {
  console.error(error);
});
`,
              },
              {
                titleId: 'fix.void',
                safety: 'unsafe',
                preferred: false,
                output: `import events from 'node:events';
void events.once(emitter, 'ready');
`,
              },
            ],
          },
        ],
      },
      {
        name: 'const p = util.promisify(f); p();',
        code: `import util from 'node:util';
const p = util.promisify(f);
p();
`,
        findings: [
          {
            line: 3,
            column: 1,
            endLine: 3,
            endColumn: 4,
            messageId: 'floating-promise.floating',
            fixes: [
              {
                titleId: 'fix.add-catch',
                safety: 'unsafe',
                preferred: true,
                output: `import util from 'node:util';
const p = util.promisify(f);
p().catch((error: unknown) => {
  console.error(error);
});
`,
              },
              {
                titleId: 'fix.void',
                safety: 'unsafe',
                preferred: false,
                output: `import util from 'node:util';
const p = util.promisify(f);
void p();
`,
              },
            ],
          },
        ],
      },
    ],
  },
];

/** The same cases, ungrouped. */
export const { valid, invalid } = casesOf(groups);
