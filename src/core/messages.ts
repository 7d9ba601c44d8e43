// The message catalog: every message, why-note, fix title and hover label, keyed by message id,
// per locale. `{name}` placeholders are filled from a finding's data. English is the fallback
// locale; the Chinese follows the vocabulary of the asyncio notes (协程, 任务, 事件循环).

import { LESSON_TEXT } from './lessons';

type Catalog = Readonly<Record<string, string>>;

/** The locales that have a catalog. */
export type Locale = 'en' | 'zh-cn';

const EN: Catalog = {
  'floating-promise.floating':
    'The promise from `{expression}` is dropped: it is not awaited, returned or given a rejection handler.',
  'floating-promise.floating.why':
    'If it rejects, nothing handles the error, and Node 15 and later end the process on an unhandled rejection; code after it also runs before the work is done.',
  'floating-promise.floating-array':
    'The promises from `{expression}` are dropped: an array of promises is not awaited.',
  'floating-promise.floating-array.why':
    'Each promise runs on unobserved: a rejection in any of them is unhandled, and nothing waits for them to finish.',
  'floating-promise.floating-iife':
    'The async function called here is not awaited and its rejection is not handled.',
  'floating-promise.floating-iife.why':
    'An error thrown inside it becomes an unhandled rejection, which ends the process in Node 15 and later; wrap its body in `try … catch` or add `.catch(…)`.',

  'unawaited-promise-all.bare': '`Promise.{method}(…)` is not awaited: its results and its rejection are dropped.',
  'unawaited-promise-all.bare.why':
    'Like an `asyncio.gather` that nobody awaits, but nothing cancels the work: it runs on detached, and a rejection nobody handles ends the Node process.',
  'unawaited-promise-all.unused':
    '`{name}` holds the promise from `Promise.{method}(…)` and is never awaited, returned or passed on.',
  'unawaited-promise-all.unused.why':
    'The combined work runs on detached: nothing waits for it, and if one of the promises rejects, the rejection is unhandled and ends the Node process.',
  'unawaited-promise-all.used-as-value':
    '`{name}` is the promise from `Promise.{method}(…)`, not its results: `{use}` reads the promise.',
  'unawaited-promise-all.used-as-value.why':
    'A promise has no `length`, indices or items: the code reads `undefined` or throws, and the results arrive later unobserved. `await` it first, as `asyncio.gather` must be awaited.',
  'unawaited-promise-all.destructured':
    '`Promise.{method}(…)` is destructured as if it were its results; it is a promise.',
  'unawaited-promise-all.destructured.why':
    'Destructuring a promise throws (it is not iterable) or yields `undefined`; `await` it first to get the results in argument order, as `asyncio.gather` returns them.',

  'blocking-in-async.blocking-call':
    '`{call}` blocks the event loop inside async code; {replacement} does the same work without blocking.',
  'blocking-in-async.blocking-call.why':
    'One thread runs the event loop: until this call returns, no other task, timer or request moves, as blocking I/O inside an asyncio coroutine stalls every coroutine. Await the promise API, or move CPU-heavy work to `worker_threads`.',
  'blocking-in-async.metadata-call':
    '`{call}` briefly blocks the event loop inside async code; {replacement} does not.',
  'blocking-in-async.metadata-call.why':
    'A metadata call is usually quick, but on a slow or network disk it holds the one thread that runs every task; the promise API keeps the loop free.',
  'blocking-in-async.busy-wait':
    'This loop waits by spinning on the clock: it blocks the event loop until the time is up.',
  'blocking-in-async.busy-wait.why':
    'While it spins, no timer, I/O callback or other task can run, so whatever it waits for cannot happen meanwhile; `await setTimeout(ms)` from `node:timers/promises` waits without blocking, as `asyncio.sleep` does where `time.sleep` blocks.',

  'async-callback-ignored.for-each': '`{method}` ignores the promise its async callback returns.',
  'async-callback-ignored.for-each.why':
    'Every call runs on detached: `forEach` returns before any of them finishes, so the code after it runs too early, and a rejection in any of them is unhandled and ends the Node process.',
  'async-callback-ignored.predicate': '`{method}` ignores the promise its async callback returns: a promise is always truthy.',
  'async-callback-ignored.predicate.why':
    'The callback answers with a promise, not a boolean, so every item passes (`filter` keeps them all, `find` takes the first); the real answer arrives later unread, and a rejection is unhandled.',
  'async-callback-ignored.listener': '`{method}` ignores the promise its async callback returns.',
  'async-callback-ignored.listener.why':
    'An emitter calls its listeners and drops what they return: an error after the first `await` becomes an unhandled rejection, which ends the Node process, and never reaches an `error` listener.',
  'async-callback-ignored.timer': '`{method}` ignores the promise its async callback returns.',
  'async-callback-ignored.timer.why':
    'The timer calls the function and drops its promise: nothing waits for the work, and an error in it becomes an unhandled rejection, which ends the Node process.',

  'await-in-loop.sequential':
    'Each iteration awaits `{call}` before the next one starts, though the iterations do not depend on each other.',
  'await-in-loop.sequential.why':
    'The loop takes the sum of all the calls\' times instead of the longest one; start every call first and await them together with `Promise.all(…)`, as `asyncio.gather(*(fetch(u) for u in urls))` replaces a `for` loop with `await`.',

  'internal-error': 'Rule `{rule}` failed on this file: {error}',
  'internal-error.why': 'This is a bug in async-lens; the other rules still ran. Please report it with the file.',
  'unused-suppression': 'This suppression of `{rule}` suppresses nothing.',
  'unused-suppression.why': 'An unused suppression hides future findings on this line without a reason; remove it.',

  'fix.add-await': 'Add `await`',
  'fix.await-initializer': 'Add `await` to the initializer (every use reads the results)',
  'fix.return': 'Return the promise',
  'fix.add-catch': 'Add `.catch((error) => …)`',
  'fix.void': 'Mark as ignored on purpose with `void`',
  'fix.await-all': 'Await all with `Promise.all` (results in order; rejects at the first rejection)',
  'fix.await-all-settled': 'Await all with `Promise.allSettled` (waits for every one; never rejects)',
  'fix.await-race': 'Await the first to settle with `Promise.race` (the others run on)',
  'fix.await-any': 'Await the first to fulfil with `Promise.any` (rejects only if all reject)',
  'fix.collect-all': 'Collect the promises, then `await Promise.all(…)` after the loop (runs them concurrently)',
  'fix.collect-all-settled': 'Collect the promises, then `await Promise.allSettled(…)` after the loop (never rejects)',
  'fix.await-fs-promises': 'Await the `node:fs/promises` version',
  'fix.await-all-map': 'Run the iterations concurrently with `await Promise.all(items.map(…))` (results in order)',
  'fix.remove-suppression': 'Remove the unused suppression',
  'fix.for-each-promise-all': 'Rewrite as `await Promise.all(….map(…))` (keeps them concurrent)',
  'fix.for-each-for-of': 'Rewrite as a `for…of` loop with `await` (one at a time)',
  'fix.wrap-try-catch': 'Wrap the body in `try … catch` so that its promise cannot reject',

  // The parts of a finding's hover (the language server).
  'hover.what-it-flags': '**What it flags.** {text}',
  'hover.why-it-matters': '**Why it matters.** {text}',
  'hover.fixes': '**Fix:** {fixes}',
  'hover.safe-fix': '{title} (safe)',
  'hover.fix-separator': '; ',
  'hover.asyncio-analogue': '**The asyncio analogue.**',
  'hover.documentation': '{rule} documentation',
  'action.disable-line': 'Disable {rule} for this line',
  'action.disable-file': 'Disable {rule} for this file',
  'action.learn': 'Learn about {rule}',
  'action.fix-all': 'Fix all safe async-lens problems',
  ...LESSON_TEXT.en,
};

