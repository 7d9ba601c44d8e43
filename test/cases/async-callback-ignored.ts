// async-callback-ignored: the case table. Valid cases are the near misses (a used `forEach`
// result, Hono's three-argument `on`, handlers that cannot reject, shadowed timers); invalid cases
// state the range, the message id and every fix with the exact text after it.
// The core's tests (test/core/rules/async-callback-ignored.test.ts) and the ESLint plugin's RuleTester
// (test/eslint) both run it.
import type { CaseGroup } from './types';
import { casesOf } from './types';

/** The cases, grouped by the behaviour they show, in the order the core's tests run them. */
export const groups: readonly CaseGroup[] = [
  {
    title: 'valid: forEach whose result is used (another API) or whose callback is not async',
    valid: [
      {
        name: "Node's Readable.forEach, awaited",
        code: `import { Readable } from 'node:stream';
declare function write(chunk: unknown): Promise<void>;
async function drain(stream: Readable): Promise<void> {
  await stream.forEach(async (chunk) => {
    await write(chunk);
  });
}
`,
      },
      {
        name: 'a forEach result kept in a variable',
        code: `declare const s: { forEach(f: (x: number) => Promise<void>): Promise<void> };
declare function write(x: number): Promise<void>;
const done = s.forEach(async (x) => write(x));
`,
      },
      {
        name: 'a forEach result returned',
        code: `declare const s: { forEach(f: (x: number) => Promise<void>): Promise<void> };
function drain() {
  return s.forEach(async (x) => {});
}
`,
      },
      {
        name: 'a synchronous callback',
        code: `declare const items: number[];
items.forEach((item) => console.log(item));
`,
      },
      {
        name: 'an async callback whose whole body is a try/catch that does not rethrow',
        code: `declare const items: number[];
declare function save(x: number): Promise<void>;
items.forEach(async (item) => {
  try {
    await save(item);
  } catch (error) {
    console.error(error);
  }
});
`,
      },
      {
        name: 'a reference to a synchronous function',
        code: `declare const items: number[];
function show(item: number): void {
  console.log(item);
}
items.forEach(show);
`,
      },
      {
        name: 'an async generator is not a promise-returning callback',
        code: `declare const items: number[];
items.forEach(async function* (item) {
  yield item;
});
`,
      },
      {
        name: 'items.map(async …) is not this rule’s (an array of promises: floating-promise)',
        code: `declare const items: number[];
declare function save(x: number): Promise<void>;
async function main() {
  await Promise.all(items.map(async (item) => save(item)));
}
`,
      },
    ],
  },
  {
    title: 'valid: predicates of other APIs',
    valid: [
      {
        name: 'a synchronous predicate',
        code: `declare const items: number[];
const big = items.filter((x) => x > 10);
`,
      },
      {
        name: "Readable.some, awaited: Node's stream helpers await an async predicate",
        code: `import { Readable } from 'node:stream';
declare function isBad(chunk: unknown): Promise<boolean>;
async function check(stream: Readable): Promise<boolean> {
  return await stream.some(async (chunk) => isBad(chunk));
}
`,
      },
      {
        name: 'Readable.filter iterated with for await',
        code: `import { Readable } from 'node:stream';
declare function keep(chunk: unknown): Promise<boolean>;
async function run(stream: Readable): Promise<void> {
  for await (const chunk of stream.filter(async (c) => keep(c))) {
    console.log(chunk);
  }
}
`,
      },
      {
        name: 'a pipeline filter turned into an array with .toArray()',
        code: `declare const pipe: { filter(f: (x: number) => Promise<boolean>): { toArray(): Promise<number[]> } };
async function run(): Promise<number[]> {
  return pipe.filter(async (x) => x % 2 === 0).toArray();
}
`,
      },
      {
        name: "a find whose result is continued with .then (a promise: not Array's)",
        code: `declare const stream: { find(f: (x: number) => Promise<boolean>): Promise<number | undefined> };
stream.find(async (x) => x > 1).then((found) => console.log(found), console.error);
`,
      },
    ],
  },
  {
    title: 'valid: listeners that are awaited, or cannot reject',
    valid: [
      {
        name: "Hono's app.on(method, path, handler): three arguments",
        code: `declare const app: { on(method: string, path: string, handler: (c: unknown) => Promise<unknown>): void };
app.on('GET', '/x', async (c) => {
  return c;
});
`,
      },
      {
        name: 'a synchronous listener',
        code: `declare const emitter: { on(event: string, f: (chunk: string) => void): void };
emitter.on('data', (chunk) => console.log(chunk));
`,
      },
      {
        name: 'a listener whose whole body is a try/catch that does not rethrow',
        code: `declare const emitter: { on(event: string, f: (chunk: string) => Promise<void>): void };
declare function write(chunk: string): Promise<void>;
emitter.on('data', async (chunk) => {
  try {
    await write(chunk);
  } catch (error) {
    console.error(error);
  }
});
`,
      },
      {
        name: 'a referenced listener whose whole body is a try/catch that does not rethrow',
        code: `declare const emitter: { on(event: string, f: (chunk: string) => Promise<void>): void };
declare function write(chunk: string): Promise<void>;
async function onData(chunk: string): Promise<void> {
  try {
    await write(chunk);
  } catch (error) {
    console.error(error);
  }
}
emitter.on('data', onData);
`,
      },
      {
        name: 'middleware (ctx): routers such as grammY and Telegraf await it',
        code: `declare const bot: { on(filter: string, f: (ctx: { reply(t: string): Promise<void> }) => Promise<void>): void };
bot.on('message', async (ctx) => {
  await ctx.reply('hi');
});
`,
      },
      {
        name: 'middleware (x, next)',
        code: `declare const router: { on(event: string, f: (req: unknown, next: () => Promise<void>) => Promise<void>): void };
router.on('request', async (req, next) => {
  await next();
});
`,
      },
      {
        name: 'an Emittery emitter awaits its listeners (emit returns a promise)',
        code: `import Emittery from 'emittery';
declare function write(chunk: unknown): Promise<void>;
const events = new Emittery();
events.on('data', async (chunk) => {
  await write(chunk);
});
`,
      },
      {
        name: 'a local emitter whose constructor is named like a promise emitter',
        code: `declare class PromiseEventEmitter {
  on(event: string, f: () => Promise<void>): void;
  emit(event: string): Promise<void[]>;
}
declare function lint(): Promise<void>;
export function createEvents(): PromiseEventEmitter {
  const events = new PromiseEventEmitter();
  events.on('lint', async () => {
    await lint();
  });
  return events;
}
`,
      },
      {
        name: 'an empty async listener cannot reject',
        code: `declare const emitter: { on(event: string, f: () => Promise<void>): void };
emitter.on('ready', async () => {});
`,
      },
      {
        name: 'a flag reset before a try/catch that does not rethrow (playwright-core, queueMicrotask)',
        code: `declare function tabs(): Promise<string[]>;
declare function emitTabs(tabs: string[]): void;
export class Tabs {
  private scheduled = false;
  push(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(async () => {
      this.scheduled = false;
      try {
        emitTabs(await tabs());
      } catch {
      }
    });
  }
}
`,
      },
      {
        name: 'a guard on this and field writes around a try/catch (bullmq, reconnect timer)',
        code: `declare function connect(): Promise<void>;
export class Client {
  private closing = false;
  private reconnecting = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  schedule(): void {
    this.timer = setTimeout(async () => {
      this.timer = null;
      if (this.closing) {
        this.reconnecting = false;
        return;
      }
      try {
        await connect();
      } catch (_err) {
        this.reconnecting = false;
      }
    }, 1000);
  }
}
`,
      },
      {
        name: 'a sleep before a try/catch (firebase-tools, rules watcher)',
        code: `declare const watcher: { on(event: string, f: () => Promise<void>): void };
declare function loadRules(): Promise<void>;
const DELAY_MS = 5;
watcher.on('change', async () => {
  await new Promise((res) => setTimeout(res, DELAY_MS));
  try {
    await loadRules();
  } catch (e) {
    console.error(e);
  }
});
`,
      },
      {
        name: 'a declaration and two try/catch statements, neither rethrowing (playwright-core, request end)',
        code: `declare const req: { on(event: string, f: () => Promise<void>): void };
declare const res: { statusCode: number; end(body?: string): void };
declare function handle(body: unknown): Promise<unknown>;
declare const body: string;
req.on('end', async () => {
  let parsed;
  try {
    parsed = JSON.parse(body);
  } catch (e) {
    res.statusCode = 400;
    res.end();
    return;
  }
  try {
    res.end(JSON.stringify(await handle(parsed)));
  } catch (e) {
    res.statusCode = 500;
    res.end();
  }
});
`,
      },
      {
        name: 'only synchronous code outside the try/catch: a logger call throws as it would in a sync listener',
        code: `declare const watcher: { on(event: string, f: () => Promise<void>): void };
declare function loadRules(): Promise<void>;
declare function log(message: string): void;
watcher.on('change', async () => {
  log('changed');
  try {
    await loadRules();
  } catch {}
});
`,
      },
      {
        name: 'every await inside a try/catch that does not rethrow, in a function expression',
        code: `declare const watcher: { on(event: string, f: () => Promise<void>): void };
declare function loadRules(): Promise<void>;
watcher.on('change', async function () {
  this.changed = true;
  try {
    await loadRules();
  } catch {}
});
`,
      },
      {
        name: 'a sleep outside the try: it cannot reject',
        code: `declare const emitter: { on(event: string, f: () => Promise<void>): void };
declare function start(): Promise<void>;
declare function log(message: string): void;
emitter.on('ready', async () => {
  await new Promise((resolve) => setTimeout(resolve, 5));
  log('starting');
  try {
    await start();
  } catch (error) {
    log(String(error));
  }
});
`,
      },
      {
        name: 'awaits a local async function that cannot reject, and a promise with a non-throwing catch',
        code: `declare const emitter: { on(event: string, f: () => Promise<void>): void };
declare function flush(): Promise<void>;
async function closeQuietly(): Promise<void> {
  try {
    await flush();
  } catch {}
}
emitter.on('end', async () => {
  await closeQuietly();
  await flush().catch(() => {});
});
`,
      },
      {
        name: 'a finally that ends the process: nothing escapes the try',
        code: `declare const child: { on(event: string, f: () => Promise<void>): void };
declare function report(): Promise<void>;
child.on('exit', async () => {
  try {
    await report();
  } finally {
    process.exit(1);
  }
});
`,
      },
      {
        name: 'a timer callback with no await: it fails only as a synchronous one would',
        code: `declare function compute(): number;
let latest = 0;
setInterval(async () => {
  latest = compute();
}, 1000);
`,
      },
      {
        name: 'a referenced async function declared outside the analysed function (its body is not read)',
        code: `declare const emitter: { on(event: string, f: () => Promise<void>): void };
async function onReady(): Promise<void> {
  await fetch('/ready');
}
function start(): void {
  emitter.on('ready', onReady);
}
`,
      },
    ],
  },
  {
    title: 'valid: timers that are not the global ones',
    valid: [
      {
        name: 'setTimeout shadowed by a local function',
        code: `declare function refresh(): Promise<void>;
function setTimeout(callback: () => Promise<void>, ms: number): void {
  void callback().catch(console.error);
}
setTimeout(async () => {
  await refresh();
}, 10);
`,
      },
      {
        name: 'queueMicrotask shadowed by a parameter',
        code: `declare function refresh(): Promise<void>;
function schedule(queueMicrotask: (f: () => Promise<void>) => void): void {
  queueMicrotask(async () => {
    await refresh();
  });
}
`,
      },
      {
        name: 'setTimeout from node:timers/promises returns a promise (a different shape)',
        code: `import { setTimeout } from 'node:timers/promises';
async function later(): Promise<void> {
  await setTimeout(10, async () => {});
}
`,
      },
      {
        name: 'a method of an unknown scheduler',
        code: `declare const scheduler: { setTimeout(f: () => Promise<void>, ms: number): void };
declare function refresh(): Promise<void>;
scheduler.setTimeout(async () => {
  await refresh();
}, 10);
`,
      },
      {
        name: 'a synchronous timer callback that handles its promise',
        code: `declare function refresh(): Promise<void>;
setTimeout(() => {
  void refresh().catch(console.error);
}, 10);
`,
      },
      {
        name: 'a timer callback whose whole body is a try/catch that does not rethrow',
        code: `declare function refresh(): Promise<void>;
setInterval(async () => {
  try {
    await refresh();
  } catch {
    // The next tick retries.
  }
}, 1000);
`,
      },
    ],
  },
  {
    title: 'invalid: forEach',
    invalid: [
      {
        name: 'in an async function: Promise.all (preferred) or for…of',
        code: `declare function save(item: number): Promise<void>;
async function main(items: number[]): Promise<void> {
  items.forEach(async (item) => {
    await save(item);
  });
}
`,
        findings: [
          {
            line: 3,
            column: 17,
            endLine: 3,
            endColumn: 29,
            messageId: 'async-callback-ignored.for-each',
            fixes: [
              {
                titleId: 'fix.for-each-promise-all',
                safety: 'unsafe',
                preferred: true,
                output: `declare function save(item: number): Promise<void>;
async function main(items: number[]): Promise<void> {
  await Promise.all(items.map(async (item) => {
    await save(item);
  }));
}
`,
              },
              {
                titleId: 'fix.for-each-for-of',
                safety: 'unsafe',
                preferred: false,
                output: `declare function save(item: number): Promise<void>;
async function main(items: number[]): Promise<void> {
  for (const item of items) {
    await save(item);
  }
}
`,
              },
            ],
          },
        ],
      },
      {
        name: '(item, index): for…of over .entries()',
        code: `declare function save(item: string, index: number): Promise<void>;
async function main(items: string[]): Promise<void> {
  items.forEach(async (item, index) => {
    await save(item, index);
  });
}
`,
        findings: [
          {
            line: 3,
            column: 17,
            endLine: 3,
            endColumn: 36,
            messageId: 'async-callback-ignored.for-each',
            fixes: [
              {
                titleId: 'fix.for-each-promise-all',
                safety: 'unsafe',
                preferred: true,
                output: `declare function save(item: string, index: number): Promise<void>;
async function main(items: string[]): Promise<void> {
  await Promise.all(items.map(async (item, index) => {
    await save(item, index);
  }));
}
`,
              },
              {
                titleId: 'fix.for-each-for-of',
                safety: 'unsafe',
                preferred: false,
                output: `declare function save(item: string, index: number): Promise<void>;
async function main(items: string[]): Promise<void> {
  for (const [index, item] of items.entries()) {
    await save(item, index);
  }
}
`,
              },
            ],
          },
        ],
      },
      {
        name: 'an expression-bodied arrow with a typed destructured parameter becomes an awaited statement',
        code: `declare function save(id: number): Promise<void>;
async function main(rows: { id: number }[]): Promise<void> {
  rows.forEach(async ({ id }: { id: number }) => save(id));
}
`,
        findings: [
          {
            line: 3,
            column: 16,
            endLine: 3,
            endColumn: 46,
            messageId: 'async-callback-ignored.for-each',
            fixes: [
              {
                titleId: 'fix.for-each-promise-all',
                safety: 'unsafe',
                preferred: true,
                output: `declare function save(id: number): Promise<void>;
async function main(rows: { id: number }[]): Promise<void> {
  await Promise.all(rows.map(async ({ id }: { id: number }) => save(id)));
}
`,
              },
              {
                titleId: 'fix.for-each-for-of',
                safety: 'unsafe',
                preferred: false,
                output: `declare function save(id: number): Promise<void>;
async function main(rows: { id: number }[]): Promise<void> {
  for (const { id } of rows) {
    await save(id);
  }
}
`,
              },
            ],
          },
        ],
      },
      {
        name: 'a return in the body would leave the enclosing function in a loop: only Promise.all',
        code: `declare function save(item: number): Promise<void>;
async function main(items: number[]): Promise<void> {
  items.forEach(async (item) => {
    if (item < 0) return;
    await save(item);
  });
}
`,
        findings: [
          {
            line: 3,
            column: 17,
            endLine: 3,
            endColumn: 29,
            messageId: 'async-callback-ignored.for-each',
            fixes: [
              {
                titleId: 'fix.for-each-promise-all',
                safety: 'unsafe',
                preferred: true,
                output: `declare function save(item: number): Promise<void>;
async function main(items: number[]): Promise<void> {
  await Promise.all(items.map(async (item) => {
    if (item < 0) return;
    await save(item);
  }));
}
`,
              },
            ],
          },
        ],
      },
      {
        name: 'a named async function in the same function: Promise.all only',
        code: `declare function save(item: number): Promise<void>;
async function main(items: number[]): Promise<void> {
  async function handle(item: number): Promise<void> {
    await save(item);
  }
  items.forEach(handle);
}
`,
        findings: [
          {
            line: 6,
            column: 17,
            endLine: 6,
            endColumn: 23,
            messageId: 'async-callback-ignored.for-each',
            fixes: [
              {
                titleId: 'fix.for-each-promise-all',
                safety: 'unsafe',
                preferred: true,
                output: `declare function save(item: number): Promise<void>;
async function main(items: number[]): Promise<void> {
  async function handle(item: number): Promise<void> {
    await save(item);
  }
  await Promise.all(items.map(handle));
}
`,
              },
            ],
          },
        ],
      },
      {
        name: 'outside an async function: no fix (await is not legal)',
        code: `declare function save(item: number): Promise<void>;
function main(items: number[]): void {
  items.forEach(async (item) => {
    await save(item);
  });
}
`,
        findings: [
          { line: 3, column: 17, endLine: 3, endColumn: 29, messageId: 'async-callback-ignored.for-each', fixes: [] },
        ],
      },
      {
        name: 'an optional chain: no fix (the rewrites would pass undefined on)',
        code: `declare function save(item: number): Promise<void>;
async function main(items?: number[]): Promise<void> {
  items?.forEach(async (item) => {
    await save(item);
  });
}
`,
        findings: [
          { line: 3, column: 18, endLine: 3, endColumn: 30, messageId: 'async-callback-ignored.for-each', fixes: [] },
        ],
      },
    ],
  },
  {
    title: 'invalid: async predicates',
    invalid: [
      {
        name: 'filter(async …): every item passes',
        code: `declare function isActive(id: number): Promise<boolean>;
declare const ids: number[];
const active = ids.filter(async (id) => isActive(id));
`,
        findings: [
          { line: 3, column: 27, endLine: 3, endColumn: 37, messageId: 'async-callback-ignored.predicate', fixes: [] },
        ],
      },
      {
        name: 'some(async …) in a condition',
        code: `declare function isLocked(path: string): Promise<boolean>;
declare const paths: string[];
if (paths.some(async (path) => isLocked(path))) {
  console.log('locked');
}
`,
        findings: [
          { line: 3, column: 16, endLine: 3, endColumn: 28, messageId: 'async-callback-ignored.predicate', fixes: [] },
        ],
      },
      {
        name: 'findIndex(async function …): still wrong when it cannot reject',
        code: `declare function matches(name: string): Promise<boolean>;
declare const names: string[];
const at = names.findIndex(async function (name) {
  try {
    return await matches(name);
  } catch {
    return false;
  }
});
`,
        findings: [
          { line: 3, column: 28, endLine: 3, endColumn: 49, messageId: 'async-callback-ignored.predicate', fixes: [] },
        ],
      },
    ],
  },
  {
    title: 'invalid: listeners',
    invalid: [
      {
        name: "emitter.on('data', async (chunk) => …): wrap the body in try/catch",
        code: `declare const emitter: { on(event: string, f: (chunk: string) => Promise<void>): void };
declare function write(chunk: string): Promise<void>;
emitter.on('data', async (chunk) => {
  await write(chunk);
});
`,
        findings: [
          {
            line: 3,
            column: 20,
            endLine: 3,
            endColumn: 33,
            messageId: 'async-callback-ignored.listener',
            fixes: [
              {
                titleId: 'fix.wrap-try-catch',
                safety: 'unsafe',
                preferred: true,
                output: `declare const emitter: { on(event: string, f: (chunk: string) => Promise<void>): void };
declare function write(chunk: string): Promise<void>;
emitter.on('data', async (chunk) => {
  try {
    await write(chunk);
  } catch (error) {
    console.error(error);
  }
});
`,
              },
            ],
          },
        ],
      },
      {
        name: 'an await after the try/catch may reject',
        code: `declare const watcher: { on(event: string, f: () => Promise<void>): void };
declare function loadRules(): Promise<void>;
declare function save(): Promise<void>;
watcher.on('change', async () => {
  try {
    await loadRules();
  } catch {}
  await save();
});
`,
        findings: [
          {
            line: 4,
            column: 22,
            endLine: 4,
            endColumn: 30,
            messageId: 'async-callback-ignored.listener',
            fixes: [
              {
                titleId: 'fix.wrap-try-catch',
                safety: 'unsafe',
                preferred: true,
                output: `declare const watcher: { on(event: string, f: () => Promise<void>): void };
declare function loadRules(): Promise<void>;
declare function save(): Promise<void>;
watcher.on('change', async () => {
  try {
    try {
      await loadRules();
    } catch {}
    await save();
  } catch (error) {
    console.error(error);
  }
});
`,
              },
            ],
          },
        ],
      },
      {
        name: 'awaiting a promise already in hand may reject',
        code: `declare const socket: { once(event: string, f: () => Promise<void>): void };
declare const ready: Promise<void>;
socket.once('connect', async () => {
  await ready;
});
`,
        findings: [
          {
            line: 3,
            column: 24,
            endLine: 3,
            endColumn: 32,
            messageId: 'async-callback-ignored.listener',
            fixes: [
              {
                titleId: 'fix.wrap-try-catch',
                safety: 'unsafe',
                preferred: true,
                output: `declare const socket: { once(event: string, f: () => Promise<void>): void };
declare const ready: Promise<void>;
socket.once('connect', async () => {
  try {
    await ready;
  } catch (error) {
    console.error(error);
  }
});
`,
              },
            ],
          },
        ],
      },
      {
        name: 'a throw after an await runs after the emitter has returned',
        code: `declare const server: { on(event: string, f: (name: string) => Promise<void>): void };
declare function lookup(name: string): Promise<string | undefined>;
server.on('request', async (name) => {
  let found;
  try {
    found = await lookup(name);
  } catch {}
  if (!found) throw new Error('not found');
});
`,
        findings: [
          {
            line: 3,
            column: 22,
            endLine: 3,
            endColumn: 34,
            messageId: 'async-callback-ignored.listener',
            fixes: [
              {
                titleId: 'fix.wrap-try-catch',
                safety: 'unsafe',
                preferred: true,
                output: `declare const server: { on(event: string, f: (name: string) => Promise<void>): void };
declare function lookup(name: string): Promise<string | undefined>;
server.on('request', async (name) => {
  try {
    let found;
    try {
      found = await lookup(name);
    } catch {}
    if (!found) throw new Error('not found');
  } catch (error) {
    console.error(error);
  }
});
`,
              },
            ],
          },
        ],
      },
      {
        name: 'a catch block that rethrows can still reject',
        code: `declare const server: { once(event: string, f: () => Promise<void>): void };
declare function close(): Promise<void>;
server.once('close', async () => {
  try {
    await close();
  } catch (error) {
    throw new Error('close failed', { cause: error });
  }
});
`,
        findings: [
          {
            line: 3,
            column: 22,
            endLine: 3,
            endColumn: 30,
            messageId: 'async-callback-ignored.listener',
            fixes: [
              {
                titleId: 'fix.wrap-try-catch',
                safety: 'unsafe',
                preferred: true,
                output: `declare const server: { once(event: string, f: () => Promise<void>): void };
declare function close(): Promise<void>;
server.once('close', async () => {
  try {
    try {
      await close();
    } catch (error) {
      throw new Error('close failed', { cause: error });
    }
  } catch (error) {
    console.error(error);
  }
});
`,
              },
            ],
          },
        ],
      },
      {
        name: 'a referenced async function at top level: no fix',
        code: `declare function flush(): Promise<void>;
async function shutdown(): Promise<void> {
  await flush();
  process.exit(0);
}
process.once('SIGINT', shutdown);
`,
        findings: [
          { line: 6, column: 24, endLine: 6, endColumn: 32, messageId: 'async-callback-ignored.listener', fixes: [] },
        ],
      },
      {
        name: 'addEventListener with options, in a one-line body',
        code: `declare const button: { addEventListener(type: string, f: (e: unknown) => void, o?: unknown): void };
declare function submit(): Promise<void>;
button.addEventListener('click', async (event) => { await submit(); }, { once: true });
`,
        findings: [
          {
            line: 3,
            column: 34,
            endLine: 3,
            endColumn: 47,
            messageId: 'async-callback-ignored.listener',
            fixes: [
              {
                titleId: 'fix.wrap-try-catch',
                safety: 'unsafe',
                preferred: true,
                output: `declare const button: { addEventListener(type: string, f: (e: unknown) => void, o?: unknown): void };
declare function submit(): Promise<void>;
button.addEventListener('click', async (event) => {
  try {
    await submit();
  } catch (error) {
    console.error(error);
  }
}, { once: true });
`,
              },
            ],
          },
        ],
      },
      {
        name: 'the global addEventListener, in a JavaScript file, with a parameter without parentheses',
        fileName: 'worker.js',
        code: `addEventListener('message', async event => {
  await handle(event.data);
});
`,
        findings: [
          {
            line: 1,
            column: 29,
            endLine: 1,
            endColumn: 40,
            messageId: 'async-callback-ignored.listener',
            fixes: [
              {
                titleId: 'fix.wrap-try-catch',
                safety: 'unsafe',
                preferred: true,
                output: `addEventListener('message', async event => {
  try {
    await handle(event.data);
  } catch (error) {
    console.error(error);
  }
});
`,
              },
            ],
          },
        ],
      },
    ],
  },
  {
    title: 'invalid: timers',
    invalid: [
      {
        name: 'the global setTimeout with an expression body',
        code: `declare function refresh(): Promise<void>;
setTimeout(async () => refresh(), 1000);
`,
        findings: [
          {
            line: 2,
            column: 12,
            endLine: 2,
            endColumn: 20,
            messageId: 'async-callback-ignored.timer',
            fixes: [
              {
                titleId: 'fix.wrap-try-catch',
                safety: 'unsafe',
                preferred: true,
                output: `declare function refresh(): Promise<void>;
setTimeout(async () => {
  try {
    await refresh();
  } catch (error) {
    console.error(error);
  }
}, 1000);
`,
              },
            ],
          },
        ],
      },
      {
        name: 'setInterval imported from node:timers',
        code: `import { setInterval } from 'node:timers';
declare function poll(): Promise<void>;
setInterval(async () => {
  await poll();
}, 5000);
`,
        findings: [
          {
            line: 3,
            column: 13,
            endLine: 3,
            endColumn: 21,
            messageId: 'async-callback-ignored.timer',
            fixes: [
              {
                titleId: 'fix.wrap-try-catch',
                safety: 'unsafe',
                preferred: true,
                output: `import { setInterval } from 'node:timers';
declare function poll(): Promise<void>;
setInterval(async () => {
  try {
    await poll();
  } catch (error) {
    console.error(error);
  }
}, 5000);
`,
              },
            ],
          },
        ],
      },
      {
        name: 'timers.setImmediate through a namespace import, with a function expression',
        code: `import * as timers from 'node:timers';
declare function poll(): Promise<void>;
timers.setImmediate(async function () {
  await poll();
});
`,
        findings: [
          {
            line: 3,
            column: 21,
            endLine: 3,
            endColumn: 38,
            messageId: 'async-callback-ignored.timer',
            fixes: [
              {
                titleId: 'fix.wrap-try-catch',
                safety: 'unsafe',
                preferred: true,
                output: `import * as timers from 'node:timers';
declare function poll(): Promise<void>;
timers.setImmediate(async function () {
  try {
    await poll();
  } catch (error) {
    console.error(error);
  }
});
`,
              },
            ],
          },
        ],
      },
      {
        name: 'queueMicrotask inside a method, indented',
        code: `declare function flush(): Promise<void>;
class Batcher {
  schedule(): void {
    queueMicrotask(async () => {
      await flush();
    });
  }
}
`,
        findings: [
          {
            line: 4,
            column: 20,
            endLine: 4,
            endColumn: 28,
            messageId: 'async-callback-ignored.timer',
            fixes: [
              {
                titleId: 'fix.wrap-try-catch',
                safety: 'unsafe',
                preferred: true,
                output: `declare function flush(): Promise<void>;
class Batcher {
  schedule(): void {
    queueMicrotask(async () => {
      try {
        await flush();
      } catch (error) {
        console.error(error);
      }
    });
  }
}
`,
              },
            ],
          },
        ],
      },
      {
        name: 'globalThis.setTimeout with an awaited expression body',
        code: `declare function refresh(): Promise<void>;
globalThis.setTimeout(async () => await refresh(), 10);
`,
        findings: [
          {
            line: 2,
            column: 23,
            endLine: 2,
            endColumn: 31,
            messageId: 'async-callback-ignored.timer',
            fixes: [
              {
                titleId: 'fix.wrap-try-catch',
                safety: 'unsafe',
                preferred: true,
                output: `declare function refresh(): Promise<void>;
globalThis.setTimeout(async () => {
  try {
    await refresh();
  } catch (error) {
    console.error(error);
  }
}, 10);
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
