// Checks a parsed config against the shape `schemas/async-lens.config.schema.json` describes, and
// resolves it: presets expanded, rule severities merged. Hand-written rather than compiled by
// ajv so every error names its key and position in one line and suggests the nearest valid
// name; a test runs both over the same table of configs and checks they agree.
import { RULES } from '../core';
import type { Severity } from '../core';
import { parseBlockingCall } from '../core/rules/blocking-in-async';
import { ConfigError } from './errors';
import { joinKey } from './json';
import type { JsonEntry, JsonNode } from './json';

/** The options a config file sets, resolved: what the CLI, the server and the ESLint plugin use. */
export interface ConfigOptions {
  /** The presets named, in order (already applied to `rules`). */
  presets: string[];
  /** Severity per rule id: the presets' severities, overridden by the `rules` key. */
  rules: Record<string, Severity>;
  /** gitignore-style patterns, relative to the config's folder. */
  ignores: string[];
  /** More blocking calls for blocking-in-async, each `module.call -> replacement`. */
  blockingCalls: string[];
  /** Run the rules that skip test files on test files too; undefined when the config is silent. */
  includeTestFiles: boolean | undefined;
}

/** A preset: a named set of rule severities a config can start from. */
export interface Preset {
  description: string;
  rules: () => Record<string, Severity>;
}

/** The presets, applied in the order a config lists them. */
export const PRESETS: Readonly<Record<string, Preset>> = {
  recommended: {
    description: 'Every rule at its default severity (the same as naming no preset).',
    rules: () => ({}),
  },
  strict: {
    description: 'Every rule at least at warning: the rules that default to info (await-in-loop) become warnings.',
    rules: () => Object.fromEntries(RULES.filter((rule) => rule.meta.defaultSeverity === 'info').map((rule) => [rule.meta.id, 'warning'])),
  },
};

/** The keys a config object may have (`$schema` lets editors find the schema). */
export const CONFIG_KEYS: readonly string[] = ['$schema', 'presets', 'rules', 'ignores', 'blockingCalls', 'includeTestFiles'];

/** The severities a rule can be set to, mildest first. */
export const SEVERITIES: readonly Severity[] = ['off', 'info', 'warning', 'error'];

/** Validates a config object; `keyPath` is where it sits (`asyncLens` in a package.json). */
export function validateConfig(file: string, root: JsonNode, keyPath: string): ConfigOptions {
  const options: ConfigOptions = { presets: [], rules: {}, ignores: [], blockingCalls: [], includeTestFiles: undefined };
  const entries = expectObject(file, root, keyPath, 'the config must be an object, e.g. { "rules": { "await-in-loop": "off" } }');
  let ruleEntries: JsonEntry[] = [];
  for (const entry of entries) {
    const path = joinKey(keyPath, entry.key);
    const value = entry.value;
    switch (entry.key) {
      case '$schema':
        expectString(file, value, path);
        break;
      case 'presets':
        options.presets = expectStrings(file, value, path, 'an array of preset names, e.g. ["strict"]').map((name, index) =>
          oneOf(file, value.kind === 'array' ? value.items[index]! : value, `${path}[${index}]`, name, Object.keys(PRESETS), 'preset'),
        );
        break;
      case 'rules':
        ruleEntries = expectObject(file, value, path, `"${path}" must be an object of rule id -> severity, e.g. { "await-in-loop": "off" }`);
        break;
      case 'ignores':
        options.ignores = expectStrings(file, value, path, 'an array of gitignore-style patterns, e.g. ["dist/", "**/*.generated.ts"]');
        options.ignores.forEach((pattern, index) => {
          if (pattern.trim() === '') throw new ConfigError(file, itemAt(value, index), `${path}[${index}]`, `"${path}[${index}]" is an empty pattern`);
        });
        break;
      case 'blockingCalls':
        options.blockingCalls = expectStrings(file, value, path, "an array of 'module.call -> replacement' strings");
        options.blockingCalls.forEach((call, index) => {
          const parsed = parseBlockingCall(call);
          if (typeof parsed === 'string') throw new ConfigError(file, itemAt(value, index), `${path}[${index}]`, `"${path}[${index}]": ${parsed}`);
        });
        break;
      case 'includeTestFiles':
        if (value.kind !== 'boolean') throw new ConfigError(file, value.at, path, `"${path}" must be true or false, got ${describe(value)}`);
        options.includeTestFiles = value.value;
        break;
      default:
        throw new ConfigError(file, entry.keyAt, path, `unknown key "${path}"${suggest(entry.key, CONFIG_KEYS)}`);
    }
  }
  for (const name of options.presets) Object.assign(options.rules, PRESETS[name]!.rules());
  const ruleIds = RULES.map((rule) => rule.meta.id);
  const rulesPath = joinKey(keyPath, 'rules');
  for (const entry of ruleEntries) {
    const path = joinKey(rulesPath, entry.key);
    if (!ruleIds.includes(entry.key)) {
      throw new ConfigError(file, entry.keyAt, path, `unknown rule "${entry.key}" in "${rulesPath}"${suggest(entry.key, ruleIds)}`);
    }
    const severity = expectString(file, entry.value, path);
    options.rules[entry.key] = oneOf(file, entry.value, path, severity, SEVERITIES, 'severity') as Severity;
  }
  return options;
}

function expectObject(file: string, node: JsonNode, path: string, what: string): JsonEntry[] {
  if (node.kind !== 'object') throw new ConfigError(file, node.at, path, `${what}, got ${describe(node)}`);
  return node.entries;
}

function expectString(file: string, node: JsonNode, path: string): string {
  if (node.kind !== 'string') throw new ConfigError(file, node.at, path, `"${path}" must be a string, got ${describe(node)}`);
  return node.value;
}

function expectStrings(file: string, node: JsonNode, path: string, what: string): string[] {
  if (node.kind !== 'array') throw new ConfigError(file, node.at, path, `"${path}" must be ${what}, got ${describe(node)}`);
  return node.items.map((item, index) => expectString(file, item, `${path}[${index}]`));
}

/** The value when it is one of `allowed`; otherwise an error listing them (and the nearest). */
function oneOf(file: string, node: JsonNode, path: string, value: string, allowed: readonly string[], what: string): string {
  if (allowed.includes(value)) return value;
  const list = allowed.map((name) => `"${name}"`).join(', ');
  throw new ConfigError(file, node.at, path, `"${path}": unknown ${what} "${value}"; valid: ${list}${suggest(value, allowed)}`);
}

function itemAt(node: JsonNode, index: number): JsonNode['at'] {
  return node.kind === 'array' ? (node.items[index]?.at ?? node.at) : node.at;
}

/** A value as an error quotes it: strings and numbers literally, containers by kind. */
function describe(node: JsonNode): string {
  switch (node.kind) {
    case 'object':
      return 'an object';
    case 'array':
      return 'an array';
    case 'string':
      return JSON.stringify(node.value);
    case 'null':
      return 'null';
    default:
      return String(node.value);
  }
}

/** ` (did you mean "rules"?)` for the nearest candidate within a few edits, else nothing. */
export function suggest(name: string, candidates: readonly string[]): string {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const lowered = name.toLowerCase();
    const target = candidate.toLowerCase();
    // A prefix ("warn" for "warning") is a likely abbreviation however many letters it drops.
    const distance = target.startsWith(lowered) && lowered.length >= 3 ? 1 : editDistance(lowered, target);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const limit = Math.max(2, Math.floor(name.length / 3));
  return best !== undefined && bestDistance <= limit ? ` (did you mean "${best}"?)` : '';
}

/** Levenshtein distance, one row at a time. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}
