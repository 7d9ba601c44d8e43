// `npm run demo`: a real VS Code (1.139.1, in code-server) on 127.0.0.1 with the extension loaded from
// this checkout (the URL payload's extensionDevelopmentPath) and examples/ open. Prints the URL and runs
// until Ctrl+C, then ends the server's whole process group. `npm run demo` builds and sets up first.
// Options: --port N (default: a free port).
import { mkdtemp } from 'node:fs/promises';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { startCodeServer, removeDir } = require('../test/vscode/code-server.js');
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function main() {
  const portIndex = process.argv.indexOf('--port');
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'async-lens-demo-'));
  const server = await startCodeServer({
    tmp,
    workspace: path.join(ROOT, 'examples'),
    port: portIndex >= 0 ? Number(process.argv[portIndex + 1]) : undefined,
    userSettings: { 'workbench.colorTheme': 'Default Dark Modern' },
  });
  const url = server.url({ folder: path.join(ROOT, 'examples'), extensionDevelopmentPath: ROOT });
  console.log('async-lens demo: VS Code 1.139.1 with the extension loaded and examples/ open.');
  console.log(`Open ${url}`);
  console.log('(forward the port first when the machine is remote, e.g. ssh -L PORT:127.0.0.1:PORT). Ctrl+C stops it.');
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nstopping the demo ...');
    await server.stop();
    removeDir(tmp);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop().catch((error) => console.error(error)));
  process.on('SIGTERM', () => void stop().catch((error) => console.error(error)));
  // Keep running while the server runs; if it dies, say so and exit non-zero.
  server.child.once('exit', (code, signal) => {
    if (stopping) return;
    console.error(`code-server exited (${signal ?? code}); last lines:\n${server.serverLines.slice(-20).join('\n')}`);
    removeDir(tmp);
    process.exit(1);
  });
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
