// The lessons: what `Promise.all`, `allSettled`, `race`, `any` and `await` do in TypeScript, then
// their asyncio analogue from the notes and what differs in Node. One source of text for the
// editor's hovers, `--explain` and `docs/lessons.md`; the catalog in messages.ts merges it in.
// Also the one function that finds which lesson a position of a parsed file is on.
import type * as TS from 'typescript';
import { createsScope, lookup, openScope } from './scope';
import type { Scope } from './scope';
import type { TypeScript } from './types';

/** The lesson ids, in the order the docs and usage errors list them. */
export const LESSON_IDS = ['lesson.promise-all', 'lesson.promise-all-settled', 'lesson.promise-race', 'lesson.promise-any', 'lesson.await'] as const;

/** One lesson's id. */
export type LessonId = (typeof LESSON_IDS)[number];

/** What each lesson is about, as code: the name `--explain` accepts and the doc's heading. */
export const LESSON_SUBJECTS: Readonly<Record<LessonId, string>> = {
  'lesson.promise-all': 'Promise.all',
  'lesson.promise-all-settled': 'Promise.allSettled',
  'lesson.promise-race': 'Promise.race',
  'lesson.promise-any': 'Promise.any',
  'lesson.await': 'await',
};

/**
 * The paragraph that opens a lesson's asyncio part, per locale. Everything from it on is the
 * analogue ("In asyncio" and "What differs"), which `asyncLens.showAsyncioAnalogues` hides.
 */
export const ASYNCIO_HEADINGS: Readonly<Record<'en' | 'zh-cn', string>> = {
  en: '**In asyncio.**',
  'zh-cn': '**在 asyncio 中。**',
};

/**
 * The lesson texts in Markdown, per locale: TypeScript first, then "In asyncio", then "What
 * differs". No `{word}` placeholders: the catalog would read them as data.
 */
