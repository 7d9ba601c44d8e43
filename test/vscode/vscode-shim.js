#!/usr/bin/env node
// Stands in for the VS Code executable of @vscode/test-electron's `runTests({ vscodeExecutablePath })`: it
// takes the arguments runTests passes (--extensionDevelopmentPath=, --extensionTestsPath=, the workspace,
// Electron flags that mean nothing here) and runs the session in code-server through the driver.
'use strict';
const { parseArgs, run } = require('./run-in-code-server');

run(parseArgs(process.argv.slice(2))).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(4);
  },
);
