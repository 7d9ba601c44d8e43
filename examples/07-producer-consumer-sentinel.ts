// Lesson 7, producer and consumer with a sentinel (slow producer). When values come slowly, the
// consumer catches up and join() would return before the producer is done; as in the notes, the
// producer ends with a sentinel (`null`, Python's `None`) and the consumer stops when it sees it.
// Run:    npx tsx examples/07-producer-consumer-sentinel.ts
// Prints: the producer and consumer interleaved, one value at a time, then what was consumed.
// async-lens: run and observe. The producer's loop waits on purpose (it sleeps), so `await-in-loop`
// reports nothing here.
import { setTimeout as sleep } from 'node:timers/promises';
import { AsyncQueue } from './lib/async-queue';

/** Produces a value every so often: a slow producer, then the sentinel. */
async function produce(queue: AsyncQueue<number | null>): Promise<void> {
  console.log('producer: running');
  for (const ms of [120, 40, 90, 60]) {
    await sleep(ms); // the value takes this long to make
    await queue.put(ms);
    console.log(`producer: put ${ms}`);
  }
  await queue.put(null); // the sentinel: nothing more will come
  console.log('producer: done');
}

/** Takes values until the sentinel, and returns them. */
async function consume(queue: AsyncQueue<number | null>): Promise<number[]> {
  const values: number[] = [];
  while (true) {
    const value = await queue.get();
    if (value === null) break;
    console.log(`consumer: got ${value}`);
    values.push(value);
  }
  return values;
}

async function main(): Promise<void> {
  const queue = new AsyncQueue<number | null>(2);
  // Both run at once and both are awaited: a producer failure would reach main's catch.
  const [, values] = await Promise.all([produce(queue), consume(queue)]);
  console.log(`consumer: stopped at the sentinel after ${values.length} values: ${values.join(', ')}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
