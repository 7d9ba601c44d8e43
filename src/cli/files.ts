// File discovery: the paths on the command line, directories walked for source files with
// `.gitignore` honoured and `node_modules` skipped; a path given explicitly is never skipped.
import type { Dirent } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import * as path from 'node:path';
import ignore from 'ignore';
import type { Ignore } from 'ignore';
import { UsageError } from './args';
import { errorCode, errorReason } from './errors';

/** The extensions a directory walk picks up. */
const SOURCE_EXTENSION = /\.(?:ts|tsx|mts|cts|js|jsx|mjs|cjs)$/i;
/** Declaration files, including `.d.mts`, `.d.cts` and arbitrary-extension ones (`x.d.css.ts`). */
const DECLARATION_FILE = /\.d\.(?:[^.]+\.)?[cm]?ts$/i;
/** Directories a walk never enters (a directory given explicitly is still walked). */
const SKIPPED_DIRECTORIES: ReadonlySet<string> = new Set(['node_modules', '.git']);

/** The files to analyse, and notes about paths that could not be read. */
export interface Discovery {
  /** Absolute paths, sorted, without duplicates. */
  files: string[];
  notes: string[];
}

/** The patterns of one `.gitignore`, relative to its directory. */
interface IgnoreFile {
  directory: string;
  patterns: Ignore;
}

/** Whether a walk picks up this file name. */
function isSourceFileName(name: string): boolean {
  return SOURCE_EXTENSION.test(name) && !DECLARATION_FILE.test(name);
}

/** Expands the command-line paths (relative to `cwd`) into files. A missing path is a usage error. */
export async function discoverFiles(paths: readonly string[], cwd: string): Promise<Discovery> {
  const found = new Set<string>();
  const notes: string[] = [];
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    let stats;
    try {
      stats = await stat(absolute);
    } catch (error) {
      if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR') {
        throw new UsageError(`no such file or directory: ${given}`);
      }
      notes.push(`skipped ${given}: cannot read it (${errorReason(error)})`);
      continue;
    }
    if (stats.isDirectory()) {
      const ignoreFiles = await enclosingIgnoreFiles(absolute, cwd);
      await walk(absolute, ignoreFiles, found, notes, cwd);
    } else if (stats.isFile()) {
      found.add(absolute);
    } else {
      // Opening a FIFO or a device for reading could block the run.
      notes.push(`skipped ${given}: not a regular file`);
    }
  }
  return { files: [...found].sort(), notes };
}

async function walk(directory: string, inherited: readonly IgnoreFile[], found: Set<string>, notes: string[], cwd: string): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await readdir(directory, { withFileTypes: true });
  } catch (error) {
    notes.push(`skipped ${displayPath(directory, cwd)}: cannot read it (${errorReason(error)})`);
    return;
  }
  const own = await readIgnoreFile(directory);
  const ignoreFiles = own ? [...inherited, own] : inherited;
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(directory, entry.name);
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      // Linked files are followed; linked directories are not, so a link cycle cannot trap the walk.
      const target = await stat(full).catch(() => undefined);
      isFile = target?.isFile() ?? false;
      isDirectory = false;
    }
    if (isDirectory) {
      if (SKIPPED_DIRECTORIES.has(entry.name) || isIgnored(full, true, ignoreFiles)) continue;
      await walk(full, ignoreFiles, found, notes, cwd);
    } else if (isFile && isSourceFileName(entry.name) && !isIgnored(full, false, ignoreFiles)) {
      found.add(full);
    }
  }
}

/**
 * The `.gitignore` files above a walked directory that apply to it: from the repository root
 * (the nearest directory holding `.git`), or else from the working directory when the walk lies
 * inside it. None when they ignore the directory itself: it was given explicitly.
 */
async function enclosingIgnoreFiles(directory: string, cwd: string): Promise<IgnoreFile[]> {
  const ancestors: string[] = [];
  let top: string | undefined;
  for (let current = path.dirname(directory); ; current = path.dirname(current)) {
    if (current === directory) break;
    ancestors.unshift(current);
    if (await exists(path.join(current, '.git'))) {
      top = current;
      break;
    }
    if (path.dirname(current) === current) break;
  }
  if (top === undefined) {
    const inside = isInside(directory, cwd);
    if (!inside) return [];
    ancestors.splice(0, ancestors.indexOf(cwd));
  }
  const ignoreFiles: IgnoreFile[] = [];
  for (const ancestor of ancestors) {
    const ignoreFile = await readIgnoreFile(ancestor);
    if (ignoreFile) ignoreFiles.push(ignoreFile);
  }
  return isIgnored(directory, true, ignoreFiles) ? [] : ignoreFiles;
}

async function readIgnoreFile(directory: string): Promise<IgnoreFile | undefined> {
  let text: string;
  try {
    text = await readFile(path.join(directory, '.gitignore'), 'utf8');
  } catch {
    return undefined;
  }
  return { directory, patterns: ignore().add(text) };
}

/** Git's precedence: the deepest `.gitignore` with a verdict on the path decides. */
function isIgnored(full: string, isDirectory: boolean, ignoreFiles: readonly IgnoreFile[]): boolean {
  let ignored = false;
  for (const { directory, patterns } of ignoreFiles) {
    const relative = path.relative(directory, full).split(path.sep).join('/');
    if (relative === '' || relative.startsWith('../')) continue;
    const verdict = patterns.test(isDirectory ? `${relative}/` : relative);
    if (verdict.ignored) ignored = true;
    else if (verdict.unignored) ignored = false;
  }
  return ignored;
}

/** A path as the report shows it: relative to the working directory, with `/` separators. */
export function displayPath(file: string, cwd: string): string {
  return (path.relative(cwd, file) || '.').split(path.sep).join('/');
}

function isInside(file: string, directory: string): boolean {
  const relative = path.relative(directory, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}
