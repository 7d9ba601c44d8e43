// One analysis per parsed file, shared by the plugin's five rules: the core runs every rule once
// over the TypeScript SourceFile the parser built, and each ESLint rule reports its own findings.
import ts = require('typescript');
import type { Rule as ESLintRule } from 'eslint';
import * as path from 'node:path';
import type * as TS from 'typescript';
import { ConfigError, createIgnoreFilter, loadConfig } from '../config';
import { Analyzer, RULES } from '../core';
import type { Finding } from '../core';
import { scriptKindOf } from '../core/document';
import { isTestFile } from '../core/test-files';
import { readSettings } from './settings';
import type { PluginSettings } from './settings';

/** What one rule needs to report: the findings of every rule, and the locale they are worded in. */
export interface FileAnalysis {
  findings: readonly Finding[];
  locale: PluginSettings['locale'];
}

/** An analysis made for one settings object and file name (the same for every rule of a file). */
interface CacheEntry {
  settings: object | undefined;
  filename: string;
  analysis: FileAnalysis;
}

/** The prototype of SourceFiles this `typescript` builds; another build's trees use other kinds. */
const SOURCE_FILE_PROTOTYPE: unknown = Object.getPrototypeOf(ts.createSourceFile('probe.ts', '', ts.ScriptTarget.Latest));

/** Analyses files for the plugin's rules, each file once. */
export class Analyses {
  /** Keyed by the parser's SourceFile, or by ESLint's AST when the plugin parsed the file itself. */
  private readonly cache = new WeakMap<object, CacheEntry[]>();
  /** One analyzer per set of options, so its cache of unchanged functions serves every file. */
  private readonly analyzers = new Map<string, Analyzer>();

  /** The analysis of the file a rule is linting; made by the first rule that asks. */
  get(context: ESLintRule.RuleContext): FileAnalysis {
    const sourceCode = context.sourceCode;
    const parsed = parserSourceFile(sourceCode);
    const key: object = parsed ?? sourceCode.ast;
    const filename = context.filename;
    const entries = this.cache.get(key) ?? [];
    const cached = entries.find((entry) => entry.settings === context.settings && entry.filename === filename);
    if (cached) return cached.analysis;
    const analysis = this.analyse(context, parsed);
    entries.push({ settings: context.settings, filename, analysis });
    this.cache.set(key, entries);
    return analysis;
  }

  private analyse(context: ESLintRule.RuleContext, parsed: TS.SourceFile | undefined): FileAnalysis {
    const settings = readSettings(context.settings);
    // The file on disk decides the config and whether it is a test file; a processor's code
    // block (`README.md/0.ts`) is parsed by its own name.
    const absolute = path.resolve(context.cwd, context.physicalFilename ?? context.filename);
    const config = loadFileConfig(absolute, context.cwd);
    if (config && createIgnoreFilter(config)(absolute)) return { findings: [], locale: settings.locale };
    const blockingCalls = [...(config?.options.blockingCalls ?? []), ...settings.blockingCalls];
    const includeTestFiles = settings.includeTestFiles ?? config?.options.includeTestFiles ?? false;
    const relative = path.relative(context.cwd, absolute).split(path.sep).join('/');
    const skipRules =
      !includeTestFiles && isTestFile(relative) ? RULES.filter((rule) => rule.meta.skipsTestFiles).map((rule) => rule.meta.id) : [];
    const sourceFile = parsed ?? ownParse(context.filename, context.sourceCode.text);
    if (!sourceFile) return { findings: [], locale: settings.locale };
    const analyzer = this.analyzer(settings, blockingCalls);
    return { findings: analyzer.analyze(sourceFile, { skipRules }).findings, locale: settings.locale };
  }

  private analyzer(settings: PluginSettings, blockingCalls: readonly string[]): Analyzer {
    const key = JSON.stringify([settings.locale, settings.checkThenables, blockingCalls]);
    let analyzer = this.analyzers.get(key);
    if (!analyzer) {
      // Every rule runs at its default severity: ESLint's own rule config decides what is shown.
      analyzer = new Analyzer(ts, RULES, {
        locale: settings.locale,
        checkThenables: settings.checkThenables,
        ruleOptions: { 'blocking-in-async': { additions: blockingCalls } },
        // ESLint parses every lint afresh: no node survives to be reused.
        incremental: false,
      });
      this.analyzers.set(key, analyzer);
    }
    return analyzer;
  }
}

/**
 * The SourceFile `@typescript-eslint/parser` built, when it was built by the same `typescript`
 * as the plugin's: syntax kind numbers differ between builds, so a tree from another one (or no
 * tree, with another parser) is parsed again here rather than misread.
 */
function parserSourceFile(sourceCode: ESLintRule.RuleContext['sourceCode']): TS.SourceFile | undefined {
  const map = (sourceCode.parserServices as { esTreeNodeToTSNodeMap?: { get(node: unknown): unknown } } | undefined)
    ?.esTreeNodeToTSNodeMap;
  const node = map?.get(sourceCode.ast);
  if (node === undefined || node === null || Object.getPrototypeOf(node) !== SOURCE_FILE_PROTOTYPE) return undefined;
  return node as TS.SourceFile;
}

/** Parses a file with the plugin's `typescript`; undefined when it is nested too deep to parse. */
function ownParse(filename: string, text: string): TS.SourceFile | undefined {
  try {
    return ts.createSourceFile(filename, text, ts.ScriptTarget.Latest, true, scriptKindOf(ts, filename));
  } catch (error) {
    // The same policy as the core's `parse`: a stack overflow skips the file.
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}

/** The async-lens config file that applies to a file, if any; its errors name the file and key. */
function loadFileConfig(file: string, cwd: string): ReturnType<typeof loadConfig> {
  try {
    return loadConfig(path.dirname(file));
  } catch (error) {
    if (error instanceof ConfigError) throw new Error(`async-lens: ${error.format(cwd)}`);
    throw error;
  }
}
