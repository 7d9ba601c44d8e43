// The async-lens command line: finds the files, analyses them (in-process or on workers), applies
// safe fixes with --fix, and reports in text or JSON. Exit 0 clean, 1 findings, 2 usage or run failure.
import { readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { LESSON_IDS, LESSON_SUBJECTS, lessonIdFor, lessonMarkdown } from '../core/lessons';
import { repositoryUrl, ruleDocFolder } from '../server/rule-docs';
import type { FileResult, RunSettings } from './analyse-file';
import { parseOptions, ruleIds, USAGE, UsageError } from './args';
import type { CliOptions } from './args';
import { effectiveOptions, loadCliConfig } from './config';
import { errorMessage, errorReason } from './errors';
import { discoverFiles, displayPath } from './files';
import { formatGithub } from './github';
import { Progress } from './progress';
import { count, formatJson, formatText, sortDiagnostics, summarise } from './report';
import type { ReportedDiagnostic } from './report';
import { analyseFiles, chooseWorkerCount, WORKERS_VARIABLE } from './run';
import { formatSarif } from './sarif';

/** The package root: the bundle lives in `dist/`. */
const PACKAGE_ROOT = path.join(__dirname, '..');

/** Runs the command line and resolves to the exit code. Never rejects. */
async function main(argv: readonly string[]): Promise<number> {
  const debug = argv.includes('--debug');
  try {
    return await run(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      warn(error.message);
      return 2;
    }
    if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    else warn(errorMessage(error));
    return 2;
  }
}

async function run(argv: readonly string[]): Promise<number> {
  const options = parseOptions(argv);
  if (options.help) return emit(options, USAGE).then(() => 0);
  if (options.version) return emit(options, `${await packageVersion()}\n`).then(() => 0);
  if (options.explain !== undefined) return explain(options, options.explain);

  const cwd = process.cwd();
  const effective = effectiveOptions(options, await loadCliConfig(options, cwd));
  const discovery = await discoverFiles(options.paths.length > 0 ? options.paths : ['.'], cwd);
  for (const note of discovery.notes) warn(note);
  // The config's ignores apply to named files too, so hooks that pass staged files honour them.
  const files = discovery.files.filter((file) => !effective.isIgnored(file));
  const workers = chooseWorkerCount(files.length, process.env[WORKERS_VARIABLE]);
  if (options.debug) {
    warn(`debug: ${count(files.length, 'file', 'files')}, ${workers > 0 ? count(workers, 'worker', 'workers') : 'in-process'}`);
  }

  const settings: RunSettings = {
    rules: effective.rules,
    locale: options.locale,
    fix: options.fix,
    debug: options.debug,
    ruleOptions: effective.blockingCalls.length > 0 ? { 'blocking-in-async': { additions: effective.blockingCalls } } : {},
    includeTestFiles: effective.includeTestFiles,
    cwd,
  };
  const progress = new Progress(process.stderr, files.length);
  let results: FileResult[];
  try {
    results = await analyseFiles(files, settings, workers, () => progress.tick());
  } finally {
    progress.clear();
  }

  const diagnostics: ReportedDiagnostic[] = [];
  let analysed = 0;
  let fixedProblems = 0;
  let fixedFiles = 0;
  for (const result of results) {
    const shown = displayPath(result.file, cwd);
    if (result.status === 'analysed') analysed += 1;
    if (result.note !== undefined) warn(`${noteVerb(result)} ${shown}: ${result.note}`);
    if (result.fixed > 0) {
      fixedProblems += result.fixed;
      fixedFiles += 1;
    }
    for (const diagnostic of result.diagnostics) diagnostics.push({ ...diagnostic, file: shown });
  }
  if (results.length > 0 && results.every((result) => result.status === 'failed')) {
    warn('the analysis failed on every file');
    return 2;
  }
  sortDiagnostics(diagnostics);
  if (options.fix) {
    process.stderr.write(
      fixedProblems > 0
        ? `Fixed ${count(fixedProblems, 'problem', 'problems')} in ${count(fixedFiles, 'file', 'files')}.\n`
        : 'No safe fixes to apply.\n',
    );
  }
  if (analysed === 0) {
    warn(
      results.length === 0
        ? 'warning: no file was analysed (no .ts, .tsx, .mts, .cts, .js, .jsx, .mjs or .cjs file found)'
        : 'warning: no file was analysed (every file was skipped)',
    );
  }

  const counts = { analysed, skipped: results.length - analysed };
  if (options.format !== 'text') {
    const report =
      options.format === 'json'
        ? formatJson(diagnostics)
        : options.format === 'github'
          ? formatGithub(diagnostics, counts)
          : formatSarif(diagnostics, { version: await packageVersion(), repository: repositoryUrl(PACKAGE_ROOT) }, cwd);
    await emit(options, report);
    process.stderr.write(`${summarise(diagnostics, counts)}\n`);
  } else {
    const colour = options.output === undefined && process.stdout.isTTY === true && !process.env.NO_COLOR;
    await emit(options, formatText(diagnostics, counts, colour));
  }
  return exitCode(diagnostics, options.maxWarnings);
}

/** 1 when there is an error, or more warnings than allowed (none without `--max-warnings`). */
function exitCode(diagnostics: readonly ReportedDiagnostic[], maxWarnings: number | undefined): number {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  return errors > 0 || warnings > (maxWarnings ?? 0) ? 1 : 0;
}

/** `--explain <id>`: prints the rule's doc, or a lesson (`Promise.race`, `await`, `lesson.promise-race`), in the `--locale` language. */
async function explain(options: CliOptions, id: string): Promise<number> {
  const ids = ruleIds();
  const lesson = ids.includes(id) ? undefined : lessonIdFor(id);
  if (lesson) {
    await emit(options, `${lessonMarkdown(lesson, options.locale)}\n`);
    return 0;
  }
  if (!ids.includes(id)) {
    const lessons = LESSON_IDS.map((known) => LESSON_SUBJECTS[known]).join(', ');
    throw new UsageError(`unknown rule or lesson '${id}' for --explain; valid rules: ${ids.join(', ')}; valid lessons: ${lessons}`);
  }
  const docPath = path.join(PACKAGE_ROOT, ruleDocFolder(options.locale), `${id}.md`);
  let doc: string;
  try {
    doc = await readFile(docPath, 'utf8');
  } catch (error) {
    throw new Error(`no documentation for ${id} at ${docPath} (${errorReason(error)})`);
  }
  await emit(options, doc.endsWith('\n') ? doc : `${doc}\n`);
  return 0;
}

/** Writes the report to `--output` or stdout. */
async function emit(options: CliOptions, text: string): Promise<void> {
  if (options.output === undefined) {
    process.stdout.write(text);
    return;
  }
  try {
    await writeFile(options.output, text, 'utf8');
  } catch (error) {
    throw new Error(`cannot write ${options.output} (${errorReason(error)})`);
  }
}

async function packageVersion(): Promise<string> {
  const manifest = JSON.parse(await readFile(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version?: string };
  return manifest.version ?? 'unknown';
}

function noteVerb(result: FileResult): string {
  if (result.status === 'skipped') return 'skipped';
  if (result.status === 'failed') return 'failed on';
  return 'not fixed';
}

/** One line on stderr, prefixed with the program's name. */
function warn(message: string): void {
  process.stderr.write(`async-lens: ${message}\n`);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 2;
  },
);
