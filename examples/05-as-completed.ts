// Lesson 5, as completed. asyncio.as_completed(tasks) hands back results in the order they finish;
// in TypeScript an async generator does it, read with `for await`. A rejection is thrown at the
// `for await`, as `await task` raises in the notes.
// Run:    npx tsx examples/05-as-completed.ts
// Prints: each result as it arrives (shortest first), then the argument order for comparison.
// async-lens: run and observe. Nothing here is a mistake a rule could see.
import { setTimeout as sleep } from 'node:timers/promises';

/** One settled promise of `asCompleted`, tagged with its place among the arguments. */
type Outcome<T> = { key: number; ok: true; value: T } | { key: number; ok: false; error: unknown };

/** Yields the values of `tasks` in the order they settle; throws the first rejection. */
async function* asCompleted<T>(tasks: readonly Promise<T>[]): AsyncGenerator<T, void, undefined> {
  const racing = new Map<number, Promise<Outcome<T>>>();
  // Every task gets a rejection handler here, so none is left unhandled if the loop stops early.
  tasks.forEach((task, key) => {
    racing.set(key, task.then((value) => ({ key, ok: true, value }), (error: unknown) => ({ key, ok: false, error })));
  });
  while (racing.size > 0) {
    const outcome = await Promise.race(racing.values());
    racing.delete(outcome.key);
    if (!outcome.ok) throw outcome.error;
    yield outcome.value;
  }
}

/** A job that takes `ms` and returns its label. */
async function job(id: number, ms: number): Promise<string> {
  await sleep(ms);
  return `job ${id} (${ms} ms)`;
}

async function main(): Promise<void> {
  const delays = [200, 50, 300, 100];
  const tasks = delays.map((ms, id) => job(id, ms));
  for await (const result of asCompleted(tasks)) console.log(`> got ${result}`);
  console.log(`argument order was: ${delays.map((ms, id) => `job ${id} (${ms} ms)`).join(', ')}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
