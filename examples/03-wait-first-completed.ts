// Lesson 3, wait for the first. asyncio.wait(tasks, return_when=FIRST_COMPLETED) hands back two
// sets, done and pending; `Promise.race` gives only the first value (or the first rejection) and
// forgets the rest. `waitFirst` below keeps both sets, so the pending work can be awaited later.
// Run:    npx tsx examples/03-wait-first-completed.ts
// Prints: how many tasks are done and pending, the first result, then the pending results.
// async-lens: run and observe. Nothing here is a mistake a rule could see.
import { setTimeout as sleep } from 'node:timers/promises';

/** Both sets of asyncio.wait: promises settled by the time it returned, and the rest. */
interface DoneAndPending<T> {
  done: Set<Promise<T>>;
  pending: Set<Promise<T>>;
}

/** Waits until at least one promise settles, like asyncio.wait(..., FIRST_COMPLETED); never rejects. */
async function waitFirst<T>(tasks: readonly Promise<T>[]): Promise<DoneAndPending<T>> {
  if (tasks.length === 0) throw new Error('waitFirst() needs at least one promise');
  const settled = new Set<Promise<T>>();
  // A rejected task counts as done, as in asyncio.wait: its error stays in it for whoever awaits it.
  const marks = tasks.map((task) => task.then(() => settled.add(task), () => settled.add(task)));
  await Promise.race(marks);
  return { done: new Set(settled), pending: new Set(tasks.filter((task) => !settled.has(task))) };
}

/** A job that takes `ms` and returns its label. */
async function job(id: number, ms: number): Promise<string> {
  await sleep(ms);
  return `job ${id} (${ms} ms)`;
}

async function main(): Promise<void> {
  const tasks = [250, 100, 300, 150].map((ms, id) => job(id, ms));
  const { done, pending } = await waitFirst(tasks);
  console.log(`done: ${done.size}, pending: ${pending.size}`);
  for (const first of await Promise.all(done)) console.log(`first finished: ${first}`);
  // The pending ones kept running the whole time; they can still be awaited.
  const rest = await Promise.all(pending);
  console.log(`pending, awaited later: ${rest.join(', ')}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
