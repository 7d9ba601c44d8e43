// Lesson 2, gather. `await Promise.all([...])` is asyncio.gather: the calls run at the same time
// and the results come in argument order, whichever finishes first. Left unawaited, nothing
// waits for it: code after it runs before the work is done (and Node cancels nothing).
// Run:    npx tsx examples/02-gather.ts
// Prints: the quotes in completion order (fast, mid, slow), the results in argument order
//         (slow, fast, mid), then main ends before the unawaited Promise.all's work does.
// async-lens: the unawaited `Promise.all` is reported by `unawaited-promise-all`.
import { setTimeout as sleep } from 'node:timers/promises';

/** A price quote that takes `ms` to arrive, like a request to a slow service. */
async function quote(name: string, ms: number): Promise<string> {
  await sleep(ms);
  console.log(`finished: ${name} after ${ms} ms`);
  return `${name}=${ms}`;
}

async function main(): Promise<void> {
  // Right: all three start at once; the results come in the order of the arguments.
  const quotes = await Promise.all([quote('slow', 300), quote('fast', 100), quote('mid', 200)]);
  console.log(`results in argument order: ${quotes.join(', ')}`);

  // Mistake: nothing awaits this Promise.all. main goes on and ends first; the work runs on
  // detached, and had it rejected, the rejection would end the process.
  Promise.all([quote('late', 50)]); // unawaited-promise-all
  console.log('main: done, the unawaited work has not finished yet');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
