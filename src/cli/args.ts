// Command-line arguments: parsed with `node:util` `parseArgs` into a typed options object.
import { parseArgs } from 'node:util';
import { RULES } from '../core';
import type { Severity } from '../core';
import { LOCALES } from '../core/messages';
import type { Locale } from '../core/messages';
import { parseBlockingCall } from '../core/rules/blocking-in-async';

/** The report formats this build can write. */
export type OutputFormat = 'text' | 'json' | 'sarif' | 'github';

/** Everything the command line asks for. */
export interface CliOptions {
  format: OutputFormat;
  /** Where the report goes instead of stdout. */
  output: string | undefined;
  /** `--config <file>`: the config to use instead of looking for one. */
  config: string | undefined;
  /** Severities from `--rule id=severity`, the last one of an id winning. */
  rules: Record<string, Severity>;
  fix: boolean;
  /** Exit 1 only above this many warnings (errors always fail). */
  maxWarnings: number | undefined;
  /** The language of messages and of `--explain`. */
  locale: Locale;
  /** A rule id whose doc, or a lesson (`Promise.race`, `await`) to print instead of analysing. */
  explain: string | undefined;
  /** Analyse test files with the rules that skip them by default (`--include-test-files`). */
  includeTestFiles: boolean;
  /** `--blocking-call 'module.call -> replacement'` entries, validated, for blocking-in-async. */
  blockingCalls: string[];
  debug: boolean;
  help: boolean;
  version: boolean;
  paths: string[];
}

/** A mistake on the command line: reported in one line, exit 2. */
export class UsageError extends Error {}

/** The locales `--locale` accepts: those the core has a catalog for. */
export const ACCEPTED_LOCALES: readonly Locale[] = LOCALES;

const SEVERITIES: readonly Severity[] = ['off', 'info', 'warning', 'error'];

const FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif', 'github'];

/** The `--help` text. */
export const USAGE = `Usage: async-lens [options] [paths...]

Finds mistakes in asynchronous TypeScript and JavaScript and explains each one.
Directories are walked for .ts .tsx .mts .cts .js .jsx .mjs .cjs files (not .d.ts),
honouring .gitignore and skipping node_modules; no path means the current directory.

Options:
  --format text|json|sarif|github
                           report format (default: text); sarif is SARIF 2.1.0, github
                           prints GitHub Actions annotations
  --output <file>          write the report to a file instead of stdout
  --config <file>          use this config file instead of the nearest
                           async-lens.config.json or package.json "asyncLens" key
  --rule <id>=<severity>   set a rule's severity: off, info, warning or error (repeatable)
  --fix                    apply safe fixes to the files, then report what is left
  --max-warnings <n>       exit 1 only when there are more than n warnings (or any error)
  --locale en|zh-cn        language of messages and --explain (default: en)
  --explain <id>           print the documentation of a rule, or the lesson on
                           Promise.all, Promise.allSettled, Promise.race, Promise.any or await
  --include-test-files     also run rules that skip test files by default (blocking-in-async)
                           on *.test.*, *.spec.*, test/, tests/ and __tests__/
  --blocking-call '<module>.<call> -> <replacement>'
                           one more blocking call for blocking-in-async (repeatable)
  --debug                  print stack traces and run details on stderr
  -h, --help               print this help
  --version                print the version

Exit codes: 0 no finding at or above warning, 1 findings, 2 usage error or failed run.
`;

/** Parses the arguments after `node cli.js`. Throws `UsageError` for anything malformed. */
export function parseOptions(argv: readonly string[]): CliOptions {
  let values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string' },
        output: { type: 'string' },
        config: { type: 'string' },
        project: { type: 'string' },
        rule: { type: 'string', multiple: true },
        fix: { type: 'boolean' },
        'max-warnings': { type: 'string' },
        locale: { type: 'string' },
        explain: { type: 'string' },
        'include-test-files': { type: 'boolean' },
        'blocking-call': { type: 'string', multiple: true },
        debug: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
      },
    }));
  } catch (error) {
    // parseArgs explains how to pass a path that starts with '-' in a second sentence; one is enough.
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(lowerFirst(message.split(/\. /)[0] ?? message));
  }
  if (values.project !== undefined) {
    throw new UsageError('--project is not yet supported (the project tier comes with the typed-tiers issue)');
  }
  return {
    format: parseFormat(values.format),
    output: values.output,
    config: values.config,
    rules: parseRules(values.rule ?? []),
    fix: values.fix ?? false,
    maxWarnings: parseMaxWarnings(values['max-warnings']),
    locale: parseLocale(values.locale),
    explain: values.explain,
    includeTestFiles: values['include-test-files'] ?? false,
    blockingCalls: parseBlockingCalls(values['blocking-call'] ?? []),
    debug: values.debug ?? false,
    help: values.help ?? false,
    version: values.version ?? false,
    paths: positionals,
  };
}

/** The ids of every rule, for messages that list them. */
export function ruleIds(): string[] {
  return RULES.map((rule) => rule.meta.id);
}

function parseFormat(value: string | undefined): OutputFormat {
  if (value === undefined) return 'text';
  const format = FORMATS.find((known) => known === value);
  if (format === undefined) throw new UsageError(`unknown format '${value}'; valid formats: ${FORMATS.join(', ')}`);
  return format;
}

function parseRules(entries: readonly string[]): Record<string, Severity> {
  const rules: Record<string, Severity> = {};
  const ids = ruleIds();
  for (const entry of entries) {
    const match = /^([^=]+)=(.*)$/.exec(entry);
    if (!match) throw new UsageError(`--rule ${entry}: expected <id>=<severity>; valid rules: ${ids.join(', ')}`);
    const [, id = '', severity = ''] = match;
    if (!ids.includes(id)) throw new UsageError(`unknown rule '${id}' in --rule ${entry}; valid rules: ${ids.join(', ')}`);
    if (!isSeverity(severity)) {
      throw new UsageError(`unknown severity '${severity}' in --rule ${entry}; valid severities: ${SEVERITIES.join(', ')}`);
    }
    rules[id] = severity;
  }
  return rules;
}

function parseBlockingCalls(entries: readonly string[]): string[] {
  for (const entry of entries) {
    const parsed = parseBlockingCall(entry);
    if (typeof parsed === 'string') throw new UsageError(`--blocking-call ${parsed}`);
  }
  return [...entries];
}

function parseMaxWarnings(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`--max-warnings ${value}: expected a whole number of 0 or more`);
  return Number(value);
}

function parseLocale(value: string | undefined): Locale {
  if (value === undefined) return 'en';
  const locale = ACCEPTED_LOCALES.find((accepted) => accepted === value.toLowerCase());
  if (locale === undefined) throw new UsageError(`unknown locale '${value}'; valid locales: ${ACCEPTED_LOCALES.join(', ')}`);
  return locale;
}

function isSeverity(value: string): value is Severity {
  return (SEVERITIES as readonly string[]).includes(value);
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
