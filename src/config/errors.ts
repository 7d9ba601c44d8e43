// The one error a config can cause: where (file, line, column, key path) and what, in one line.
import * as path from 'node:path';
import type { Position } from './json';

/** A config file that cannot be used: a JSON syntax error, an unknown key or a bad value. */
export class ConfigError extends Error {
  /** 1-based line of the key or value at fault. */
  readonly line: number;
  /** 1-based column, in UTF-16 code units. */
  readonly column: number;

  /**
   * @param file the config file, as it was found (absolute when found by walking up)
   * @param keyPath the key at fault, dotted from the config's root (`rules.await-in-loop`,
   *   `ignores[2]`; in a `package.json`, starting with `asyncLens`); empty for the whole file
   * @param reason what is wrong, without the location
   */
  constructor(
    readonly file: string,
    at: Position,
    readonly keyPath: string,
    readonly reason: string,
  ) {
    super(`${file}:${at.line}:${at.column}: ${reason}`);
    this.name = 'ConfigError';
    this.line = at.line;
    this.column = at.column;
  }

  /** The one-line message with the file shown relative to `cwd` (with `/` separators) when inside it. */
  format(cwd: string): string {
    const relative = path.relative(cwd, this.file);
    const shown = relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? this.file : relative.split(path.sep).join('/');
    return `${shown}:${this.line}:${this.column}: ${this.reason}`;
  }
}
