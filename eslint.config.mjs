// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';
import layers from './scripts/layers.cjs';

// The layering of src/ (scripts/layers.cjs) as import restrictions: a folder may import only
// folders of lower layers; mongoose and the models only inside src/store/. Relative imports are
// matched by depth, so that `../rules` from src/text/ and `../../rules` from src/rules/schemas/
// are both seen for what they reach.
const banned = layers.forbidden();
const up = (depth) => `^(\\./)?${'\\.\\./'.repeat(depth)}`;
function layerRules(folder) {
  const config = [];
  for (const depth of [1, 2, 3]) {
    const patterns = [];
    if (banned[folder].length)
      patterns.push({
        regex: `${up(depth)}(${banned[folder].join('|')})(/|$)`,
        message: `src/${folder}/ may not import this folder: it is not in a lower layer (scripts/layers.cjs).`,
      });
    if (folder !== 'store')
      patterns.push({
        regex: `${up(depth)}store/models(/|$)`,
        message: 'Only src/store/ knows the models: call a store function with the Store handle.',
      });
    config.push({
      files: [`src/${folder}/${'*/'.repeat(depth - 1)}*.ts`],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            paths:
              folder === 'store' ? [] : [{ name: 'mongoose', message: 'Only src/store/ talks to MongoDB.' }],
            patterns,
          },
        ],
      },
    });
  }
  return config;
}

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.mujib/', 'coverage/', 'tools/**/*.go'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        __dirname: 'readonly',
        console: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  ...layers.LAYERS.flat().flatMap(layerRules),
);
