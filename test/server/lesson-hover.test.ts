// The lesson hovers over stdio: `Promise.race` and `await` show their lessons, a finding's hover
// wins where there is one, the asyncio part follows `showAsyncioAnalogues`, and the locale setting
// picks the language.
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LESSON_TEXT } from '../../src/core/lessons';
import { FIXTURES, fileUri, LspClient } from './harness';

/** One `Promise.race` and one `await` with no finding on them, a dropped call, and an unawaited `Promise.all`. */
const TEXT = [
  'async function load(name: string): Promise<string> {',
  '  return name;',
  '}',
  '',
  'export async function main(names: string[]): Promise<string> {',
  '  const first = await Promise.race(names.map(load));',
  "  load('x');",
  '  Promise.all(names.map(load));',
  '  return first;',
  '}',
  '',
  'export function shadowed(Promise: { race(x: unknown): unknown }) {',
  '  return Promise.race([]);',
  '}',
  '',
].join('\n');

const RACE_FIRST_PARAGRAPH =
  '**`Promise.race(promises)`** settles with the first promise to settle: it fulfils with that value, or rejects with that reason if the first to settle rejects. ' +
  'It cancels nothing: the others run on and their results are ignored. Racing the work against a timer that rejects is the usual timeout.';

const document = TextDocument.create('memory', 'typescript', 1, TEXT);

/** The 0-based position of the `nth` occurrence of `needle`, plus `delta` characters. */
function at(needle: string, delta = 0, nth = 0): { line: number; character: number } {
  let index = -1;
  for (let i = 0; i <= nth; i++) index = TEXT.indexOf(needle, index + 1);
  assert.ok(index >= 0, `no ${needle}`);
  return document.positionAt(index + delta);
}

/** The range of the `nth` occurrence of `needle`. */
function rangeOf(needle: string, nth = 0): { start: { line: number; character: number }; end: { line: number; character: number } } {
  return { start: at(needle, 0, nth), end: at(needle, needle.length, nth) };
}

function markdown(hover: Hover | null): string {
  assert.ok(hover, 'no hover');
  const contents = hover.contents as MarkupContent;
  assert.equal(contents.kind, 'markdown');
  return contents.value;
}

async function openAndAnalyse(client: LspClient, name: string): Promise<string> {
  const uri = fileUri(path.join(FIXTURES, 'memory', name));
  await client.open(uri, TEXT);
  const published = await client.waitForDiagnostics(uri);
  // The two findings the hovers must not be confused with.
  assert.deepEqual(
    published.diagnostics.map((d) => [d.code, d.range.start.line]),
    [
      ['floating-promise', 6],
      ['unawaited-promise-all', 7],
    ],
  );
  return uri;
}

describe('server: lesson hovers', () => {
  let client: LspClient;
  let uri: string;

  before(async () => {
    client = await LspClient.start({ debounceMs: 0 });
    uri = await openAndAnalyse(client, 'lessons.ts');
  });
  after(() => client.kill());

  it('hovers Promise.race with its lesson, over the span of Promise.race', async () => {
    const { line, character } = at('Promise.race', 9);
    const hover = await client.hover(uri, line, character);
    assert.equal(markdown(hover), LESSON_TEXT.en['lesson.promise-race']);
    assert.equal(markdown(hover).split('\n\n')[0], RACE_FIRST_PARAGRAPH);
    assert.deepEqual(hover!.range, rangeOf('Promise.race'));
  });

  it('hovers the await keyword with its lesson, at its start and at its end', async () => {
    for (const delta of [0, 5]) {
      const { line, character } = at('await', delta);
      const hover = await client.hover(uri, line, character);
      assert.equal(markdown(hover), LESSON_TEXT.en['lesson.await']);
      assert.deepEqual(hover!.range, rangeOf('await'));
    }
  });

  it("gives a finding's hover, not the lesson, where a finding is", async () => {
    const { line, character } = at('Promise.all', 9);
    const value = markdown(await client.hover(uri, line, character));
    assert.ok(value.startsWith('**async-lens: unawaited-promise-all**: '), value);
    assert.ok(!value.includes(LESSON_TEXT.en['lesson.promise-all'].split('\n\n')[0]!));
  });

  it('has no hover on a shadowed Promise, on a name beside the token, or on other code', async () => {
    const shadowed = at('Promise.race', 9, 1);
    assert.equal(await client.hover(uri, shadowed.line, shadowed.character), null);
    const names = at('names.map');
    assert.equal(await client.hover(uri, names.line, names.character), null);
    const ret = at('return first');
    assert.equal(await client.hover(uri, ret.line, ret.character), null);
  });
});

describe('server: lesson hover settings', () => {
  let client: LspClient;
  afterEach(() => client.kill());

  it('hides the asyncio part when showAsyncioAnalogues is false', async () => {
    client = await LspClient.start({ debounceMs: 0, showAsyncioAnalogues: false });
    const uri = await openAndAnalyse(client, 'lessons-no-analogue.ts');
    const race = at('Promise.race', 2);
    assert.equal(markdown(await client.hover(uri, race.line, race.character)), RACE_FIRST_PARAGRAPH);
    const awaited = at('await', 1);
    const value = markdown(await client.hover(uri, awaited.line, awaited.character));
    assert.equal(value, LESSON_TEXT.en['lesson.await'].split('\n\n')[0]);
    assert.doesNotMatch(value, /asyncio/);
  });

  it('speaks the locale setting', async () => {
    client = await LspClient.start({ debounceMs: 0, locale: 'zh-cn' });
    const uri = await openAndAnalyse(client, 'lessons-zh.ts');
    const race = at('Promise.race', 2);
    const value = markdown(await client.hover(uri, race.line, race.character));
    assert.equal(value, LESSON_TEXT['zh-cn']['lesson.promise-race']);
    assert.match(value, /^\*\*`Promise\.race\(promises\)`\*\* 随第一个落定的 promise 落定/);
  });
});
