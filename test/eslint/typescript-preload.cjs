// Preloaded (`node --require`) by the TypeScript matrix: `require('typescript')` resolves to the
// build named by ASYNC_LENS_TYPESCRIPT (an npm alias such as `typescript-5.0`), for
// @typescript-eslint/parser and the plugin alike, so both read the same build's trees.
const Module = require('node:module');

const alias = process.env.ASYNC_LENS_TYPESCRIPT;
if (alias && alias !== 'typescript') {
  const main = require.resolve(alias);
  const resolve = Module._resolveFilename;
  Module._resolveFilename = function (request, ...rest) {
    if (request === 'typescript') return main;
    if (request.startsWith('typescript/')) return resolve.call(this, alias + request.slice('typescript'.length), ...rest);
    return resolve.call(this, request, ...rest);
  };
}
