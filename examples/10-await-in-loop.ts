// Lesson 10, sequential awaits in a loop. Awaiting each fetch before starting the next makes
// independent requests wait in line; asyncio.gather and Promise.all run them at once and still
// keep the results in order.
// Run:    npx tsx examples/10-await-in-loop.ts
// Prints: the same users both ways, with the time each way took: one after another about
//         3 x 100 ms, all at once about 100 ms.
// async-lens: the await in the loop is reported by `await-in-loop`.
import { setTimeout as sleep } from 'node:timers/promises';

/** A user record. */
interface User {
  id: number;
  name: string;
}

/** Stands in for `fetch`: a request that takes 100 ms. */
async function fetchUser(id: number): Promise<User> {
  await sleep(100);
  return { id, name: `user-${id}` };
}

async function main(): Promise<void> {
  const ids = [1, 2, 3];

  // Mistake: each request starts only when the previous one has finished.
  let start = performance.now();
  const oneByOne: User[] = [];
  for (const id of ids) {
    oneByOne.push(await fetchUser(id)); // await-in-loop
  }
  const inTurn = performance.now() - start;
  console.log(`one after another: ${oneByOne.map((user) => user.name).join(', ')} in ${Math.round(inTurn)} ms`);

  // Right: start every request, then await them all; the results keep the order of `ids`.
  start = performance.now();
  const together = await Promise.all(ids.map((id) => fetchUser(id)));
  const atOnce = performance.now() - start;
  console.log(`all at once: ${together.map((user) => user.name).join(', ')} in ${Math.round(atOnce)} ms`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
