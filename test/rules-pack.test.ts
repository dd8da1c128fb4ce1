// The shipped pack loads, and broken copies of it fail with the exact place to fix.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadRulePack } from '../src/pack/load';
import { formatProblem } from '../src/rules/problem';
import { generatedFiles } from '../src/pack/schema-files';

const ROOT = path.resolve(__dirname, '..');
const SHIPPED = path.join(ROOT, 'rules');
const TAXONOMY = [
  'roads',
  'lighting',
  'waste',
  'water_sewage',
  'buildings',
  'animals_pests',
  'public_health',
  'parks',
  'staff_conduct',
  'digital_services',
  'inquiry',
  'praise',
  'other',
];

/** A copy of the shipped pack in a temp folder, returned as a relative path (short messages). */
function copyPack(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mujib-pack-'));
  fs.cpSync(SHIPPED, dir, { recursive: true });
  return dir;
}

/** Replaces `from` (which must occur once) in a pack file; returns its 1-based line. */
function edit(dir: string, file: string, from: string, to: string): number {
  const p = path.join(dir, file);
  const text = fs.readFileSync(p, 'utf8');
  const at = text.indexOf(from);
  expect(at).toBeGreaterThanOrEqual(0);
  expect(text.indexOf(from, at + 1)).toBe(-1);
  fs.writeFileSync(p, text.slice(0, at) + to + text.slice(at + from.length));
  return text.slice(0, at).split('\n').length;
}

const problemsOf = (dir: string) => loadRulePack(dir).problems.map(formatProblem);

