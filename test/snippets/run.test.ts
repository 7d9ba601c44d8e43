// Every snippet, expanded with its defaults, compiles under `tsc --strict`, runs and does what it
// teaches, in TypeScript and in JavaScript, and async-lens finds nothing in it. Each snippet is
// followed by a driver from fixtures/drivers/ (a test may override a tab stop, such as the port);
// the connection snippets talk to HTTP and HTTPS servers this test starts on 127.0.0.1.
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import ts = require('typescript');
import { runCli } from '../cli/helpers';
import { bodyOf, loadScript, readSnippets, ROOT } from './helpers';
import type { Overrides, Snippet, SnippetsScript } from './helpers';

const FIXTURES = path.join(__dirname, 'fixtures');
const CERTIFICATE = path.join(FIXTURES, 'localhost-cert.pem');

/** The servers the connection snippets talk to: ports on 127.0.0.1. */
interface Ports {
  http: number;
  tls: number;
  /** A port that was listening and is closed again: connecting is refused. */
  closed: number;
}

/** One behaviour test: a snippet (by name), what it needs inserted before it, and what it prints. */
interface Case {
  /** Its driver: fixtures/drivers/<id>.ts; also the name of the files it is written to. */
  id: string;
  snippet: string;
  /** What the driver shows, for the test title. */
  shows: string;
  /** Snippets inserted before this one (by name), as a user would. */
  needs?: string[];
  overrides?: (ports: Ports) => Overrides;
  stdout: (ports: Ports) => string;
  /** stderr must match this; by default it must be empty. */
  stderr?: RegExp;
}

const QUEUE = 'Async queue (asyncio.Queue)';

