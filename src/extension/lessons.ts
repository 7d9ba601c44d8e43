// The lessons of the walkthrough "Async TypeScript for asyncio users": one per example in
// `examples/`, plus the queues the notes left "TBD". Pure data (no `vscode` import): the client
// registers a command per lesson from it, and `test/manifest.test.ts` checks that
// `contributes.walkthroughs` says the same.

/** One lesson: its example, the rule its mistake triggers (if a rule can see it), its snippet. */
export interface Lesson {
  /** The step id and the suffix of the lesson's commands and context key. */
  id: string;
  /** The file under `examples/`; a lesson without one only inserts its snippet. */
  example?: string;
  /** The rule the example's mistake triggers: the lesson gets a "fix the mistake" step. */
  rule?: string;
  /** The name of the lesson's snippet in `snippets/typescript.code-snippets`. */
  snippet?: string;
}

/** In the order the notes teach them. */
export const LESSONS: readonly Lesson[] = [
  { id: 'taskTiming', example: '01-task-timing.ts', snippet: 'Start a task, await it later' },
  { id: 'gather', example: '02-gather.ts', rule: 'unawaited-promise-all', snippet: 'Await several at once (gather)' },
  { id: 'waitFirst', example: '03-wait-first-completed.ts', snippet: 'Wait for the first to settle (done and pending)' },
  { id: 'waitTimeout', example: '04-wait-timeout.ts', snippet: 'Wait with a timeout (done and pending)' },
  { id: 'asCompleted', example: '05-as-completed.ts', snippet: 'Iterate in completion order (as_completed)' },
  {
    id: 'producerConsumerJoin',
    example: '06-producer-consumer-join.ts',
    rule: 'floating-promise',
    snippet: 'Producer-consumer with join (fast producer)',
  },
  { id: 'producerConsumerSentinel', example: '07-producer-consumer-sentinel.ts', snippet: 'Producer-consumer with close (slow producer)' },
  { id: 'priorityQueue', snippet: 'Async priority queue (asyncio.PriorityQueue)' },
  { id: 'lifoQueue', snippet: 'Async LIFO queue (asyncio.LifoQueue)' },
  { id: 'blocking', example: '08-blocking-in-async.ts', rule: 'blocking-in-async' },
  { id: 'forEachAsync', example: '09-foreach-async.ts', rule: 'async-callback-ignored' },
  { id: 'awaitInLoop', example: '10-await-in-loop.ts', rule: 'await-in-loop', snippet: 'Limit concurrency (semaphore)' },
];

/** The command that opens a lesson's example (each lesson has its own, so `onCommand:` tells them apart). */
export function openLessonCommand(lesson: Lesson): string {
  return `asyncLens.openLesson.${lesson.id}`;
}

/** The command that inserts a lesson's snippet into the active editor (or a new TypeScript file). */
export function insertSnippetCommand(lesson: Lesson): string {
  return `asyncLens.insertSnippet.${lesson.id}`;
}

/** The context key the client sets once the lesson's finding is gone from its example. */
export function fixedContextKey(lesson: Lesson): string {
  return `asyncLens.lessonFixed.${lesson.id}`;
}

/** The walkthrough's id (`publisher.name#id` opens it). */
export const WALKTHROUGH_ID = 'asyncioLessons';
