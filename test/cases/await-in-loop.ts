// await-in-loop: the case table. Valid cases are the loops whose iterations are not
// shown to be independent (the near misses); invalid cases state the range and the exact text
// after the fix.
// The core's tests (test/core/rules/await-in-loop.test.ts) and the ESLint plugin's RuleTester
// (test/eslint) both run it.
import type { CaseGroup, ExpectedFix } from './types';
import { casesOf } from './types';

const MESSAGE = 'await-in-loop.sequential';

const FETCH_USER = `declare function fetchUser(id: string): Promise<{ name: string; status: string; items: string[] }>;\n`;

/** The one fix this rule offers, with the text after it. */
function promiseAll(output: string): ExpectedFix {
  return { titleId: 'fix.await-all-map', safety: 'unsafe', preferred: true, output };
}

/** The cases, grouped by the behaviour they show, in the order the core's tests run them. */
export const groups: readonly CaseGroup[] = [
  {
    title: 'valid: the notes and the issue',
    valid: [
      {
        name: "the notes' slow producer (two awaits: a sleep and a put)",
        code: `declare const queue: { put(value: number): Promise<void> };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function producer() {
  for (let i = 0; i < 10; i++) {
    const value = Math.random();
    await sleep(value);
    await queue.put(value);
  }
}
`,
      },
      {
        name: 'ordered writes whose results are unused',
        code: `declare function insertRow(row: string): Promise<number>;
async function migrate(rows: string[]) {
  for (const row of rows) {
    await insertRow(row);
  }
}
`,
      },
      {
        name: 'awaiting already-started promises: for (const p of started) out.push(await p)',
        code: `async function collect(started: Promise<number>[]) {
  const out: number[] = [];
  for (const p of started) out.push(await p);
  return out;
}
`,
      },
      {
        name: 'a while loop',
        code: `${FETCH_USER}async function load(ids: string[]) {
  const results = [];
  let i = 0;
  while (i < ids.length) {
    results.push(await fetchUser(ids[i]!));
    i++;
  }
}
`,
      },
      {
        name: 'a for…in loop',
        code: `${FETCH_USER}async function load(byId: Record<string, number>) {
  const results = [];
  for (const id in byId) results.push(await fetchUser(id));
}
`,
      },
      {
        name: 'a for await loop',
        code: `${FETCH_USER}async function load(ids: AsyncIterable<string>) {
  const results = [];
  for await (const id of ids) results.push(await fetchUser(id));
}
`,
      },
      {
        name: 'a loop inside an async generator',
        code: `${FETCH_USER}async function* load(ids: string[]) {
  const results = [];
  for (const id of ids) results.push(await fetchUser(id));
  yield results;
}
`,
      },
      {
        name: 'a retry loop that breaks on success',
        code: `declare function attemptFetch(url: string, attempt: number): Promise<{ ok: boolean }>;
async function fetchWithRetry(url: string) {
  const responses = [];
  for (let attempt = 0; attempt < 3; attempt++) {
    const response = await attemptFetch(url, attempt);
    responses.push(response);
    if (response.ok) break;
  }
  return responses;
}
`,
      },
      {
        name: 'a polling loop',
        code: `import { setTimeout as delay } from 'node:timers/promises';
declare function getStatus(job: string, round: number): Promise<string>;
async function poll(job: string) {
  const seen = [];
  for (let round = 0; round < 10; round++) {
    seen.push(await getStatus(job, round));
    delay(1000);
  }
}
`,
      },
      {
        name: 'await in the loop condition',
        code: `declare function hasMore(page: number): Promise<boolean>;
declare function fetchPage(page: number): Promise<string>;
async function load() {
  const pages = [];
  for (let page = 0; await hasMore(page); page++) pages.push(await fetchPage(page));
}
`,
      },
    ],
  },
  {
    title: 'valid: loops that sleep',
    valid: [
      {
        name: 'a local arrow around new Promise and setTimeout, passed to the awaited call',
        code: `${FETCH_USER}declare function paced<T>(work: Promise<T>, pause: Promise<unknown>): Promise<T>;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
async function load(ids: string[]) {
  const results = [];
  for (const id of ids) results.push(await paced(fetchUser(id), sleep(100)));
}
`,
      },
      {
        name: 'a function declaration that returns new Promise around setTimeout',
        code: `${FETCH_USER}declare function paced<T>(work: Promise<T>, pause: Promise<unknown>): Promise<T>;
function wait(ms: number) {
  return new Promise((resolve) => {
    setTimeout(resolve, ms);
  });
}
async function load(ids: string[]) {
  const results = [];
  for (const id of ids) results.push(await paced(fetchUser(id), wait(100)));
}
`,
      },
      {
        name: 'setTimeout from node:timers/promises',
        code: `import { setTimeout } from 'node:timers/promises';
${FETCH_USER}declare function paced<T>(work: Promise<T>, pause: Promise<unknown>): Promise<T>;
async function load(ids: string[]) {
  const results = [];
  for (const id of ids) results.push(await paced(fetchUser(id), setTimeout(100)));
}
`,
      },
      {
        name: 'promisify(setTimeout)',
        code: `import { promisify } from 'node:util';
${FETCH_USER}declare function paced<T>(work: Promise<T>, pause: Promise<unknown>): Promise<T>;
const pause = promisify(setTimeout);
async function load(ids: string[]) {
  const results = [];
  for (const id of ids) results.push(await paced(fetchUser(id), pause(100)));
}
`,
      },
      {
        name: 'an awaited new Promise around setTimeout',
        code: `${FETCH_USER}async function load(ids: string[]) {
  const results = [];
  for (const id of ids) {
    results.push(await fetchUser(id));
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
`,
      },
    ],
  },
  {
    title: 'valid: the value does not flow only into a per-iteration slot',
    valid: [
      {
        name: 'the value is read by a condition',
        code: `${FETCH_USER}async function admins(ids: string[]) {
  const found = [];
  for (const id of ids) {
    const user = await fetchUser(id);
    if (user.status === 'admin') found.push(user);
  }
}
`,
      },
      {
        name: 'a break depends on the value',
        code: `${FETCH_USER}async function firstActive(ids: string[]) {
  const seen = [];
  for (const id of ids) {
    const user = await fetchUser(id);
    seen.push(user);
    if (user.status === 'active') break;
  }
}
`,
      },
      {
        name: 'the container is read in the loop',
        code: `${FETCH_USER}async function load(ids: string[]) {
  const results: unknown[] = [];
  for (const id of ids) {
    if (results.length > 10) continue;
    results.push(await fetchUser(id));
  }
}
`,
      },
      {
        name: 'the container is declared inside the loop',
        code: `${FETCH_USER}declare function report(batch: unknown[]): void;
async function load(ids: string[]) {
  for (const id of ids) {
    const results: unknown[] = [];
    results.push(await fetchUser(id));
    report(results);
  }
}
`,
      },
      {
        name: 'the key is not derived from the item',
        code: `${FETCH_USER}async function load(ids: string[]) {
  const out: unknown[] = [];
  let next = 0;
  for (const id of ids) out[next++] = await fetchUser(id);
}
`,
      },
      {
        name: 'a compound assignment accumulates',
        code: `declare function count(id: string): Promise<number>;
async function total(ids: string[]) {
  let sum = 0;
  for (const id of ids) sum += await count(id);
  return sum;
}
`,
      },
      {
        name: 'the await is inside try … catch',
        code: `${FETCH_USER}async function load(ids: string[]) {
  const results = [];
  for (const id of ids) {
    try {
      results.push(await fetchUser(id));
    } catch {}
  }
}
`,
      },
    ],
  },
  {
    title: 'valid: the iterations are not shown to be independent',
    valid: [
      {
        name: 'a cursor written in the loop feeds the call',
        code: `declare function fetchPage(id: string, cursor: number): Promise<string>;
async function load(ids: string[]) {
  const pages: string[] = [];
  let cursor = 0;
  for (const id of ids) {
    pages.push(await fetchPage(id, cursor));
    cursor += 1;
  }
}
`,
      },
      {
        name: 'the call does not read the item',
        code: `declare function nextMessage(): Promise<string>;
async function drain(ids: string[]) {
  const messages = [];
  for (const id of ids) messages.push(await nextMessage());
}
`,
      },
      {
        name: 'the item is only what is called: hooks run in order',
        code: `async function runHooks(hooks: Array<(ctx: object) => Promise<string>>, ctx: object) {
  const results = [];
  for (const hook of hooks) results.push(await hook(ctx));
  return results;
}
`,
      },
      {
        name: 'a write verb: inserts keep their order',
        code: `declare const db: { insert(row: string): Promise<number> };
async function insertAll(rows: string[]) {
  const ids = [];
  for (const row of rows) ids.push(await db.insert(row));
  return ids;
}
`,
      },
      {
        name: 'questions to a person: one prompt at a time',
        code: `declare function textPrompt(question: string): Promise<string>;
async function askAll(questions: string[]) {
  const answers: Record<string, string> = {};
  for (const question of questions) answers[question] = await textPrompt(question);
  return answers;
}
`,
      },
      {
        name: 'a comment says the order is on purpose',
        code: `${FETCH_USER}async function load(ids: string[]) {
  const results = [];
  // One at a time: the API allows a single request per client.
  for (const id of ids) results.push(await fetchUser(id));
}
`,
      },
      {
        name: 'a chunked loop with Promise.all per chunk',
        code: `${FETCH_USER}async function load(chunks: string[][]) {
  const results = [];
  for (const chunk of chunks) results.push(...(await Promise.all(chunk.map((id) => fetchUser(id)))));
}
`,
      },
      {
        name: 'a loop over batches',
        code: `declare function fetchBatch(ids: string[]): Promise<string[]>;
async function load(batches: string[][]) {
  const results = [];
  for (const batch of batches) results.push(await fetchBatch(batch));
}
`,
      },
      {
        name: 'a counting loop whose bound is written in the body',
        code: `${FETCH_USER}async function load(ids: string[]) {
  const results = [];
  for (let i = 0; i < ids.length; i++) {
    results.push(await fetchUser(ids[i]!));
    ids.pop();
  }
}
`,
      },
      {
        name: 'a counting loop whose bound is a call',
        code: `${FETCH_USER}declare function count(): number;
async function load(ids: string[]) {
  const results = [];
  for (let i = 0; i < count(); i++) results.push(await fetchUser(ids[i]!));
}
`,
      },
      {
        name: 'the loop variable is written in the body',
        code: `${FETCH_USER}async function load(ids: string[]) {
  const results = [];
  for (let i = 0; i < ids.length; i++) {
    results.push(await fetchUser(ids[i]!));
    i += 1;
  }
}
`,
      },
      {
        name: 'two awaits in one iteration',
        code: `${FETCH_USER}async function load(ids: string[]) {
  const results = [];
  for (const id of ids) {
    results.push(await fetchUser(id));
    results.push(await fetchUser(id + '-backup'));
  }
}
`,
      },
      {
        name: 'a computed callee',
        code: `declare const api: Record<string, (id: string) => Promise<string>>;
async function load(ids: string[], method: string) {
  const results = [];
  for (const id of ids) results.push(await api[method]!(id));
}
`,
      },
    ],
  },
  {
    title: 'invalid: for…of into a per-iteration slot',
    invalid: [
      {
        name: 'results.push(await fetchUser(id)) over an array parameter',
        code: `${FETCH_USER}async function load(ids: string[]) {
  const results = [];
  for (const id of ids) {
    results.push(await fetchUser(id));
  }
  return results;
}
`,
        findings: [
          {
            line: 5,
            column: 18,
            endLine: 5,
            endColumn: 37,
            messageId: MESSAGE,
            fixes: [
              promiseAll(`${FETCH_USER}async function load(ids: string[]) {
  const results = [];
  results.push(...await Promise.all(ids.map((id) => fetchUser(id))));
  return results;
}
`),
            ],
          },
        ],
      },
      {
        name: 'a body without braces, destructured loop variable',
        code: `${FETCH_USER}async function load(users: { id: string }[]) {
  const names = [];
  for (const { id } of users) names.push(await fetchUser(id));
  return names;
}
`,
        findings: [
          {
            line: 4,
            column: 42,
            endLine: 4,
            endColumn: 61,
            messageId: MESSAGE,
            fixes: [
              promiseAll(`${FETCH_USER}async function load(users: { id: string }[]) {
  const names = [];
  names.push(...await Promise.all(users.map(({ id }) => fetchUser(id))));
  return names;
}
`),
            ],
          },
        ],
      },
      {
        name: 'an iterable the file does not show to be an array: Array.from',
        code: `${FETCH_USER}async function load(ids: Set<string>) {
  const results = [];
  for (const id of ids) results.push(await fetchUser(id));
}
`,
        findings: [
          {
            line: 4,
            column: 38,
            endLine: 4,
            endColumn: 57,
            messageId: MESSAGE,
            fixes: [
              promiseAll(`${FETCH_USER}async function load(ids: Set<string>) {
  const results = [];
  results.push(...await Promise.all(Array.from(ids, (id) => fetchUser(id))));
}
`),
            ],
          },
        ],
      },
      {
        name: 'a property of the value: an async mapper',
        code: `${FETCH_USER}async function load(ids: readonly string[]) {
  const names = [];
  for (const id of ids) names.push((await fetchUser(id)).name);
}
`,
        findings: [
          {
            line: 4,
            column: 37,
            endLine: 4,
            endColumn: 56,
            messageId: MESSAGE,
            fixes: [
              promiseAll(`${FETCH_USER}async function load(ids: readonly string[]) {
  const names = [];
  names.push(...await Promise.all(ids.map(async (id) => (await fetchUser(id)).name)));
}
`),
            ],
          },
        ],
      },
      {
        name: 'results.push(...x.items): reported, no fix (spreading is not flattening)',
        code: `${FETCH_USER}async function load(ids: string[]) {
  const items = [];
  for (const id of ids) items.push(...(await fetchUser(id)).items);
}
`,
        findings: [{ line: 4, column: 40, endLine: 4, endColumn: 59, messageId: MESSAGE, fixes: [] }],
      },
      {
        name: 'a const local pushed as is',
        code: `${FETCH_USER}async function load(ids: string[]) {
  const results = [];
  for (const id of ids) {
    const user = await fetchUser(id);
    results.push(user);
  }
}
`,
        findings: [
          {
            line: 5,
            column: 18,
            endLine: 5,
            endColumn: 37,
            messageId: MESSAGE,
            fixes: [
              promiseAll(`${FETCH_USER}async function load(ids: string[]) {
  const results = [];
  results.push(...await Promise.all(ids.map((id) => fetchUser(id))));
}
`),
            ],
          },
        ],
      },
      {
        name: 'a const local read for a property',
        code: `${FETCH_USER}async function load(ids: string[]) {
  const names = [];
  for (const id of ids) {
    const user = await fetchUser(id);
    names.push(user.name);
  }
}
`,
        findings: [
          {
            line: 5,
            column: 18,
            endLine: 5,
            endColumn: 37,
            messageId: MESSAGE,
            fixes: [
              promiseAll(`${FETCH_USER}async function load(ids: string[]) {
  const names = [];
  names.push(...await Promise.all(ids.map(async (id) => (await fetchUser(id)).name)));
}
`),
            ],
          },
        ],
      },
      {
        name: 'one local written to two slots: reported, no fix',
        code: `${FETCH_USER}async function load(ids: string[]) {
  const names = [];
  const statuses = [];
  for (const id of ids) {
    const user = await fetchUser(id);
    names.push(user.name);
    statuses.push(user.status);
  }
}
`,
        findings: [{ line: 6, column: 18, endLine: 6, endColumn: 37, messageId: MESSAGE, fixes: [] }],
      },
      {
        name: 'a per-iteration const before the await: reported, no fix',
        code: `declare function fetchPage(url: string): Promise<string>;
async function load(ids: string[], base: string) {
  const pages = [];
  for (const id of ids) {
    const url = base + id;
    pages.push(await fetchPage(url));
  }
}
`,
        findings: [{ line: 6, column: 16, endLine: 6, endColumn: 36, messageId: MESSAGE, fixes: [] }],
      },
      {
        name: 'byName[name] = x.status',
        code: `${FETCH_USER}async function load(names: string[]) {
  const byName: Record<string, string> = {};
  for (const name of names) byName[name] = (await fetchUser(name)).status;
}
`,
        findings: [
          {
            line: 4,
            column: 45,
            endLine: 4,
            endColumn: 66,
            messageId: MESSAGE,
            fixes: [
              promiseAll(`${FETCH_USER}async function load(names: string[]) {
  const byName: Record<string, string> = {};
  const fetched = await Promise.all(names.map(async (name) => (await fetchUser(name)).status));
  names.forEach((name, i) => { byName[name] = fetched[i]; });
}
`),
            ],
          },
        ],
      },
      {
        name: 'map.set(key, x)',
        code: `${FETCH_USER}async function load(ids: string[]) {
  const users = new Map<string, unknown>();
  for (const id of ids) users.set(id, await fetchUser(id));
}
`,
        findings: [
          {
            line: 4,
            column: 39,
            endLine: 4,
            endColumn: 58,
            messageId: MESSAGE,
            fixes: [
              promiseAll(`${FETCH_USER}async function load(ids: string[]) {
  const users = new Map<string, unknown>();
  const fetched = await Promise.all(ids.map((id) => fetchUser(id)));
  ids.forEach((id, i) => users.set(id, fetched[i]));
}
`),
            ],
          },
        ],
      },
      {
        name: 'map.set over an iterable not shown to be an array: reported, no fix',
        code: `${FETCH_USER}async function load(ids: Iterable<string>) {
  const users = new Map<string, unknown>();
  for (const id of ids) users.set(id, await fetchUser(id));
}
`,
        findings: [{ line: 4, column: 39, endLine: 4, endColumn: 58, messageId: MESSAGE, fixes: [] }],
      },
      {
        name: 'a member container: this.results',
        code: `${FETCH_USER}class Loader {
  results: unknown[] = [];
  async load(ids: string[]) {
    for (const id of ids) this.results.push(await fetchUser(id));
  }
}
`,
        findings: [
          {
            line: 5,
            column: 45,
            endLine: 5,
            endColumn: 64,
            messageId: MESSAGE,
            fixes: [
              promiseAll(`${FETCH_USER}class Loader {
  results: unknown[] = [];
  async load(ids: string[]) {
    this.results.push(...await Promise.all(ids.map((id) => fetchUser(id))));
  }
}
`),
            ],
          },
        ],
      },
      {
        name: 'a var loop variable: reported, no fix (the variable outlives the loop)',
        code: `${FETCH_USER}async function load(ids: string[]) {
  const results = [];
  for (var id of ids) results.push(await fetchUser(id));
}
`,
        findings: [{ line: 4, column: 36, endLine: 4, endColumn: 55, messageId: MESSAGE, fixes: [] }],
      },
      {
        name: 'a comment in the loop: reported, no fix (the fix would drop it)',
        code: `${FETCH_USER}async function load(ids: string[]) {
  const results = [];
  for (const id of ids) {
    // Fetch each user.
    results.push(await fetchUser(id));
  }
}
`,
        findings: [{ line: 6, column: 18, endLine: 6, endColumn: 37, messageId: MESSAGE, fixes: [] }],
      },
      {
        name: 'the inner loop of two nested loops',
        code: `declare function fetchCell(row: string, column: string): Promise<string>;
async function load(rows: string[], columns: string[]) {
  const cells = [];
  for (const row of rows) {
    for (const column of columns) cells.push(await fetchCell(row, column));
  }
}
`,
        findings: [
          {
            line: 5,
            column: 46,
            endLine: 5,
            endColumn: 74,
            messageId: MESSAGE,
            fixes: [
              promiseAll(`declare function fetchCell(row: string, column: string): Promise<string>;
async function load(rows: string[], columns: string[]) {
  const cells = [];
  for (const row of rows) {
    cells.push(...await Promise.all(columns.map((column) => fetchCell(row, column))));
  }
}
`),
            ],
          },
        ],
      },
      {
        name: 'top-level await in a module, in JavaScript',
        fileName: 'load.mjs',
        code: `const ids = ['1', '2'];
const pages = [];
for (const id of ids) pages.push(await fetch(\`/users/\${id}\`));
`,
        findings: [
          {
            line: 3,
            column: 34,
            endLine: 3,
            endColumn: 61,
            messageId: MESSAGE,
            fixes: [
              promiseAll(`const ids = ['1', '2'];
const pages = [];
pages.push(...await Promise.all(ids.map((id) => fetch(\`/users/\${id}\`))));
`),
            ],
          },
        ],
      },
    ],
  },
  {
    title: 'invalid: counting loops with fixed bounds',
    invalid: [
      {
        name: 'for (let i = 0; i < ids.length; i++) results.push(…)',
        code: `${FETCH_USER}async function load(ids: string[]) {
  const results = [];
  for (let i = 0; i < ids.length; i++) {
    results.push(await fetchUser(ids[i]!));
  }
}
`,
        findings: [
          {
            line: 5,
            column: 18,
            endLine: 5,
            endColumn: 42,
            messageId: MESSAGE,
            fixes: [
              promiseAll(`${FETCH_USER}async function load(ids: string[]) {
  const results = [];
  results.push(...await Promise.all(Array.from({ length: ids.length }, (_, i) => fetchUser(ids[i]!))));
}
`),
            ],
          },
        ],
      },
      {
        name: 'out[i] = x',
        code: `declare function load(path: string): Promise<string>;
async function readAll(paths: string[]) {
  const out: string[] = [];
  for (let i = 0; i < paths.length; i++) out[i] = await load(paths[i]!);
  return out;
}
`,
        findings: [
          {
            line: 4,
            column: 51,
            endLine: 4,
            endColumn: 72,
            messageId: MESSAGE,
            fixes: [
              promiseAll(`declare function load(path: string): Promise<string>;
async function readAll(paths: string[]) {
  const out: string[] = [];
  const fetched = await Promise.all(Array.from({ length: paths.length }, (_, i) => load(paths[i]!)));
  for (let i = 0; i < paths.length; i++) out[i] = fetched[i];
  return out;
}
`),
            ],
          },
        ],
      },
      {
        name: 'a bound with <=: reported, no fix',
        code: `declare function fetchPage(page: number): Promise<string>;
async function load(last: number) {
  const pages = [];
  for (let page = 1; page <= last; page++) pages.push(await fetchPage(page));
}
`,
        findings: [{ line: 4, column: 55, endLine: 4, endColumn: 76, messageId: MESSAGE, fixes: [] }],
      },
    ],
  },
];

/** The same cases, ungrouped. */
export const { valid, invalid } = casesOf(groups);