const ZH_CN: Catalog = {
  'floating-promise.floating': '`{expression}` 返回的 promise 被丢弃了：没有被 await、return，也没有拒绝处理函数。',
  'floating-promise.floating.why':
    '如果它被拒绝（reject），没有任何代码处理这个错误，而 Node 15 及以后的版本遇到未处理的拒绝会结束进程；它后面的代码也会在这项工作完成之前就开始运行。',
  'floating-promise.floating-array': '`{expression}` 返回的一组 promise 被丢弃了：promise 数组没有被 await。',
  'floating-promise.floating-array.why':
    '每个 promise 都在无人观察的情况下继续运行：其中任何一个被拒绝都是未处理的拒绝，也没有代码等待它们完成。',
  'floating-promise.floating-iife': '这里调用的异步函数没有被 await，它的拒绝也没有被处理。',
  'floating-promise.floating-iife.why':
    '它内部抛出的错误会变成未处理的拒绝，在 Node 15 及以后的版本中会结束进程；请把函数体包进 `try … catch`，或者加上 `.catch(…)`。',

  'unawaited-promise-all.bare': '`Promise.{method}(…)` 没有被 await：它的结果和拒绝都被丢弃了。',
  'unawaited-promise-all.bare.why':
    '就像一个没人 await 的 `asyncio.gather`，不同的是没有任何东西会取消这些工作：它们脱离控制继续运行，而无人处理的拒绝会结束 Node 进程。',
  'unawaited-promise-all.unused': '`{name}` 保存着 `Promise.{method}(…)` 返回的 promise，却从未被 await、return 或传给别处。',
  'unawaited-promise-all.unused.why':
    '合并后的工作脱离控制继续运行：没有代码等待它；如果其中某个 promise 被拒绝，这个拒绝无人处理，会结束 Node 进程。',
  'unawaited-promise-all.used-as-value': '`{name}` 是 `Promise.{method}(…)` 返回的 promise，而不是它的结果：`{use}` 读取的是 promise 本身。',
  'unawaited-promise-all.used-as-value.why':
    'promise 没有 `length`、下标或元素：代码读到的是 `undefined` 或直接抛出异常，而结果稍后才到达、无人读取。请先 `await` 它，就像 `asyncio.gather` 必须被 await 一样。',
  'unawaited-promise-all.destructured': '`Promise.{method}(…)` 被当作它的结果来解构，但它是一个 promise。',
  'unawaited-promise-all.destructured.why':
    '解构一个 promise 会抛出异常（它不可迭代）或得到 `undefined`；先 `await` 它，才能按参数顺序拿到结果，和 `asyncio.gather` 返回结果的顺序一样。',

  'blocking-in-async.blocking-call': '`{call}` 在异步代码中阻塞了事件循环；{replacement} 能完成同样的工作而不阻塞。',
  'blocking-in-async.blocking-call.why':
    '事件循环只有一个线程：在这个调用返回之前，其他任务、定时器和请求都无法推进，就像在 asyncio 协程里做阻塞 I/O 会卡住所有协程一样。请 await 对应的 promise API，或者把 CPU 密集型的工作移到 `worker_threads`。',
  'blocking-in-async.metadata-call': '`{call}` 在异步代码中短暂地阻塞了事件循环；{replacement} 不会。',
  'blocking-in-async.metadata-call.why':
    '元数据调用通常很快，但在慢速磁盘或网络磁盘上，它会占住运行所有任务的那一个线程；promise API 则让事件循环保持空闲。',
  'blocking-in-async.busy-wait': '这个循环靠反复读取时钟来等待：时间到之前，它一直阻塞着事件循环。',
  'blocking-in-async.busy-wait.why':
    '它空转期间，任何定时器、I/O 回调或其他任务都无法运行，所以它等待的事情在这期间也不可能发生；`node:timers/promises` 的 `await setTimeout(ms)` 等待时不会阻塞，就像 `asyncio.sleep` 不阻塞而 `time.sleep` 会阻塞一样。',

  'async-callback-ignored.for-each': '`{method}` 忽略了异步回调返回的 promise。',
  'async-callback-ignored.for-each.why':
    '每次调用都脱离控制地运行：`forEach` 在任何一次调用完成之前就返回了，所以它后面的代码运行得太早；其中任何一次被拒绝都无人处理，会结束 Node 进程。',
  'async-callback-ignored.predicate': '`{method}` 忽略了异步回调返回的 promise：promise 永远是真值。',
  'async-callback-ignored.predicate.why':
    '回调返回的是 promise 而不是布尔值，所以每个元素都会通过（`filter` 全部保留，`find` 取第一个）；真正的答案稍后才到达、无人读取，拒绝也无人处理。',
  'async-callback-ignored.listener': '`{method}` 忽略了异步回调返回的 promise。',
  'async-callback-ignored.listener.why':
    '事件发射器调用监听器后会丢弃它们的返回值：第一个 `await` 之后的错误会变成未处理的拒绝，结束 Node 进程，而且永远到不了 `error` 监听器。',
  'async-callback-ignored.timer': '`{method}` 忽略了异步回调返回的 promise。',
  'async-callback-ignored.timer.why':
    '定时器调用这个函数后丢弃了它的 promise：没有代码等待这项工作，其中的错误会变成未处理的拒绝，结束 Node 进程。',

  'await-in-loop.sequential': '每次迭代都要等 `{call}` 完成后下一次才开始，但各次迭代之间并不相互依赖。',
  'await-in-loop.sequential.why':
    '循环花费的是所有调用耗时之和，而不是其中最长的那一个；先启动所有调用，再用 `Promise.all(…)` 一起 await，就像用 `asyncio.gather(*(fetch(u) for u in urls))` 代替在 `for` 循环里逐个 `await`。',

  'internal-error': '规则 `{rule}` 在这个文件上运行失败：{error}',
  'internal-error.why': '这是 async-lens 的缺陷，其他规则仍然照常运行。请附上这个文件报告它。',
  'unused-suppression': '这条对 `{rule}` 的抑制注释没有抑制任何问题。',
  'unused-suppression.why': '无用的抑制注释会毫无理由地掩盖这一行将来出现的问题；请删除它。',

  'fix.add-await': '添加 `await`',
  'fix.await-initializer': '给初始化表达式加上 `await`（每处使用读取的都是结果）',
  'fix.return': '返回这个 promise',
  'fix.add-catch': '添加 `.catch((error) => …)`',
  'fix.void': '用 `void` 标明是有意忽略',
  'fix.await-all': '用 `Promise.all` 等待全部（结果按顺序；遇到第一个拒绝即拒绝）',
  'fix.await-all-settled': '用 `Promise.allSettled` 等待全部（等每一个都落定；从不拒绝）',
  'fix.await-race': '用 `Promise.race` 等待最先落定的一个（其余的继续运行）',
  'fix.await-any': '用 `Promise.any` 等待最先兑现的一个（只有全部拒绝时才拒绝）',
  'fix.collect-all': '先收集这些 promise，循环结束后再 `await Promise.all(…)`（并发运行）',
  'fix.collect-all-settled': '先收集这些 promise，循环结束后再 `await Promise.allSettled(…)`（从不拒绝）',
  'fix.await-fs-promises': '改为 await `node:fs/promises` 中的版本',
  'fix.await-all-map': '用 `await Promise.all(items.map(…))` 并发运行各次迭代（结果按顺序）',
  'fix.remove-suppression': '删除无用的抑制注释',
  'fix.for-each-promise-all': '改写为 `await Promise.all(….map(…))`（保持并发）',
  'fix.for-each-for-of': '改写为带 `await` 的 `for…of` 循环（一次一个）',
  'fix.wrap-try-catch': '把函数体包进 `try … catch`，使它的 promise 不会被拒绝',

  'hover.what-it-flags': '**报告什么。** {text}',
  'hover.why-it-matters': '**为什么重要。** {text}',
  'hover.fixes': '**修复：** {fixes}',
  'hover.safe-fix': '{title}（安全）',
  'hover.fix-separator': '；',
  'hover.asyncio-analogue': '**与 asyncio 的对照。**',
  'hover.documentation': '{rule} 文档',
  'action.disable-line': '在这一行禁用 {rule}',
  'action.disable-file': '在这个文件中禁用 {rule}',
  'action.learn': '了解 {rule}',
  'action.fix-all': '修复所有可以安全修复的 async-lens 问题',
  ...LESSON_TEXT['zh-cn'],
};

