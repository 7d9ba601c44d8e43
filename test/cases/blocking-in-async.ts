// blocking-in-async: the case table. Valid cases are the near misses (module top level,
// synchronous functions, callbacks passed to other functions, the promise API, shadowed names,
// loops that work); invalid cases state the range, the message id and every fix with the exact
// text after it.
// The core's tests (test/core/rules/blocking-in-async.test.ts) and the ESLint plugin's RuleTester
// (test/eslint) both run it.
import type { CaseGroup } from './types';
import { casesOf } from './types';

/** The cases, grouped by the behaviour they show, in the order the core's tests run them. */
export const groups: readonly CaseGroup[] = [
  {
    title: 'valid: not async code',
    valid: [
      {
        name: "readFileSync at module top level",
        code: `import { readFileSync } from 'node:fs';

const config = readFileSync('config.json', 'utf8');
`,
      },
      {
        name: "readFileSync in a synchronous function",
        code: `import { readFileSync } from 'node:fs';

function loadConfig(): string {
  return readFileSync('config.json', 'utf8');
}
`,
      },
      {
        name: "execSync in a synchronous arrow function",
        code: `import { execSync } from 'node:child_process';

const revision = () => execSync('git rev-parse HEAD').toString();
`,
      },
      {
        name: "a synchronous helper declared inside an async function",
        code: `import { readFileSync } from 'node:fs';

async function main(): Promise<void> {
  function read(name: string): string {
    return readFileSync(name, 'utf8');
  }
  console.log(read('a.txt'));
}
`,
      },
      {
        name: "a callback passed to setTimeout inside an async function",
        code: `import { readFileSync } from 'node:fs';

async function main(): Promise<void> {
  setTimeout(() => readFileSync('late.txt'), 10);
}
`,
      },
      {
        name: "a route handler registered inside an async function",
        code: `import { readFileSync } from 'node:fs';
declare const app: { get(path: string, handler: (req: unknown, res: { send(body: string): void }) => void): void };

async function start(): Promise<void> {
  app.get('/', (req, res) => res.send(readFileSync('index.html', 'utf8')));
}
`,
      },
      {
        name: "an array callback inside a synchronous function",
        code: `import { readFileSync } from 'node:fs';

function readAll(names: string[]): string[] {
  return names.map((name) => readFileSync(name, 'utf8'));
}
`,
      },
      {
        name: "a new Promise executor inside a synchronous function",
        code: `import { existsSync } from 'node:fs';

function exists(path: string): Promise<boolean> {
  return new Promise((resolve) => resolve(existsSync(path)));
}
`,
      },
      {
        name: "a class field initializer",
        code: `import { readFileSync } from 'node:fs';

class Template {
  text = readFileSync('template.html', 'utf8');
  async render(): Promise<string> {
    return this.text;
  }
}
`,
      },
      {
        name: "Atomics.wait in a synchronous function (a worker)",
        code: `function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
`,
      },
    ],
  },
  {
    title: 'valid: the promise API and other modules',
    valid: [
      {
        name: "awaited readFile from node:fs/promises",
        code: `import { readFile } from 'node:fs/promises';

async function main(): Promise<void> {
  console.log(await readFile('a.txt', 'utf8'));
}
`,
      },
      {
        name: "fs.promises.readFile",
        code: `import * as fs from 'node:fs';

async function main(): Promise<void> {
  console.log(await fs.promises.readFile('a.txt', 'utf8'));
}
`,
      },
      {
        name: "the callback API of fs, child_process and zlib",
        code: `import { readFile } from 'node:fs';
import { exec } from 'node:child_process';
import { gzip } from 'node:zlib';

async function main(): Promise<void> {
  readFile('a.txt', () => {});
  exec('ls', () => {});
  gzip('text', () => {});
}
`,
      },
      {
        name: "randomFillSync and randomBytes (cost grows with a buffer that is usually small)",
        code: `import { randomBytes, randomFillSync } from 'node:crypto';

async function token(): Promise<string> {
  const salt = randomFillSync(Buffer.alloc(16));
  return randomBytes(16).toString('hex') + salt.toString('hex');
}
`,
      },
      {
        name: "an in-memory file system with the same names (memfs)",
        code: `import { readFileSync } from 'memfs';

async function main(): Promise<void> {
  console.log(readFileSync('/a.txt'));
}
`,
      },
      {
        name: "a method named readFileSync on an unknown object (never by name)",
        code: `declare const vfs: { readFileSync(path: string): string };

async function main(): Promise<void> {
  console.log(vfs.readFileSync('a.txt'));
}
`,
      },
      {
        name: "a local function named readFileSync",
        code: `function readFileSync(path: string): string {
  return path;
}

async function main(): Promise<void> {
  console.log(readFileSync('a.txt'));
}
`,
      },
      {
        name: "a parameter shadows the import",
        code: `import { readFileSync } from 'node:fs';

async function main(readFileSync: (path: string) => string): Promise<void> {
  console.log(readFileSync('a.txt'));
}
`,
      },
      {
        name: "a let alias that is reassigned",
        code: `import * as fs from 'node:fs';

let read = fs.readFileSync;
read = ((path: string) => path) as typeof read;

async function main(): Promise<void> {
  console.log(read('a.txt'));
}
`,
      },
      {
        name: "a local Atomics shadows the global",
        code: `const Atomics = { wait: (...args: unknown[]) => 'ok' };

async function main(): Promise<void> {
  Atomics.wait(1, 2, 3);
}
`,
      },
      {
        name: "a module not in the additions (options given)",
        options: {"ruleOptions":{"blocking-in-async":{"additions":["odbc-sync.querySync -> query"]}}},
        code: `import { querySync } from 'odbc-sync';
import { runSync } from 'other-lib';

async function main(): Promise<void> {
  runSync('x');
}
`,
      },
      {
        name: "a malformed addition is ignored by the analyzer (hosts validate first)",
        options: {"ruleOptions":{"blocking-in-async":{"additions":["other-lib.runSync"]}}},
        code: `import { runSync } from 'other-lib';

async function main(): Promise<void> {
  runSync('x');
}
`,
      },
    ],
  },
  {
    title: 'valid: loops that are not busy waits',
    valid: [
      {
        name: "a loop that works until a deadline (a call in the condition)",
        code: `declare function step(): boolean;

async function drain(deadline: number): Promise<void> {
  while (Date.now() < deadline && step()) {}
}
`,
      },
      {
        name: "a loop whose body does work",
        code: `declare function work(): void;

async function run(deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    work();
  }
}
`,
      },
      {
        name: "a loop that awaits",
        code: `import { setTimeout as sleep } from 'node:timers/promises';

async function waitUntil(deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    await sleep(10);
  }
}
`,
      },
      {
        name: "a busy wait in a synchronous function",
        code: `function spin(ms: number): void {
  const end = Date.now() + ms;
  while (Date.now() < end) {}
}
`,
      },
      {
        name: "a local Date shadows the global",
        code: `const Date = { now: () => 0 };

async function main(end: number): Promise<void> {
  while (Date.now() < end) {}
}
`,
      },
      {
        name: "an empty loop on a counter",
        code: `async function main(n: number): Promise<void> {
  let i = 0;
  while (i++ < n) {}
}
`,
      },
    ],
  },
  {
    title: 'invalid: heavy calls resolved through imports',
    invalid: [
      {
        name: "readFileSync from a named import: the import is added",
        code: `// Reads the config.
import { readFileSync } from 'node:fs';

async function main(): Promise<void> {
  const text = readFileSync('config.json', 'utf8');
  console.log(text);
}
`,
        findings: [
          {
            line: 5, column: 16, endLine: 5, endColumn: 51,
            messageId: 'blocking-in-async.blocking-call',
            fixes: [
              {
                titleId: 'fix.await-fs-promises',
                safety: 'unsafe',
                preferred: true,
                output: `// Reads the config.
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';

async function main(): Promise<void> {
  const text = await readFile('config.json', 'utf8');
  console.log(text);
}
`,
              },
            ],
          },
        ],
      },
      {
        name: "an existing import of readFile from node:fs/promises is reused",
        code: `import { readFileSync } from 'fs';
import { readFile } from 'node:fs/promises';

export async function both(): Promise<string> {
  return readFileSync('a.txt', 'utf8') + (await readFile('b.txt', 'utf8'));
}
`,
        findings: [
          {
            line: 5, column: 10, endLine: 5, endColumn: 39,
            messageId: 'blocking-in-async.blocking-call',
            fixes: [
              {
                titleId: 'fix.await-fs-promises',
                safety: 'unsafe',
                preferred: true,
                output: `import { readFileSync } from 'fs';
import { readFile } from 'node:fs/promises';

export async function both(): Promise<string> {
  return await readFile('a.txt', 'utf8') + (await readFile('b.txt', 'utf8'));
}
`,
              },
            ],
          },
        ],
      },
      {
        name: "a namespace import: fs.promises",
        code: `import * as fs from 'node:fs';

const save = async (text: string) => {
  fs.writeFileSync('out.txt', text);
};
`,
        findings: [
          {
            line: 4, column: 3, endLine: 4, endColumn: 36,
            messageId: 'blocking-in-async.blocking-call',
            fixes: [
              {
                titleId: 'fix.await-fs-promises',
                safety: 'unsafe',
                preferred: true,
                output: `import * as fs from 'node:fs';

const save = async (text: string) => {
  await fs.promises.writeFile('out.txt', text);
};
`,
              },
            ],
          },
        ],
      },
      {
        name: "a default import, as a receiver: parenthesised",
        code: `import fs from 'fs';

async function main(): Promise<number> {
  return fs.readdirSync('.').length;
}
`,
        findings: [
          {
            line: 4, column: 10, endLine: 4, endColumn: 29,
            messageId: 'blocking-in-async.blocking-call',
            fixes: [
              {
                titleId: 'fix.await-fs-promises',
                safety: 'unsafe',
                preferred: true,
                output: `import fs from 'fs';

async function main(): Promise<number> {
  return (await fs.promises.readdir('.')).length;
}
`,
              },
            ],
          },
        ],
      },
      {
        name: "an aliased named import",
        code: `import { copyFileSync as copy } from 'node:fs';

class Backup {
  async run(): Promise<void> {
    copy('a', 'b');
  }
}
`,
        findings: [
          {
            line: 5, column: 5, endLine: 5, endColumn: 19,
            messageId: 'blocking-in-async.blocking-call',
            fixes: [
              {
                titleId: 'fix.await-fs-promises',
                safety: 'unsafe',
                preferred: true,
                output: `import { copyFile } from 'node:fs/promises';
import { copyFileSync as copy } from 'node:fs';

class Backup {
  async run(): Promise<void> {
    await copyFile('a', 'b');
  }
}
`,
              },
            ],
          },
        ],
      },
      {
        name: "a readFile of another kind in scope: no fix",
        code: `import { readFileSync } from 'node:fs';

async function main(readFile: (p: string) => string): Promise<void> {
  console.log(readFileSync('a.txt', 'utf8'), readFile('b'));
}
`,
        findings: [
          {
            line: 4, column: 15, endLine: 4, endColumn: 44,
            messageId: 'blocking-in-async.blocking-call',
            fixes: [],
          },
        ],
      },
      {
        name: "execSync, pbkdf2Sync and gzipSync: no mechanical fix",
        code: `import { execSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import { gzipSync } from 'zlib';

async function main(): Promise<void> {
  execSync('git fetch');
  crypto.pbkdf2Sync('secret', 'salt', 100000, 64, 'sha512');
  gzipSync('text');
}
`,
        findings: [
          {
            line: 6, column: 3, endLine: 6, endColumn: 24,
            messageId: 'blocking-in-async.blocking-call',
            fixes: [],
          },
          {
            line: 7, column: 3, endLine: 7, endColumn: 60,
            messageId: 'blocking-in-async.blocking-call',
            fixes: [],
          },
          {
            line: 8, column: 3, endLine: 8, endColumn: 19,
            messageId: 'blocking-in-async.blocking-call',
            fixes: [],
          },
        ],
      },
      {
        name: "Atomics.wait",
        code: `async function pause(cell: Int32Array): Promise<void> {
  Atomics.wait(cell, 0, 0, 100);
}
`,
        findings: [
          {
            line: 2, column: 3, endLine: 2, endColumn: 32,
            messageId: 'blocking-in-async.blocking-call',
            fixes: [],
          },
        ],
      },
      {
        name: "fs-extra readJsonSync: no fix",
        code: `import { readJsonSync } from 'fs-extra';

async function main(): Promise<void> {
  console.log(readJsonSync('package.json'));
}
`,
        findings: [
          {
            line: 4, column: 15, endLine: 4, endColumn: 43,
            messageId: 'blocking-in-async.blocking-call',
            fixes: [],
          },
        ],
      },
      {
        name: "a user addition, with its replacement in the message",
        options: {"ruleOptions":{"blocking-in-async":{"additions":["odbc-sync.querySync -> `query` from `odbc`"]}}},
        code: `import { querySync } from 'odbc-sync';

async function main(): Promise<void> {
  querySync('select 1');
}
`,
        findings: [
          {
            line: 4, column: 3, endLine: 4, endColumn: 24,
            messageId: 'blocking-in-async.blocking-call',
            fixes: [],
          },
        ],
      },
    ],
  },
  {
    title: 'invalid: require in JavaScript',
    invalid: [
      {
        name: "a destructured require: the require is added after \"use strict\"",
        fileName: "test.js",
        code: `'use strict';
const { readFileSync } = require('node:fs');

async function main() {
  return readFileSync('a.txt', 'utf8');
}
module.exports = { main };
`,
        findings: [
          {
            line: 5, column: 10, endLine: 5, endColumn: 39,
            messageId: 'blocking-in-async.blocking-call',
            fixes: [
              {
                titleId: 'fix.await-fs-promises',
                safety: 'unsafe',
                preferred: true,
                output: `'use strict';
const { readFile } = require('node:fs/promises');
const { readFileSync } = require('node:fs');

async function main() {
  return await readFile('a.txt', 'utf8');
}
module.exports = { main };
`,
              },
            ],
          },
        ],
      },
      {
        name: "an aliased destructured require",
        fileName: "test.cjs",
        code: `const { writeFileSync: write } = require('fs');

exports.save = async (text) => {
  write('out.txt', text);
};
`,
        findings: [
          {
            line: 4, column: 3, endLine: 4, endColumn: 25,
            messageId: 'blocking-in-async.blocking-call',
            fixes: [
              {
                titleId: 'fix.await-fs-promises',
                safety: 'unsafe',
                preferred: true,
                output: `const { writeFile } = require('node:fs/promises');
const { writeFileSync: write } = require('fs');

exports.save = async (text) => {
  await writeFile('out.txt', text);
};
`,
              },
            ],
          },
        ],
      },
      {
        name: "a required namespace: fs.promises",
        fileName: "test.js",
        code: `const fs = require('fs');

async function main() {
  fs.rmSync('dist', { recursive: true, force: true });
}
module.exports = { main };
`,
        findings: [
          {
            line: 4, column: 3, endLine: 4, endColumn: 54,
            messageId: 'blocking-in-async.blocking-call',
            fixes: [
              {
                titleId: 'fix.await-fs-promises',
                safety: 'unsafe',
                preferred: true,
                output: `const fs = require('fs');

async function main() {
  await fs.promises.rm('dist', { recursive: true, force: true });
}
module.exports = { main };
`,
              },
            ],
          },
        ],
      },
      {
        name: "an alias of a member: no fix",
        fileName: "test.js",
        code: `const fs = require('fs');
const read = fs.readFileSync;

async function main() {
  return read('a.txt');
}
module.exports = { main };
`,
        findings: [
          {
            line: 5, column: 10, endLine: 5, endColumn: 23,
            messageId: 'blocking-in-async.blocking-call',
            fixes: [],
          },
        ],
      },
    ],
  },
  {
    title: 'invalid: synchronous callbacks of async code',
    invalid: [
      {
        name: "items.map((x) => readFileSync(x)) in an async function: no fix (await is illegal there)",
        code: `import { readFileSync } from 'node:fs';

async function readAll(items: string[]): Promise<Buffer[]> {
  return items.map((x) => readFileSync(x));
}
`,
        findings: [
          {
            line: 4, column: 27, endLine: 4, endColumn: 42,
            messageId: 'blocking-in-async.blocking-call',
            fixes: [],
          },
        ],
      },
      {
        name: "a new Promise executor in an async function",
        code: `import { existsSync } from 'node:fs';

async function check(path: string): Promise<boolean> {
  return new Promise((resolve) => resolve(existsSync(path)));
}
`,
        findings: [
          {
            line: 4, column: 43, endLine: 4, endColumn: 59,
            messageId: 'blocking-in-async.metadata-call',
            fixes: [],
          },
        ],
      },
      {
        name: "nested array callbacks",
        code: `import * as fs from 'node:fs';

async function sizes(groups: string[][]): Promise<void> {
  groups.forEach((group) => group.filter((name) => fs.existsSync(name)));
}
`,
        findings: [
          {
            line: 4, column: 52, endLine: 4, endColumn: 71,
            messageId: 'blocking-in-async.metadata-call',
            fixes: [],
          },
        ],
      },
      {
        name: "an async callback (stream.forEach(async …)) is async code itself",
        code: `import { readFileSync } from 'node:fs';
declare const stream: { forEach(fn: (x: string) => Promise<void>): Promise<void> };

export const done = stream.forEach(async (name) => {
  console.log(readFileSync(name));
});
`,
        findings: [
          {
            line: 5, column: 15, endLine: 5, endColumn: 33,
            messageId: 'blocking-in-async.blocking-call',
            fixes: [
              {
                titleId: 'fix.await-fs-promises',
                safety: 'unsafe',
                preferred: true,
                output: `import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
declare const stream: { forEach(fn: (x: string) => Promise<void>): Promise<void> };

export const done = stream.forEach(async (name) => {
  console.log(await readFile(name));
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
    title: 'invalid: metadata calls are info',
    invalid: [
      {
        name: "existsSync and mkdirSync",
        code: `import { existsSync, mkdirSync } from 'node:fs';

async function ensure(dir: string): Promise<void> {
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
}
`,
        findings: [
          {
            line: 4, column: 8, endLine: 4, endColumn: 23,
            messageId: 'blocking-in-async.metadata-call',
            fixes: [],
          },
          {
            line: 4, column: 25, endLine: 4, endColumn: 60,
            messageId: 'blocking-in-async.metadata-call',
            fixes: [
              {
                titleId: 'fix.await-fs-promises',
                safety: 'unsafe',
                preferred: true,
                output: `import { mkdir } from 'node:fs/promises';
import { existsSync, mkdirSync } from 'node:fs';

async function ensure(dir: string): Promise<void> {
  if (!existsSync(dir)) await mkdir(dir, { recursive: true });
}
`,
              },
            ],
          },
        ],
      },
      {
        name: "statSync with one argument is fixed; with options it is not",
        code: `import { statSync } from 'node:fs';

async function size(path: string): Promise<number | undefined> {
  const a = statSync(path);
  const b = statSync(path, { throwIfNoEntry: false });
  return a.size + (b?.size ?? 0);
}
`,
        findings: [
          {
            line: 4, column: 13, endLine: 4, endColumn: 27,
            messageId: 'blocking-in-async.metadata-call',
            fixes: [
              {
                titleId: 'fix.await-fs-promises',
                safety: 'unsafe',
                preferred: true,
                output: `import { stat } from 'node:fs/promises';
import { statSync } from 'node:fs';

async function size(path: string): Promise<number | undefined> {
  const a = await stat(path);
  const b = statSync(path, { throwIfNoEntry: false });
  return a.size + (b?.size ?? 0);
}
`,
              },
            ],
          },
          {
            line: 5, column: 13, endLine: 5, endColumn: 54,
            messageId: 'blocking-in-async.metadata-call',
            fixes: [],
          },
        ],
      },
    ],
  },
  {
    title: 'invalid: busy-wait loops',
    invalid: [
      {
        name: "while (Date.now() < t) {}",
        code: `async function pause(ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {}
}
`,
        findings: [
          {
            line: 3, column: 3, endLine: 3, endColumn: 30,
            messageId: 'blocking-in-async.busy-wait',
            fixes: [],
          },
        ],
      },
      {
        name: "do { now = performance.now() } while (now < end), performance from perf_hooks",
        code: `import { performance } from 'node:perf_hooks';

async function pause(ms: number): Promise<void> {
  const end = performance.now() + ms;
  let now = 0;
  do {
    now = performance.now();
  } while (now < end);
}
`,
        findings: [
          {
            line: 6, column: 3, endLine: 8, endColumn: 23,
            messageId: 'blocking-in-async.busy-wait',
            fixes: [],
          },
        ],
      },
      {
        name: "for with a clock incrementor",
        code: `async function pause(ms: number): Promise<void> {
  const end = Date.now() + ms;
  for (let now = Date.now(); now < end; now = Date.now());
}
`,
        findings: [
          {
            line: 3, column: 3, endLine: 3, endColumn: 59,
            messageId: 'blocking-in-async.busy-wait',
            fixes: [],
          },
        ],
      },
      {
        name: "inside a synchronous callback of async code",
        code: `async function staggered(items: number[]): Promise<void> {
  items.forEach((ms) => {
    const end = Date.now() + ms;
    while (new Date().getTime() < end) {}
  });
}
`,
        findings: [
          {
            line: 4, column: 5, endLine: 4, endColumn: 42,
            messageId: 'blocking-in-async.busy-wait',
            fixes: [],
          },
        ],
      },
    ],
  },
];

/** The same cases, ungrouped. */
export const { valid, invalid } = casesOf(groups);
