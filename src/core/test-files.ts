// Which files are test files, for rules that skip them by default (`RuleMeta.skipsTestFiles`).
// A pure function of a path relative to the workspace folder or the CLI's working directory.

/** Folders at the root whose files are tests: `test/**`, `tests/**`, `__tests__/**`. */
const TEST_FOLDERS: ReadonlySet<string> = new Set(['test', 'tests', '__tests__']);

/** A file name with `.test.` or `.spec.` before its extension: `**\/*.test.*`, `**\/*.spec.*`. */
const TEST_NAME = /\.(?:test|spec)\.[^.]/;

/**
 * Whether a file is a test file: `**\/*.test.*`, `**\/*.spec.*`, `test/**`, `tests/**` or
 * `__tests__/**`. `relativePath` is `/`-separated and relative to the workspace folder (or the
 * CLI's working directory); a leading `./` is ignored, and a path that leaves the folder (`../`)
 * matches only by its file name.
 */
export function isTestFile(relativePath: string): boolean {
  const segments = relativePath.split('/').filter((segment) => segment !== '' && segment !== '.');
  const name = segments[segments.length - 1];
  if (name === undefined) return false;
  if (TEST_NAME.test(name)) return true;
  return segments.length > 1 && TEST_FOLDERS.has(segments[0]!);
}
