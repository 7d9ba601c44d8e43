// `--explain` with a lesson: `Promise.race`, `await` or `lesson.promise-race` print the lesson in
// the `--locale` language; an unknown id's error lists the rules and the lessons.
import { strict as assert } from 'node:assert';
import { RULES } from '../../src/core';
import { LESSON_TEXT } from '../../src/core/lessons';
import { runCli } from './helpers';

const RULE_IDS = RULES.map((rule) => rule.meta.id).join(', ');

describe('cli: --explain a lesson', () => {
  it('prints the Promise.race lesson for its subject and for its id', () => {
    for (const name of ['Promise.race', 'lesson.promise-race']) {
      const run = runCli(['--explain', name], __dirname);
      assert.equal(run.status, 0, run.stderr);
      assert.equal(run.stderr, '');
      assert.equal(run.stdout, `${LESSON_TEXT.en['lesson.promise-race']}\n`);
    }
  });

  it('prints the await lesson, starting with the TypeScript part', () => {
    const run = runCli(['--explain', 'await'], __dirname);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, `${LESSON_TEXT.en['lesson.await']}\n`);
    assert.match(run.stdout, /^\*\*`await p`\*\* suspends this async function until `p` settles/);
    assert.match(run.stdout, /\n\n\*\*In asyncio\.\*\* `await` reads the same\./);
  });

  it('prints the lesson in Chinese with --locale zh-cn', () => {
    const run = runCli(['--locale', 'zh-cn', '--explain', 'Promise.allSettled'], __dirname);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, `${LESSON_TEXT['zh-cn']['lesson.promise-all-settled']}\n`);
  });

  it('still prints a rule doc for a rule id', () => {
    const run = runCli(['--explain', 'floating-promise'], __dirname);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^# floating-promise\n/);
  });

  it('exits 2 for an unknown id, listing the rules and the lessons', () => {
    const run = runCli(['--explain', 'Promise.resolve'], __dirname);
    assert.equal(run.status, 2);
    assert.equal(run.stdout, '');
    assert.equal(
      run.stderr,
      `async-lens: unknown rule or lesson 'Promise.resolve' for --explain; valid rules: ${RULE_IDS}; ` +
        'valid lessons: Promise.all, Promise.allSettled, Promise.race, Promise.any, await\n',
    );
  });
});
