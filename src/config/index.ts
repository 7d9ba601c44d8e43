// The config file: `async-lens.config.json`, or the `asyncLens` key of a `package.json`, found by
// walking up from a folder, validated, and resolved into options. JSON only: nothing in a config
// executes. The CLI, the language server and the ESLint plugin all load it through here.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import ignore from 'ignore';
import { ConfigError } from './errors';
import { parseJson } from './json';
import { validateConfig } from './validate';
import type { Severity } from '../core';
import type { ConfigOptions } from './validate';

export { ConfigError } from './errors';
export { PRESETS } from './validate';
export type { ConfigOptions, Preset } from './validate';

/** The config file's name. */
export const CONFIG_FILE_NAME = 'async-lens.config.json';
/** The key of `package.json` that holds a config. */
export const PACKAGE_JSON_KEY = 'asyncLens';

/** A config that was found and is valid. */
export interface LoadedConfig {
  /** Absolute path of the file it came from. */
  file: string;
  /** The file's folder: `ignores` are relative to it. */
  directory: string;
  /** Whether it is an `async-lens.config.json` or the `asyncLens` key of a `package.json`. */
  source: 'config-file' | 'package.json';
  options: ConfigOptions;
}

/**
 * Finds the config for `startDir`: walking up, in each folder `async-lens.config.json` first,
 * else a `package.json` with an `asyncLens` key; the first found wins (configs do not cascade).
 * Undefined when there is none. Throws `ConfigError` for a config that cannot be used.
 * Synchronous, for hosts that cannot wait (an ESLint rule's `create`).
 */
export function loadConfig(startDir: string): LoadedConfig | undefined {
  for (const candidate of candidates(startDir)) {
    const config = loadCandidate(candidate, readTextSync(candidate));
    if (config) return config;
  }
  return undefined;
}

/** `loadConfig` without blocking the thread: for the CLI and the language server. */
export async function loadConfigAsync(startDir: string): Promise<LoadedConfig | undefined> {
  for (const candidate of candidates(startDir)) {
    const config = loadCandidate(candidate, await readText(candidate));
    if (config) return config;
  }
  return undefined;
}

/**
 * Reads the config a user named (`--config <file>`): an `async-lens.config.json`-style file, or a
 * `package.json` (its `asyncLens` key). A missing file is a `ConfigError` too.
 */
export async function readConfigFile(file: string): Promise<LoadedConfig> {
  const absolute = path.resolve(file);
  const text = await readText(absolute);
  if (text === undefined) throw new ConfigError(absolute, { line: 1, column: 1 }, '', 'no such file');
  if (path.basename(absolute) === 'package.json') {
    const config = loadCandidate(absolute, text);
    if (!config) throw new ConfigError(absolute, { line: 1, column: 1 }, PACKAGE_JSON_KEY, `no "${PACKAGE_JSON_KEY}" key in this package.json`);
    return config;
  }
  return fromConfigFile(absolute, text);
}

/** Parses and validates the text of an `async-lens.config.json`. Throws `ConfigError`. */
export function parseConfigText(file: string, text: string): ConfigOptions {
  return validateConfig(file, parseJson(file, stripBom(text)), '');
}

/**
 * A predicate telling whether an absolute path is excluded by the config's `ignores`
 * (gitignore semantics, relative to the config's folder; paths outside it are never ignored).
 */
export function createIgnoreFilter(config: LoadedConfig): (file: string) => boolean {
  if (config.options.ignores.length === 0) return () => false;
  const patterns = ignore().add(config.options.ignores);
  return (file) => {
    const relative = path.relative(config.directory, path.resolve(config.directory, file));
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return false;
    return patterns.ignores(relative.split(path.sep).join('/'));
  };
}

/** The options a host sets itself (command-line flags, editor settings) and merges a config under. */
export interface HostOptions {
  rules: Record<string, Severity>;
  blockingCalls: string[];
  includeTestFiles: boolean;
}

/**
 * A config merged under the host's own options: the host's severity wins per rule, blocking
 * calls add up, and test files are included when either says so.
 */
export function mergeUnder(config: LoadedConfig, own: HostOptions): HostOptions {
  return {
    rules: { ...config.options.rules, ...own.rules },
    blockingCalls: [...config.options.blockingCalls, ...own.blockingCalls],
    includeTestFiles: own.includeTestFiles || config.options.includeTestFiles === true,
  };
}

/** The files to try, nearest first. */
function* candidates(startDir: string): Generator<string> {
  let dir = path.resolve(startDir);
  for (;;) {
    yield path.join(dir, CONFIG_FILE_NAME);
    yield path.join(dir, 'package.json');
    const parent = path.dirname(dir);
    if (parent === dir) return;
    dir = parent;
  }
}

/** A candidate's config: undefined when the file is missing or is a package.json without the key. */
function loadCandidate(file: string, text: string | undefined): LoadedConfig | undefined {
  if (text === undefined) return undefined;
  if (path.basename(file) !== 'package.json') return fromConfigFile(file, text);
  // Most package.json files have no config; only those that mention the key are parsed.
  if (!text.includes(`"${PACKAGE_JSON_KEY}"`)) return undefined;
  const root = parseJson(file, stripBom(text));
  const entry = root.kind === 'object' ? root.entries.find((candidate) => candidate.key === PACKAGE_JSON_KEY) : undefined;
  if (!entry) return undefined;
  return { file, directory: path.dirname(file), source: 'package.json', options: validateConfig(file, entry.value, PACKAGE_JSON_KEY) };
}

function fromConfigFile(file: string, text: string): LoadedConfig {
  return { file, directory: path.dirname(file), source: 'config-file', options: parseConfigText(file, text) };
}

function readTextSync(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    return missingOrThrow(file, error);
  }
}

async function readText(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    return missingOrThrow(file, error);
  }
}

/** Undefined for a file that is not there; any other read failure is a config error. */
function missingOrThrow(file: string, error: unknown): undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
  const reason = error instanceof Error ? error.message.replace(/^[A-Z]+: /, '') : String(error);
  throw new ConfigError(file, { line: 1, column: 1 }, '', `cannot read it (${reason})`);
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
