// Builds the .vsix with @vscode/vsce from a staging copy of the package: vsce refuses a package.json
// `files` list (which npm uses for the CLI package) next to a .vscodeignore, so the stage drops `files`
// and .vscodeignore alone decides what ships.
//   node scripts/package-vsix.mjs [--out FILE] [--ls]     (run `npm run build` first)
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const STAGE = path.join(ROOT, 'out', 'vsix-stage');
const COPIED = ['README.md', 'CHANGELOG.md', 'LICENSE', '.vscodeignore', 'dist', 'docs', 'examples', 'snippets', 'syntaxes', 'l10n', 'media', 'package.nls.json', 'package.nls.zh-cn.json', 'schemas'];

function main() {
  const args = process.argv.slice(2);
  const list = args.includes('--ls');
  const outIndex = args.indexOf('--out');
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const out = path.resolve(outIndex >= 0 ? args[outIndex + 1] : path.join(ROOT, `${manifest.name}-${manifest.version}.vsix`));
  for (const file of ['dist/extension.js', 'dist/server.js']) {
    if (!fs.existsSync(path.join(ROOT, file))) throw new Error(`${file} is missing: run 'npm run build' first`);
  }
  fs.rmSync(STAGE, { recursive: true, force: true });
  fs.mkdirSync(STAGE, { recursive: true });
  delete manifest.files;
  fs.writeFileSync(path.join(STAGE, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  // Optional entries (for example `l10n/` before a bundle exists) are copied when present.
  for (const entry of COPIED) {
    if (fs.existsSync(path.join(ROOT, entry))) fs.cpSync(path.join(ROOT, entry), path.join(STAGE, entry), { recursive: true });
  }
  const vsce = path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  const vsceArgs = list ? ['ls', '--no-dependencies'] : ['package', '--no-dependencies', '--out', out];
  const result = spawnSync(process.execPath, [vsce, ...vsceArgs], { cwd: STAGE, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`vsce ${vsceArgs[0]} failed (exit ${result.status})`);
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
