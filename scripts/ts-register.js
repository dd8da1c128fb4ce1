// Runs TypeScript straight from source with no build and no ts-node (benchmarks, the chaos
// harness's bot processes, CLI tests): `node -r ./scripts/ts-register.js src/cli/main.ts …`.
// A minimal require hook that transpiles with the TypeScript compiler we already depend on.
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
