// Builds the bundles in dist/: the CLI (with TypeScript bundled) and its worker, the language
// server, the VS Code client and the ESLint plugin.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  logLevel: 'warning',
  // TypeScript's bundle checks for optional modules that are never present in Node.
  external: ['perf_hooks', 'inspector', 'source-map-support'],
};

async function main() {
  await Promise.all([
    build({ ...common, entryPoints: { cli: 'src/cli/main.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' } }),
    build({ ...common, entryPoints: { 'cli-worker': 'src/cli/worker.ts' }, outdir: 'dist' }),
    // The language server: `async-lens-language-server --stdio`, or started by the client over IPC.
    build({ ...common, entryPoints: { server: 'src/server/main.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' } }),
    // The VS Code client; `vscode` is provided by the editor.
    build({ ...common, entryPoints: { extension: 'src/extension/extension.ts' }, outdir: 'dist', external: [...common.external, 'vscode'] }),
    // The ESLint plugin; the user's own `typescript`, parser and ESLint are used, never bundled copies.
    build({
      ...common,
      entryPoints: { 'eslint-plugin': 'src/eslint/index.ts' },
      outdir: 'dist',
      external: [...common.external, 'typescript', 'eslint', '@typescript-eslint/parser'],
    }),
  ]);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
