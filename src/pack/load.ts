// Loads a whole rule pack from its folder: every registered file kind (schemas/index.ts),
// syntax and schema checks, then cross-file checks. Atomic: either a complete, valid pack
// or the full list of problems, never a pack with parts missing.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { SignalRoute } from '../rules/routes';
import { splitExamples, type ExampleItem } from '../classify/training-set';
import { compileConditions, type ConditionsDef } from '../rules/conditions';
import type {
  Category,
  CategoryRule,
  LoadResult,
  PackCheck,
  RulePack,
  TestCase,
  TrainingSet,
  UrgentSignal,
} from '../rules/pack';
import { hint, sortProblems, type Problem } from '../rules/problem';
import { ruleFiles, type RuleFileSpec } from './files';
import { mb, RULE_BUDGETS, type RuleBudgets } from '../rules/budgets';
import { parseYamlFile, parseYamlText, validateWithSchema, type YamlSource } from '../rules/yaml-source';
import { FALLBACK_CATEGORY } from '../rules/pack';

export interface LoadOptions {
  /** Extra cross-file checks (besides each file kind's own `check`). */
  checks?: PackCheck[];
  /** File kinds to load; default: every registered kind. */
  specs?: RuleFileSpec[];
  /** Size and count limits (default RULE_BUDGETS). */
  budgets?: RuleBudgets;
}

interface Loaded {
  spec: RuleFileSpec;
  sources: YamlSource[];
}

export function loadRulePack(dir: string, opts: LoadOptions = {}): LoadResult {
  const specs = opts.specs ?? ruleFiles;
  const problems: Problem[] = [];
  const rel = (f: string) => path.join(dir, f);
  if (!isDir(dir)) return { problems: [{ file: dir, line: 1, col: 1, message: 'rules folder not found' }] };

  const budgets = opts.budgets ?? RULE_BUDGETS;
  let packBytes = 0;
  let overPack = false;
  const unread = new Set<YamlSource>();
  const parse = (f: string): YamlSource => {
    // A file over its own limit is reported by parseYamlFile (and does not count here).
    const size = fileSize(path.join(dir, f));
    if (size <= budgets.maxFileBytes) packBytes += size;
    if (packBytes <= budgets.maxPackBytes) return parseYamlFile(path.join(dir, f), rel(f), budgets);
    const src = parseYamlText('', rel(f));
    if (!overPack)
      src.problems.push({
        file: rel(f),
        line: 1,
        col: 1,
        message: `with this file the rules folder passes ${mb(budgets.maxPackBytes)} of rules files (remove what is not needed); the files after it were not read`,
      });
    overPack = true;
    unread.add(src);
    return src;
  };

  const loaded: Loaded[] = specs.map((spec) => {
    const files = filesFor(dir, spec);
    if (files.length === 0 && spec.required)
      problems.push({
        file: rel(spec.files),
        line: 1,
        col: 1,
        message: `missing: the pack needs ${spec.files}`,
      });
    const sources = files.map((f) => {
      const src = parse(f);
      problems.push(...src.problems, ...(unread.has(src) ? [] : validateWithSchema(src, spec.schema)));
      return src;
    });
    return { spec, sources };
  });
  problems.push(...unknownFiles(dir, specs));
  // Later checks only look at files that are themselves valid, so one typo gives one problem.
  const broken = new Set([...problems.map((p) => p.file), ...[...unread].map((s) => s.file)]);
  const valid = (l: Loaded | undefined) => (l?.sources ?? []).filter((s) => !broken.has(s.file));
  const byName = (name: string) => loaded.find((l) => l.spec.name === name);

  const categories: Category[] = [];
  const rules: (CategoryRule & { order: number })[] = [];
  const ruleIds = new Map<string, true>();
  const catAt = new Map<string, { src: YamlSource; path: (string | number)[] }>();
  // Past the budget, rules are reported once and not compiled.
  let overRules = false;
  const roomForRule = (src: YamlSource, at: (string | number)[]): boolean => {
    if (rules.length + urgent.length < budgets.maxRulesPerPack) return true;
    if (!overRules)
      problems.push(
        src.problemAt(
          at,
          `more than ${budgets.maxRulesPerPack.toLocaleString('en')} rules in the pack (category rules and urgent signals together)`,
        ),
      );
    overRules = true;
    return false;
  };
  const urgent: UrgentSignal[] = [];
  const dupId = (src: YamlSource, at: (string | number)[], kind: string, id: string) =>
    problems.push(src.problemAt(at, `duplicate ${kind} id '${id}' (ids must be unique in the pack)`));

  for (const src of valid(byName('categories'))) {
    const data = src.data as { categories: (Category & { rules?: RuleDef[] })[] };
    data.categories.forEach((c, ci) => {
      if (catAt.has(c.id)) return dupId(src, ['categories', ci, 'id'], 'category', c.id);
      catAt.set(c.id, { src, path: ['categories', ci, 'id'] });
      categories.push({ id: c.id, names: c.names, ...(c.description ? { description: c.description } : {}) });
      (c.rules ?? []).forEach((r, ri) => {
        const at = ['categories', ci, 'rules', ri];
        if (!roomForRule(src, at)) return;
        if (ruleIds.has(r.id)) dupId(src, [...at, 'id'], 'rule', r.id);
        ruleIds.set(r.id, true);
        const conditions = compileConditions(r, src, at, problems);
        rules.push({ id: r.id, category: c.id, priority: r.priority ?? 0, conditions, order: rules.length });
      });
    });
    if (!catAt.has(FALLBACK_CATEGORY))
      problems.push(
        src.problemAt(
          ['categories'],
          `missing category '${FALLBACK_CATEGORY}' (where tweets nothing fits go)`,
          {
            key: true,
          },
        ),
      );
  }
  const knownCategory = (src: YamlSource, at: (string | number)[], id: string): boolean => {
    if (catAt.size === 0 || catAt.has(id)) return true;
    problems.push(
      src.problemAt(
        at,
        `unknown category '${id}'${hint(id, catAt.keys())}; categories.yml defines: ${[...catAt.keys()].join(', ')}`,
      ),
    );
    return false;
  };

  for (const src of valid(byName('urgent'))) {
    const data = src.data as { signals: (RuleDef & { description?: string; route?: SignalRoute })[] };
    data.signals.forEach((s, i) => {
      if (!roomForRule(src, ['signals', i])) return;
      if (ruleIds.has(s.id)) dupId(src, ['signals', i, 'id'], 'rule', s.id);
      ruleIds.set(s.id, true);
      const conditions = compileConditions(s, src, ['signals', i], problems);
      urgent.push({
        id: s.id,
        ...(s.description ? { description: s.description } : {}),
        route: s.route ?? 'emergency',
        conditions,
      });
    });
  }

  const training: TrainingSet[] = [];
  for (const src of valid(byName('training'))) {
    const data = src.data as { category: string; examples: ExampleItem[] };
    const expected = path.basename(src.file).replace(/\.ya?ml$/, '');
    if (!knownCategory(src, ['category'], data.category)) continue;
    if (data.category !== expected)
      problems.push(
        src.problemAt(
          ['category'],
          `category '${data.category}' in a file named ${path.basename(src.file)}: rename the file to ${data.category}.yml or fix the category`,
        ),
      );
    const dup = training.find((t) => t.category === data.category);
    if (dup)
      problems.push(
        src.problemAt(
          ['category'],
          `category '${data.category}' already has training examples in ${dup.file}`,
        ),
      );
    training.push({ category: data.category, ...splitExamples(data.examples), file: src.file });
  }
  if (byName('training') && valid(byName('categories')).length) {
    for (const [id, at] of catAt)
      // A broken training/<id>.yml is already reported: do not also call it missing.
      if (!training.some((t) => t.category === id) && !fs.existsSync(path.join(dir, 'training', `${id}.yml`)))
        problems.push(
          at.src.problemAt(
            at.path,
            `category '${id}' has no training examples: add ${rel(`training/${id}.yml`)}`,
          ),
        );
  }

  const tests: TestCase[] = [];
  for (const src of valid(byName('tests'))) {
    const data = src.data as { cases: Omit<TestCase, 'file' | 'line'>[] };
    data.cases.forEach((c, i) => {
      knownCategory(src, ['cases', i, 'category'], c.category);
      tests.push({ ...c, file: src.file, line: src.locate(['cases', i]).line });
    });
  }

  rules.sort((a, b) => b.priority - a.priority || a.order - b.order);

  const files: Record<string, unknown> = {};
  const sources: Record<string, YamlSource> = {};
  for (const l of loaded) {
    files[l.spec.name] = l.spec.files.includes('*')
      ? l.sources.map((s) => ({ file: s.file, data: s.data }))
      : l.sources[0]?.data;
    for (const s of l.sources) sources[s.file] = s;
  }
  const pack: RulePack = {
    dir,
    categories,
    rules: rules.map(({ order: _order, ...r }) => r),
    urgent,
    training,
    tests,
    files,
    sources,
    hash: hashSources(dir, Object.values(sources)),
  };
  if (problems.length === 0) {
    for (const check of [...specs.flatMap((s) => s.check ?? []), ...(opts.checks ?? [])])
      problems.push(...check(pack));
  }
  return problems.length ? { problems: sortProblems(problems) } : { pack, problems: [] };
}

