// Lesson 8, blocking call in async code. One thread runs the event loop, as one thread runs the
// asyncio loop: a synchronous call such as readFileSync stops every other task until it returns.
// `await readFile(...)` from node:fs/promises lets them run meanwhile.
// Run:    npx tsx examples/08-blocking-in-async.ts
// Prints: for each handler, the characters read and how often another task ran meanwhile:
//         0 times with readFileSync, at least once with await readFile.
// async-lens: the readFileSync call is reported by `blocking-in-async`.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';

/** A request handler that blocks the event loop while it reads. */
async function handleBlocking(file: string): Promise<number> {
  const text = readFileSync(file, 'utf8'); // blocking-in-async
  return text.length;
}

/** The same handler, reading without blocking: other tasks run while the file is read. */
async function handle(file: string): Promise<number> {
  const text = await readFile(file, 'utf8');
  return text.length;
}

/** Runs `handler` next to another task that counts the event-loop turns it gets. */
async function measure(name: string, handler: (file: string) => Promise<number>): Promise<void> {
  const other = { turns: 0, running: true };
  const ticking = (async () => {
    while (other.running) {
      await nextTurn();
      other.turns += 1;
    }
  })();
  const length = await handler(__filename);
  const turns = other.turns; // read before stopping the other task
  other.running = false;
  await ticking;
  console.log(`${name}: read ${length} characters; another task ran ${turns} times meanwhile`);
}

async function main(): Promise<void> {
  await measure('readFileSync', handleBlocking);
  await measure('await readFile', handle);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
