// Lets a test spawn `node -r test/support/ts-register.js src/…/x.ts` without a build: a
// minimal require hook that transpiles TypeScript with the compiler we already depend on.
const ts = require('typescript');
const fs = require('node:fs');

require.extensions['.ts'] = function register(module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const out = ts.transpileModule(source, {
    fileName: filename,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
      sourceMap: false,
    },
  });
  module._compile(out.outputText, filename);
};
