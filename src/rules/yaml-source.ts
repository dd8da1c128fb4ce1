// YAML files staff edit, parsed with positions, and validated against their JSON Schema with
// every error pointing at the line and column to fix.
//
// How a rule file type registers (Renovate style: one schema is the single source of truth):
//   1. Write its JSON Schema as a TS object in src/rules/schemas/<name>.ts, with a
//      `description` on every property (people read them: in the editor through
//      `# yaml-language-server: $schema=…`, and in the generated reference of docs/rules.md).
//   2. Add one entry to `ruleFiles` in src/rules/schemas/index.ts ({ name, files, schema, … }).
//   3. Run `npm run gen:schema`: writes schema/<name>.schema.json and the docs reference;
//      commit both (test/rules-schema.test.ts fails when they are stale).
// The loader (src/rules/load.ts) then parses and validates the file with this module and
// keeps its data in `pack.files[name]`; cross-file checks go in its `checks` hook.
import fs from 'node:fs';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import {
  LineCounter,
  Parser,
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseDocument,
  type Document,
  type Node,
} from 'yaml';
import { aliasOverflow, mb, RULE_BUDGETS, tooDeep, type RuleBudgets } from './budgets';
import { formatProblem, hint, type Problem } from './problem';

export { formatProblem, type Problem } from './problem';

export type YamlPath = readonly (string | number)[];

export interface YamlSource {
  file: string;
  text: string;
  doc: Document;
  /** Plain JS data (null for an empty file). */
  data: unknown;
  /** YAML syntax problems (and nothing else): when non-empty, `data` must not be trusted. */
  problems: Problem[];
  /** Where the node at `path` starts; with `key`, where its key starts (for "unknown key"). The
   *  deepest existing ancestor when the path does not exist (e.g. a missing key). */
  locate(path: YamlPath, opts?: { key?: boolean }): { line: number; col: number };
  /** A problem at `path`. */
  problemAt(path: YamlPath, message: string, opts?: { key?: boolean }): Problem;
}

/** Reads and parses a YAML file; a missing/unreadable file becomes a problem at 1:1, and so
 *  does one over the size budget (its size is checked before anything is read). */
export function parseYamlFile(
  file: string,
  displayName = file,
  budgets: RuleBudgets = RULE_BUDGETS,
): YamlSource {
  const problem = (message: string) => {
    const src = parseYamlText('', displayName);
    src.problems.push({ file: displayName, line: 1, col: 1, message });
    return src;
  };
  let text: string;
  try {
    text = readCapped(file, budgets.maxFileBytes);
  } catch (e) {
    if (e instanceof TooBig)
      return problem(
        `file is ${mb(e.size)}; a rules file may be at most ${mb(budgets.maxFileBytes)} (split it or remove what is not needed)`,
      );
    return problem(`cannot read file: ${(e as Error).message}`);
  }
  return parseYamlText(text, displayName, budgets);
}

class TooBig extends Error {
  constructor(readonly size: number) {
    super('too big');
  }
}

/** The file's text, never reading more than `max` bytes (a file growing while read is caught too). */
function readCapped(file: string, max: number): string {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    if (size > max) throw new TooBig(size);
    const buf = Buffer.alloc(max + 1);
    let got = 0;
    for (let n; got <= max && (n = fs.readSync(fd, buf, got, max + 1 - got, null)) > 0;) got += n;
    if (got > max) throw new TooBig(got);
    return buf.subarray(0, got).toString('utf8');
  } finally {
    fs.closeSync(fd);
  }
}

