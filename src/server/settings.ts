// The one registry of the server's settings (section `asyncLens`, read through
// `workspace/configuration`): names, types and defaults. The client's `package.json`
// `contributes.configuration` mirrors it; a test checks that both agree.
import { RULES } from '../core';
import type { Severity } from '../core';
import { parseBlockingCallOptions } from '../core/rules/blocking-in-async';

/** The configuration section the server asks the client for. */
export const SETTINGS_SECTION = 'asyncLens';

/** When an open document is analysed. */
export type RunMode = 'onType' | 'onSave';

/** The language of messages and hovers: `auto` follows the editor (`initialize`'s `locale`). */
export type LocaleSetting = 'auto' | 'en' | 'zh-cn';

/** The settings, validated, with defaults filled in. */
export interface Settings {
  /** Severity per rule id; a rule left out keeps its default severity. */
  rules: Record<string, Severity>;
  run: RunMode;
  /** Milliseconds after the last edit before analysing (`onType`); 0 analyses at once. */
  debounceMs: number;
  /** Documents larger than this many bytes (UTF-8) are skipped. */
  maxFileSize: number;
  /** Hovers end with the rule doc's "The asyncio analogue". */
  showAsyncioAnalogues: boolean;
  /** More blocking calls for `blocking-in-async`, each `module.call -> replacement`. */
  blockingCalls: string[];
  /** Run the rules that skip test files (`meta.skipsTestFiles`) on test files too. */
  includeTestFiles: boolean;
  /** The language of messages and hovers. */
  locale: LocaleSetting;
}

/** The type of one setting, as JSON schema names it. */
export type SettingType = 'object' | 'string' | 'number' | 'boolean' | 'array';

/** One setting: its JSON type and default (and the allowed values of a string). */
export interface SettingSpec {
  type: SettingType;
  default: unknown;
  enum?: readonly string[];
}

/** Every setting, keyed by its name under `asyncLens.` (the client mirrors these). */
export const SETTINGS: { readonly [K in keyof Settings]: SettingSpec & { default: Settings[K] } } = {
  rules: { type: 'object', default: {} },
  run: { type: 'string', default: 'onType', enum: ['onType', 'onSave'] },
  debounceMs: { type: 'number', default: 150 },
  maxFileSize: { type: 'number', default: 5 * 1024 * 1024 },
  showAsyncioAnalogues: { type: 'boolean', default: true },
  blockingCalls: { type: 'array', default: [] },
  includeTestFiles: { type: 'boolean', default: false },
  locale: { type: 'string', default: 'auto', enum: ['auto', 'en', 'zh-cn'] },
};

const SEVERITIES: readonly string[] = ['off', 'info', 'warning', 'error'];

/** The defaults, as a fresh object. */
export function defaultSettings(): Settings {
  return readSettings(undefined, () => undefined);
}

/**
 * Validates what the client sent for the section: a value of the wrong type keeps its default
 * and is reported through `warn` (one line each). Unknown keys are ignored.
 */
export function readSettings(raw: unknown, warn: (message: string) => void): Settings {
  const input = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const pick = <K extends keyof Settings>(name: K, valid: (value: unknown) => boolean): Settings[K] => {
    const value = input[name];
    if (value === undefined || value === null) return structuredClone(SETTINGS[name].default);
    if (valid(value)) return value as Settings[K];
    warn(`asyncLens.${name}: ignored ${JSON.stringify(value)}, using the default ${JSON.stringify(SETTINGS[name].default)}`);
    return structuredClone(SETTINGS[name].default);
  };
  const isCount = (value: unknown): boolean => typeof value === 'number' && Number.isFinite(value) && value >= 0;
  const settings: Settings = {
    rules: readRules(input.rules, warn),
    run: pick('run', (value) => value === 'onType' || value === 'onSave'),
    debounceMs: pick('debounceMs', isCount),
    maxFileSize: pick('maxFileSize', isCount),
    showAsyncioAnalogues: pick('showAsyncioAnalogues', (value) => typeof value === 'boolean'),
    blockingCalls: readBlockingCalls(input.blockingCalls, warn),
    includeTestFiles: pick('includeTestFiles', (value) => typeof value === 'boolean'),
    locale: pick('locale', (value) => typeof value === 'string' && (SETTINGS.locale.enum ?? []).includes(value)),
  };
  return settings;
}

/** Keeps the known rule ids with a valid severity. */
function readRules(raw: unknown, warn: (message: string) => void): Record<string, Severity> {
  const rules: Record<string, Severity> = {};
  if (raw === undefined || raw === null) return rules;
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    warn(`asyncLens.rules: ignored ${JSON.stringify(raw)}, expected an object of rule id -> severity`);
    return rules;
  }
  const known = new Set(RULES.map((rule) => rule.meta.id));
  for (const [id, severity] of Object.entries(raw as Record<string, unknown>)) {
    if (!known.has(id)) warn(`asyncLens.rules: unknown rule '${id}' ignored`);
    else if (typeof severity !== 'string' || !SEVERITIES.includes(severity)) {
      warn(`asyncLens.rules.${id}: ignored ${JSON.stringify(severity)}, expected one of ${SEVERITIES.join(', ')}`);
    } else rules[id] = severity as Severity;
  }
  return rules;
}

/** Keeps the blocking-call additions when every entry is well-formed (the core's own check). */
function readBlockingCalls(raw: unknown, warn: (message: string) => void): string[] {
  if (raw === undefined || raw === null) return [];
  const parsed = parseBlockingCallOptions({ additions: raw });
  if (typeof parsed === 'string') {
    warn(`asyncLens.blockingCalls: ignored (${parsed})`);
    return [];
  }
  return [...(raw as string[])];
}

/** What the core's analyzer needs from the settings. */
export function analyzerOptions(settings: Settings): { rules: Record<string, Severity>; ruleOptions: Record<string, unknown> } {
  return {
    rules: settings.rules,
    ruleOptions: settings.blockingCalls.length > 0 ? { 'blocking-in-async': { additions: settings.blockingCalls } } : {},
  };
}
