// One file, start to end: read it (skipping binary and oversized files), parse, analyse, apply
// safe fixes when asked, and turn findings into located diagnostics. Runs in-process or in a worker.
import { open, writeFile } from 'node:fs/promises';
import ts = require('typescript');
import * as path from 'node:path';
import { Analyzer, parse, RULES } from '../core';
import { isTestFile } from '../core/test-files';
import type { Finding, Fix, Severity, TextEdit } from '../core';
import type * as TS from 'typescript';
import { errorMessage, errorReason } from './errors';

/** Files larger than this are skipped: they are generated or bundled, not written by hand. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** A NUL byte this early means a binary file. */
const BINARY_PROBE_BYTES = 8 * 1024;
/** `--fix` re-analyses after each round of fixes; fixes that overlapped wait for the next round. */
const MAX_FIX_ROUNDS = 10;
/** Files read at once in one thread, so reading overlaps analysis. */
const READ_CONCURRENCY = 8;
const BOM = '\uFEFF';

/** What every file of a run is analysed with; plain data, so it can be handed to a worker. */
export interface RunSettings {
  rules: Record<string, Severity>;
  locale: string;
  fix: boolean;
  debug: boolean;
  /** Options of individual rules (`--blocking-call` entries for blocking-in-async). */
  ruleOptions: Record<string, unknown>;
  /** Run the rules that skip test files on test files too. */
  includeTestFiles: boolean;
  /** The working directory that test-file patterns are relative to. */
  cwd: string;
}

/** A finding located in 1-based lines and UTF-16 columns, with its first line for the code frame. */
export interface Diagnostic {
  rule: string;
  severity: Finding['severity'];
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The text of the finding's first line, without its line break. */
  lineText: string;
  /** The finding's fixes, located the same way (the SARIF report carries them). */
  fixes: LocatedFix[];
}

/** A fix with its edits in 1-based lines and UTF-16 columns. */
export interface LocatedFix {
  title: string;
  safety: Fix['safety'];
  edits: { line: number; column: number; endLine: number; endColumn: number; newText: string }[];
}

/** The outcome for one file. */
export interface FileResult {
  file: string;
  /** `analysed`: its findings are complete; otherwise `note` says why it was not analysed. */
  status: 'analysed' | 'skipped' | 'failed';
  diagnostics: Diagnostic[];
  /** Safe fixes applied and written back. */
  fixed: number;
  /** Why the file was skipped, how it failed, or why it was not fixed. */
  note?: string;
}

/** Analyses files with one analyzer (one per thread). */
export class FileAnalyser {
  private readonly analyzer: Analyzer;
  /** The rules skipped for test files (unless `includeTestFiles`). */
  private readonly testFileSkips: readonly string[];

  constructor(private readonly settings: RunSettings) {
    // Each file is analysed once: no statement-level cache.
    this.analyzer = new Analyzer(ts, RULES, {
      rules: settings.rules,
      locale: settings.locale,
      ruleOptions: settings.ruleOptions,
      incremental: false,
    });
    this.testFileSkips = settings.includeTestFiles ? [] : RULES.filter((rule) => rule.meta.skipsTestFiles).map((rule) => rule.meta.id);
  }

  /** Analyses files a few at a time; `onResult` hears of each as it completes. Never rejects. */
  async analyseAll(files: readonly string[], onResult?: (result: FileResult) => void): Promise<FileResult[]> {
    const results: FileResult[] = new Array<FileResult>(files.length);
    let next = 0;
    const lane = async (): Promise<void> => {
      while (next < files.length) {
        const index = next++;
        const result = await this.analyse(files[index]!);
        results[index] = result;
        onResult?.(result);
      }
    };
    await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, files.length) }, lane));
    return results;
  }

  /** Analyses one file. Never rejects: a failure becomes a `failed` result with a note. */
  async analyse(file: string): Promise<FileResult> {
    try {
      return await this.analyseOrThrow(file);
    } catch (error) {
      const detail = this.settings.debug && error instanceof Error && error.stack ? error.stack : errorMessage(error);
      return { file, status: 'failed', diagnostics: [], fixed: 0, note: detail };
    }
  }

  private async analyseOrThrow(file: string): Promise<FileResult> {
    const read = await readSource(file);
    if ('skipped' in read) return { file, status: 'skipped', diagnostics: [], fixed: 0, note: read.skipped };
    const hasBom = read.text.startsWith(BOM);
    let text = hasBom ? read.text.slice(1) : read.text;
    const parsed = parse(ts, file, text);
    if (!('sourceFile' in parsed)) {
      return { file, status: 'skipped', diagnostics: [], fixed: 0, note: parsed.skipped };
    }
    let sourceFile = parsed.sourceFile;
    const fileOptions = { skipRules: this.skipRulesFor(file) };
    let findings = this.analyzer.analyze(sourceFile, fileOptions).findings;
    let fixed = 0;
    let note: string | undefined;
    if (this.settings.fix && findings.some((finding) => safeFixOf(finding))) {
      if (!Buffer.from(read.text, 'utf8').equals(read.bytes)) {
        // Writing back decoded text would replace the bytes that are not UTF-8.
        note = 'it is not valid UTF-8';
      } else {
        const lineBreak = text.includes('\r\n') ? '\r\n' : '\n';
        for (let round = 0; round < MAX_FIX_ROUNDS; round++) {
          const fixes = chooseFixes(findings);
          if (fixes.length === 0) break;
          const edits = fixes.flatMap((fix) => fix.edits);
          const fixedText = applyEdits(text, edits, lineBreak);
          const reparsed = parse(ts, file, fixedText);
          if (!('sourceFile' in reparsed)) break;
          text = fixedText;
          sourceFile = reparsed.sourceFile;
          findings = this.analyzer.analyze(sourceFile, fileOptions).findings;
          fixed += fixes.length;
        }
        if (fixed > 0) await writeFile(file, hasBom ? BOM + text : text, 'utf8');
      }
    }
    const result: FileResult = { file, status: 'analysed', diagnostics: findings.map((f) => locate(sourceFile, f)), fixed };
    if (note) result.note = note;
    return result;
  }

  /** The rules to skip for `file`: those that skip test files, when it is one. */
  private skipRulesFor(file: string): readonly string[] {
    if (this.testFileSkips.length === 0) return [];
    const relative = path.relative(this.settings.cwd, path.resolve(this.settings.cwd, file)).split(path.sep).join('/');
    return isTestFile(relative) ? this.testFileSkips : [];
  }
}