const CASES: readonly Case[] = [
  {
    id: 'async-task',
    snippet: 'Start a task, await it later',
    shows: 'the call starts at once and finishes while main does other work',
    overrides: () => ({ 3: "console.log('main: goes on while work() runs');\nawait sleep(40);\nconsole.log('main: other work done');" }),
    stdout: () => lines('work: started', 'main: goes on while work() runs', 'work: done', 'main: other work done', 'main: result 42'),
  },
  {
    id: 'async-gather',
    snippet: 'Await several at once (gather)',
    shows: 'results in argument order, whatever order the calls finish in',
    stdout: () => lines('finished: loadSecond (10 ms)', 'finished: loadFirst (120 ms)', 'results in argument order: first, second'),
  },
  {
    id: 'async-gather-settled',
    snippet: 'Await every outcome (gather with return_exceptions)',
    shows: 'every outcome in argument order, a rejection included, nothing thrown',
    stdout: () => lines('first value', 'outcomes in argument order: fulfilled, rejected'),
    stderr: /^Error: loadSecond failed\n {4}at loadSecond /,
  },
  {
    id: 'async-wait-first',
    snippet: 'Wait for the first to settle (done and pending)',
    shows: 'the first to settle is done, the rest pending and still running',
    stdout: () =>
      lines(
        'done: 1, pending: 3',
        'first: b',
        'then done: 1, pending: 2',
        'the rejection is done, not thrown: Error: failed after 80 ms',
        'the rest ran on: a, d',
        'waitFirst() needs at least one promise',
      ),
  },
  {
    id: 'async-wait-timeout',
    snippet: 'Wait with a timeout (done and pending)',
    shows: 'the pending set after the timeout, no error; the timer cleared when all settle first',
    stdout: () =>
      lines(
        'after 100 ms: 2 done, 2 pending, no error thrown',
        'done: a, c',
        'pending: tasks 1 and 3',
        'awaited later: b, Error: failed after 400 ms',
        'all settled first: 1 done, 0 pending',
      ),
  },
  {
    id: 'async-as-completed',
    snippet: 'Iterate in completion order (as_completed)',
    shows: 'values in completion order, also to a slow loop; a rejection thrown at the loop',
    stdout: () =>
      lines(
        '> task 1 (10 ms)',
        '> task 2 (100 ms)',
        '> task 0 (200 ms)',
        'slow loop > first',
        'slow loop > second',
        'slow loop > third',
        '> early',
        'thrown at the loop: Error: failed after 100 ms',
      ),
  },
  {
    id: 'async-queue',
    snippet: QUEUE,
    shows: 'back-pressure, first in first out, close() ends for await, join() waits for every taskDone()',
    stdout: () =>
      lines(
        'capacity 2, so put() waits: done putting a, b',
        'get() returned a and made room: done putting a, b, c',
        'then, first in first out: b, c, d; close() ended the for await',
        'join() after 3 of 4 taskDone(): still waiting',
        'join() after the last taskDone(): resolved',
        'put() on a closed queue',
        'get() on a closed, drained queue',
        'capacity 0: RangeError: capacity must be at least 1',
      ),
  },
  {
    id: 'async-producer-consumer-join',
    snippet: 'Producer-consumer with join (fast producer)',
    needs: [QUEUE],
    shows: 'every item handled by at most N workers at once; failures reported together at the end',
    stdout: () =>
      lines('handled 8 items (abcdefgh), at most 3 at once', '2 of the items failed after 5 attempts: Error: item 2 failed; Error: item 4 failed'),
  },
  {
    id: 'async-producer-consumer-close',
    snippet: 'Producer-consumer with close (slow producer)',
    needs: [QUEUE],
    shows: "the slow producer's end stops the consumer; a consumer failure stops the producer",
    stdout: () =>
      lines(
        'consumed 15',
        'consumed 5',
        'consumed 10',
        'the consumer stopped when the producer ended: 15, 5, 10',
        'rejected with Error: consumer failed at 3; the producer stopped after 5 puts',
      ),
  },
  {
    id: 'async-priority-queue',
    snippet: 'Async priority queue (asyncio.PriorityQueue)',
    shows: 'lowest priority first, ties in put order, back-pressure',
    stdout: () =>
      lines(
        'urgent | also urgent | normal | normal, put later | low',
        '200 items in priority order: true',
        'waiting get(): handed over',
        'capacity 1, full: put() done: false',
        'get(): fills it',
        'after get(): put() done: true, then get(): waits',
      ),
  },
  {
    id: 'async-lifo-queue',
    snippet: 'Async LIFO queue (asyncio.LifoQueue)',
    shows: 'last in first out, back-pressure',
    stdout: () =>
      lines(
        'put a, b, c, got two, put d: c, b, d, a',
        'waiting get(): handed over',
        'capacity 1, full: put() done: false',
        'get(): first',
        'after get(): put() done: true, then get(): second',
      ),
  },
  {
    id: 'async-semaphore',
    snippet: 'Limit concurrency (semaphore)',
    shows: 'at most N at once, results in order, a failing task frees its slot',
    stdout: () =>
      lines(
        'task 0, task 1, task 2, task 3, task 4; at most 2 at once; started in order 0, 1, 2, 3, 4',
        'Error: the task failed; the slot is free again: the next task ran',
        'RangeError: limit must be a whole number of at least 1',
      ),
  },
  {
    id: 'async-timeout',
    snippet: 'Run with a deadline (AbortSignal.timeout)',
    shows: 'race settles with the first to settle; a TimeoutError past the deadline; nothing cancelled by force',
    stdout: () =>
      lines(
        'race: resolved after 10 ms',
        'after the later rejection: still running',
        'in time: resolved after 10 ms',
        'too late: TimeoutError: The operation was aborted due to timeout; the operation, listening to the signal: rejected with AbortError',
        'ignores the signal: TimeoutError; finished yet: false',
        'it ran on and finished: true',
        'a failure before the deadline: Error: rejected after 5 ms',
      ),
  },
  {
    id: 'async-open-connection',
    snippet: 'Open a TCP or TLS connection (open_connection)',
    shows: 'status lines over TCP and TLS from servers on 127.0.0.1; refused and untrusted connections reject',
    overrides: (ports) => ({ 3: String(ports.http) }),
    stdout: () =>
      lines(
        'tcp: HTTP/1.1 200 OK',
        'tcp /missing: HTTP/1.1 404 Not Found',
        'tls: HTTP/1.1 200 OK',
        'closed port: ECONNREFUSED',
        'tls without the CA: DEPTH_ZERO_SELF_SIGNED_CERT',
      ),
  },
  {
    id: 'async-fetch',
    snippet: 'Fetch a page (fetch with a timeout)',
    shows: 'a page from a server on 127.0.0.1; an HTTP error status and a timeout reject',
    overrides: (ports) => ({ 2: `http://127.0.0.1:${ports.http}/hello` }),
    stdout: (ports) =>
      lines('default url: hello from 127.0.0.1', `404: Error: GET http://127.0.0.1:${ports.http}/missing: 404 Not Found`, 'slow: TimeoutError'),
  },
];

