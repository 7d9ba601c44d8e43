// Lesson 1, task timing. Calling an async function starts it at once, like asyncio.create_task;
// `await` only collects the result later. Two 200 ms tasks started together take about 200 ms;
// awaited one after the other, about 400 ms (the notes' 2 s vs 4 s demo).
// Run:    npx tsx examples/01-task-timing.ts
// Prints: when each task starts and ends, then both measured durations, the concurrent one about
//         half the sequential one.
// async-lens: run and observe. Both ways are correct code; no rule can tell that work which
// waits could have started earlier.
import { setTimeout as sleep } from 'node:timers/promises';

/** A task that waits 200 ms, as `asyncio.sleep(2)` does in the notes, and returns its answer. */
async function task(name: string): Promise<string> {
  console.log(`task ${name}: running`);
  await sleep(200);
  console.log(`task ${name}: done`);
  return `${name} says 42`;
}

/** Starts both tasks, then awaits them: they wait at the same time. */
async function startThenAwait(): Promise<number> {
  const start = performance.now();
  const a = task('a'); // running from here on, as after asyncio.create_task(...)
  const b = task('b');
  console.log('main: both tasks started, main goes on');
  // Awaiting one and then the other is fine here because `task` cannot reject; work that can
  // goes through `await Promise.all([a, b])` (lesson 2), so no rejection is left unhandled.
  const answers = [await a, await b];
  console.log(`main: got ${answers.join(', ')}`);
  return performance.now() - start;
}

/** Awaits each call before making the next: the second task starts only when the first ends. */
async function awaitEachInTurn(): Promise<number> {
  const start = performance.now();
  const c = await task('c');
  const d = await task('d');
  console.log(`main: got ${c}, ${d}`);
  return performance.now() - start;
}

async function main(): Promise<void> {
  const concurrent = await startThenAwait();
  const sequential = await awaitEachInTurn();
  console.log(`started together: ${Math.round(concurrent)} ms`);
  console.log(`awaited in turn: ${Math.round(sequential)} ms`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
