// Insults, sarcasm and other agencies by kind (issue 13), through the shipped rule pack, the
// trained model and decide(), as the bot runs them: an insult-only tweet opens no ticket, a
// complaint that insults keeps its category and is flagged, the same words used literally are
// the topic; praise over a problem is a complaint never thanked nor closed, real thanks are
// praise; another agency's matter is referred without a ticket, a tweet that is also a
// municipal hazard, or names the agency only as a place, stays a ticket. The sentences are new:
// neither dev-set lines nor training examples.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadRulePack } from '../src/pack/load';
import { buildRules, type ActiveRules } from '../src/policy/runtime';
import { judge } from '../bench/judge';
import { createLogger } from '../src/log';
import { renderNotice } from '../src/outcome/render';
import { weightedLength } from '../src/reply/length';

let rules: ActiveRules;
let dataDir: string;
const NOW = new Date('2026-12-02T07:30:00Z');

beforeAll(async () => {
  const { pack, problems } = loadRulePack(path.resolve(__dirname, '..', 'rules'));
  if (!pack) throw new Error(problems.map((p) => p.message).join('; '));
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mujib-abuse-'));
  rules = await buildRules(pack, dataDir, createLogger({ level: 'error' }));
}, 60_000);
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function run(text: string) {
  const { decision: d, plan, outcome } = judge(rules, text, NOW);
  return { d, plan, outcome };
}
/** [text, outcome] pairs, so a failure names the sentence. */
const outcomes = (texts: string[]) => texts.map((t) => [t, run(t).outcome]);
const all = (texts: string[], o: string) => texts.map((t) => [t, o]);

describe('insults are not topics', () => {
  test('insult-only tweets of every kind open no ticket and get no reply', () => {
    const texts = [
      'يا بقر يا تيوس', // animals
      'انتم زبايل وخدمتكم اوسخ', // filth
      'يا مغفلين يا جهلة', // stupidity
      'الله ياخذكم ويلعن ابو هالخدمة', // curses
      'you people are a bunch of donkeys', // English animals
      'your staff are clueless crooks and liars',
      'stfu municipality',
      'aap log bilkul nalayak ho', // Roman Urdu
      'تم لوگ نکمے ہو', // Urdu
      'ya 7mar', // Arabizi
    ];
    expect(outcomes(texts)).toEqual(all(texts, 'abuse'));
    for (const t of texts) {
      const { plan } = run(t);
      expect([t, plan.action, plan.notice ?? null]).toEqual([t, 'ignore', null]);
    }
  });

  test('a complaint that insults stays the complaint, its category, flagged for staff', () => {
    for (const [t, category] of [
      ['يا تيوس الحاويات عندنا فايضة من خمسة أيام', 'waste'],
      ['انتم حمير، عمود الإنارة في شارعنا مطفي من أسبوعين', 'lighting'],
      ['you clowns, the sewer on our street is overflowing again', 'water_sewage'],
      ['الله لا يوفقكم، الحفرة اللي عند بيتي كسرت كفر السيارة', 'roads'],
    ]) {
      const { d, plan, outcome } = run(t!);
      expect([t, outcome, d.category, d.insult]).toEqual([t, 'complaint', category, true]);
      expect(plan.escalate).toBe(true);
      expect(plan.reason).toMatch(/insult/);
    }
  });

  test('the same words used literally are the topic, not an insult', () => {
    for (const [t, category] of [
      ['كلاب سايبة تنبح عند المدرسة كل صباح', 'animals_pests'],
      ['يا جماعة الكلاب الضالة كثرت في حي الورود', 'animals_pests'],
      ['الزبالة مرمية جنب الحاوية من يومين', 'waste'],
      ['the garbage truck has not come to our street this week', 'waste'],
      // a definite noun is the thing ("the municipality: the insects"), thieves who stole are thieves
      ['يا بلدية الحشرات في الممرات كثيرة', 'animals_pests'],
      ['حرامية سرقوا كيابل أعمدة الإنارة في الحي', 'lighting'],
    ]) {
      const { d, outcome } = run(t!);
      expect([t, outcome, d.category, d.insult ?? false]).toEqual([t, 'complaint', category, false]);
    }
  });
});