export const LESSON_TEXT: { en: Record<LessonId, string>; 'zh-cn': Record<LessonId, string> } = {
  en: {
    'lesson.promise-all': [
      '**`Promise.all(promises)`** waits for every promise and fulfils with their results in argument order, whatever order they finish in. ' +
        'It rejects as soon as one of them rejects, with that reason. It starts nothing: the work began when each async function was called, and `Promise.all` only waits for it.',
      '**In asyncio.** `await asyncio.gather(*coros)`: the notes run ten coroutines with random sleeps; they finish (and print) in the order of their sleeps, ' +
        'but `gather` returns `[0, 1, …, 9]`, in argument order. `Promise.allSettled` plays the part of `return_exceptions=True`.',
      '**What differs.** When one fails, neither cancels the others: they run on, and `Promise.all` ignores their results. ' +
        'But cancelling a `gather` cancels its children, and a promise cannot be cancelled at all: pass an `AbortSignal` to the work instead. ' +
        'A `Promise.all` nobody awaits is not cancelled when the program is done (`asyncio.run` cancels what is pending); if it rejects unhandled, the Node process ends.',
    ].join('\n\n'),
    'lesson.promise-all-settled': [
      '**`Promise.allSettled(promises)`** waits for every promise to settle and never rejects. It fulfils with one record per promise, in argument order: ' +
        "`{ status: 'fulfilled', value }` or `{ status: 'rejected', reason }`.",
      '**In asyncio.** `await asyncio.gather(*coros, return_exceptions=True)`: every awaitable runs to its end, and a failure comes back in the result list instead of being raised.',
      '**What differs.** Python puts the exception object itself in the list, so telling a result from a failure takes an `isinstance` check; here the `status` field says which. ' +
        "The failures are handled, so nothing reports them: read the records with `status === 'rejected'`, or they are lost.",
    ].join('\n\n'),
    'lesson.promise-race': [
      '**`Promise.race(promises)`** settles with the first promise to settle: it fulfils with that value, or rejects with that reason if the first to settle rejects. ' +
        'It cancels nothing: the others run on and their results are ignored. Racing the work against a timer that rejects is the usual timeout.',
      '**In asyncio.** The notes use `done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)`: it returns when the first task finishes, ' +
        'with the finished tasks in `done` and the rest, still running, in `pending`, to be awaited later.',
      '**What differs.** `asyncio.wait` never raises: a failed task comes back in `done`, and `task.result()` raises its exception. ' +
        '`Promise.race` rejects when the first promise to settle rejects, and hands back one value, no pending set: keep the array to wait for the rest. ' +
        'On a timeout, `wait` returns the unfinished tasks in `pending` without a `TimeoutError`; a raced timer rejects, and the work it timed out still runs.',
    ].join('\n\n'),
    'lesson.promise-any': [
      '**`Promise.any(promises)`** fulfils with the first promise to fulfil; rejections are passed over while another promise may still fulfil. ' +
        'Only when every one has rejected does it reject, with an `AggregateError` whose `errors` hold the reasons in argument order. An empty array rejects at once.',
      '**In asyncio.** No one call does this. The nearest is a loop over `asyncio.as_completed(tasks)` that returns the first result that does not raise, ' +
        'and re-raises when all have failed.',
      '**What differs.** The Python loop can cancel the tasks left when it returns; `Promise.any` stops listening after the first success, but the other work runs on to its end. ' +
        'Pass an `AbortSignal` to the work and abort it once `Promise.any` fulfils to stop it.',
    ].join('\n\n'),
    'lesson.await': [
      '**`await p`** suspends this async function until `p` settles, then resumes with its value, or throws its reason here (a `try … catch` around it catches it). ' +
        'The event loop is not blocked: other code runs meanwhile. The work behind `p` started when the call that made `p` ran, not at `await`: start several, then await them together with `Promise.all`.',
      '**In asyncio.** `await` reads the same. The notes start `task = asyncio.create_task(task_coro())`, sleep 2 seconds in `main`, then `await task`: ' +
        'about 2 seconds in all, not 4, because the task ran during the sleep.',
      '**What differs.** Calling a coroutine function only creates a coroutine, which runs once awaited or passed to `create_task`. ' +
        'Calling an async function runs it at once, up to its first `await`: every call is a `create_task`. ' +
        'A promise nobody awaits still runs to its end (nothing cancels it when the program ends), and if it rejects unhandled, Node 15 and later end the process, ' +
        'where asyncio only logs "Task exception was never retrieved".',
    ].join('\n\n'),
  },
  'zh-cn': {
    'lesson.promise-all': [
      '**`Promise.all(promises)`** 等待每一个 promise，并按照调用时的参数顺序给出结果，与它们完成的先后无关。' +
        '只要其中一个被拒绝（reject），它就立刻以那个原因拒绝。它不启动任何工作：调用每个 async 函数时工作就已经开始了，`Promise.all` 只负责等待。',
      '**在 asyncio 中。** 对应 `await asyncio.gather(*coros)`：笔记里十个协程各睡眠一段随机时间，它们按睡眠时长的先后完成（和打印），' +
        '但 `gather` 返回的是 `[0, 1, …, 9]`，即按参数顺序排列。`Promise.allSettled` 相当于 `return_exceptions=True`。',
      '**不同之处。** 其中一个失败时，两者都不会取消其他的：它们继续执行，`Promise.all` 不再理会它们的结果。' +
        '但取消一个 `gather` 会取消它的所有子任务，而 promise 根本无法取消：需要取消时，把 `AbortSignal` 传给这项工作。' +
        '没有被 await 的 `Promise.all` 在程序结束时也不会被取消（`asyncio.run` 会取消仍在 pending 的任务）；如果它被拒绝而无人处理，Node 进程就会结束。',
    ].join('\n\n'),
    'lesson.promise-all-settled': [
      '**`Promise.allSettled(promises)`** 等待每一个 promise 落定（settle），并且从不拒绝。它按参数顺序为每个 promise 给出一条记录：' +
        "`{ status: 'fulfilled', value }` 或 `{ status: 'rejected', reason }`。",
      '**在 asyncio 中。** 对应 `await asyncio.gather(*coros, return_exceptions=True)`：每个 awaitable 都执行到底，失败会作为结果列表里的一项返回，而不是抛出异常。',
      '**不同之处。** Python 把异常对象本身放进列表，区分结果和失败需要用 `isinstance` 判断；这里由 `status` 字段说明。' +
        "这些失败已经算作被处理，不会有任何报告：要用 `status === 'rejected'` 把它们读出来，否则它们就丢失了。",
    ].join('\n\n'),
    'lesson.promise-race': [
      '**`Promise.race(promises)`** 随第一个落定的 promise 落定：它兑现则以其值兑现；第一个落定的是拒绝，则以其原因拒绝。' +
        '它不取消任何东西：其余的继续执行，结果被忽略。让工作和一个会拒绝的计时器竞速，是常见的超时写法。',
      '**在 asyncio 中。** 笔记里用 `done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)`：第一个任务完成时就返回，' +
        '已完成的任务在 `done` 里，其余仍在执行的在 `pending` 里，之后还可以 await。',
      '**不同之处。** `asyncio.wait` 从不抛出异常：失败的任务也放在 `done` 里，调用 `task.result()` 时才抛出它的异常。' +
        '`Promise.race` 在第一个落定的 promise 被拒绝时就拒绝，而且只给出一个值，没有 pending 集合：要等其余的，请自己保留那个数组。' +
        '超时时，`wait` 把未完成的任务放在 `pending` 里返回，不抛出 `TimeoutError`；而竞速的计时器会拒绝，被它判为超时的工作仍在继续执行。',
    ].join('\n\n'),
    'lesson.promise-any': [
      '**`Promise.any(promises)`** 以第一个兑现的 promise 兑现；只要还有 promise 可能兑现，拒绝就会被跳过。' +
        '只有全部被拒绝时它才拒绝，给出一个 `AggregateError`，其 `errors` 按参数顺序列出各个原因。传入空数组时立刻拒绝。',
      '**在 asyncio 中。** 没有一个调用直接做到这一点。最接近的是遍历 `asyncio.as_completed(tasks)`，返回第一个没有抛出异常的结果，全部失败时再抛出异常。',
      '**不同之处。** Python 的循环返回时可以取消剩下的任务；`Promise.any` 在第一个成功后就不再理会其余的，但那些工作会继续执行到底。' +
        '要停止它们，把 `AbortSignal` 传给这些工作，在 `Promise.any` 兑现后中止（abort）。',
    ].join('\n\n'),
    'lesson.await': [
      '**`await p`** 暂停当前 async 函数，直到 `p` 落定，然后带着它的值继续，或在这里抛出它的拒绝原因（外面的 `try … catch` 可以捕获）。' +
        '事件循环不会被阻塞：这期间其他代码照常执行。`p` 背后的工作在产生 `p` 的那次调用时就已经开始，而不是在 `await` 时：先启动多个，再用 `Promise.all` 一起等待。',
      '**在 asyncio 中。** `await` 的写法相同。笔记里先 `task = asyncio.create_task(task_coro())`，在 `main` 里睡眠 2 秒，再 `await task`：' +
        '总共大约 2 秒而不是 4 秒，因为任务在睡眠期间已经在执行了。',
      '**不同之处。** 调用协程函数只是创建一个协程对象，要被 await 或交给 `create_task` 才会执行。' +
        '调用 async 函数则会立刻执行它，直到第一个 `await`：每次调用都相当于一次 `create_task`。' +
        '没有被 await 的 promise 仍会执行到底（程序结束时也没有东西取消它）；如果它被拒绝而无人处理，Node 15 及以后的版本会结束进程，' +
        '而 asyncio 只会记录 "Task exception was never retrieved"。',
    ].join('\n\n'),
  },
};

