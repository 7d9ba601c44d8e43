// The lessons: which token a position is on (global vs shadowed `Promise`, `Promise.race` vs
// `other.race`, the `await` keyword vs an identifier named `await`), and the lesson texts.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import ts = require('typescript');
import { parse } from '../../src/core';
import { catalog } from '../../src/core/messages';
import {
  ASYNCIO_HEADINGS,
  findLesson,
  LESSON_IDS,
  LESSON_SUBJECTS,
  LESSON_TEXT,
  lessonIdFor,
  lessonMarkdown,
} from '../../src/core/lessons';

/** The lesson at `offset` of `text` parsed as `fileName`, as the id and the text of its span. */
function lessonAt(text: string, offset: number, fileName = 'test.ts'): [string, string] | undefined {
  const parsed = parse(ts, fileName, text);
  if (!('sourceFile' in parsed)) throw new Error(parsed.skipped);
  const found = findLesson(ts, parsed.sourceFile, offset);
  return found && [found.id, text.slice(found.start, found.end)];
}

/** The offset of the `nth` (0-based) occurrence of `needle` in `text`, plus `delta`. */
function offsetOf(text: string, needle: string, delta = 0, nth = 0): number {
  let index = -1;
  for (let i = 0; i <= nth; i++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`no ${needle} #${i} in ${text}`);
  }
  return index + delta;
}

