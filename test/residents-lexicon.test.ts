// Issue 13 item 4 through the shipped rules (rules only, no model): دوام as one's own shift
// is not our office hours; مويه is water; مطعمين (vaccinated) is not a restaurant.
import path from 'node:path';
import { loadRulePack } from '../src/pack/load';
import { createClassifier } from '../src/classify/classifier';
import { templatesFromPack } from '../src/pack/templates';
import { chooseAnswer } from '../src/reply';

const { pack } = loadRulePack(path.resolve(__dirname, '..', 'rules'));
const rules = createClassifier({ pack: pack!, threshold: 0.55 });
const templates = templatesFromPack(pack!);

test('our office hours are answered; the citizen’s own shift is not an hours question', () => {
  expect(chooseAnswer(templates, 'متى دوامكم في رمضان؟', 'ar')).toBe('hours');
  expect(chooseAnswer(templates, 'وش أوقات الدوام في البلدية؟', 'ar')).toBe('hours');
  expect(chooseAnswer(templates, 'طالع من دوامي ولقيت الشارع مسدود بالحفريات', 'ar')).toBeUndefined();
  expect(rules.classify('متى أطلع من الدوام والزبالة للحين عند الباب').category).not.toBe('inquiry');
  expect(rules.classify('متى يفتح الدوام في الفرع؟').category).toBe('inquiry');
});

test('مويه is water, not the negation مو; مطعمين is vaccinated, not a restaurant', () => {
  // Before the fix مويه was cut to مو ("not") and no water rule could see it.
  expect(rules.explain('المويه طايحة في الشارع من الماسورة').stems).toEqual(
    rules.explain('المياه طايحة في الشارع من الماسورة').stems,
  );
  expect(rules.classify('تسريب مويه في الشارع من يومين').category).toBe('water_sewage');
  expect(rules.classify('العيال مو مطعمين للحين').category).not.toBe('public_health');
  expect(rules.classify('مطعم في الحي يبيع أكل منتهي الصلاحية').category).toBe('public_health');
});
