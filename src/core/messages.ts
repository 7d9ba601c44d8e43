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
  'fix.remove-suppression': 'Remove the unused suppression',
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