describe('lessons: the token at a position', () => {
  const race = 'async function f(ps: Promise<number>[]) {\n  return Promise.race(ps);\n}\n';

  it('finds Promise.race on the receiver, the dot and the name, with the span of both', () => {
    for (const delta of [0, 3, 7, 8, 11]) {
      assert.deepEqual(lessonAt(race, offsetOf(race, 'Promise.race', delta)), ['lesson.promise-race', 'Promise.race'], `delta ${delta}`);
    }
  });

  it('counts the start and the end of the token as on it, and the characters around it as not', () => {
    const start = offsetOf(race, 'Promise.race');
    assert.deepEqual(lessonAt(race, start), ['lesson.promise-race', 'Promise.race']);
    assert.deepEqual(lessonAt(race, start + 'Promise.race'.length), ['lesson.promise-race', 'Promise.race']);
    assert.equal(lessonAt(race, start - 1), undefined);
    assert.equal(lessonAt(race, start + 'Promise.race('.length), undefined);
  });

  it('finds each combinator, called or only read', () => {
    const text = 'const a = Promise.all;\nconst b = Promise.allSettled([]);\nconst c = Promise.any([]);\nconst d = Promise.resolve(1);\n';
    assert.deepEqual(lessonAt(text, offsetOf(text, 'all;')), ['lesson.promise-all', 'Promise.all']);
    assert.deepEqual(lessonAt(text, offsetOf(text, 'allSettled')), ['lesson.promise-all-settled', 'Promise.allSettled']);
    assert.deepEqual(lessonAt(text, offsetOf(text, 'Promise.any')), ['lesson.promise-any', 'Promise.any']);
    assert.equal(lessonAt(text, offsetOf(text, 'resolve')), undefined);
  });

  it('finds nothing on race of another object, or on Promise as a type', () => {
    const text = 'declare const other: { race(x: unknown): void };\nother.race([]);\nlet p: typeof Promise.race;\nlet q: Promise<void>;\n';
    assert.equal(lessonAt(text, offsetOf(text, 'race', 0, 1)), undefined);
    assert.equal(lessonAt(text, offsetOf(text, 'other.race')), undefined);
    assert.equal(lessonAt(text, offsetOf(text, 'Promise.race', 3)), undefined);
    assert.equal(lessonAt(text, offsetOf(text, 'Promise<')), undefined);
  });

  it('finds nothing when Promise is shadowed by an import, a parameter or a local', () => {
    const imported = "import { Promise } from 'bluebird';\nPromise.race([]);\n";
    assert.equal(lessonAt(imported, offsetOf(imported, 'race')), undefined);
    const parameter = 'function f(Promise: { all(x: unknown[]): void }) {\n  Promise.all([]);\n}\nPromise.all([]);\n';
    assert.equal(lessonAt(parameter, offsetOf(parameter, 'Promise.all')), undefined);
    // Outside the function, the global again.
    assert.deepEqual(lessonAt(parameter, offsetOf(parameter, 'Promise.all', 0, 1)), ['lesson.promise-all', 'Promise.all']);
    const local = 'function g() {\n  if (true) {\n    const Promise = { any() {} };\n    Promise.any();\n  }\n  return Promise.any([]);\n}\n';
    assert.equal(lessonAt(local, offsetOf(local, 'Promise.any')), undefined);
    assert.deepEqual(lessonAt(local, offsetOf(local, 'Promise.any', 0, 1)), ['lesson.promise-any', 'Promise.any']);
  });

  it('finds the await keyword of an await expression, its start and end included', () => {
    const text = 'async function f(p: Promise<number>) {\n  const x = await p;\n  return x;\n}\n';
    const start = offsetOf(text, 'await');
    assert.deepEqual(lessonAt(text, start), ['lesson.await', 'await']);
    assert.deepEqual(lessonAt(text, start + 2), ['lesson.await', 'await']);
    assert.deepEqual(lessonAt(text, start + 5), ['lesson.await', 'await']);
    assert.equal(lessonAt(text, start + 6), undefined);
    assert.equal(lessonAt(text, start - 1), undefined);
  });

  it('finds the await keyword right after another token, and the inner token of await Promise.all', () => {
    const text = 'async function f(ps: Promise<void>[]) {\n  let x;\n  x=await Promise.all(ps);\n}\n';
    assert.deepEqual(lessonAt(text, offsetOf(text, 'await')), ['lesson.await', 'await']);
    assert.deepEqual(lessonAt(text, offsetOf(text, 'Promise.all')), ['lesson.promise-all', 'Promise.all']);
    assert.deepEqual(lessonAt(text, offsetOf(text, 'all(', 3)), ['lesson.promise-all', 'Promise.all']);
  });

  it('finds no lesson on an identifier named await in a script', () => {
    const text = 'function await(x) { return x; }\nvar y = await(1);\n';
    assert.equal(lessonAt(text, offsetOf(text, 'await(1)'), 'script.js'), undefined);
    assert.equal(lessonAt(text, offsetOf(text, 'await'), 'script.js'), undefined);
  });

  it('finds the top-level await of a module', () => {
    const text = "import { readFile } from 'node:fs/promises';\nconst text = await readFile('a');\n";
    assert.deepEqual(lessonAt(text, offsetOf(text, 'await', 1), 'module.mts'), ['lesson.await', 'await']);
  });

  it('finds nothing outside the file or in a comment', () => {
    const text = '// Promise.race and await\nconst n = 1;\n';
    assert.equal(lessonAt(text, offsetOf(text, 'race')), undefined);
    assert.equal(lessonAt(text, offsetOf(text, 'await')), undefined);
    assert.equal(lessonAt(text, -1), undefined);
    assert.equal(lessonAt(text, text.length + 1), undefined);
  });
});

