// Editor latency after a one-character edit in DESIGN's 46k-line file (a cut of typescript's
// lib/typescript.js: the IIFE's first inner statements up to about 46k lines, closed so it
// parses), side by side with `ts.updateSourceFile` alone on the same edits.
//   in-process: the server's document module (OpenDocument: merge the change, update the tree,
//               analyse, convert to LSP diagnostics), no protocol;
//   stdio:      the built server (`dist/server.js --stdio`, debounce 0), from didChange written
//               to publishDiagnostics received.
// Usage: node bench/corpora.mjs typescript && npm run build && npx tsx bench/editor-latency.ts
import { readFileSync } from 'node:fs';
import { access } from 'node:fs/promises';
import * as path from 'node:path';
import ts = require('typescript');
import type * as TS from 'typescript';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analyzer, parse, RULES, update } from '../src/core';
import { toDiagnostic } from '../src/server/convert';
import { OpenDocument } from '../src/server/open-document';
import { LspClient } from '../test/server/harness';

const CORPUS = path.join(__dirname, 'corpora', 'typescript-6.0.3', 'lib', 'typescript.js');
const TARGET_LINES = 46_000;
/** Edits per position: half insert a character, half delete it again. */
const EDITS = 30;
const WARMUP = 6;
const REPOSITORY = 'https://github.com/async-lens/async-lens';

