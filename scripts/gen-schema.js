#!/usr/bin/env node
// Writes schema/*.schema.json and the reference section of docs/rules.md from the schemas in
// src/rules/schemas (`npm run gen:schema` compiles just what it needs first).
const fs = require('node:fs');
const path = require('node:path');
const { generatedFiles } = require('../node_modules/.cache/mujib-gen-schema/pack/schema-files');

const root = path.resolve(__dirname, '..');
for (const [file, content] of Object.entries(generatedFiles(root))) {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), content);
  console.log(`wrote ${file}`);
}
