// Fetches the pinned corpora (npm packages that ship TypeScript sources) into bench/corpora/.
// Usage: node bench/corpora.mjs [name...]; prints the folder of each corpus.
import { execFile } from 'node:child_process';
import { access, mkdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));

/** The corpora, pinned: package name and exact version. */
export const CORPORA = {
  effect: '4.1.0',
  zod: '4.6.7',
  rxjs: '7.8.2',
  typescript: '6.0.3',
  // Test-heavy: fastify ships its test suite.
  fastify: '5.12.8',
  // Shipped JavaScript of Node tools.
  npm: '11.21.2',
  eslint: '9.39.5',
  '@vscode/vsce': '3.9.2',
  // Async-heavy applications and libraries (shipped JavaScript), for the rules that library
  // code rarely triggers.
  pm2: '7.0.4',
  'firebase-tools': '15.34.2',
  bullmq: '6.7.0',
  typeorm: '1.1.1',
  'puppeteer-core': '25.16.0',
  'playwright-core': '1.65.1',
  renovate: '44.121.2',
  knex: '3.3.0',
  'release-it': '21.1.2',
  '@11ty/eleventy': '3.1.8',
};

/** Whether a path exists. */
export async function exists(path) {
  return access(path).then(
    () => true,
    () => false,
  );
}

/** Downloads and unpacks one corpus unless it is already there; returns its folder. */
export async function corpus(name) {
  const version = CORPORA[name];
  if (!version) throw new Error(`unknown corpus ${name}; known: ${Object.keys(CORPORA).join(', ')}`);
  const folder = join(here, 'corpora', `${name.replace('/', '__')}-${version}`);
  if (await exists(join(folder, 'package.json'))) return folder;
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