/** The 46k-line cut: the IIFE's leading statements, then its closing text. */
export function buildFile(): string {
  const source = readFileSync(CORPUS, 'utf8');
  const tree = ts.createSourceFile('typescript.js', source, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  let body: TS.Block | undefined;
  const find = (node: TS.Node): void => {
    if (body) return;
    if (ts.isArrowFunction(node) && ts.isBlock(node.body) && node.body.statements.length > 1000) body = node.body;
    else node.forEachChild(find);
  };
  find(tree);
  if (!body) throw new Error('no IIFE found in typescript.js');
  let last = body.statements[0]!;
  for (const statement of body.statements) {
    if (tree.getLineAndCharacterOfPosition(statement.end).line > TARGET_LINES) break;
    last = statement;
  }
  return `${source.slice(0, last.end)}\n${source.slice(body.end - 1)}`;
}

interface Position {
  name: string;
  /** Where 'x' is inserted (the end of an identifier), then deleted. */
  offset: number;
}

/** Start, middle, end, inside a small function and inside the biggest one. */
function choosePositions(text: string): Position[] {
  const tree = ts.createSourceFile('cut.js', text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const identifiers: TS.Identifier[] = [];
  const functions: TS.FunctionDeclaration[] = [];
  const walk = (node: TS.Node): void => {
    if (ts.isIdentifier(node)) identifiers.push(node);
    if (ts.isFunctionDeclaration(node) && node.body) functions.push(node);
    node.forEachChild(walk);
  };
  walk(tree);
  const lineOf = (offset: number): number => tree.getLineAndCharacterOfPosition(offset).line;
  const identifierAfter = (offset: number): number => identifiers.find((id) => id.getStart(tree) >= offset)!.end;
  const lines = lineOf(text.length);
  const middleOf = (fn: TS.FunctionDeclaration): number => (fn.body!.getStart(tree) + fn.body!.end) >> 1;
  const size = (fn: TS.FunctionDeclaration): number => lineOf(fn.end) - lineOf(fn.getStart(tree));
  const small = functions.filter((fn) => size(fn) >= 3 && size(fn) <= 8 && lineOf(fn.pos) > lines / 2)[0]!;
  const big = functions.reduce((a, b) => (size(b) > size(a) ? b : a));
  return [
    { name: 'start', offset: identifierAfter(tree.getPositionOfLineAndCharacter(10, 0)) },
    { name: 'middle', offset: identifierAfter(tree.getPositionOfLineAndCharacter(lines >> 1, 0)) },
    { name: 'end', offset: identifierAfter(tree.getPositionOfLineAndCharacter(lines - 40, 0)) },
    { name: `small fn (${size(small)} lines)`, offset: identifierAfter(middleOf(small)) },
    { name: `big fn (${size(big)} lines)`, offset: identifierAfter(middleOf(big)) },
  ];
}

/** The i-th edit at a position: even ones insert 'x', odd ones delete it. */
function editAt(position: Position, index: number): { start: number; length: number; text: string } {
  return index % 2 === 0 ? { start: position.offset, length: 0, text: 'x' } : { start: position.offset, length: 1, text: '' };
}

function stats(samples: readonly number[]): { median: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { median: at(0.5), p95: at(0.95) };
}

/** `ts.updateSourceFile` alone (through the core's `update`, one change range) on the edits. */
function measureUpdateOnly(text: string, position: Position): number[] {
  const parsed = parse(ts, 'cut.js', text);
  if (!('sourceFile' in parsed)) throw new Error('the cut does not parse');
  let tree = parsed.sourceFile;
  const samples: number[] = [];
  for (let index = 0; index < WARMUP + EDITS; index++) {
    const t0 = performance.now();
    const result = update(ts, tree, [editAt(position, index)]);
    const elapsed = performance.now() - t0;
    if (!('sourceFile' in result)) throw new Error('update failed');
    tree = result.sourceFile;
    if (index >= WARMUP) samples.push(elapsed);
  }
  return samples;
}

/** The server's document module: didChange (LSP ranges) to LSP diagnostics. */
function measureServerModule(text: string, position: Position): { samples: number[]; findings: number } {
  const document = new OpenDocument('file:///bench/cut.js', 'javascript', 1, text, new Analyzer(ts, RULES));
  const options = { maxFileSize: Number.MAX_SAFE_INTEGER, skipRules: [] };
  document.analyse(options);
  const samples: number[] = [];
  let findings = 0;
  for (let index = 0; index < WARMUP + EDITS; index++) {
    const edit = editAt(position, index);
    const range = { start: document.text.positionAt(edit.start), end: document.text.positionAt(edit.start + edit.length) };
    const t0 = performance.now();
    document.applyChanges([{ range, text: edit.text }], document.version + 1);
    const analysis = document.analyse(options);
    const diagnostics = 'findings' in analysis ? analysis.findings.map((finding) => toDiagnostic(finding, document.text, REPOSITORY)) : [];
    const elapsed = performance.now() - t0;
    findings = diagnostics.length;
    if (index >= WARMUP) samples.push(elapsed);
  }
  return { samples, findings };
}

/** The built server over stdio: didChange written to publishDiagnostics of that version. */
async function measureStdio(text: string, positions: readonly Position[]): Promise<Map<string, number[]>> {
  const client = await LspClient.start({ debounceMs: 0, maxFileSize: 100_000_000 });
  const results = new Map<string, number[]>();
  try {
    const uri = 'file:///bench/cut.js';
    await client.open(uri, text, 1, 'javascript');
    await client.waitForDiagnostics(uri, () => true, 0, 60_000);
    let version = 1;
    // The client's copy of the text, to turn offsets into LSP ranges.
    const mirror = TextDocument.create(uri, 'javascript', 1, text);
    for (const position of positions) {
      const samples: number[] = [];
      for (let index = 0; index < WARMUP + EDITS; index++) {
        const edit = editAt(position, index);
        const range = { start: mirror.positionAt(edit.start), end: mirror.positionAt(edit.start + edit.length) };
        TextDocument.update(mirror, [{ range, text: edit.text }], ++version);
        const from = client.count(uri);
        const expected = version;
        const t0 = performance.now();
        const published = client.waitForDiagnostics(uri, (params) => params.version === expected, from, 60_000);
        await client.change(uri, version, [{ range, text: edit.text }]);
        await published;
        const elapsed = performance.now() - t0;
        if (index >= WARMUP) samples.push(elapsed);
      }
      results.set(position.name, samples);
    }
  } finally {
    await client.stop();
  }
  return results;
}

function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

const ms = (value: number): string => value.toFixed(1).padStart(7);

async function main(): Promise<void> {
  if (!(await exists(CORPUS))) throw new Error('run `node bench/corpora.mjs typescript` first');
  const text = buildFile();
  const lineCount = text.split('\n').length;
  const positions = choosePositions(text);
  console.log(`editor latency: ${lineCount} lines, ${(text.length / 1e6).toFixed(2)} MB, ${EDITS} one-character edits per position (after ${WARMUP} warm-up)`);
  const rows: string[][] = [];
  const all = { update: [] as number[], server: [] as number[] };
  let findings = 0;
  for (const position of positions) {
    const updateOnly = measureUpdateOnly(text, position);
    const server = measureServerModule(text, position);
    findings = server.findings;
    all.update.push(...updateOnly);
    all.server.push(...server.samples);
    rows.push(row(position.name, updateOnly, server.samples));
  }
  rows.push(row('all', all.update, all.server));
  console.log(`\nin-process (document module: merge change, update tree, analyse, ${findings} diagnostics converted)`);
  printTable(rows);

  if ((await exists(path.join(__dirname, '..', 'dist', 'server.js'))) && !process.argv.includes('--no-stdio')) {
    const stdio = await measureStdio(text, positions);
    console.log('\nover stdio (dist/server.js, debounce 0): didChange -> publishDiagnostics, ms');
    console.log(`${'position'.padEnd(22)} ${'median'.padStart(7)} ${'p95'.padStart(7)}`);
    const every: number[] = [];
    for (const [name, samples] of stdio) {
      every.push(...samples);
      const s = stats(samples);
      console.log(`${name.padEnd(22)} ${ms(s.median)} ${ms(s.p95)}`);
    }
    const s = stats(every);
    console.log(`${'all'.padEnd(22)} ${ms(s.median)} ${ms(s.p95)}`);
  }
  console.log('\ntarget (DESIGN): findings within 60 ms, and within 1.3x of ts.updateSourceFile alone');
}

function row(name: string, updateOnly: readonly number[], server: readonly number[]): string[] {
  const u = stats(updateOnly);
  const s = stats(server);
  return [name, ms(u.median), ms(u.p95), ms(s.median), ms(s.p95), `${(s.median / u.median).toFixed(2)}x`.padStart(6)];
}

function printTable(rows: readonly string[][]): void {
  console.log(`${'position'.padEnd(22)} ${'updateSourceFile'.padStart(15)}     ${'server module'.padStart(15)}     ratio`);
  console.log(`${''.padEnd(22)} ${'median'.padStart(7)} ${'p95'.padStart(7)}  ${'median'.padStart(7)} ${'p95'.padStart(7)}  (median)`);
  for (const [name, ...cells] of rows) console.log(`${name!.padEnd(22)} ${cells[0]} ${cells[1]}  ${cells[2]} ${cells[3]}  ${cells[4]}`);
}

if (require.main === module) main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
