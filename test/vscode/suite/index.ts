// The entry the extension host loads (`extensionTestsPath`), bundled to out/vscode-test/index.js: runs the
// suites of this session (ASYNC_LENS_TEST_SUITE: `dev` or `installed`) with mocha and writes
// `{ passes, failures }` to VSCODE_TEST_RESULT_FILE for the driver.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as util from 'node:util';
import Mocha = require('mocha');

/** Called by VS Code once the extension host is up; resolves when every test passed. */
export async function run(): Promise<void> {
  // The extension host forwards console arguments unformatted and ignores assignments to console.log:
  // format mocha's lines here and mark them, so the driver can pick them out of the workbench's console.
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(`[mocha] ${util.format(...args)}`);
  const suite = process.env.ASYNC_LENS_TEST_SUITE ?? 'dev';
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  // ASYNC_LENS_VSCODE_GREP narrows a session to matching tests while working on them.
  if (process.env.ASYNC_LENS_VSCODE_GREP) mocha.grep(process.env.ASYNC_LENS_VSCODE_GREP);
  const dir = path.join(__dirname, suite);
  for (const file of fs.readdirSync(dir).filter((name) => name.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(dir, file));
  }
  const failures = await new Promise<number>((resolve) => {
    const runner = mocha.run(resolve);
    runner.on('end', () => {
      const result = { passes: runner.stats?.passes ?? 0, failures: runner.stats?.failures ?? 0 };
      const file = process.env.VSCODE_TEST_RESULT_FILE;
      if (file) fs.writeFileSync(file, JSON.stringify(result));
    });
  });
  if (failures > 0) throw new Error(`${failures} tests failed`);
}