export function parseYamlText(text: string, file: string, budgets: RuleBudgets = RULE_BUDGETS): YamlSource {
  const lc = new LineCounter();
  const body = text.replace(/^\uFEFF/, '');
  const pos = (offset: number) => lc.linePos(offset);
  const problems: Problem[] = [];
  // Depth first, on the parser's flat tokens: composing a 15,000-deep list overflows the stack.
  const deep = body.length
    ? tooDeep(new Parser((o) => lc.addNewLine(o)).parse(body), budgets.maxDepth)
    : undefined;
  if (deep !== undefined) {
    const doc = parseDocument('');
    problems.push({
      file,
      ...pos(deep),
      message: `nested more than ${budgets.maxDepth} levels deep here; rules files never need that much`,
    });
    return source(file, text, doc, null, problems, pos);
  }
  // prettyErrors off: we add the position ourselves, without yaml's multi-line excerpt.
  const lineCounter = new LineCounter();
  const doc = parseDocument(body, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
  });
  for (const err of [...doc.errors, ...doc.warnings]) {
    const { line, col } = pos(err.pos[0]);
    const what = /^[^:\n]*/.exec(text.slice(err.pos[0]))![0].trim();
    problems.push({ file, line, col, message: syntaxMessage(err.code, err.message, what) });
  }
  let data: unknown = null;
  if (doc.errors.length === 0) {
    // Aliases before toJS(): 999 uses of one 20,000-item anchor are 20 million nodes.
    const over = aliasOverflow(doc, budgets.maxNodes);
    if (over)
      problems.push({
        file,
        ...pos(over.offset),
        message: `aliases expand the file past ${budgets.maxNodes.toLocaleString('en')} values here (each *alias copies its whole &anchor); write the list once or split the rule`,
      });
    else
      try {
        data = doc.toJS({ maxAliasCount: 1000 }) ?? null;
      } catch (e) {
        problems.push({ file, line: 1, col: 1, message: (e as Error).message });
      }
  }
  return source(file, text, doc, data, problems, pos);
}

function source(
  file: string,
  text: string,
  doc: Document,
  data: unknown,
  problems: Problem[],
  pos: (offset: number) => { line: number; col: number },
): YamlSource {
  const locate = (path: YamlPath, opts: { key?: boolean } = {}) => {
    let node: unknown = doc.contents;
    let at: number | undefined = rangeStart(node);
    for (let i = 0; i < path.length; i++) {
      const seg = path[i]!;
      const last = i === path.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && keyText(p.key) === String(seg));
        if (!pair) break;
        const keyStart = rangeStart(pair.key);
        if (last && opts.key && keyStart !== undefined) return pos(keyStart);
        node = pair.value;
        // A key with no value ("any:") has no node, or an empty one: point at the key.
        const empty = isScalar(node) && node.range && node.range[0] === node.range[1];
        at = (empty ? undefined : rangeStart(node)) ?? keyStart ?? at;
      } else if (isSeq(node)) {
        const item = node.items[Number(seg)];
        if (item === undefined) break;
        node = item;
        at = rangeStart(node) ?? at;
      } else break;
    }
    return at === undefined ? { line: 1, col: 1 } : pos(at);
  };
  return {
    file,
    text,
    doc,
    data,
    problems,
    locate,
    problemAt: (path, message, opts) => ({ file, ...locate(path, opts), message }),
  };
}

function rangeStart(node: unknown): number | undefined {
  const r = (node as Node | null)?.range;
  return r ? r[0] : undefined;
}

function keyText(key: unknown): string {
  return isScalar(key) ? String(key.value) : String(key);
}

function syntaxMessage(code: string, message: string, what: string): string {
  const first = message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, '');
  if (code === 'DUPLICATE_KEY') return `duplicate key '${what}' (each key may appear only once here)`;
  if (code === 'TAB_AS_INDENT') return `${first}: indent with spaces, not tabs`;
  return `YAML syntax error: ${first}`;
}

// ---- schema validation ----------------------------------------------------------------

const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true });
// Editor-only keywords the YAML language server understands; ajv must accept them.
ajv.addKeyword({ keyword: 'markdownDescription' });
ajv.addKeyword({ keyword: 'patternErrorMessage' });
ajv.addKeyword({ keyword: 'defaultSnippets' });
const compiled = new WeakMap<object, ValidateFunction>();

