// Lesson 9, forEach with an async callback. forEach calls the callback and throws its promise
// away, so nothing waits for the work and nothing hears its errors; asyncio's closest mistake is
// a coroutine that is created and never awaited. Map to promises and await them all, or use
// `for...of` with `await` when the order matters.
// Run:    npx tsx examples/09-foreach-async.ts
// Prints: 0 of 3 saved right after forEach, 3 of 3 saved after await Promise.all.
// async-lens: the forEach(async ...) is reported by `async-callback-ignored`.
import { setTimeout as sleep } from 'node:timers/promises';

/** Saves one record, which takes a little while. */
async function save(id: number, saved: number[]): Promise<void> {
  await sleep(20 * id);
  saved.push(id);
}

async function main(): Promise<void> {
  const ids = [1, 2, 3];

  // Mistake: forEach returns before any save has finished.
  const savedByForEach: number[] = [];
  ids.forEach(async (id) => { await save(id, savedByForEach); }); // async-callback-ignored
  console.log(`after forEach: ${savedByForEach.length} of ${ids.length} saved`);

  // Right: one promise per id, all awaited.
  const saved: number[] = [];
  await Promise.all(ids.map((id) => save(id, saved)));
  console.log(`after await Promise.all: ${saved.length} of ${ids.length} saved`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