/** Lines of output, each ending with a newline. */
function lines(...texts: string[]): string {
  return texts.map((text) => `${text}\n`).join('');
}

/** What a run of one program gave. */
interface Run {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs `node file`, collecting its output; killed after 15 s. */
function runNode(file: string, env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [file], { env, stdio: ['ignore', 'pipe', 'pipe'], timeout: 15_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr }));
  });
}

/** Maps `items` with at most `limit` calls of `task` running at once, results in order. */
async function mapLimited<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await task(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, () => worker()));
  return results;
}

/** Answers the connection snippets: `/` and `/hello` are found, `/slow` answers after 300 ms, the rest is 404. */
function answer(request: http.IncomingMessage, response: http.ServerResponse): void {
  if (request.url === '/slow') {
    const timer = setTimeout(() => response.end('slow'), 300);
    response.on('close', () => clearTimeout(timer));
    return;
  }
  const found = request.url === '/' || request.url === '/hello';
  response.writeHead(found ? 200 : 404, { 'content-type': 'text/plain' });
  response.end(found ? 'hello from 127.0.0.1' : 'not found');
}

/** Starts `server` on 127.0.0.1 and resolves with its port. */
async function listen(server: http.Server): Promise<number> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return (server.address() as AddressInfo).port;
}

/** Stops `server`, dropping its connections. */
async function stop(server: http.Server): Promise<void> {
  if (!server.listening) return;
  const closed = once(server, 'close');
  server.close();
  server.closeAllConnections();
  await closed;
}

/** A file name for a snippet name: lower case, words joined by hyphens. */
function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

