// The async-lens command line (first cut: analyses the given files and prints findings).
import { readFileSync } from 'node:fs';
import * as ts from 'typescript';
import { Analyzer, parse, RULES } from '../core';

function main(argv: readonly string[]): number {
  const analyzer = new Analyzer(ts, RULES);
  let count = 0;
  for (const file of argv) {
    const parsed = parse(ts, file, readFileSync(file, 'utf8'));
    if (!('sourceFile' in parsed)) continue;
    for (const finding of analyzer.analyze(parsed.sourceFile).findings) {
      const { line, character } = parsed.sourceFile.getLineAndCharacterOfPosition(finding.start);
      process.stdout.write(`${file}:${line + 1}:${character + 1}  ${finding.severity}  ${finding.message}  ${finding.rule}\n`);
      count += 1;
    }
  }
  process.stderr.write(`${argv.length} files analysed, ${count} findings\n`);
  return count > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
