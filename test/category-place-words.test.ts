// Place and channel words are not topics (issue 13): a restaurant, a barber, the app, an
// employee or a health certificate named in a tweet only tells where or through what; the rule
// of their category decides only when the tweet also says what is wrong there. Checked on the
// shipped pack, rules alone (no model), so a rule that fires on the bare word fails here.
import path from 'node:path';
import { createClassifier } from '../src/classify/classifier';
import { loadRulePack } from '../src/pack/load';

const { pack } = loadRulePack(path.resolve(__dirname, '..', 'rules'));
const rulesOnly = createClassifier({ pack: pack!, threshold: 0.45 });

// Neutral frames: nothing in them is a problem to fix.
const frames = ['مريت اليوم على {w} اللي في الحي', 'I walked past the {w} on our street today'];

describe('a place or channel word alone decides no category', () => {
  it.each([
    ['مطعم', 'restaurant'],
    ['المخبز', 'bakery'],
    ['البقالة', 'grocery'],
    ['الحلاق', 'barber'],
    ['الصالون', 'salon'],
    ['التطبيق', 'app'],
    ['المنصة', 'portal'],
    ['موقع الأمانة الإلكتروني', 'website'],
  ])('%s / %s', (ar, en) => {
    for (const [frame, word] of [
      [frames[0]!, ar],
      [frames[1]!, en],
    ] as const) {
      const d = rulesOnly.classify(frame.replace('{w}', word));
      expect({ text: frame.replace('{w}', word), source: d.source }).toEqual({
        text: frame.replace('{w}', word),
        source: 'fallback',
      });
    }
  });
});

describe('with what is wrong there, the rule of the category decides', () => {
  it.each([
    ['المطعم اللي في الحي مطبخه وسخ والعمال بدون قفازات', 'public_health'],
    ['The barber on our street reuses the same razor without sterilising it', 'public_health'],
    ['التطبيق طايح من الصبح وما يفتح', 'digital_services'],
    ['The portal shows an error every time I submit', 'digital_services'],
    ['الكود ما وصلني على الجوال', 'digital_services'],
    ['The restaurant kitchen is filthy and the food smelled off', 'public_health'],
  ])('%s → %s', (text, category) => {
    const d = rulesOnly.classify(text);
    expect({ source: d.source, category: d.category }).toEqual({ source: 'rule', category });
  });

  it('the app named as the channel leaves the topic to its own rule', () => {
    const d = rulesOnly.classify('رفعت بلاغ عن الحفرة في التطبيق من شهر وما أحد جا');
    expect(d.category).toBe('roads');
  });

  it('an employee named to be thanked is praise, not a complaint about them', () => {
    const d = rulesOnly.classify('شكرا لموظف الاستقبال في الفرع، أسلوبه راقي');
    expect(d.category).toBe('praise');
  });

  it('a health certificate asked about is an inquiry; one missing is food safety', () => {
    expect(rulesOnly.classify('فيه رسوم على تجديد الشهادة الصحية؟').category).toBe('inquiry');
    expect(rulesOnly.classify('عمال المطعم كلهم بدون شهادة صحية').category).toBe('public_health');
  });
});