describe('snippets: compile, run and lint', function () {
  this.timeout(120_000);

  let script: SnippetsScript;
  let typescript: Record<string, Snippet>;
  let javascript: Record<string, Snippet>;
  let dir: string;
  let ports: Ports;
  let diagnostics: string;
  const servers: http.Server[] = [];
  const runs = new Map<string, { typescript: Run; javascript: Run }>();

  before(async () => {
    [script, typescript, javascript] = await Promise.all([loadScript(), readSnippets('typescript'), readSnippets('javascript')]);
    dir = await mkdtemp(path.join(tmpdir(), 'async-lens-snippets-'));

    const [key, cert] = await Promise.all([readFile(path.join(FIXTURES, 'localhost-key.pem')), readFile(CERTIFICATE)]);
    const plain = http.createServer(answer);
    const secure = https.createServer({ key, cert }, answer);
    const closed = http.createServer(answer);
    servers.push(plain, secure, closed);
    const [httpPort, tlsPort, closedPort] = await Promise.all([listen(plain), listen(secure), listen(closed)]);
    await stop(closed);
    ports = { http: httpPort, tls: tlsPort, closed: closedPort };

    const expand = (snippets: Record<string, Snippet>, name: string, overrides?: Overrides): string => {
      const snippet = snippets[name];
      assert.ok(snippet, `no snippet named ${JSON.stringify(name)}`);
      return script.expandSnippet(script.parseSnippet(bodyOf(snippet)), overrides).text;
    };

    // Each snippet alone, as inserted with its defaults: what the linter must find nothing in.
    await mkdir(path.join(dir, 'lint', 'alone'), { recursive: true });
    await Promise.all(
      Object.keys(typescript).flatMap((name) => [
        writeFile(path.join(dir, 'lint', 'alone', `${slug(name)}.mts`), expand(typescript, name)),
        writeFile(path.join(dir, 'lint', 'alone', `${slug(name)}.mjs`), expand(javascript, name)),
      ]),
    );

    // Each case as a program: the snippets it needs, the snippet, the driver; in TypeScript and JavaScript.
    await mkdir(path.join(dir, 'lint', 'run'), { recursive: true });
    const programs = await Promise.all(
      CASES.map(async (test) => {
        const driver = await readFile(path.join(FIXTURES, 'drivers', `${test.id}.ts`), 'utf8');
        const overrides = test.overrides?.(ports);
        const names = [...(test.needs ?? []), test.snippet];
        const expandAll = (snippets: Record<string, Snippet>): string[] =>
          names.map((name) => expand(snippets, name, name === test.snippet ? overrides : undefined));
        const driverJs = ts.transpileModule(driver, {
          compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
          fileName: `${test.id}.ts`,
        }).outputText;
        const tsFile = path.join(dir, 'lint', 'run', `${test.id}.mts`);
        const jsFile = path.join(dir, 'lint', 'run', `${test.id}.mjs`);
        await Promise.all([
          writeFile(tsFile, [...expandAll(typescript), driver].join('\n\n')),
          writeFile(jsFile, [...expandAll(javascript), driverJs].join('\n\n')),
        ]);
        return { id: test.id, tsFile, jsFile };
      }),
    );

    const env = {
      ...process.env,
      SNIPPET_HTTP_PORT: String(ports.http),
      SNIPPET_TLS_PORT: String(ports.tls),
      SNIPPET_CLOSED_PORT: String(ports.closed),
      SNIPPET_CA: CERTIFICATE,
    };
    const outDir = path.join(dir, 'out');
    // One program for all of them, as `tsc --strict` with Node's types, then each emitted program run.
    const compileAndRun = async (): Promise<Run[]> => {
      const options: ts.CompilerOptions = {
        strict: true,
        noUnusedLocals: true,
        noUnusedParameters: true,
        noImplicitReturns: true,
        target: ts.ScriptTarget.ES2022,
        lib: ['lib.es2023.d.ts'],
        module: ts.ModuleKind.NodeNext,
        moduleResolution: ts.ModuleResolutionKind.NodeNext,
        types: ['node'],
        typeRoots: [path.join(ROOT, 'node_modules', '@types')],
        skipLibCheck: true,
        rootDir: path.join(dir, 'lint', 'run'),
        outDir,
      };
      const host = ts.createCompilerHost(options);
      const program = ts.createProgram(programs.map((entry) => entry.tsFile), options, host);
      const emitted = program.emit();
      diagnostics = ts.formatDiagnostics([...ts.getPreEmitDiagnostics(program), ...emitted.diagnostics], host);
      return mapLimited(programs, 3, (entry) => runNode(path.join(outDir, `${entry.id}.mjs`), env));
    };
    // The JavaScript programs need no compiling: they run while the TypeScript ones compile.
    const [javascriptRuns, typescriptRuns] = await Promise.all([mapLimited(programs, 3, (entry) => runNode(entry.jsFile, env)), compileAndRun()]);
    programs.forEach((entry, index) => {
      const fromJavaScript = javascriptRuns[index];
      const fromTypeScript = typescriptRuns[index];
      if (fromJavaScript && fromTypeScript) runs.set(entry.id, { typescript: fromTypeScript, javascript: fromJavaScript });
    });
  });

  after(async () => {
    await Promise.all(servers.map((server) => stop(server)));
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('every snippet has a behaviour test', () => {
    const tested = new Set(CASES.map((test) => test.snippet));
    assert.deepEqual(Object.keys(typescript).filter((name) => !tested.has(name)), []);
  });

  it('the expanded TypeScript compiles under --strict with types: ["node"]', () => {
    assert.equal(diagnostics, '');
  });

  for (const test of CASES) {
    it(`${test.id}: ${test.shows}`, () => {
      const both = runs.get(test.id);
      if (!both) throw new Error(`${test.id} was not run`);
      for (const language of ['typescript', 'javascript'] as const) {
        const outcome: Run = both[language];
        const { status, signal, stdout, stderr } = outcome;
        const where = `${language}: exit ${String(status)} ${String(signal)}\n${stderr}`;
        assert.equal(stdout, test.stdout(ports), where);
        if (test.stderr) assert.match(stderr, test.stderr, where);
        else assert.equal(stderr, '', where);
        assert.equal(status, 0, where);
      }
    });
  }

  it('async-lens finds nothing in the snippets, alone or with their drivers', () => {
    const run = runCli(['--format', 'json', path.join(dir, 'lint')], ROOT);
    const report = JSON.parse(run.stdout) as { diagnostics: unknown[] };
    assert.deepEqual(report.diagnostics, []);
    const files = Object.keys(typescript).length * 2 + CASES.length * 2;
    assert.equal(run.stderr, `No findings in ${files} files analysed.\n`);
    assert.equal(run.status, 0, run.stderr);
  });
});