type ReadResult = { text: string; bytes: Buffer } | { skipped: string };

async function readSource(file: string): Promise<ReadResult> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    return { skipped: `cannot read it (${errorReason(error)})` };
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) return { skipped: 'not a regular file' };
    if (stats.size > MAX_FILE_BYTES) return { skipped: `larger than ${MAX_FILE_BYTES / 1024 / 1024} MB` };
    const bytes = await handle.readFile();
    if (bytes.subarray(0, BINARY_PROBE_BYTES).includes(0)) return { skipped: 'binary file' };
    return { text: bytes.toString('utf8'), bytes };
  } catch (error) {
    return { skipped: `cannot read it (${errorReason(error)})` };
  } finally {
    await handle.close();
  }
}

/** The safe fix of a finding, preferring the preferred one. */
function safeFixOf(finding: Finding): Fix | undefined {
  const safe = finding.fixes.filter((fix) => fix.safety === 'safe');
  return safe.find((fix) => fix.isPreferred) ?? safe[0];
}

/** One safe fix per finding, in order, leaving out any that touches an edit already chosen. */
function chooseFixes(findings: readonly Finding[]): Fix[] {
  const chosen: Fix[] = [];
  const taken: TextEdit[] = [];
  for (const finding of findings) {
    const fix = safeFixOf(finding);
    if (!fix || fix.edits.length === 0) continue;
    if (fix.edits.some((edit) => taken.some((other) => touches(edit, other)))) continue;
    chosen.push(fix);
    taken.push(...fix.edits);
  }
  return chosen;
}

/** Edits that overlap or meet; two insertions at one offset would have no defined order. */
function touches(a: TextEdit, b: TextEdit): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/** Applies non-overlapping edits, last first, with line breaks in the file's own style. */
function applyEdits(text: string, edits: readonly TextEdit[], lineBreak: string): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start || b.end - a.end)) {
    result = result.slice(0, edit.start) + edit.newText.replace(/\r?\n/g, lineBreak) + result.slice(edit.end);
  }
  return result;
}

function locate(sourceFile: TS.SourceFile, finding: Finding): Diagnostic {
  const start = sourceFile.getLineAndCharacterOfPosition(finding.start);
  const end = sourceFile.getLineAndCharacterOfPosition(finding.end);
  const lineStarts = sourceFile.getLineStarts();
  const lineStart = lineStarts[start.line] ?? 0;
  const lineEnd = lineStarts[start.line + 1] ?? sourceFile.text.length;
  return {
    rule: finding.rule,
    severity: finding.severity,
    message: finding.message,
    line: start.line + 1,
    column: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
    lineText: sourceFile.text.slice(lineStart, lineEnd).replace(/[\r\n\u2028\u2029]+$/, ''),
    fixes: finding.fixes.map((fix) => ({
      title: fix.title,
      safety: fix.safety,
      edits: fix.edits.map((edit) => {
        const from = sourceFile.getLineAndCharacterOfPosition(edit.start);
        const to = sourceFile.getLineAndCharacterOfPosition(edit.end);
        return { line: from.line + 1, column: from.character + 1, endLine: to.line + 1, endColumn: to.character + 1, newText: edit.newText };
      }),
    })),
  };
}

