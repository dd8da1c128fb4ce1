import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadModel, softmax, trainModel, type TrainingExample } from '../src/classify/model';
import { ensureModel, MODEL_FILE } from '../src/classify/model-store';

const EXAMPLES: TrainingExample[] = [
  { category: 'roads', text: 'فيه حفرة كبيرة في شارع الأمير سلطان خربت كفر سيارتي' },
  { category: 'roads', text: 'الحفريات عند الدوار لها ثلاث شهور مفتوحة' },
  { category: 'roads', text: 'الأسفلت في شارع التحلية متكسر والسيارات تتخرب' },
  { category: 'roads', text: 'مطب جديد بدون دهان ولا لوحة في الشارع' },
  { category: 'roads', text: 'huge pothole on Olaya street, my car almost lost a wheel' },
  { category: 'lighting', text: 'أعمدة الإنارة طافية في الحي من أسبوع والشارع مظلم' },
  { category: 'lighting', text: 'الإنارة في الحديقة خربانة والأطفال خايفين' },
  { category: 'lighting', text: 'عمود إنارة طايح على الرصيف وأسلاكه مكشوفة' },
  { category: 'lighting', text: 'street lights are off on King Fahd road since Monday' },
  { category: 'waste', text: 'الزبالة متكدسة عند الحاوية من ثلاث أيام والريحة لا تطاق' },
  { category: 'waste', text: 'ما أحد جاء يشيل النفايات من الحي' },
  { category: 'waste', text: 'مخلفات بناء مرمية في الأرض الفاضية جنب بيتنا' },
  { category: 'waste', text: 'garbage has not been collected for a week, the bins are overflowing' },
];

describe('trainModel / predict', () => {
  const model = trainModel(EXAMPLES);

  it.each([
    ['حفرة في الشارع كسرت سيارتي', 'roads'],
    ['الإنارة طافية والشارع مظلم', 'lighting'],
    ['النفايات والزبالة متكدسة عند بيتنا', 'waste'],
    ['the garbage bins are overflowing', 'waste'],
    ['@amana #حفرة_كبيرة في الاسفلت', 'roads'],
  ])('%s → %s', (text, category) => {
    const p = model.predict(text);
    expect(p.category).toBe(category);
    expect(p.top[0]).toEqual({ category, p: p.confidence });
    expect(p.known).toBeGreaterThan(0);
  });

  it('gives probabilities that sum to 1, best first', () => {
    for (const text of ['حفرة', 'الإنارة', 'كلام لا علاقة له', '', '😡😡']) {
      const p = model.predict(text);
      expect(p.top).toHaveLength(3); // 3 categories: top holds them all
      expect(p.top.reduce((s, t) => s + t.p, 0)).toBeCloseTo(1, 12);
      expect(p.top.map((t) => t.p)).toEqual([...p.top.map((t) => t.p)].sort((a, b) => b - a));
    }
  });

  it('falls back on the priors, with known = 0, when no word is known', () => {
    const p = model.predict('zzz qqq');
    expect(p.known).toBe(0);
    expect(p.category).toBe('roads'); // the largest class
  });

  it('fits a temperature that tames Naive Bayes overconfidence, and can be turned off', () => {
    const many = Array.from({ length: 6 }, () => EXAMPLES).flat();
    const calibrated = trainModel(many);
    const raw = trainModel(many, { calibrate: false });
    expect(raw.temperature).toBe(1);
    expect(calibrated.temperature).not.toBe(1);
    for (const text of ['حفرة في الشارع', 'الإنارة طافية']) {
      expect(calibrated.predict(text).category).toBe(raw.predict(text).category); // same ranking
    }
  });

  it('softmax survives scores that would underflow exp()', () => {
    const p = softmax([-5000, -5001, -9000]);
    expect(p[0]! + p[1]! + p[2]!).toBeCloseTo(1, 12);
    expect(p[0]! / p[1]!).toBeCloseTo(Math.E, 9);
  });

  it('saves no training sentence, only counts and vocabulary', () => {
    const json = JSON.stringify(model.toJSON());
    for (const ex of EXAMPLES) {
      expect(json).not.toContain(ex.text);
      expect(json).not.toContain(ex.text.toLowerCase());
    }
    expect(Object.keys(model.toJSON()).sort()).toEqual(
      [
        'categories',
        'classTotals',
        'counts',
        'format',
        'options',
        'temperature',
        'totalExamples',
        'version',
        'vocabulary',
      ].sort(),
    );
  });

  it('round-trips through JSON with identical predictions', () => {
    const again = loadModel(JSON.parse(JSON.stringify(model.toJSON())));
    for (const text of [...EXAMPLES.map((e) => e.text), 'حفرة وإنارة', 'lights and garbage', '']) {
      expect(again.predict(text)).toEqual(model.predict(text));
    }
  });

  it('copes with feature names that are Object.prototype keys and numbers', () => {
    const m = trainModel([
      { category: 'a', text: 'constructor 123 __proto__ toString' },
      { category: 'b', text: 'hasOwnProperty valueOf 7' },
    ]);
    expect(m.predict('constructor').category).toBe('a');
    expect(m.predict('123').category).toBe('a');
    expect(m.predict('valueof 7').category).toBe('b');
  });

  it('refuses smoothing 0 (natural would silently use 1) and an empty training set', () => {
    expect(() => trainModel(EXAMPLES, { smoothing: 0 })).toThrow(/smoothing/);
    expect(() => trainModel([])).toThrow(/no training examples/);
    expect(() => loadModel({ ...model.toJSON(), version: 99 as never })).toThrow(/version/);
  });

  it('reports progress up to the total', () => {
    const seen: [number, number][] = [];
    trainModel(EXAMPLES, { onProgress: (d, t) => seen.push([d, t]) });
    expect(seen.at(-1)).toEqual([2 * EXAMPLES.length, 2 * EXAMPLES.length]);
  });
});

