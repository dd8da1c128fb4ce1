// The combiner on the shipped pack: rules with variant spellings, urgent signals, RE2
// regexes, the model's turn and the triage fallback.
import path from 'node:path';
import { createClassifier, type ModelLike } from '../src/classify/classifier';
import { loadRulePack } from '../src/pack/load';
import { compileRegex } from '../src/rules/regex';

const { pack } = loadRulePack(path.resolve(__dirname, '..', 'rules'));
const rulesOnly = createClassifier({ pack: pack!, threshold: 0.45 });
const fixedModel = (category: string, confidence: number): ModelLike => ({
  predict: () => ({ category, confidence, top: [{ category, p: confidence }], known: 3 }),
});

describe('rules', () => {
  it.each([
    ['حفرة', 'roads-potholes'],
    ['الحفرة', 'roads-potholes'],
    ['والحفره', 'roads-potholes'],
    ['حُفْرَة', 'roads-potholes'],
    ['حفـــرة', 'roads-potholes'],
    // الحفريات and حفرة share the stem حفر: the pothole rule, written first, decides.
    ['الحفريات', 'roads-potholes'],
    ['سياج الحفريات', 'roads-potholes'],
    ['الإنارة طافية', 'lighting-out'],
    ['الاناره طافيه', 'lighting-out'],
    ['أعمدة الانارة', 'lighting-poles'],
    ['#عمود_إنارة', 'lighting-poles'],
    ['الزباله', 'waste-garbage'],
    ['بالحاويات', 'waste-containers'],
    ['البلاعات', 'water-sewage'],
    ['طفح المجاري', 'water-sewage'],
    ['الفئران', 'animals-pests'],
    ['POTHOLES', 'roads-potholes'],
  ])('%s matches %s', (word, rule) => {
    const d = rulesOnly.classify(`@Amana_Sandbox فيه ${word} عندنا في الحي`);
    expect({ source: d.source, rule: d.rule, confidence: d.confidence }).toEqual({
      source: 'rule',
      rule,
      confidence: 1,
    });
  });

  it('matches a multi-word phrase only when its words are next to each other', () => {
    expect(rulesOnly.classify('عمود إنارة ساقط').rule).toBe('lighting-poles');
    expect(rulesOnly.explain('عمود التلفون قريب من الإنارة').rules.map((r) => r.id)).not.toContain(
      'lighting-poles',
    );
  });

  it('lets the highest priority win and keeps `none` words from matching', () => {
    // Pests in food (75) beat animals (65); thanks (85) beat the pothole they thank for.
    expect(rulesOnly.classify('لقيت صرصور في الأكل').category).toBe('public_health');
    expect(rulesOnly.classify('شكرا على سرعة إصلاح الحفرة').category).toBe('praise');
    expect(rulesOnly.classify('شكرا على الرد بس الحفرة للحين موجودة').category).toBe('roads');
  });

  it('does not confuse words the stemmer would cut short', () => {
    // حيه (snake) stems to حي (district) and مويه to مو: short stems compare whole words.
    expect(rulesOnly.classify('في حي النرجس').category).not.toBe('animals_pests');
    expect(rulesOnly.classify('شفت حية في الحوش').category).toBe('animals_pests');
  });

  it('runs regexes on RE2: a catastrophic pattern stays linear, look-around is refused', () => {
    const re = compileRegex('(a+)+$');
    if (typeof re === 'string') throw new Error(re);
    const started = Date.now();
    expect(re.test('a'.repeat(50_000) + '!')).toBe(false);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(compileRegex('(?=a)b')).toMatch(/^invalid regex '\(\?=a\)b': /);
    expect(compileRegex('(a)\\1')).toMatch(/^invalid regex/);
    // Patterns are written like the normalised text: ة in a pattern still matches.
    const r = compileRegex('حفرة \\d+');
    expect(typeof r !== 'string' && r.test('حفره 12')).toBe(true);
    expect(rulesOnly.classify('اتصلت على 940 عشرين مرة').rule).toBe('staff-phones-940');
    expect(rulesOnly.classify('رقم البلاغ 19402').rule).not.toBe('staff-phones-940');
  });
});

