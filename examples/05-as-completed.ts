// Lesson 5, as completed. asyncio.as_completed(tasks) hands back results in the order they finish;
// in TypeScript an async generator does it, read with `for await`. A rejection is thrown at the
// `for await`, as `await task` raises in the notes.
// Run:    npx tsx examples/05-as-completed.ts
// Prints: each result as it arrives (shortest first), then the argument order for comparison.
// async-lens: run and observe. Nothing here is a mistake a rule could see.
import { setTimeout as sleep } from 'node:timers/promises';

/** One settled promise of `asCompleted`. */
type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * Yields the values of `tasks` in the order they settle; throws the first rejection. Outcomes are
 * queued the moment each task settles, so a slow loop body still sees them in completion order
 * (racing the remaining tasks anew each time would pick the first of those already settled in
 * argument order instead).
 */
async function* asCompleted<T>(tasks: readonly Promise<T>[]): AsyncGenerator<T, void, undefined> {
  const settled: Outcome<T>[] = [];
  let wake: (() => void) | undefined;
  // Every task gets a rejection handler here, so none is left unhandled if the loop stops early.
  for (const task of tasks) {
    task.then(
      (value) => {
        settled.push({ ok: true, value });
        wake?.();
      },
      (error: unknown) => {
        settled.push({ ok: false, error });
        wake?.();
      },
    );
  }
  for (let remaining = tasks.length; remaining > 0; remaining--) {
    if (settled.length === 0) await new Promise<void>((resolve) => (wake = resolve));
    const outcome = settled.shift()!;
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
