// Builds the bundles in dist/: the CLI (with TypeScript bundled) and its worker.
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
  ]);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
