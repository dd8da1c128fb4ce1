#!/usr/bin/env node
// Part of `npm run lint`: every src/ folder is in a layer of scripts/layers.cjs, no import goes
// up or sideways between layers, and no two files import each other, directly or round a loop.
// (eslint.config.mjs gives the same layering error in the editor; the cycle check needs the
// whole graph, so it lives here.)
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');
const { LAYERS, forbidden } = require('./layers.cjs');

// The folder to check: src/ of this package, or another (the tests give a small one).
const root = path.resolve(process.argv[2] ?? path.join(__dirname, '..', 'src'));
const files = [];
(function walk(d) {
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    const p = path.join(d, e.name);
    if (e.isDirectory()) walk(p);
    else if (p.endsWith('.ts')) files.push(p);
  }
})(root);

function resolve(from, spec) {
  if (!spec.startsWith('.')) return null;
  const base = path.resolve(path.dirname(from), spec);
  return [`${base}.ts`, path.join(base, 'index.ts'), base].find(
    (c) => fs.existsSync(c) && fs.statSync(c).isFile(),
  );
}
const rel = (f) => path.relative(root, f);
const folderOf = (f) => (rel(f).includes(path.sep) ? rel(f).split(path.sep)[0] : '(src)');

const problems = [];
const known = new Set(LAYERS.flat());
for (const f of new Set(files.map(folderOf))) {
  if (f !== '(src)' && !known.has(f)) problems.push(`src/${f}/ is in no layer of scripts/layers.cjs`);
}
const edges = new Map();
const banned = forbidden();
for (const f of files) {
  const { importedFiles } = ts.preProcessFile(fs.readFileSync(f, 'utf8'), true, true);
  const deps = [...new Set(importedFiles.map((i) => resolve(f, i.fileName)).filter(Boolean))];
  edges.set(f, deps);
  for (const d of deps) {
    const a = folderOf(f);
    const b = folderOf(d);
    if (a !== b && banned[a]?.includes(b))
      problems.push(`src/${rel(f)} imports src/${rel(d)}: ${a}/ may not import ${b}/`);
  }
}

// Tarjan's strongly connected components: any component of two or more files is a cycle.
let index = 0;
const idx = new Map();
const low = new Map();
const stack = [];
const on = new Set();
function visit(v) {
  idx.set(v, index);
  low.set(v, index++);
  stack.push(v);
  on.add(v);
  for (const w of edges.get(v) ?? []) {
    if (!idx.has(w)) {
      visit(w);
      low.set(v, Math.min(low.get(v), low.get(w)));
    } else if (on.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
  }
  if (low.get(v) === idx.get(v)) {
    const c = [];
    let w;
    do {
      w = stack.pop();
      on.delete(w);
      c.push(rel(w));
    } while (w !== v);
    if (c.length > 1) problems.push(`import cycle: ${c.sort().join(' ↔ ')}`);
  }
}
for (const f of files) if (!idx.has(f)) visit(f);

if (problems.length) {
  console.error(problems.join('\n'));
  console.error(
    `${problems.length} import problem${problems.length === 1 ? '' : 's'} (layers: scripts/layers.cjs)`,
  );
  process.exit(1);
}
console.log(`imports: ok — ${files.length} files, ${LAYERS.length} layers, no cycle`);
