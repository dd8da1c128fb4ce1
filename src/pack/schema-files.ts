// Generated artefacts of the rule-file schemas (schemas/index.ts is the single source):
// schema/<name>.schema.json for editors, and the reference section of docs/rules.md.
// `npm run gen:schema` writes them; test/rules-schema.test.ts fails when they are stale.
import fs from 'node:fs';
import path from 'node:path';
import { ruleFiles, type JsonSchema, type RuleFileSpec } from './files';

export const DOCS_FILE = 'docs/rules.md';
export const REFERENCE_BEGIN =
  '<!-- BEGIN GENERATED REFERENCE: edit src/rules/schemas/*.ts, then run npm run gen:schema -->';
export const REFERENCE_END = '<!-- END GENERATED REFERENCE -->';

/** Repo-relative path → content of every schema file. */
export function schemaFiles(specs: RuleFileSpec[] = ruleFiles): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of specs) out[`schema/${s.name}.schema.json`] = JSON.stringify(s.schema, null, 2) + '\n';
  return out;
}

/** docs text with the reference between the markers replaced (markers appended when missing). */
export function withReference(docs: string, specs: RuleFileSpec[] = ruleFiles): string {
  const block = `${REFERENCE_BEGIN}\n\n${reference(specs)}\n${REFERENCE_END}`;
  const a = docs.indexOf(REFERENCE_BEGIN);
  const b = docs.indexOf(REFERENCE_END);
  if (a < 0 || b < a) return `${docs.trimEnd()}\n\n${block}\n`;
  return docs.slice(0, a) + block + docs.slice(b + REFERENCE_END.length);
}

export function reference(specs: RuleFileSpec[] = ruleFiles): string {
  const parts: string[] = [];
  for (const s of specs) {
    const schema = s.schema;
    parts.push(`### \`rules/${s.files}\` — ${String(schema.title ?? s.name)}\n`);
    parts.push(`${String(schema.description ?? '')}\n`);
    parts.push(
      `${s.required ? 'Required' : 'Optional'}. Editor schema: \`schema/${s.name}.schema.json\` (first line of the file: \`# yaml-language-server: $schema=…\`).\n`,
    );
    parts.push('| Key | Type | Required | Description |\n|---|---|---|---|');
    for (const row of rows(schema, schema, '')) parts.push(row);
    parts.push('');
  }
  return parts.join('\n');
}

function resolve(root: JsonSchema, s: JsonSchema): JsonSchema {
  const ref = s.$ref;
  if (typeof ref !== 'string') return s;
  const name = ref.replace('#/definitions/', '');
  return resolve(root, ((root.definitions as Record<string, JsonSchema>) ?? {})[name] ?? {});
}

function typeOf(s: JsonSchema): string {
  if (Array.isArray(s.enum)) return s.enum.map((v) => `\`${String(v)}\``).join(' \\| ');
  const t = Array.isArray(s.type) ? s.type.join(' or ') : String(s.type ?? 'any');
  if (t === 'array' && s.items) {
    const it = s.items as JsonSchema;
    return it.type === 'object' || it.$ref ? 'list of mappings' : `list of ${typeOf(it)}`;
  }
  if (t === 'object' && !s.properties && s.additionalProperties) return 'mapping';
  return t;
}

function cell(text: unknown): string {
  return String(text ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\n/g, ' ');
}

function rows(root: JsonSchema, schema: JsonSchema, prefix: string): string[] {
  const s = resolve(root, schema);
  const props = (s.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((s.required as string[] | undefined) ?? []);
  const out: string[] = [];
  for (const [key, raw] of Object.entries(props)) {
    const p = resolve(root, raw);
    const name = `${prefix}${key}`;
    const dflt = p.default !== undefined ? ` Default: \`${JSON.stringify(p.default)}\`.` : '';
    out.push(
      `| \`${name}\` | ${cell(typeOf(p))} | ${required.has(key) ? 'yes' : ''} | ${cell(p.description)}${dflt} |`,
    );
    if (p.type === 'object' && p.properties) out.push(...rows(root, p, `${name}.`));
    const items = p.items ? resolve(root, p.items as JsonSchema) : undefined;
    if (p.type === 'array' && items?.type === 'object') out.push(...rows(root, items, `${name}[].`));
    const extra = p.additionalProperties;
    if (extra && typeof extra === 'object' && resolve(root, extra as JsonSchema).properties)
      out.push(...rows(root, extra as JsonSchema, `${name}.<key>.`));
  }
  return out;
}

/** Every generated file (repo-relative path → content). schema/ is in .prettierignore: the
 *  generator's JSON.stringify layout is the format. */
export function generatedFiles(root: string, specs: RuleFileSpec[] = ruleFiles): Record<string, string> {
  const out: Record<string, string> = { ...schemaFiles(specs) };
  const docsPath = path.join(root, DOCS_FILE);
  const docs = fs.existsSync(docsPath) ? fs.readFileSync(docsPath, 'utf8') : '# Rules\n';
  out[DOCS_FILE] = withReference(docs, specs);
  return out;
}