const CATALOGS: Readonly<Record<Locale, Catalog>> = { en: EN, 'zh-cn': ZH_CN };

/** The locales that have a catalog, English first. */
export const LOCALES: readonly Locale[] = ['en', 'zh-cn'];

/** Every message of a locale's catalog, for the tests that keep the locales in step. */
export function catalog(locale: Locale): Catalog {
  return CATALOGS[locale];
}

/**
 * The catalog locale for a requested language tag (`zh-CN`, `zh-Hans-SG`, `en-US`, VS Code's
 * `zh-cn`): Simplified Chinese for `zh`, `zh-cn`, `zh-sg` and `zh-hans…`, English otherwise.
 */
export function matchLocale(requested: string | undefined): Locale {
  const tag = (requested ?? '').toLowerCase().replace(/_/g, '-');
  return /^zh(-(cn|sg|hans)(-.*)?)?$/.test(tag) ? 'zh-cn' : 'en';
}

/** The message for `id` in `locale` (falling back to English), with placeholders filled. */
export function format(locale: string, id: string, data: Readonly<Record<string, string>>): string {
  const template = (CATALOGS as Readonly<Record<string, Catalog>>)[locale.toLowerCase()]?.[id] ?? EN[id];
  if (template === undefined) return id;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => data[name] ?? whole);
}

/** Whether the catalog has a message with this id. */
export function hasMessage(id: string): boolean {
  return id in EN;
}
