import { strict as assert } from 'node:assert';
import * as ts from 'typescript';
import type * as TS from 'typescript';
import { Analyzer, RULES } from '../../src/core';
import type { Finding } from '../../src/core';
import { edited, parsed } from '../support/harness';

/** A file that is one IIFE of `count` functions; every tenth one drops a promise. */
function iifeOfFunctions(count: number): string {
  const lines = ['(function () {', '  async function load(n: number) { return n; }'];
  for (let i = 0; i < count; i++) {
    lines.push(`  async function f${i}(x: number) {`, `    const y = x + ${i};`, i % 10 === 0 ? '    load(y);' : '    await load(y);', '    return y;', '  }');
  }
  lines.push('})();', '');
  return lines.join('\n');
}

function summary(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.rule}@${f.start}-${f.end}:${f.messageId}`);
}

describe('incremental analysis', () => {
  it('after a one-character edit in one function of a 500-function IIFE, visits only that function and its ancestors', () => {
    const text = iifeOfFunctions(500);
    const analyzer = new Analyzer(ts, RULES);
    const first = parsed(text);
    const before = analyzer.analyze(first);
    assert.equal(before.findings.length, 50);

    const at = text.indexOf('const y = x + 250;') + 'const y = x + 25'.length;
    const second = edited(first, { start: at, length: 1, text: '9' });
    const target = findFunction(second, 'f250');
    const visited: TS.Node[] = [];
    const after = analyzer.analyze(second, { onVisit: (node) => visited.push(node) });

    const outside = visited.filter((node) => !isWithin(node, target));
    // Only the chain from the file down to the function (and the end-of-file token) is outside it.
    for (const node of outside) {
      assert.ok(isWithin(target, node) || node.kind === ts.SyntaxKind.EndOfFileToken, `visited ${ts.SyntaxKind[node.kind]} outside f250`);
    }
    assert.ok(outside.length <= 7, `visited ${outside.length} nodes outside f250`);
    assert.equal(visited.filter((node) => isWithin(node, target)).length, countNodes(target));
    assert.equal(after.stats.unitsReused, 500, 'the other 499 functions and load are reused');
    assert.deepEqual(summary(after.findings), summary(new Analyzer(ts, RULES).analyze(parsed(second.text)).findings));
  });

  it('re-analyses a caller in another function when `async function load` becomes `function load`', () => {
    const text = ['async function load() {}', 'function unrelated() { return 1; }', 'async function main() {', '  load();', '}', ''].join('\n');
    const analyzer = new Analyzer(ts, RULES);
    const first = parsed(text);
    assert.deepEqual(
      analyzer.analyze(first).findings.map((f) => f.rule),
      ['floating-promise'],
    );
    const second = edited(first, { start: 0, length: 'async '.length, text: '' });
    const result = analyzer.analyze(second);
    assert.deepEqual(result.findings, []);
    assert.equal(result.stats.unitsReused, 1, 'only `unrelated` is reused');

    const third = edited(second, { start: 0, length: 0, text: 'async ' });
    assert.deepEqual(
      analyzer.analyze(third).findings.map((f) => [f.rule, third.getLineAndCharacterOfPosition(f.start).line]),
      [['floating-promise', 3]],
    );
  });

  it('re-analyses a method when the class member it calls through `this` stops being async', () => {
    const text = ['class Store {', '  async save() {}', '  async run() {', '    this.save();', '  }', '}', ''].join('\n');
    const analyzer = new Analyzer(ts, RULES);
    const first = parsed(text);
    assert.equal(analyzer.analyze(first).findings.length, 1);
    const at = text.indexOf('async save');
    const second = edited(first, { start: at, length: 'async '.length, text: '' });
    assert.deepEqual(analyzer.analyze(second).findings, []);
  });

  it('re-analyses a function when a module-level declaration starts shadowing `fetch`', () => {
    const text = ['async function main() {', '  fetch("/x");', '}', ''].join('\n');
    const analyzer = new Analyzer(ts, RULES);
    const first = parsed(text);
    assert.equal(analyzer.analyze(first).findings.length, 1);
    const second = edited(first, { start: text.length, length: 0, text: 'function fetch(url: string) { return url; }\n' });
    assert.deepEqual(analyzer.analyze(second).findings, []);
  });

  it('gives the same findings as a full analysis after each of 400 random edits', () => {
    const random = mulberry32(20261126);
    const pieces = [
      'async ', 'await ', 'load();', 'void ', '.catch(() => {})', 'Promise.all([load()]);', '}', '{', '(', ')',
      '\n', ' ', 'function g() {', 'const load = 1;', 'return ', 'x', ';', 'for (const i of xs) { load(); }',
      'const [a, b] = Promise.all([load(), load()]);', '// async-lens-disable-next-line floating-promise\n',
    ];
    const text = [
      'import { readFile } from "node:fs/promises";',
      'async function load() { return 1; }',
      '(function () {',
      '  async function a(xs: string[]) {',
      '    load();',
      '    for (const x of xs) { readFile(x); }',
      '    const all = Promise.all(xs.map(async (x) => x));',
      '    return all;',
      '  }',
      '  function b() { load().then(() => 1); }',
      '  class C { async m() { this.m(); } }',
      '  const c = async () => { fetch("/"); };',
      '})();',
      '',
    ].join('\n');
    const reused = randomEditsMatchFullAnalysis(text, pieces, random, 400);
    // The comparison means something only if the cache was really used.
    assert.ok(reused > 400, `only ${reused} functions were reused`);
  });
});

describe('incremental analysis: the direct statements of a long body', () => {
  /** A body of `count` plain statements, the shape of a bundle's IIFE (typescript.js). */
  function iifeOfStatements(count: number): string {
    const lines = ['(function () {', '  async function load(n: number) { return n; }', '  var table = {};'];
    for (let i = 0; i < count; i++) lines.push(`  var v${i} = table.k${i} || (table.k${i} = { id: ${i}, next: v${i > 0 ? i - 1 : 0} });`);
    lines.push('})();', '');
    return lines.join('\n');
  }

  it('after an edit in one statement of a 2,000-statement body, walks that statement and reuses the others', () => {
    const text = iifeOfStatements(2000);
    const analyzer = new Analyzer(ts, RULES);
    const first = parsed(text);
    analyzer.analyze(first);
    const at = text.indexOf('id: 1000,') + 'id: 100'.length;
    const second = edited(first, { start: at, length: 1, text: '7' });
    const visited: TS.Node[] = [];
    const after = analyzer.analyze(second, { onVisit: (node) => visited.push(node) });
    const statement = findVariable(second, 'v1000');
    const outside = visited.filter((node) => !isWithin(node, statement) && node !== statement);
    assert.ok(outside.length <= 8, `visited ${outside.length} nodes outside the edited statement`);
    assert.equal(visited.length - outside.length, countNodes(statement));
    assert.ok(after.stats.unitsReused >= 2001, `reused ${after.stats.unitsReused}`);
  });

  it('re-analyses an unchanged `const all = Promise.all(…)` when the await of it, many statements later, goes away', () => {
    const filler = Array.from({ length: 20 }, (_, i) => `  const f${i} = ${i};`).join('\n');
    const before = `async function load() { return 1; }\nasync function main() {\n  const all = Promise.all([load()]);\n${filler}\n  await all;\n}\n`;
    const analyzer = new Analyzer(ts, RULES);
    const first = parsed(before);
    assert.deepEqual(summary(analyzer.analyze(first).findings), []);
    const at = before.indexOf('await all;');
    const second = edited(first, { start: at, length: 'await all;'.length, text: 'return 1;' });
    const incremental = summary(analyzer.analyze(second).findings);
    assert.deepEqual(incremental, summary(new Analyzer(ts, RULES).analyze(parsed(second.text)).findings));
    assert.equal(incremental.length, 1);
  });

  it('re-analyses the unchanged statements of a long function when it becomes async, and again when it stops', () => {
    const filler = Array.from({ length: 20 }, (_, i) => `  const f${i} = ${i};`).join('\n');
    const before = [
      'import { readFileSync } from "node:fs";',
      'declare const api: { get(x: string): Promise<string> };',
      'async function load(x: string) { return x; }',
      'function main(xs: string[], results: string[]) {',
      filler,
      '  for (const x of xs) {',
      '    results.push(await api.get(x));',
      '  }',
      '  const text = readFileSync(xs[0]!);',
      '  xs.forEach(async (x) => { await load(x); });',
      '  return text;',
      '}',
      '',
    ].join('\n');
    const analyzer = new Analyzer(ts, RULES);
    let sourceFile = parsed(before);
    analyzer.analyze(sourceFile);
    const at = before.indexOf('function main');
    for (const change of [{ start: at, length: 0, text: 'async ' }, { start: at, length: 'async '.length, text: '' }]) {
      sourceFile = edited(sourceFile, change);
      const incremental = summary(analyzer.analyze(sourceFile).findings);
      assert.deepEqual(incremental, summary(new Analyzer(ts, RULES).analyze(parsed(sourceFile.text)).findings), JSON.stringify(change));
    }
    // Async, it has a sequential loop and a blocking call; neither is reported once it is not.
    sourceFile = edited(sourceFile, { start: at, length: 0, text: 'async ' });
    const rules = analyzer.analyze(sourceFile).findings.map((finding) => finding.rule);
    assert.ok(rules.includes('await-in-loop') && rules.includes('blocking-in-async'), rules.join(', '));
  });

  it('re-analyses the statements of a long callback when its caller starts running it synchronously in async code', () => {
    const filler = Array.from({ length: 20 }, (_, i) => `    const f${i} = ${i};`).join('\n');
    const before = [
      'import { readFileSync } from "node:fs";',
      'async function outer(xs: string[]) {',
      '  xs.then(function (x) {',
      filler,
      '    return readFileSync(x);',
      '  });',
      '}',
      '',
    ].join('\n');
    const analyzer = new Analyzer(ts, RULES);
    const first = parsed(before);
    assert.deepEqual(summary(analyzer.analyze(first).findings), []);
    // `map` runs its callback at once, inside the async function: the read now blocks it.
    const at = before.indexOf('then');
    const second = edited(first, { start: at, length: 'then'.length, text: 'map' });
    const incremental = analyzer.analyze(second);
    assert.deepEqual(summary(incremental.findings), summary(new Analyzer(ts, RULES).analyze(parsed(second.text)).findings));
    assert.deepEqual(incremental.findings.map((finding) => finding.rule), ['blocking-in-async']);
    assert.ok(incremental.stats.unitsReused >= 20, `reused ${incremental.stats.unitsReused}`);
  });

  it('gives the same findings as a full analysis after each of 600 random edits in a long async body', () => {
    const random = mulberry32(20261127);
    const pieces = [
      'async ', 'await ', 'load(x);', 'void ', '.catch(() => {})', 'Promise.all([load(1)]);', '}', '{', '(', ')', '\n', ' ',
      'all', 'await all;', 'all.length;', 'const all = Promise.all([load(2)]);', 'results.push(await load(x));',
      'for (const x of xs) {', 'items.forEach(async (x) => { await load(x); });', "emitter.on('e', async () => { await load(3); });",
      'readFileSync(x);', 'function load() {}', 'return ', ';', 'x', 'try { await load(4); } catch {}', 'let results = [];',
      'setTimeout(async () => { await load(5); });', '// async-lens-disable-next-line floating-promise\n',
    ];
    const body = [
      '  const all = Promise.all([load(0)]);', '  const results = [];', '  for (const x of xs) {', '    results.push(await load(x));', '  }',
      '  items.forEach(async (item) => { await load(item); });', "  emitter.on('data', async () => { await load(1); });",
      '  const text = readFileSync(xs[0]);', '  load(2);', '  void load(3);', '  await all;', '  setTimeout(async () => { await load(4); });',
      '  const n = results.length;', '  if (n > 1) { load(n); }', '  try { await load(5); } catch {}', '  const more = xs.map(async (x) => load(x));',
      '  await Promise.all(more);', '  return results;',
    ];
    const text = [
      'import { readFileSync } from "node:fs";',
      'declare const emitter: { on(e: string, f: () => Promise<void>): void };',
      'declare const items: number[];',
      'async function load(n: unknown) { return n; }',
      'async function main(xs: string[]) {',
      ...body,
      '}',
      '',
    ].join('\n');
    const reused = randomEditsMatchFullAnalysis(text, pieces, random, 600);
    assert.ok(reused > 1200, `only ${reused} units were reused`);
  });
});

/**
 * Applies `steps` random edits (a random span removed, one of `pieces` inserted) to `text`, and after
 * each asserts that the incremental analysis gives exactly the findings of a fresh one. Returns how
 * many units the incremental analyses reused, so that a caller can show the cache was used.
 */
function randomEditsMatchFullAnalysis(text: string, pieces: readonly string[], random: () => number, steps: number): number {
  const analyzer = new Analyzer(ts, RULES);
  let sourceFile = parsed(text);
  analyzer.analyze(sourceFile);
  let reused = 0;
  for (let step = 0; step < steps; step++) {
    const current = sourceFile.text;
    const start = Math.floor(random() * (current.length + 1));
    const remove = random() < 0.4 ? Math.min(Math.floor(random() * 12), current.length - start) : 0;
    const inserted = random() < 0.8 ? pieces[Math.floor(random() * pieces.length)]! : '';
    const change = { start, length: remove, text: inserted };
    sourceFile = edited(sourceFile, change);
    const result = analyzer.analyze(sourceFile);
    reused += result.stats.unitsReused;
    const full = new Analyzer(ts, RULES).analyze(parsed(sourceFile.text)).findings;
    assert.deepEqual(result.findings, full, `step ${step}: ${JSON.stringify(change)}\n${sourceFile.text}`);
  }
  return reused;
}

function findVariable(sourceFile: TS.SourceFile, name: string): TS.VariableStatement {
  let found: TS.VariableStatement | undefined;
  const visit = (node: TS.Node): void => {
    if (found) return;
    if (ts.isVariableStatement(node) && node.declarationList.declarations.some((d) => ts.isIdentifier(d.name) && d.name.text === name)) found = node;
    else node.forEachChild(visit);
  };
  visit(sourceFile);
  assert.ok(found, `${name} is declared`);
  return found;
}

function findFunction(sourceFile: TS.SourceFile, name: string): TS.FunctionDeclaration {
  let found: TS.FunctionDeclaration | undefined;
  const visit = (node: TS.Node): void => {
    if (found) return;
    if (ts.isFunctionDeclaration(node) && node.name?.text === name) found = node;
    else node.forEachChild(visit);
  };
  visit(sourceFile);
  if (!found) throw new Error(`no function ${name}`);
  return found;
}

function isWithin(node: TS.Node, ancestor: TS.Node): boolean {
  for (let current: TS.Node | undefined = node; current; current = current.parent) if (current === ancestor) return true;
  return false;
}

function countNodes(root: TS.Node): number {
  let count = 0;
  const visit = (node: TS.Node): void => {
    count += 1;
    node.forEachChild(visit);
  };
  visit(root);
  return count;
}

/** A small seeded PRNG, so a failure can be replayed. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('incremental analysis: fixes that edit outside their function', () => {
  it('recomputes a function whose fix adds an import, so the import lands where a fresh analysis puts it', () => {
    const text = [
      "import { readFileSync } from 'node:fs';",
      'function other() {',
      '  return 1;',
      '}',
      'async function main() {',
      "  return readFileSync('a');",
      '}',
      '',
    ].join('\n');
    const analyzer = new Analyzer(ts, RULES);
    const first = parsed(text);
    analyzer.analyze(first);
    const second = edited(first, { start: text.indexOf('1;'), length: 0, text: '100 + ' });
    const incremental = analyzer.analyze(second).findings;
    assert.ok(incremental.some((f) => f.rule === 'blocking-in-async' && f.fixes.length > 0), 'the rule offers its fix');
    assert.deepEqual(incremental, new Analyzer(ts, RULES).analyze(parsed(second.text)).findings);
  });
});
