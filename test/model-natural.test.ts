// Our shortcuts around natural must not change what natural computes: sparse training gives
// natural's exact counts, and our sparse log-space scoring ranks classes like natural's own
// getClassifications().
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readLabelledFile } from '../src/classify/dataset';
import { trainModel, type TrainingExample } from '../src/classify/model';
import { featuresOf } from '../src/classify/model-features';
import { createBayes, trainSparse } from '../src/classify/natural-bayes';

const repo = path.resolve(__dirname, '..');
const shared = process.env.MUJIB_SHARED_DIR ?? path.resolve(repo, '..', 'shared');
const trainCsv = path.join(shared, 'datasets', 'arbanking77', 'Banking77_Arabized_MSA_PAL_train.csv');
const testCsv = path.join(shared, 'datasets', 'arbanking77', 'Banking77_Arabized_Saudi_test.csv');

// A real sample: 12 classes × 25 examples of ArBanking77, or a small built-in set without it.
function sample(): { train: TrainingExample[]; test: TrainingExample[] } {
  if (!fs.existsSync(trainCsv)) {
    const t = [
      { category: 'roads', text: 'حفرة كبيرة في الشارع' },
      { category: 'roads', text: 'الأسفلت متكسر في الطريق' },
      { category: 'lighting', text: 'الإنارة طافية في الشارع' },
      { category: 'lighting', text: 'عمود الإنارة طايح' },
      { category: 'waste', text: 'الزبالة متكدسة في الشارع' },
    ];
    return { train: t, test: t };
  }
  const all = readLabelledFile(trainCsv);
  const keep = [...new Set(all.map((e) => e.category))].slice(0, 12);
  const train = keep.flatMap((c) => all.filter((e) => e.category === c).slice(0, 25));
  const test = readLabelledFile(testCsv)
    .filter((e) => keep.includes(e.category))
    .slice(0, 150);
  return { train, test };
}

const FEATURES = { bigrams: true, charNgrams: [] };

describe('natural equivalence', () => {
  const { train, test } = sample();
  const docs = train.map((e) => ({ features: featuresOf(e.text, FEATURES), label: e.category }));

  it('sparse training gives exactly the counts of natural’s own train()', () => {
    const stock = createBayes(0.3);
    const fast = createBayes(0.3);
    for (const d of docs) {
      stock.addDocument(d.features, d.label);
      fast.addDocument(d.features, d.label);
    }
    stock.train(); // natural's dense O(documents × vocabulary) path
    trainSparse(fast);
    expect(fast.classifier.classFeatures).toEqual(stock.classifier.classFeatures);
    expect(fast.classifier.classTotals).toEqual(stock.classifier.classTotals);
    expect(fast.classifier.totalExamples).toBe(stock.classifier.totalExamples);
    expect(Object.prototype.hasOwnProperty.call(globalThis, 'value')).toBe(false); // no leaked global
  });

  it('our scores rank classes like natural’s getClassifications, with the same log values', () => {
    const stock = createBayes(0.3);
    for (const d of docs) stock.addDocument(d.features, d.label);
    stock.train();
    const model = trainModel(train, { ...FEATURES, smoothing: 0.3, minDf: 1, maxFeatures: 0 });
    let compared = 0;
    for (const e of test) {
      const features = featuresOf(e.text, FEATURES);
      const theirs = stock.getClassifications(features);
      const { scores } = model.scores(e.text);
      const ours = model.categories.map((c, i) => ({ label: c, log: scores[i]! }));
      for (const t of theirs) {
        if (t.value === 0) continue; // natural underflowed: only its ranking of non-zero values is meaningful
        expect(Math.log(t.value)).toBeCloseTo(ours.find((o) => o.label === t.label)!.log, 6);
        compared++;
      }
      // Same winner whenever natural's best is not an underflowed tie.
      if (theirs[0]!.value > 0 && theirs[0]!.value !== theirs[1]?.value) {
        expect(model.predict(e.text).category).toBe(theirs[0]!.label);
      }
    }
    expect(compared).toBeGreaterThan(test.length);
  });
});

describe('loading natural prints nothing', () => {
  it('requiring the model and text modules leaves stdout empty, even with a .env present', () => {
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'mujib-quiet-'));
    fs.writeFileSync(path.join(cwd, '.env'), 'SOMETHING=1\n');
    try {
      const script = `
        require(${JSON.stringify(path.join(repo, 'src/classify/model.ts'))});
        require(${JSON.stringify(path.join(repo, 'src/classify/model-store.ts'))});
        const m = require(${JSON.stringify(path.join(repo, 'src/classify/model.ts'))})
          .trainModel([{ text: 'حفرة', category: 'roads' }, { text: 'إنارة', category: 'lighting' }]);
        m.predict('حفرة');`;
      const r = spawnSync(process.execPath, ['-r', path.join(repo, 'scripts/ts-register.js'), '-e', script], {
        cwd,
        encoding: 'utf8',
      });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toBe('');
    } finally {
      fs.rmSync(cwd, { recursive: true, force: true });
    }
  });

  it('(control) natural’s index does print the dotenv banner, which is why we avoid it', () => {
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'mujib-quiet-'));
    fs.writeFileSync(path.join(cwd, '.env'), 'SOMETHING=1\n');
    try {
      const r = spawnSync(
        process.execPath,
        ['-e', `require(${JSON.stringify(require.resolve('natural'))})`],
        {
          cwd,
          encoding: 'utf8',
        },
      );
      // dotenv's banner changes wording (and rotates tips); what matters is that it is there.
      expect(r.stdout).toMatch(/inject(ing|ed) env/);
    } finally {
      fs.rmSync(cwd, { recursive: true, force: true });
    }
  });
});
