// The message catalog: every message, why-note and fix title, keyed by message id, per locale.
// `{name}` placeholders are filled from a finding's data. English is the fallback locale.

type Catalog = Readonly<Record<string, string>>;

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
};

const CATALOGS: Readonly<Record<string, Catalog>> = { en: EN };

/** The locales that have a catalog. */
export const LOCALES: readonly string[] = Object.keys(CATALOGS);

/** The message for `id` in `locale` (falling back to English), with placeholders filled. */
export function format(locale: string, id: string, data: Readonly<Record<string, string>>): string {
  const template = CATALOGS[locale.toLowerCase()]?.[id] ?? EN[id];
  if (template === undefined) return id;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => data[name] ?? whole);
}

/** Whether the catalog has a message with this id. */
export function hasMessage(id: string): boolean {
  return id in EN;
}
