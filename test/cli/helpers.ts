// Shared helpers for the CLI tests: a temporary tree of files, and a run of the built CLI in it.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

/** The built CLI (`npm run build` first). */
export const CLI = path.join(__dirname, '..', '..', 'dist', 'cli.js');

/** What one run of the CLI printed and returned. */
export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Creates a temporary directory holding `files` (path -> contents); remove it with `removeTree`. */
export function makeTree(files: Readonly<Record<string, string | Buffer>>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'async-lens-cli-'));
  for (const [name, contents] of Object.entries(files)) {
    const file = path.join(root, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, contents);
  }
  return root;
}

/** Removes a tree made by `makeTree`. */
export function removeTree(root: string): void {
  rmSync(root, { recursive: true, force: true });
}

/** Runs the CLI in `cwd` with stdout and stderr piped (so no colour, no progress line). */
export function runCli(args: readonly string[], cwd: string, env: Readonly<Record<string, string>> = {}): CliRun {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  if (!('ASYNC_LENS_WORKERS' in env)) delete childEnv.ASYNC_LENS_WORKERS;
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, env: childEnv, encoding: 'utf8' });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A local async function and a statement that drops its promise: one floating-promise finding. */
export const FLOATING = 'async function load() {}\nload();\n';

/** The message floating-promise gives for a dropped `load()`. */
export const LOAD_DROPPED =
  'The promise from `load(…)` is dropped: it is not awaited, returned or given a rejection handler.';

/** The message unawaited-promise-all gives for a destructured `Promise.all(…)`. */
export const ALL_DESTRUCTURED = '`Promise.all(…)` is destructured as if it were its results; it is a promise.';