describe('lessons: names and text', () => {
  it('maps subjects and ids to lessons, and nothing else', () => {
    assert.equal(lessonIdFor('Promise.race'), 'lesson.promise-race');
    assert.equal(lessonIdFor('promise.allsettled'), 'lesson.promise-all-settled');
    assert.equal(lessonIdFor('await'), 'lesson.await');
    assert.equal(lessonIdFor('lesson.promise-any'), 'lesson.promise-any');
    assert.equal(lessonIdFor('Promise.resolve'), undefined);
    assert.equal(lessonIdFor('race'), undefined);
    assert.deepEqual(
      LESSON_IDS.map((id) => LESSON_SUBJECTS[id]),
      ['Promise.all', 'Promise.allSettled', 'Promise.race', 'Promise.any', 'await'],
    );
  });

  it('has every lesson in both locales, each in three parts: TypeScript, In asyncio, What differs', () => {
    const labels = { en: ['**In asyncio.**', '**What differs.**'], 'zh-cn': ['**在 asyncio 中。**', '**不同之处。**'] } as const;
    for (const locale of ['en', 'zh-cn'] as const) {
      assert.deepEqual(Object.keys(LESSON_TEXT[locale]), [...LESSON_IDS]);
      assert.equal(ASYNCIO_HEADINGS[locale], labels[locale][0]);
      for (const id of LESSON_IDS) {
        const paragraphs = LESSON_TEXT[locale][id].split('\n\n');
        assert.equal(paragraphs.length, 3, `${locale} ${id}`);
        assert.ok(paragraphs[0]!.startsWith(`**\`${LESSON_SUBJECTS[id] === 'await' ? 'await p' : LESSON_SUBJECTS[id]}`), `${locale} ${id}`);
        assert.ok(paragraphs[1]!.startsWith(`${labels[locale][0]} `), `${locale} ${id}`);
        assert.ok(paragraphs[2]!.startsWith(`${labels[locale][1]} `), `${locale} ${id}`);
        // No `{word}` the catalog would read as a placeholder.
        assert.doesNotMatch(LESSON_TEXT[locale][id], /\{\w+\}/);
      }
    }
  });

  it('keeps hovers short: no part over 520 characters', () => {
    for (const id of LESSON_IDS) {
      for (const part of LESSON_TEXT.en[id].split('\n\n')) assert.ok(part.length <= 520, `${id}: ${part.length} characters`);
    }
  });

  it('says where Node differs on race: first to settle, rejection included; no pending set; nothing cancelled', () => {
    const text = LESSON_TEXT.en['lesson.promise-race'];
    assert.match(text, /settles with the first promise to settle/);
    assert.match(text, /rejects with that reason if the first to settle rejects/);
    assert.match(text, /It cancels nothing/);
    assert.match(text, /`asyncio\.wait` never raises/);
    assert.match(text, /no pending set/);
  });

  it('renders a lesson with or without its asyncio part, in the requested locale', () => {
    const race = LESSON_TEXT.en['lesson.promise-race'];
    assert.equal(lessonMarkdown('lesson.promise-race', 'en'), race);
    assert.equal(lessonMarkdown('lesson.promise-race', 'en', false), race.split('\n\n')[0]);
    assert.equal(lessonMarkdown('lesson.await', 'zh-cn', false), LESSON_TEXT['zh-cn']['lesson.await'].split('\n\n')[0]);
    assert.equal(lessonMarkdown('lesson.await', 'zh-CN'), LESSON_TEXT['zh-cn']['lesson.await']);
    assert.equal(lessonMarkdown('lesson.await', 'fr'), LESSON_TEXT.en['lesson.await']);
  });

  it('is part of the message catalog of each locale', () => {
    for (const id of LESSON_IDS) {
      assert.equal(catalog('en')[id], LESSON_TEXT.en[id]);
      assert.equal(catalog('zh-cn')[id], LESSON_TEXT['zh-cn'][id]);
    }
  });
});

describe('lessons: docs/lessons.md', () => {
  const root = path.join(__dirname, '..', '..');
  const script = path.join(root, 'scripts', 'lessons-doc.mjs');
  const run = (args: string[]) => spawnSync(process.execPath, [script, ...args], { cwd: root, encoding: 'utf8' });

  it('is generated from the English lesson texts and up to date (lessons-doc.mjs --check)', () => {
    const result = run(['--check']);
    assert.equal(result.stderr, '');
    assert.equal(result.stdout, 'docs/lessons.md is up to date\n');
    assert.equal(result.status, 0);
    const doc = readFileSync(path.join(root, 'docs', 'lessons.md'), 'utf8');
    for (const id of LESSON_IDS) {
      assert.ok(doc.includes(`## \`${LESSON_SUBJECTS[id]}\`\n\nLesson id: \`${id}\`\n\n${LESSON_TEXT.en[id]}\n`), id);
    }
  });

  it('fails the check for a stale copy, and rewrites it', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'async-lens-lessons-'));
    try {
      const copy = path.join(folder, 'lessons.md');
      const fresh = readFileSync(path.join(root, 'docs', 'lessons.md'), 'utf8');
      writeFileSync(copy, fresh.replace('It cancels nothing', 'It cancels the others'));
      const stale = run(['--check', '--doc', copy]);
      assert.equal(stale.status, 1);
      assert.equal(stale.stderr, `${path.relative(root, copy)} is out of date: run node scripts/lessons-doc.mjs\n`);
      assert.equal(run(['--doc', copy]).status, 0);
      assert.equal(readFileSync(copy, 'utf8'), fresh);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
