// Where a suppression directive is read: only in real comments (never JSX text, strings, templates or
// regular expressions), also in comments alone between brackets, and with ESLint's line rules for
// block comments that span lines. engine.test.ts covers the directive forms and unused suppressions.
import { strict as assert } from 'node:assert';
import ts = require('typescript');
import { findSuppressions, isInJsxText } from '../../src/core/suppressions';
import { analyzeText } from '../support/harness';

const LOAD = 'async function load() {}\n';

function brief(text: string, fileName = 'a.ts'): string[] {
  return analyzeText(text, fileName).map((f) => `${f.line}:${f.column} ${f.rule} ${f.messageId}`);
}

/** The directives of `text` as `kind@line(1-based) ids`. */
function directives(text: string, fileName = 'a.ts'): string[] {
  const sourceFile = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  return findSuppressions(ts, sourceFile).map(({ kind, line, rules, start, end }) => {
    assert.ok(text.slice(start, end).startsWith('/') && /\/\/|\*\/$/.test(text.slice(start, end)), 'a directive range is a comment');
    return `${kind}@${line + 1} ${rules.join(',')}`;
  });
}

describe('suppressions: only real comments are directives', () => {
  it('JSX text that looks like a file directive does not turn the rules off', () => {
    const text = `${LOAD}export const View = () => <p>/* async-lens-disable */</p>;\nasync function main() {\n  load();\n}\n`;
    assert.deepEqual(directives(text, 'a.tsx'), []);
    assert.deepEqual(brief(text, 'a.tsx'), ['4:3 floating-promise floating-promise.floating']);
  });

  it('JSX text that looks like a line directive silences nothing on its line', () => {
    const text = `${LOAD}export const View = () => <p>// async-lens-disable-line floating-promise{load()}</p>;\nexport async function main() {\n  const v = <p>// async-lens-disable-line floating-promise</p>; load();\n  return v;\n}\n`;
    assert.deepEqual(directives(text, 'a.tsx'), []);
    assert.deepEqual(brief(text, 'a.tsx'), ['4:65 floating-promise floating-promise.floating']);
  });

  it('JSX attribute strings, strings, templates and regular expressions are never directives', () => {
    const text = [
      'export const View = () => <p title="/* async-lens-disable */" />;',
      "const single = '// async-lens-disable-next-line floating-promise';",
      'const tail = `${single} // async-lens-disable-line floating-promise`;',
      'const middle = `${single} /* async-lens-disable */ ${tail}`;',
      'const pattern = /\\/\\* async-lens-disable \\*\\//;',
      '',
    ].join('\n');
    assert.deepEqual(directives(text, 'a.tsx'), []);
  });

  it('a real comment inside JSX, a template substitution or after JSX is still a directive', () => {
    const text = [
      'export const View = () => (',
      '  <p title={/* async-lens-disable-line floating-promise */ "x"}>',
      '    {/* async-lens-disable-line await-in-loop */ 1}',
      '  </p> // async-lens-disable-line blocking-in-async',
      ');',
      'const text = `${/* async-lens-disable-line unawaited-promise-all */ 1}`;',
      '',
    ].join('\n');
    assert.deepEqual(directives(text, 'a.tsx'), [
      'line@2 floating-promise',
      'line@3 await-in-loop',
      'line@4 blocking-in-async',
      'line@6 unawaited-promise-all',
    ]);
  });
});

