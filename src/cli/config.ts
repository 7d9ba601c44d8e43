// The config file on the command line: found by walking up from the working directory (or named
// with `--config`), then merged under the flags: CLI flags > config file > defaults.
import { ConfigError, createIgnoreFilter, loadConfigAsync, mergeUnder, readConfigFile } from '../config';
import type { LoadedConfig } from '../config';
import type { Severity } from '../core';
import { UsageError } from './args';
import type { CliOptions } from './args';

/** The run's options after the config is merged in. */
export interface EffectiveOptions {
  rules: Record<string, Severity>;
  blockingCalls: string[];
  includeTestFiles: boolean;
  /** Whether the config's `ignores` exclude a file (absolute path). */
  isIgnored: (file: string) => boolean;
}

/** The config for this run; a config that cannot be used is a usage error naming where it is wrong. */
export async function loadCliConfig(options: CliOptions, cwd: string): Promise<LoadedConfig | undefined> {
  try {
    return options.config !== undefined ? await readConfigFile(options.config) : await loadConfigAsync(cwd);
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.format(cwd));
    throw error;
  }
}

/**
 * Merges the config under the flags: `--rule` severities win per rule, `--blocking-call`
 * entries add to the config's, and `--include-test-files` turns test files on whatever the config says.
 */
export function effectiveOptions(options: CliOptions, config: LoadedConfig | undefined): EffectiveOptions {
  if (!config) {
    return { rules: options.rules, blockingCalls: options.blockingCalls, includeTestFiles: options.includeTestFiles, isIgnored: () => false };
  }
  return { ...mergeUnder(config, options), isIgnored: createIgnoreFilter(config) };
}
