// In-process: time of parsing every file against parsing plus analysing it (warm, one thread).
// Usage: npx tsx bench/analyze-overhead.ts <dir>
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts = require('typescript');
import { Analyzer, parse, RULES } from '../src/core';

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (/\.[cm]?[tj]sx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) yield path;
  }
}

const texts = [...files(process.argv[2]!)].map((file) => [file, readFileSync(file, 'utf8')] as const);
const analyzer = new Analyzer(ts, RULES);
for (let round = 0; round < 3; round++) {
  let parseMs = 0;
  let analyzeMs = 0;
  let findings = 0;
  for (const [file, text] of texts) {
    const t0 = performance.now();
    const parsed = parse(ts, file, text);
    const t1 = performance.now();
    if ('sourceFile' in parsed) findings += analyzer.analyze(parsed.sourceFile).findings.length;
    analyzeMs += performance.now() - t1;
    parseMs += t1 - t0;
  }
  console.log(`round ${round}: ${texts.length} files, parse ${parseMs.toFixed(0)} ms, analyse ${analyzeMs.toFixed(0)} ms (${(analyzeMs / parseMs).toFixed(2)}x of parse), ${findings} findings`);
}