describe('suppressions: comments alone between brackets', () => {
  it('JSX `{/* … */}` before an element suppresses that element’s line', () => {
    const text =
      `${LOAD}export const View = () => (\n  <div>\n    {/* async-lens-disable-next-line floating-promise */}\n` +
      '    <button onClick={() => { load(); }}>go</button>\n    <button onClick={() => { load(); }}>go</button>\n  </div>\n);\n';
    assert.deepEqual(directives(text, 'a.tsx'), ['next-line@4 floating-promise']);
    assert.deepEqual(brief(text, 'a.tsx'), ['6:30 floating-promise floating-promise.floating']);
  });

  it('a comment alone in an empty argument list suppresses its line', () => {
    const text = `${LOAD}declare function run(): void;\nasync function main() {\n  run(/* async-lens-disable-line floating-promise */); load();\n  load();\n}\n`;
    assert.deepEqual(brief(text), ['5:3 floating-promise floating-promise.floating']);
  });

  it('finds comments alone in empty blocks, objects, class bodies, argument lists and JSX expressions', () => {
    const text = [
      'function idle() {/* async-lens-disable-line floating-promise */}',
      'const empty = {',
      '  // async-lens-disable-next-line await-in-loop',
      '};',
      'class Idle { /* async-lens-disable-line blocking-in-async */ }',
      'idle(',
      '  // async-lens-disable-next-line unawaited-promise-all',
      ');',
      'export const View = () => <p>{/* async-lens-disable-line async-callback-ignored */}</p>;',
      'if (empty) {',
      '  // async-lens-disable-next-line floating-promise -- the last line of a block',
      '}',
      '',
    ].join('\n');
    assert.deepEqual(directives(text, 'a.tsx'), [
      'line@1 floating-promise',
      'next-line@3 await-in-loop',
      'line@5 blocking-in-async',
      'next-line@7 unawaited-promise-all',
      'line@9 async-callback-ignored',
      'next-line@11 floating-promise',
    ]);
  });

  it('a directive after the last statement of the file is found', () => {
    assert.deepEqual(directives(`${LOAD}load(); // async-lens-disable-line floating-promise\n/* async-lens-disable */`), [
      'line@2 floating-promise',
      'file@3 ',
    ]);
  });
});

describe('suppressions: block comments over several lines (as ESLint)', () => {
  it('-next-line covers the line after the comment’s end', () => {
    const text = `${LOAD}async function main() {\n  /*\n   async-lens-disable-next-line floating-promise */\n  load();\n  load();\n}\n`;
    assert.deepEqual(directives(text), ['next-line@4 floating-promise']);
    assert.deepEqual(brief(text), ['6:3 floating-promise floating-promise.floating']);
  });

  it('a directive whose ids or reason run on past its line is none', () => {
    const text = `${LOAD}async function main() {\n  /* async-lens-disable-next-line floating-promise --\n     a long reason */ load();\n  load();\n}\n`;
    // Unlike ESLint, the comment must close on the directive's line (the grammar agrees).
    assert.deepEqual(directives(text), []);
    assert.deepEqual(brief(text), ['4:23 floating-promise floating-promise.floating', '5:3 floating-promise floating-promise.floating']);
  });

  it('-line that spans lines is not a directive, so it silences nothing and is not reported unused', () => {
    const text = `${LOAD}async function main() {\n  load(); /*\n    async-lens-disable-line floating-promise */\n}\n`;
    assert.deepEqual(directives(text), []);
    assert.deepEqual(brief(text), ['3:3 floating-promise floating-promise.floating']);
  });

  it('the file form may span lines', () => {
    const text = `/*\n  async-lens-disable floating-promise */\n${LOAD}async function main() {\n  load();\n}\n`;
    assert.deepEqual(directives(text), ['file@2 floating-promise']);
    assert.deepEqual(brief(text), []);
  });
});

describe('suppressions: ids', () => {
  it('splits ids on commas and whitespace only, so punctuation glued to an id makes an unknown id', () => {
    const text = `${LOAD}async function main() {\n  load(); // async-lens-disable-line floating-promise; unawaited-promise-all\n}\n`;
    assert.deepEqual(directives(text), ['line@3 floating-promise;,unawaited-promise-all']);
    // `floating-promise;` names no rule: the finding stays, and the unknown id is not reported unused.
    assert.deepEqual(brief(text), ['3:3 floating-promise floating-promise.floating', '3:11 unawaited-promise-all unused-suppression']);
  });
});

describe('suppressions: isInJsxText (where a directive must be written `{/* … */}`)', () => {
  it('is true at the start of a line among JSX children, false in code, expressions and attributes', () => {
    const text = [
      'export const View = () => (',
      '  <div title="x">',
      '    <button onClick={() => { go(); }}>go</button>',
      '    text {label}',
      '  </div>',
      ');',
      '',
    ].join('\n');
    const sourceFile = ts.createSourceFile('a.tsx', text, ts.ScriptTarget.Latest, true);
    const at = (needle: string, offset = 0): boolean => isInJsxText(ts, sourceFile, text.indexOf(needle) + offset);
    assert.deepEqual(
      [at('    <button'), at('    text'), at('text {'), at('<button'), at('go();'), at('label'), at('"x"', 1), at('<div'), at('export')],
      [true, true, true, false, false, false, false, false, false],
    );
  });
});