/** The lesson of `Promise.<method>`, for the methods that have one. */
const LESSON_OF_METHOD: ReadonlyMap<string, LessonId> = new Map([
  ['all', 'lesson.promise-all'],
  ['allSettled', 'lesson.promise-all-settled'],
  ['race', 'lesson.promise-race'],
  ['any', 'lesson.promise-any'],
]);

/** Whether `id` names a lesson. */
export function isLessonId(id: string): id is LessonId {
  return (LESSON_IDS as readonly string[]).includes(id);
}

/**
 * The lesson a name asks for: a lesson id (`lesson.promise-race`) or its subject (`Promise.race`,
 * `await`; the subject's case does not matter). Undefined when it names none.
 */
export function lessonIdFor(name: string): LessonId | undefined {
  if (isLessonId(name)) return name;
  const lower = name.toLowerCase();
  return LESSON_IDS.find((id) => LESSON_SUBJECTS[id].toLowerCase() === lower);
}

/** A lesson's Markdown in `locale` (English for any other); without the asyncio part when `showAsyncio` is false. */
export function lessonMarkdown(id: LessonId, locale: string, showAsyncio = true): string {
  const key = locale.toLowerCase() === 'zh-cn' ? 'zh-cn' : 'en';
  const text = LESSON_TEXT[key][id];
  if (showAsyncio) return text;
  const cut = text.indexOf(`\n\n${ASYNCIO_HEADINGS[key]}`);
  return cut < 0 ? text : text.slice(0, cut);
}

