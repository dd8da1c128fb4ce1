// Regenerates .env.example and the README's configuration table from src/config/variables.ts
// (run after adding or changing a variable; test/config.test.ts fails while they differ).
const fs = require('node:fs');
const path = require('node:path');
const { renderEnvExample, renderConfigTable } = require('../dist/config/docs');

const root = path.resolve(__dirname, '..');
fs.writeFileSync(path.join(root, '.env.example'), renderEnvExample());
const readmePath = path.join(root, 'README.md');
const readme = fs.readFileSync(readmePath, 'utf8');
const start = '<!-- config-table:start -->';
const end = '<!-- config-table:end -->';
const a = readme.indexOf(start);
const b = readme.indexOf(end);
if (a < 0 || b < a) throw new Error(`README.md needs the markers ${start} and ${end}`);
fs.writeFileSync(
  readmePath,
  readme.slice(0, a + start.length) + '\n' + renderConfigTable() + '\n' + readme.slice(b),
);
console.log('updated .env.example and the README configuration table');