describe('urgent', () => {
  it.each([
    ['عمارة قديمة آيلة للسقوط والسكان فيها', 'urgent-collapse'],
    ['غطاء البلاعة مفتوح والأطفال يلعبون', 'urgent-open-manhole'],
    ['أسلاك مكشوفة عند عمود الإنارة', 'urgent-exposed-wires-hanging'],
    ['عائلة محاصرة في النفق والمويه ترتفع', 'urgent-flood-trapped'],
    ['تسممنا من مطعم في حي الصحافة', 'urgent-food-poisoning'],
    ['كلاب ضالة هاجمت ولدي', 'urgent-animal-attack'],
    ['الموظف طلب مني رشوة', 'urgent-bribery'],
    ['Exposed wires hanging from the pole', 'urgent-exposed-wires-hanging'],
    ['Stray dogs bit a child', 'urgent-animal-attack'],
    ['food poisoning after lunch', 'urgent-food-poisoning'],
  ])('%s → %s', (text, signal) => {
    const e = rulesOnly.explain(text);
    expect(e.decision.urgent).toBe(true);
    expect(e.urgent.map((u) => u.id)).toContain(signal);
    expect(e.decision.urgentTerm).toBeTruthy();
  });

  it('is urgent whatever decided the category, and only for danger', () => {
    const viaModel = createClassifier({ pack: pack!, threshold: 0.45, model: fixedModel('parks', 0.9) });
    expect(viaModel.classify('محد يعرف ليش الرشوة منتشرة؟').urgent).toBe(true);
    expect(rulesOnly.classify('الزبالة ما انشالت من أسبوع').urgent).toBe(false);
    expect(rulesOnly.classify('فيه حفرة في الشارع').urgent).toBe(false);
  });
});

describe('the combiner', () => {
  const text = 'وش رايكم في الموضوع هذا';
  it('uses the model when it is confident enough', () => {
    const d = createClassifier({ pack: pack!, threshold: 0.45, model: fixedModel('inquiry', 0.7) }).classify(
      text,
    );
    expect(d).toMatchObject({
      category: 'inquiry',
      source: 'model',
      confidence: 0.7,
      needsTriage: false,
      lang: 'ar',
    });
    expect(d.rule).toBeUndefined();
  });
  it("falls back to 'other' for triage when it is not", () => {
    const d = createClassifier({ pack: pack!, threshold: 0.45, model: fixedModel('inquiry', 0.3) }).classify(
      text,
    );
    expect(d).toMatchObject({ category: 'other', source: 'fallback', needsTriage: true });
  });
  it('explains: tokens, every matching rule in order, model top 3', () => {
    const model: ModelLike = {
      predict: () => ({
        category: 'roads',
        confidence: 0.6,
        known: 4,
        top: [
          { category: 'roads', p: 0.6 },
          { category: 'lighting', p: 0.3 },
          { category: 'waste', p: 0.05 },
          { category: 'other', p: 0.05 },
        ],
      }),
    };
    const e = createClassifier({ pack: pack!, threshold: 0.45, model }).explain(
      '@Amana_Sandbox الإنارة طافية وفيه حفرة https://t.co/x',
    );
    expect(e.tokens).toEqual(['الاناره', 'طافيه', 'وفيه', 'حفره']);
    expect(e.rules.map((r) => r.id)).toEqual(['lighting-out', 'roads-potholes', 'roads-works']);
    expect(e.decision).toMatchObject({ category: 'lighting', source: 'rule', rule: 'lighting-out' });
    expect(e.model).toHaveLength(3);
    expect(createClassifier({ pack: pack!, threshold: 0.45 }).explain('hello').decision.lang).toBe('en');
  });
});
