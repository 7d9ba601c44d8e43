// Lesson 6, producer and consumers with join (fast producer). As with asyncio.Queue, each get()
// is matched by one taskDone(), and join() waits until every item put so far is done. join()
// counts only what has been put: a producer started and dropped may not have put anything yet.
// Run:    npx tsx examples/06-producer-consumer-join.ts
// Prints: join() returning at once after the dropped producer (0 items processed), then the
//         consumers' work and join() returning after the awaited producer (6 items processed).
// async-lens: the dropped producer is reported by `floating-promise`.
import { setTimeout as sleep } from 'node:timers/promises';
import { AsyncQueue } from './lib/async-queue';

/** Loads a batch (50 ms), then puts all of it at once: a fast producer. */
async function produce(queue: AsyncQueue<string>, batch: string, size: number): Promise<void> {
  await sleep(50);
  for (let i = 1; i <= size; i++) await queue.put(`${batch}-${i}`);
}

/** Takes items until the queue is closed, 100 ms each: a slow consumer. */
async function consume(name: string, queue: AsyncQueue<string>, processed: string[]): Promise<void> {
  for await (const item of queue) {
    await sleep(100);
    processed.push(item);
    console.log(`${name}: processed ${item}`);
    queue.taskDone();
  }
}

async function main(): Promise<void> {
  const queue = new AsyncQueue<string>();
  const processed: string[] = [];
  const consumers = [consume('consumer 1', queue, processed), consume('consumer 2', queue, processed)];

  // Mistake: the producer is started and dropped. It is still loading its batch, so join() finds
  // nothing unfinished and returns at once; had it rejected, nothing would have handled it.
  produce(queue, 'dropped', 2); // floating-promise
  await queue.join();
  console.log(`join() after a dropped producer: ${processed.length} items processed`);

  // Right: await the producer, then join(). The dropped producer's items land here too, only
  // because its timer happens to fire first: nothing waited for it.
  await produce(queue, 'batch', 4);
  await queue.join();
  console.log(`join() after an awaited producer: ${processed.length} items processed`);

  queue.close(); // the consumers' `for await` ends once the queue is drained
  await Promise.all(consumers);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
