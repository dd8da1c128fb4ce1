// The real built CLI: `mujib rules check|test`, `classify`, `try`. stdout carries nothing but
// their output (no dotenv or natural banners), so it can be piped.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const CLI = path.join(ROOT, 'dist', 'cli', 'main.js');
let dataDir: string;

function mujib(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    env: { ...process.env, MUJIB_DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    timeout: 120_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(() => {
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'pipe' });
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mujib-cli-'));
}, 300_000);
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('mujib rules', () => {
  it('check: exit 0 and a one-line summary for the shipped pack', () => {
    const r = mujib(['rules', 'check']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /^rules: ok — 13 categories, \d+ rules, \d+ urgent signals, \d+ training examples, \d+ spam and \d+ chatter examples, \d+ test cases\n$/,
    );
  });

  it('check: exit 1 and every problem as path:line:col: message', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mujib-cli-pack-'));
    fs.cpSync(path.join(ROOT, 'rules'), dir, { recursive: true });
    const file = path.join(dir, 'urgent.yml');
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    const i = lines.indexOf('  - id: urgent-collapse');
    lines[i] = '  - id: Urgent Collapse';
    fs.writeFileSync(file, lines.join('\n'));
    fs.writeFileSync(path.join(dir, 'tests.yml'), 'cases:\n  - text: x\n    category: road\n');
    const r = mujib(['rules', 'check', dir]);
    expect(r.code).toBe(1);
    expect(r.out.trimEnd().split('\n')).toEqual([
      `${dir}/tests.yml:3:15: unknown category 'road' (did you mean 'roads'?); categories.yml defines: roads, lighting, waste, water_sewage, buildings, animals_pests, public_health, parks, staff_conduct, digital_services, inquiry, praise, other`,
      `${file}:${i + 1}:9: 'id': use lowercase English letters, digits, - and _ (like roads-potholes)`,
    ]);
    expect(r.err).toMatch(/2 problems in .*: nothing was applied/);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('test: runs tests.yml through rules and the model, all passing', () => {
    const r = mujib(['rules', 'test']);
    expect(r.out).toMatch(/^(\d+)\/\1 passed\n$/);
    expect(r.code).toBe(0);
  }, 120_000);
});

describe('mujib classify', () => {
  it('reads tweets from stdin and writes one JSON decision per line', () => {
    const input = [
      'الزبالة ما انشالت من أسبوع',
      JSON.stringify({ id: '42', text: 'كلاب ضالة هاجمت ولدي عند المدرسة' }),
      '',
      'The street lights on our road are off',
    ].join('\n');
    const r = mujib(['classify', '--json'], input);
    expect(r.code).toBe(0);
    const out = r.out
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out).toEqual([
      {
        lang: 'ar',
        category: 'waste',
        confidence: 1,
        source: 'rule',
        rule: 'waste-garbage',
        urgent: false,
        needsTriage: false,
        // Urgency's learned source is shown even when it did not flag (issue 11).
        urgency: {
          signals: [],
          model: { p: expect.any(Number), threshold: expect.any(Number) },
          reason: 'not urgent',
        },
      },
      expect.objectContaining({
        id: '42',
        category: 'animals_pests',
        source: 'rule',
        urgent: true,
        route: 'emergency',
        urgency: expect.objectContaining({ signals: ['urgent-animal-attack'] }),
      }),
      expect.objectContaining({ lang: 'en', category: 'lighting', rule: 'lighting-poles', urgent: false }),
    ]);
  }, 60_000);

  it('writes tab-separated lines without --json', () => {
    const r = mujib(['classify', '--no-model'], 'حفرة كبيرة\n');
    expect(r.out).toBe('roads\t1.00\trule:roads-potholes\t-\tحفرة كبيرة\n');
  });
});

describe('mujib try', () => {
  it('explains one tweet for a person', () => {
    const r = mujib(['try', '--no-model', 'الإنارة طافية وفيه سلك مكشوف']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Words:      الاناره طافيه وفيه سلك مكشوف');
    expect(r.out).toMatch(/→ lighting-out \(lighting, priority 60\): إنارة \+ طافي\*/);
    expect(r.out).toMatch(/Urgent: +urgent-exposed-wires-hanging/);
    expect(r.out).toMatch(/Decision: +lighting \(rule lighting-out\) — URGENT\n$/);
  });
});
