// The plugin's options: ESLint's shared `settings.asyncLens`, validated. They are settings, not
// rule options, because the core analyses a file once for all five rules: every rule of a file
// must ask for the same analysis.
import { LOCALES } from '../core';
import type { Locale } from '../core/messages';
import { parseBlockingCallOptions } from '../core/rules/blocking-in-async';

/** `settings.asyncLens` after validation, with defaults filled in. */
export interface PluginSettings {
  /** The catalog messages come from. */
  locale: Locale;
  /** Treat any thenable as a promise, not only the built-in `Promise`. */
  checkThenables: boolean;
  /** More blocking calls for blocking-in-async, each `module.call -> replacement`. */
  blockingCalls: readonly string[];
  /** Run blocking-in-async on test files too (skipped by default, as in the CLI); undefined when unset. */
  includeTestFiles: boolean | undefined;
}

/** The keys `settings.asyncLens` may have. */
const KEYS: readonly string[] = ['locale', 'checkThenables', 'blockingCalls', 'includeTestFiles'];

/**
 * Reads `settings.asyncLens`. Throws an `Error` naming the key at fault: a typo in a setting
 * should stop the run rather than be silently ignored.
 */
export function readSettings(settings: Readonly<Record<string, unknown>> | undefined): PluginSettings {
  const raw = settings?.asyncLens;
  const result: PluginSettings = { locale: 'en', checkThenables: false, blockingCalls: [], includeTestFiles: undefined };
  if (raw === undefined) return result;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw settingsError('asyncLens', 'must be an object');
  const entries = raw as Record<string, unknown>;
  for (const key of Object.keys(entries)) {
    if (!KEYS.includes(key)) throw settingsError(`asyncLens.${key}`, `is not a setting (the settings are ${KEYS.join(', ')})`);
  }
  const { locale, checkThenables, blockingCalls, includeTestFiles } = entries;
  if (locale !== undefined) {
    if (typeof locale !== 'string' || !(LOCALES as readonly string[]).includes(locale.toLowerCase())) {
      throw settingsError('asyncLens.locale', `must be one of ${LOCALES.join(', ')}`);
    }
    result.locale = locale.toLowerCase() as Locale;
  }
  if (checkThenables !== undefined) {
    if (typeof checkThenables !== 'boolean') throw settingsError('asyncLens.checkThenables', 'must be true or false');
    result.checkThenables = checkThenables;
  }
  if (includeTestFiles !== undefined) {
    if (typeof includeTestFiles !== 'boolean') throw settingsError('asyncLens.includeTestFiles', 'must be true or false');
    result.includeTestFiles = includeTestFiles;
  }
  if (blockingCalls !== undefined) {
    const parsed = parseBlockingCallOptions({ additions: blockingCalls });
    if (typeof parsed === 'string') {
      throw settingsError('asyncLens.blockingCalls', `must be an array of 'module.call -> replacement' strings: ${parsed}`);
    }
    result.blockingCalls = blockingCalls as string[];
  }
  return result;
}

function settingsError(key: string, reason: string): Error {
  return new Error(`async-lens: settings.${key} ${reason}`);
}
