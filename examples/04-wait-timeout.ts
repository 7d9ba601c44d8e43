// Lesson 4, wait with a timeout. asyncio.wait(tasks, timeout=...) does not raise TimeoutError:
// it returns the done set and the still-pending set. `waitWithTimeout` does the same; nothing is
// cancelled, so the pending work can be awaited later or given up on.
// Run:    npx tsx examples/04-wait-timeout.ts
// Prints: what finished within 150 ms, what was still pending (no error thrown), then the
//         pending results once they arrive.
// async-lens: run and observe. Nothing here is a mistake a rule could see.
import { setTimeout as sleep } from 'node:timers/promises';

/** Both sets of asyncio.wait: promises settled by the time it returned, and the rest. */
interface DoneAndPending<T> {
  done: Set<Promise<T>>;
  pending: Set<Promise<T>>;
}

/** Waits until every promise settles or `ms` pass, whichever is first; never rejects. */
async function waitWithTimeout<T>(tasks: readonly Promise<T>[], ms: number): Promise<DoneAndPending<T>> {
  const settled = new Set<Promise<T>>();
  const all = Promise.all(tasks.map((task) => task.then(() => settled.add(task), () => settled.add(task))));
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  await Promise.race([all, timeout]);
  clearTimeout(timer); // when everything finished first, the timer must not keep the process alive
  return { done: new Set(settled), pending: new Set(tasks.filter((task) => !settled.has(task))) };
}

/** A download that takes `ms` and returns its name. */
async function download(name: string, ms: number): Promise<string> {
  await sleep(ms);
  return `${name} (${ms} ms)`;
}

async function main(): Promise<void> {
  const tasks = [download('a', 50), download('b', 300), download('c', 100), download('d', 250)];
  const { done, pending } = await waitWithTimeout(tasks, 150);
  console.log(`after 150 ms: ${done.size} done, ${pending.size} pending, no error thrown`);
  console.log(`done: ${(await Promise.all(done)).join(', ')}`);
  // Nothing was cancelled: the pending downloads ran on, and awaiting them gives their results.
  console.log(`pending, awaited later: ${(await Promise.all(pending)).join(', ')}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
