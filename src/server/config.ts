// The config file in the editor: each document uses the config nearest its folder (as the CLI
// would from there), merged under the `asyncLens.*` settings. A config that cannot be used is
// reported once (the caller shows it) and the document is analysed with the settings alone.
import * as path from 'node:path';
import { CONFIG_FILE_NAME, ConfigError, createIgnoreFilter, loadConfig, mergeUnder } from '../config';
import type { LoadedConfig } from '../config';
import type { Settings } from './settings';

/** What a config contributes to one document's analysis. */
export interface DocumentConfig {
  /** The settings with the config merged under them. */
  settings: Settings;
  /** The config's `ignores` exclude this document. */
  ignored: boolean;
  /** The config file, when there is one (analyzers are shared per config). */
  file: string | undefined;
}

/** Whether a changed file (a `didChangeWatchedFiles` path) can change what a config says. */
export function isConfigFile(file: string): boolean {
  const name = path.basename(file);
  return name === CONFIG_FILE_NAME || name === 'package.json';
}

/**
 * Finds, caches and merges configs per folder. Loading is synchronous but happens once per folder
 * until `clear` (a config file changed); analysis itself is synchronous too.
 */
export class ConfigStore {
  /** Per start folder: the config, none, or the error it failed with. */
  private readonly byFolder = new Map<string, LoadedConfig | ConfigError | undefined>();
  /** Each config's ignore filter, built once (documents are checked on every analysis). */
  private readonly filters = new WeakMap<LoadedConfig, (file: string) => boolean>();
  /** Errors already reported since the last `clear`, so each is shown once. */
  private readonly reported = new Set<string>();

  /** @param report hears of each config error once (per `clear`) */
  constructor(private readonly report: (error: ConfigError) => void) {}

  /** Forgets every config: the next document that asks reads its config again. */
  clear(): void {
    this.byFolder.clear();
    this.reported.clear();
  }

  /**
   * The settings for a file: the config's rules under the settings' (a rule set in
   * `asyncLens.rules` wins), blocking calls from both, test files included when either says so.
   * A file with no folder on disk (an untitled document) uses `fallbackFolder`.
   */
  forFile(fileName: string | undefined, settings: Settings, fallbackFolder: string | undefined): DocumentConfig {
    const folder = fileName !== undefined && path.isAbsolute(fileName) ? path.dirname(fileName) : fallbackFolder;
    const config = folder === undefined ? undefined : this.load(folder);
    if (!config) return { settings, ignored: false, file: undefined };
    return {
      settings: { ...settings, ...mergeUnder(config, settings) },
      ignored: fileName !== undefined && path.isAbsolute(fileName) && this.ignoreFilter(config)(fileName),
      file: config.file,
    };
  }

  private ignoreFilter(config: LoadedConfig): (file: string) => boolean {
    let filter = this.filters.get(config);
    if (!filter) {
      filter = createIgnoreFilter(config);
      this.filters.set(config, filter);
    }
    return filter;
  }

  private load(folder: string): LoadedConfig | undefined {
    if (!this.byFolder.has(folder)) {
      let loaded: LoadedConfig | ConfigError | undefined;
      try {
        loaded = loadConfig(folder);
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        loaded = error;
      }
      this.byFolder.set(folder, loaded);
    }
    const loaded = this.byFolder.get(folder);
    if (loaded instanceof ConfigError) {
      if (!this.reported.has(loaded.message)) {
        this.reported.add(loaded.message);
        this.report(loaded);
      }
      return undefined;
    }
    return loaded;
  }
}