describe('sarcasm is a complaint, real thanks are praise', () => {
  test('praise words over a complaint signal are never thanked nor closed by the bot', () => {
    for (const t of [
      'ما شاء الله تبارك الله، الحفرة قدام البيت كل أسبوع تكبر 👏',
      'الله يعطيكم العافية على الإنارة المطفية من رمضان',
      'إنجاز تاريخي، المجاري طافحة للمرة الثالثة',
      'thanks for nothing, the potholes on our road are still there',
      'great job, the streetlight hasn’t worked for weeks 🙄',
      'well done, yet again nobody came to pick up the bins 😂',
      // thanked for a failing itself, or for an ironic picture of the street
      'مشكورين على التطنيش والوعود',
      'thanks for turning our street into an obstacle course',
    ]) {
      const { d, plan, outcome } = run(t);
      expect([t, outcome, d.category === 'praise', plan.template.startsWith('praise')]).toEqual([
        t,
        'complaint',
        false,
        false,
      ]);
      expect([t, plan.autoResolve]).toEqual([t, false]);
    }
  });

  test('thanks for a fix or for work done, with or without applause, are praise', () => {
    const texts = [
      'شكرا للبلدية على سرعة ردم الحفرة 👏👏',
      'يعطيكم العافية، الحديقة بعد الترميم صارت نظيفة',
      'Thank you for repaving our street so quickly 👏',
      'شكرا لكم 👏',
    ];
    expect(outcomes(texts)).toEqual(all(texts, 'praise'));
  });
});

describe('other agencies', () => {
  const referred = (t: string) => {
    const { d, plan, outcome } = run(t);
    return [t, outcome, plan.action, plan.notice?.agency ?? d.agency ?? null];
  };

  test("each agency's matters by kind get a referral and no ticket", () => {
    for (const [t, agency] of [
      ['انقطعت الكهرباء عن الحارة كلها من ساعتين', 'electricity'],
      ['the electricity meter reading on my bill is wrong', 'electricity'],
      ['المويه قاطعة عن عمارتنا من البارح', 'water-company'],
      ['low water pressure in our flat all week', 'water-company'],
      ['جتني مخالفة مرورية وأنا ما طلعت من البيت', 'traffic'],
      ['how do I renew my driving licence if I am abroad', 'traffic'],
      ['المستوصف رفض يعطيني موعد للدكتور', 'health'],
      ['the clinic cancelled my appointment twice', 'health'],
      ['أبي أطبع تأشيرة خروج وعودة لزوجتي', 'passports'],
      ['my iqama renewal has been pending for a week', 'passports'],
      ['الفايبر فاصل عندنا من ثلاث أيام', 'telecom'],
      ['no mobile signal inside our house since the new tower', 'telecom'],
      ['رقم التتبع يقول الشحنة وصلت وأنا ما استلمت شي', 'post'],
      ['my parcel has been stuck at the post office for ten days', 'post'],
      ['انسرقت سيارتي من قدام البيت الليلة', 'police'],
    ])
      expect(referred(t!)).toEqual([t, 'referral', 'ignore', agency]);
  });

  test('a no-answer complaint naming only the other agency is theirs; naming us, ours', () => {
    expect(referred('اتصلت على شركة الكهرباء عشرين مرة وما يردون')[1]).toBe('referral');
    expect(run('اتصلت على البلدية عشرين مرة وما يردون').outcome).toBe('complaint');
  });

  test('both matters, or the agency named only as a place, stay a municipal ticket', () => {
    for (const [t, category] of [
      ['عمود كهرباء طايح وسط الشارع', 'lighting'],
      ['مجاري المستشفى طافحة في الشارع الخلفي', 'water_sewage'],
      ['the road outside the clinic is full of potholes', 'roads'],
      ['الإنارة جنب المستوصف مطفية من أسبوع', 'lighting'],
    ]) {
      const { d, outcome } = run(t!);
      expect([t, outcome, d.category]).toEqual([t, 'complaint', category]);
    }
  });

  test('every referral reply names the agency and its contact, with no link nor handle, in 280', () => {
    const o = rules.policy.outcomes;
    expect(o.agencies.length).toBeGreaterThanOrEqual(9);
    for (const a of o.agencies)
      for (const lang of ['ar', 'en'] as const) {
        const text = renderNotice(o, { kind: 'referral', agency: a.id }, lang, {
          name: 'محمد عبدالله',
          tweetId: '1900000000000123456',
        })!;
        expect(text).toContain(a.names[lang]);
        expect(text).toContain(a.contact[lang]);
        expect([a.id, lang, /@|https?:|www\./.test(text)]).toEqual([a.id, lang, false]);
        expect(weightedLength(text)).toBeLessThanOrEqual(280);
      }
  });
});
