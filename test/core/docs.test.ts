// Docs as tests: every "Incorrect" block of a rule doc yields exactly one finding of that rule,
// every "Correct" block none, and neither draws a finding of another rule.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../src/core';
import { analyzeText } from '../support/harness';

const DOCS = path.join(__dirname, '..', '..', 'docs', 'rules');

/** The sections whose blocks are run, and how many findings of the rule each block must yield. */
const EXPECTED: Readonly<Record<string, number>> = { Incorrect: 1, Correct: 0 };

/** Fence languages a block may use, and the file extension it is analysed as. */
const EXTENSIONS: Readonly<Record<string, string>> = {
  ts: 'ts',
  typescript: 'ts',
  tsx: 'tsx',
  mts: 'mts',
  cts: 'cts',
  js: 'js',
  javascript: 'js',
  jsx: 'jsx',
  mjs: 'mjs',
  cjs: 'cjs',
};

/** One fenced code block of a doc. */
interface CodeBlock {
  /** The `##` heading the block sits under. */
  section: string;
  /** 1-based position among the blocks of its section. */
  index: number;
  language: string;
  code: string;
  /** 1-based line of the opening fence in the doc. */
  line: number;
}

/** The fenced code blocks of a Markdown text, each with the `##` section it belongs to. */
function extractBlocks(markdown: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  const counts = new Map<string, number>();
  let section = '';
  let open: { fence: string; language: string; line: number; lines: string[] } | undefined;
  markdown.split(/\r?\n/).forEach((text, i) => {
    if (open) {
      if (text.trim() === open.fence) {
        const index = (counts.get(section) ?? 0) + 1;
        counts.set(section, index);
        blocks.push({ section, index, language: open.language, code: `${open.lines.join('\n')}\n`, line: open.line });
        open = undefined;
      } else {
        open.lines.push(text);
      }
      return;
    }
    const fence = /^(`{3,}|~{3,})\s*([\w-]*)/.exec(text);
    if (fence) {
      open = { fence: fence[1]!, language: fence[2]!.toLowerCase(), line: i + 1, lines: [] };
      return;
    }
    const heading = /^##\s+(.*?)\s*$/.exec(text);
    if (heading) section = heading[1]!;
  });
  return blocks;
}

/** A short label for a block: its first non-blank line. */
function firstLine(code: string): string {
  return code.split('\n').find((line) => line.trim().length > 0)?.trim() ?? '(empty)';
}

for (const rule of RULES) {
  const id = rule.meta.id;
  const docPath = path.join(DOCS, `${id}.md`);

  describe(`docs/rules/${id}.md`, () => {
    let markdown = '';
    try {
      markdown = readFileSync(docPath, 'utf8');
    } catch {
      // The conformance test reports the missing doc; here it is one failing test.
    }
    const blocks = extractBlocks(markdown).filter((block) => block.section in EXPECTED);

    it(`${id}: has code blocks under both "Incorrect" and "Correct"`, () => {
      assert.ok(markdown.length > 0, `${docPath} is missing or empty`);
      for (const section of Object.keys(EXPECTED)) {
        assert.ok(
          blocks.some((block) => block.section === section),
          `${id}.md has no code block under "## ${section}"`,
        );
      }
    });

    for (const block of blocks) {
      const expected = EXPECTED[block.section]!;
      it(`${id} ${block.section} #${block.index}: ${firstLine(block.code)}`, () => {
        const extension = EXTENSIONS[block.language];
        assert.ok(
          extension,
          `${id}.md:${block.line}: a block under "## ${block.section}" must be fenced as ts, tsx, js or jsx, not "${block.language}"`,
        );
        const findings = analyzeText(block.code, `example.${extension}`);
        const describeAll = findings.map((f) => `  ${f.line}:${f.column} ${f.rule} ${f.messageId}: ${f.message}`).join('\n');
        const own = findings.filter((f) => f.rule === id);
        assert.equal(
          own.length,
          expected,
          `${id}.md:${block.line} (${block.section} #${block.index}) should yield ${expected} finding(s) of ${id}, got ${own.length}:\n${describeAll || '  (none)'}\n--- block ---\n${block.code}`,
        );
        const others = findings.filter((f) => f.rule !== id);
        assert.equal(
          others.length,
          0,
          `${id}.md:${block.line} (${block.section} #${block.index}) teaches one rule but draws findings of others:\n${describeAll}`,
        );
      });
    }
  });
}
