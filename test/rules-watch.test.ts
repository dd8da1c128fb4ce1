// Hot reload with real files: a valid edit applies, an invalid one keeps the last good pack
// and reports every problem with its place, fixing it applies again.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createClassifier } from '../src/classify/classifier';
import type { RulePack } from '../src/rules/pack';
import { formatProblem, type Problem } from '../src/rules/problem';
import { watchRules, type RulesWatcher } from '../src/pack/watch';

async function waitFor<T>(get: () => T | undefined, ms = 10_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = get();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Writes like an editor that saves to a temp file and renames it into place. */
function save(file: string, text: string): void {
  fs.writeFileSync(`${file}.tmp`, text);
  fs.renameSync(`${file}.tmp`, file);
}

describe('watchRules', () => {
  let dir: string;
  let watcher: RulesWatcher | undefined;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mujib-watch-'));
    fs.cpSync(path.resolve(__dirname, '..', 'rules'), dir, { recursive: true });
  });
  afterEach(() => {
    watcher?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('applies valid edits, keeps the last good pack on invalid ones, and recovers', async () => {
    const reloads: RulePack[] = [];
    const invalid: Problem[][] = [];
    watcher = watchRules(dir, {
      debounceMs: 100,
      onReload: (p) => reloads.push(p),
      onInvalid: (p) => invalid.push(p),
    });
    let active: RulePack | undefined;
    const apply = () => (active = reloads[reloads.length - 1]);
    const categoryOf = (text: string) => createClassifier({ pack: active!, threshold: 0.45 }).classify(text);
    const tweet = 'الكورنيش فيه صبة خرسانة مكسورة';
    const file = path.join(dir, 'categories.yml');
    const original = fs.readFileSync(file, 'utf8');

    // 1. Staff add a term: it applies within seconds.
    // (Added under طسوس, a term of the roads-sinking rule.)
    const added = original.replace('          - طسوس\n', '          - طسوس\n          - صبة خرسانة\n');
    const t0 = Date.now();
    save(file, added);
    await waitFor(() => reloads[0]);
    apply();
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(categoryOf(tweet)).toMatchObject({ category: 'roads', rule: 'roads-sinking' });

    // 2. A broken edit (bad regex + unknown key in training/): reported with places, not applied.
    save(file, added.replace(`'(^|\\D)940(\\D|$)'`, `'(940'`));
    const training = path.join(dir, 'training', 'roads.yml');
    save(training, fs.readFileSync(training, 'utf8').replace('examples:', 'exampels:'));
    const problems = await waitFor(() => invalid.find((ps) => ps.some((p) => p.file === training)));
    expect(problems.map(formatProblem)).toEqual([
      expect.stringMatching(new RegExp(`^${file}:\\d+:13: invalid regex '\\(940': missing closing \\)`)),
      `${training}:2:1: missing required key 'examples'`,
      `${training}:3:1: unknown key 'exampels' (did you mean 'examples'?)`,
    ]);
    expect(reloads).toHaveLength(1);
    expect(categoryOf(tweet).category).toBe('roads'); // the last good pack is still in force

    // 3. Fixing both applies again, whole.
    save(file, original);
    save(training, fs.readFileSync(training, 'utf8').replace('exampels:', 'examples:'));
    await waitFor(() => reloads[1]);
    apply();
    expect(categoryOf(tweet).source).not.toBe('rule');
  });
});