/** Where a lesson applies: its id and the span of its token (`Promise.race`, or the `await` keyword). */
export interface LessonSpan {
  id: LessonId;
  start: number;
  end: number;
}

/**
 * The lesson at `offset` of a parsed file, if any: on `Promise.all/allSettled/race/any` read
 * from the global `Promise` (not a local or an import named `Promise`, not `other.race`), or on
 * the `await` keyword of an await expression. The token's end counts as on it, as it does for a
 * finding. Descends only through the nodes around `offset`, so a hover costs no walk of the file.
 */
export function findLesson(ts: TypeScript, sourceFile: TS.SourceFile, offset: number): LessonSpan | undefined {
  if (offset < 0 || offset > sourceFile.end) return undefined;
  let found: LessonSpan | undefined;
  let depth = -1;
  // Every child whose text (leading trivia included) holds `offset`: at a boundary between two
  // tokens both are followed, since the offset is the end of one and the start of the other.
  const stack: [TS.Node, number][] = [[sourceFile, 0]];
  while (stack.length > 0) {
    const [node, level] = stack.pop()!;
    const candidate = lessonOfNode(ts, sourceFile, node);
    if (
      candidate &&
      level > depth &&
      candidate.span.start <= offset &&
      offset <= candidate.span.end &&
      (!candidate.promise || isGlobal(ts, candidate.promise, 'Promise'))
    ) {
      found = candidate.span;
      depth = level;
    }
    node.forEachChild((child) => {
      if (child.pos > offset) return true;
      if (offset <= child.end) stack.push([child, level + 1]);
      return undefined;
    });
  }
  return found;
}

/** The lesson a node carries, with the `Promise` identifier to resolve for the `Promise.*` ones. */
function lessonOfNode(ts: TypeScript, sourceFile: TS.SourceFile, node: TS.Node): { span: LessonSpan; promise?: TS.Identifier } | undefined {
  if (ts.isAwaitExpression(node)) {
    const start = node.getStart(sourceFile);
    return { span: { id: 'lesson.await', start, end: start + 'await'.length } };
  }
  if (!ts.isPropertyAccessExpression(node) || !ts.isIdentifier(node.name)) return undefined;
  const id = LESSON_OF_METHOD.get(node.name.text);
  const receiver = node.expression;
  if (!id || !ts.isIdentifier(receiver) || receiver.text !== 'Promise') return undefined;
  return { span: { id, start: receiver.getStart(sourceFile), end: node.name.end }, promise: receiver };
}

/** Whether `identifier` names a global: no scope around it declares the name. */
function isGlobal(ts: TypeScript, identifier: TS.Identifier, name: string): boolean {
  const scopeNodes: TS.Node[] = [];
  for (let node: TS.Node | undefined = identifier.parent; node; node = node.parent) {
    if (createsScope(ts, node)) scopeNodes.push(node);
  }
  let scope: Scope | undefined;
  for (let i = scopeNodes.length - 1; i >= 0; i--) scope = openScope(scopeNodes[i]!, scope);
  return lookup(ts, scope, name) === undefined;
}