type RuleDef = ConditionsDef & { id: string; priority?: number };

function fileSize(p: string): number {
  try {
    return fs.statSync(p).size;
  } catch {
    return 0;
  }
}

function isDir(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

const YAML_FILE = /\.ya?ml$/;

/** The pack-relative files a spec covers, sorted (so file order is stable). */
function filesFor(dir: string, spec: RuleFileSpec): string[] {
  if (!spec.files.endsWith('/*.yml')) return fs.existsSync(path.join(dir, spec.files)) ? [spec.files] : [];
  const sub = spec.files.slice(0, -'/*.yml'.length);
  if (!isDir(path.join(dir, sub))) return [];
  return fs
    .readdirSync(path.join(dir, sub))
    .filter((f) => YAML_FILE.test(f))
    .sort()
    .map((f) => `${sub}/${f}`);
}

/** YAML files no spec covers: usually a misspelt name, which would otherwise be silently ignored. */
function unknownFiles(dir: string, specs: RuleFileSpec[]): Problem[] {
  const known = specs.filter((s) => !s.files.includes('*')).map((s) => s.files);
  const folders = specs.filter((s) => s.files.includes('*')).map((s) => s.files.split('/')[0]!);
  return fs
    .readdirSync(dir)
    .filter((f) => YAML_FILE.test(f) && !known.includes(f) && !folders.includes(f))
    .sort()
    .map((f) => ({
      file: path.join(dir, f),
      line: 1,
      col: 1,
      message: `unknown rules file${hint(f, known)}; the pack reads: ${[...known, ...specs.filter((s) => s.files.includes('*')).map((s) => s.files)].join(', ')}`,
    }));
}

function hashSources(dir: string, sources: YamlSource[]): string {
  const h = crypto.createHash('sha256');
  const files = sources
    .map((s) => [path.relative(dir, s.file), s.text] as const)
    .sort((a, b) => a[0].localeCompare(b[0]));
  for (const [file, text] of files) h.update(`${file}\0${text}\0`);
  return h.digest('hex');
}
