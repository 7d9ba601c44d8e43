// The performance floor DESIGN defines: one Node process on one thread that loads `typescript`
// and runs `ts.createSourceFile` on each file, start-up included. Usage: node bench/floor.cjs <dir>
const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const ts = require('typescript');

const EXTENSIONS = /\.(?:[cm]?tsx?|[cm]?jsx?)$/;

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === '.git') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (EXTENSIONS.test(entry.name) && !entry.name.endsWith('.d.ts')) yield path;
  }
}

let count = 0;
let nodes = 0;
for (const file of files(process.argv[2])) {
  const sourceFile = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest);
  nodes += sourceFile.statements.length;
  count += 1;
}
console.error(`${count} files parsed (${nodes} top-level statements)`);
