// Not a lesson: the queue that lessons 6 and 7 share, asyncio.Queue carried into TypeScript.
// put() waits while the queue is full (back-pressure), get() waits while it is empty,
// taskDone()/join() count the work still in progress, close() ends iteration once drained.

/** A first-in first-out queue between async producers and consumers, like `asyncio.Queue`. */
export class AsyncQueue<T> {
  private readonly items: T[] = [];
  private readonly getters: Array<(result: IteratorResult<T, undefined>) => void> = [];
  private readonly putters: Array<() => void> = [];
  private readonly joiners: Array<() => void> = [];
  private unfinished = 0;
  private closed = false;

  /** `capacity`: how many items may wait in the queue before put() waits (maxsize in asyncio). */
  constructor(private readonly capacity = Number.POSITIVE_INFINITY) {}

  /** Adds an item, waiting while the queue is full; rejects once the queue is closed. */
  async put(item: T): Promise<void> {
    // A while loop, not an if: another producer may take the freed slot first.
    while (!this.closed && this.items.length >= this.capacity) {
      await new Promise<void>((resolve) => this.putters.push(resolve));
    }
    if (this.closed) throw new Error('put() on a closed queue');
    this.unfinished += 1;
    const getter = this.getters.shift();
    if (getter) getter({ done: false, value: item });
    else this.items.push(item);
  }

  /** Removes and returns the next item, waiting while the queue is empty. */
  async get(): Promise<T> {
    const result = await this.next();
    if (result.done) throw new Error('get() on a closed, drained queue');
    return result.value;
  }

  /** Marks one item taken with get() as processed (task_done in asyncio). */
  taskDone(): void {
    if (this.unfinished === 0) throw new Error('taskDone() called more often than put()');
    this.unfinished -= 1;
    if (this.unfinished === 0) for (const resolve of this.joiners.splice(0)) resolve();
  }

  /** Resolves once every item put so far has been marked with taskDone(). */
  join(): Promise<void> {
    if (this.unfinished === 0) return Promise.resolve();
    return new Promise((resolve) => this.joiners.push(resolve));
  }

  /** Accepts no more items; waiting and later consumers stop once the queue is drained. */
  close(): void {
    this.closed = true;
    for (const resolve of this.getters.splice(0)) resolve({ done: true, value: undefined });
    for (const resolve of this.putters.splice(0)) resolve();
  }

  /** Yields items until the queue is closed and drained: `for await (const item of queue)`. */
  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    while (true) {
      const result = await this.next();
      if (result.done) return;
      yield result.value;
    }
  }

  private next(): Promise<IteratorResult<T, undefined>> {
    if (this.items.length > 0) {
      const value = this.items.shift() as T;
      this.putters.shift()?.(); // one slot is free: wake one waiting producer
      return Promise.resolve({ done: false, value });
    }
    if (this.closed) return Promise.resolve({ done: true, value: undefined });
    return new Promise((resolve) => this.getters.push(resolve));
  }
}
