// Fetches the pinned corpora (npm packages that ship TypeScript sources) into bench/corpora/.
// Usage: node bench/corpora.mjs [name...]; prints the folder of each corpus.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));

/** The corpora, pinned: package name and exact version. */
export const CORPORA = {
  effect: '4.1.0',
  zod: '4.1.12',
  rxjs: '7.8.2',
  typescript: '6.0.3',
};

/** Downloads and unpacks one corpus unless it is already there; returns its folder. */
export async function corpus(name) {
  const version = CORPORA[name];
  if (!version) throw new Error(`unknown corpus ${name}; known: ${Object.keys(CORPORA).join(', ')}`);
  const folder = join(here, 'corpora', `${name}-${version}`);
  if (existsSync(join(folder, 'package.json'))) return folder;
  await rm(folder, { recursive: true, force: true });
  await mkdir(folder, { recursive: true });
  const { stdout } = await run('npm', ['pack', `${name}@${version}`, '--silent', '--pack-destination', folder]);
  const tarball = join(folder, stdout.trim().split('\n').pop());
  await run('tar', ['xzf', tarball, '-C', folder, '--strip-components=1']);
  await rm(tarball);
  return folder;
}

async function main() {
  const names = process.argv.slice(2);
  for (const name of names.length > 0 ? names : Object.keys(CORPORA)) console.log(await corpus(name));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