describe('the shipped rule pack', () => {
  const { pack, problems } = loadRulePack(SHIPPED);

  it('loads without problems', () => {
    expect(problems.map(formatProblem)).toEqual([]);
    expect(pack).toBeDefined();
  });

  it('has exactly the DESIGN.md taxonomy, each with names and training examples', () => {
    expect(pack!.categories.map((c) => c.id).sort()).toEqual([...TAXONOMY].sort());
    for (const c of pack!.categories) {
      expect(c.names.ar).toMatch(/\p{Script=Arabic}/u);
      expect(c.names.en).toMatch(/[A-Za-z]/);
      expect(pack!.training.find((t) => t.category === c.id)?.examples.length).toBeGreaterThan(0);
    }
  });

  it('starts every YAML file with its editor schema line', () => {
    for (const file of Object.keys(pack!.sources)) {
      const first = fs.readFileSync(file, 'utf8').split('\n')[0];
      expect(first).toMatch(/^# yaml-language-server: \$schema=(\.\.\/)+schema\/[a-z]+\.schema\.json$/);
    }
  });

  it('orders rules by priority, ties in file order', () => {
    const pr = pack!.rules.map((r) => r.priority);
    expect([...pr].sort((a, b) => b - a)).toEqual(pr);
  });
});

describe('a broken copy of the pack', () => {
  let dir: string;
  beforeEach(() => {
    dir = copyPack();
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const f = (file: string) => path.join(dir, file);

  it('reports a YAML syntax error at its line and nothing is applied', () => {
    const line = edit(dir, 'categories.yml', '          - طسوس\n', '          - [طسوس\n');
    const { pack, problems } = loadRulePack(dir);
    expect(pack).toBeUndefined();
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]!.file).toBe(f('categories.yml'));
    expect(problems[0]!.line).toBeGreaterThanOrEqual(line);
    expect(problems[0]!.message).toMatch(/YAML syntax error/);
  });

  it('names an unknown key with a suggestion, at the key', () => {
    const line = edit(
      dir,
      'categories.yml',
      '      - id: roads-potholes\n        priority: 45\n',
      '      - id: roads-potholes\n        priorty: 45\n',
    );
    expect(problemsOf(dir)).toEqual([
      `${f('categories.yml')}:${line + 1}:9: unknown key 'priorty' (did you mean 'priority'?)`,
    ]);
  });

  it('says a priority must be a number', () => {
    const line = edit(
      dir,
      'categories.yml',
      '      - id: roads-asphalt\n        priority: 45\n',
      '      - id: roads-asphalt\n        priority: high\n',
    );
    expect(problemsOf(dir)).toEqual([`${f('categories.yml')}:${line + 1}:19: 'priority' must be a number`]);
  });

  it('rejects an unknown category in a training file and in tests.yml', () => {
    edit(dir, 'training/parks.yml', 'category: parks', 'category: prks');
    const t = fs.readFileSync(f('tests.yml'), 'utf8').split('\n');
    const line = t.findIndex((l) => l.includes('category: lighting')) + 1;
    t[line - 1] = t[line - 1]!.replace('lighting', 'lightning');
    fs.writeFileSync(f('tests.yml'), t.join('\n'));
    const problems = problemsOf(dir);
    expect(problems).toContain(
      `${f('training/parks.yml')}:2:11: unknown category 'prks' (did you mean 'parks'?); categories.yml defines: ${TAXONOMY.join(', ')}`,
    );
    expect(problems).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^${f('tests.yml')}:${line}:15: unknown category 'lightning' \\(did you mean 'lighting'\\?\\)`,
        ),
      ),
    );
  });

  it('names a category without training examples, at its id', () => {
    fs.rmSync(f('training/waste.yml'));
    const line = fs.readFileSync(f('categories.yml'), 'utf8').split('\n').indexOf('  - id: waste') + 1;
    expect(problemsOf(dir)).toEqual([
      `${f('categories.yml')}:${line}:9: category 'waste' has no training examples: add ${f('training/waste.yml')}`,
    ]);
  });

  it('rejects a regex RE2 cannot run, at the pattern', () => {
    const line = edit(
      dir,
      'categories.yml',
      `          - '(^|\\D)940(\\D|$)'`,
      `          - '(?<=call )940'`,
    );
    const problems = problemsOf(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      new RegExp(`^${f('categories.yml')}:${line}:13: invalid regex '\\(\\?<=call \\)940': `),
    );
  });

  it('rejects duplicate ids where the second one is', () => {
    const line = edit(dir, 'categories.yml', '      - id: roads-asphalt\n', '      - id: roads-potholes\n');
    expect(problemsOf(dir)).toEqual([
      `${f('categories.yml')}:${line}:13: duplicate rule id 'roads-potholes' (ids must be unique in the pack)`,
    ]);
  });

  it('reports every problem at once, across files', () => {
    edit(
      dir,
      'categories.yml',
      '      - id: roads-asphalt\n        priority: 45\n',
      '      - id: roads-asphalt\n        priority: high\n',
    );
    edit(dir, 'urgent.yml', '  - id: urgent-collapse\n', '  - id: urgent-collapse\n    anyy: [x]\n');
    const problems = problemsOf(dir);
    expect(problems).toHaveLength(2);
    expect(problems[1]).toMatch(/urgent\.yml:\d+:5: unknown key 'anyy' \(did you mean 'any'\?\)/);
  });

  it('flags a misspelt file name instead of ignoring it', () => {
    fs.renameSync(f('tests.yml'), f('test.yml'));
    expect(problemsOf(dir)).toEqual([
      expect.stringMatching(/test\.yml:1:1: unknown rules file \(did you mean 'tests\.yml'\?\)/),
    ]);
  });
});

describe('generated schema files and docs', () => {
  it('are up to date with src/rules/schemas (run npm run gen:schema)', () => {
    const files = generatedFiles(ROOT);
    for (const [file, content] of Object.entries(files)) {
      const committed = fs.existsSync(path.join(ROOT, file))
        ? fs.readFileSync(path.join(ROOT, file), 'utf8')
        : '';
      expect({ file, stale: committed !== content }).toEqual({ file, stale: false });
    }
  });
});
