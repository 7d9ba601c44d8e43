import { strict as assert } from 'node:assert';
import ts = require('typescript');
import { Analyzer, RULES } from '../../src/core';
import { mergeSpan, OpenDocument } from '../../src/server/open-document';
import { fixtureText } from './harness';

// The server's document module in-process: edits merged into one span give the same tree and
// findings as parsing the final text afresh.

const TEXT = fixtureText('one-of-each.ts');
const OPTIONS = { maxFileSize: 1_000_000, skipRules: [] };

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

function fresh(text: string): unknown {
  const document = new OpenDocument('file:///fresh.ts', 'typescript', 1, text, new Analyzer(ts, RULES));
  return document.analyse(OPTIONS);
}

describe('server: open documents', () => {
  it('merges edits into one changed span: before it unchanged, after it shifted', () => {
    // "abcdef": replace "cd" (2..4) by "X", then insert "YY" at 0 of the new text "abXef".
    const first = mergeSpan(undefined, 2, 4, 1);
    assert.deepEqual(first, { start: 2, oldEnd: 4, newEnd: 3 });
    assert.deepEqual(mergeSpan(first, 0, 0, 2), { start: 0, oldEnd: 4, newEnd: 5 });
    // An edit after the span widens it: delete "e" (4..5 in "YYabXef" is "X"; 5..6 is "e").
    assert.deepEqual(mergeSpan({ start: 0, oldEnd: 4, newEnd: 5 }, 5, 6, 0), { start: 0, oldEnd: 5, newEnd: 5 });
    assert.equal(mergeSpan('full', 0, 1, 1), 'full');
  });

  it('gives the findings of a fresh parse after 200 random edits, analysed every few edits', () => {
    const next = random(7);
    const document = new OpenDocument('file:///edited.ts', 'typescript', 1, TEXT, new Analyzer(ts, RULES));
    document.analyse(OPTIONS);
    const snippets = ['async ', 'await ', 'load(x);\n', '}', '{', ';', '\n', 'Promise.all([a]);', '', 'x'];
    for (let step = 0; step < 200; step++) {
      const text = document.text.getText();
      const batch = [];
      // One to three changes per batch, each relative to the text the previous one left.
      let length = text.length;
      for (let count = 1 + Math.floor(next() * 3); count > 0; count--) {
        const start = Math.floor(next() * length);
        const end = Math.min(length, start + Math.floor(next() * 12));
        const insert = snippets[Math.floor(next() * snippets.length)]!;
        const at = document.text;
        batch.push({ range: { start: at.positionAt(start), end: at.positionAt(end) }, text: insert });
        length += insert.length - (end - start);
        document.applyChanges([batch[batch.length - 1]!], document.version + 1);
      }
      if (step % 3 === 0) {
        const analysed = document.analyse(OPTIONS);
        const expected = fresh(document.text.getText()) as { findings: unknown };
        assert.deepEqual({ ...analysed, version: 1 }, expected, `step ${step}`);
      }
    }
  });
});
