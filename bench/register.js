// Runs the TypeScript benchmark straight from source on a clean clone (no ts-node): a tiny
// require hook that transpiles .ts files with the TypeScript compiler we already depend on.
const fs = require('node:fs');
const ts = require('typescript');

require.extensions['.ts'] = function register(module, filename) {
  const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
    fileName: filename,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
    },
  });
  module._compile(outputText, filename);
};