describe('ensureModel', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mujib-model-'));
    fs.mkdirSync(path.join(dir, 'rules', 'training'), { recursive: true });
    writeTraining('roads', ['حفرة كبيرة في الشارع', 'الأسفلت متكسر']);
    writeTraining('lighting', ['الإنارة طافية', 'عمود إنارة طايح']);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  function writeTraining(category: string, examples: string[]) {
    const yml = `category: ${category}\nexamples:\n${examples.map((e) => `  - "${e}"`).join('\n')}\n`;
    fs.writeFileSync(path.join(dir, 'rules', 'training', `${category}.yml`), yml);
  }
  const ensure = () => ensureModel({ rulesDir: path.join(dir, 'rules'), dataDir: path.join(dir, 'data') });

  it('trains once, then loads until the training content changes', async () => {
    const first = await ensure();
    expect(first.retrained).toBe(true);
    expect(first.model.predict('حفرة').category).toBe('roads');
    const file = path.join(dir, 'data', MODEL_FILE);
    expect(fs.existsSync(file)).toBe(true);
    expect(fs.readdirSync(path.join(dir, 'data'))).toEqual([MODEL_FILE]); // no temp file left

    const second = await ensure();
    expect(second.retrained).toBe(false);
    expect(second.hash).toBe(first.hash);
    expect(second.model.predict('عمود طايح')).toEqual(first.model.predict('عمود طايح'));

    // Same content, different file order / mtime: still no retraining.
    fs.utimesSync(path.join(dir, 'rules', 'training', 'roads.yml'), new Date(), new Date(2000, 1, 1));
    expect((await ensure()).retrained).toBe(false);

    writeTraining('waste', ['الزبالة متكدسة', 'النفايات ما أحد شالها']);
    const third = await ensure();
    expect(third.retrained).toBe(true);
    expect(third.hash).not.toBe(first.hash);
    expect(third.model.predict('الزبالة').category).toBe('waste');
    expect((await ensure()).retrained).toBe(false);
  });

  it('retrains when the stored model is corrupt', async () => {
    await ensure();
    fs.writeFileSync(path.join(dir, 'data', MODEL_FILE), '{"trunc');
    const again = await ensure();
    expect(again.retrained).toBe(true);
    expect(again.model.predict('حفرة').category).toBe('roads');
  });
});