/** Validates `source.data` against a JSON Schema; every error becomes a Problem at its node. */
export function validateWithSchema(source: YamlSource, schema: object): Problem[] {
  if (source.problems.length) return []; // syntax errors first: the data is not what staff meant
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  if (validate(source.data)) return [];
  const out: Problem[] = [];
  const seen = new Set<string>();
  for (const err of validate.errors ?? []) {
    // anyOf/oneOf/if summaries repeat what their branches already said.
    if (['anyOf', 'oneOf', 'if'].includes(err.keyword)) continue;
    const path = pointerToPath(err.instancePath);
    const { message, key, at } = humanMessage(err, path);
    const p = source.problemAt(at ?? path, message, { key });
    const id = formatProblem(p);
    if (!seen.has(id)) {
      seen.add(id);
      out.push(p);
    }
  }
  return out;
}

function pointerToPath(pointer: string): (string | number)[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text (a string)',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping of keys (key: value)',
  null: 'empty',
};

function typeWords(t: unknown): string {
  const list = Array.isArray(t) ? t : [t];
  return list.map((x) => TYPE_WORDS[String(x)] ?? String(x)).join(' or ');
}

/** "'priority'", "item 2 of 'any'", or "the file" for the root. */
function subject(path: (string | number)[]): string {
  const last = path[path.length - 1];
  if (last === undefined) return 'the file';
  if (typeof last === 'number') {
    const parent = path[path.length - 2];
    return parent === undefined || typeof parent === 'number'
      ? `item ${last + 1}`
      : `item ${last + 1} of '${parent}'`;
  }
  return `'${last}'`;
}

function humanMessage(
  err: ErrorObject,
  path: (string | number)[],
): { message: string; key?: boolean; at?: (string | number)[] } {
  const s = subject(path);
  const p = err.params as Record<string, unknown>;
  const parent = err.parentSchema as Record<string, unknown> | undefined;
  switch (err.keyword) {
    case 'additionalProperties': {
      const k = String(p.additionalProperty);
      const allowed = Object.keys((parent?.properties as object | undefined) ?? {});
      const fix = hint(k, allowed) || (allowed.length ? ` (allowed: ${allowed.join(', ')})` : '');
      return { message: `unknown key '${k}'${fix}`, key: true, at: [...path, k] };
    }
    case 'required':
      return {
        message: `missing required key '${String(p.missingProperty)}'${path.length ? ` in ${s}` : ''}`,
      };
    case 'type':
      if (err.data === null || err.data === undefined)
        return { message: `${s} is empty; it must be ${typeWords(p.type)}` };
      return { message: `${s} must be ${typeWords(p.type)}` };
    case 'enum': {
      const allowed = (p.allowedValues as unknown[]).map(String);
      return {
        message: `${s} is '${String(err.data)}', which is not allowed${hint(String(err.data), allowed)}; use one of: ${allowed.join(', ')}`,
      };
    }
    case 'const':
      return { message: `${s} must be ${JSON.stringify(p.allowedValue)}` };
    case 'pattern':
      return {
        message:
          typeof parent?.patternErrorMessage === 'string'
            ? `${s}: ${parent.patternErrorMessage}`
            : `${s} ('${String(err.data)}') must match ${String(p.pattern)}`,
      };
    case 'minLength':
      return {
        message:
          p.limit === 1 ? `${s} must not be empty` : `${s} must be at least ${String(p.limit)} characters`,
      };
    case 'maxLength':
      return { message: `${s} is too long (at most ${String(p.limit)} characters)` };
    case 'minItems':
      return { message: `${s} needs at least ${String(p.limit)} item${p.limit === 1 ? '' : 's'}` };
    case 'maxItems':
      return { message: `${s} has too many items (at most ${String(p.limit)})` };
    case 'uniqueItems': {
      const [i, j] = [Math.min(Number(p.i), Number(p.j)), Math.max(Number(p.i), Number(p.j))];
      return { message: `${s} lists the same value twice (items ${i + 1} and ${j + 1})`, at: [...path, j] };
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { message: `${s} must be ${String(p.comparison)} ${String(p.limit)}` };
    case 'minProperties':
      return { message: `${s} must not be empty` };
    default:
      return { message: `${s} ${err.message ?? 'is invalid'}` };
  }
}
