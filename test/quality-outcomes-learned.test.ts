// Issue 13: the learned spam/chatter score (rules/outcome-training/*.yml against the
// residents' examples), through the shipped pack, the one builder (classifierFor: rules, the
// category, urgency and outcome models) and decide(), as the bot runs them. Spam and chatter
// worded as no list has them get no ticket and no reply; look-alike complaints (a phone
// number, a photo link, another company's service) keep theirs. The sentences are new:
// neither dev-set lines nor training examples.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { classifierFor } from '../src/policy/classifier';
import { loadRulePack } from '../src/pack/load';
import { policyFromPack } from '../src/policy/policy';
import { decide } from '../src/decide';
import { createClassifier, type ExplainingClassifier } from '../src/classify/classifier';
import { formatProblem } from '../src/rules/problem';
import type { RulePack } from '../src/rules/pack';
import { outcomeTrainingFromPack } from '../src/outcome/training';
import { readDevSet } from '../src/classify/devset';
import { normalize, stripHandlesAndUrls } from '../src/text';

const RULES = path.resolve(__dirname, '..', 'rules');
const NOW = new Date('2026-12-02T07:30:00Z');
let pack: RulePack;
let full: ExplainingClassifier;
let dataDir: string;

beforeAll(async () => {
  pack = loadRulePack(RULES).pack!;
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mujib-learned-'));
  full = (await classifierFor(pack, { dataDir })).classifier;
}, 180_000);
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function run(text: string) {
  const d = full.classify(text);
  const policy = policyFromPack(pack);
  const plan = decide(d, {
    agency: policy.agency,
    escalation: policy.escalation,
    now: NOW,
    recentTicketsByAuthor: 0,
  });
  return { outcome: d.outcome, reason: d.outcomeReason ?? '', replies: !!plan.reply || !!plan.notice };
}

test('spam no phrase list names gets no ticket and no reply, and says the learned score decided', () => {
  for (const t of [
    'عروض على الكنب والمجالس المغربية، التفصيل حسب الطلب والتوصيل مجاني، تواصل 0544332211',
    'Get 20k TikTok followers overnight, cheapest price guaranteed, message me',
    'New token launching tonight 🚀 early buyers get 50x, link below https://t.co/tk1',
    'اشتراك شاهد VIP سنة كاملة بـ ٦٠ ريال، التفعيل فوري',
  ]) {
    const r = run(t);
    expect([t, r.outcome, r.replies]).toEqual([t, 'spam', false]);
    expect(r.reason).toMatch(/learned score|spam:/);
  }
  // An ad that names a municipal topic (pest control) sells and gives a contact: spam.
  const ad = run('شركة رش مبيدات بالرياض، نقضي على الصراصير والبق بضمان، اتصل 0509871234');
  expect([ad.outcome, ad.replies]).toEqual(['spam', false]);
});

test('chatter of kinds no phrase lists (a prayer, the sky, a memory) gets no ticket and no reply', () => {
  for (const t of [
    'اللهم اجعل يومنا هذا خيراً وبركة علينا وعلى أهلنا',
    'The sky over Riyadh tonight is stunning, full moon 🌕',
    'مين يتذكر أيام المدرسة والفسحة؟ 😂',
  ]) {
    const r = run(t);
    expect([t, r.outcome, r.replies]).toEqual([t, 'chatter', false]);
    expect(r.reason).toContain('learned score');
  }
});

test('look-alike complaints keep their ticket and reply: a phone, a photo link, another company', () => {
  for (const t of [
    'الحفرة اللي قدام بيتي في حي الروابي كبرت، هذي صورتها https://t.co/pt1 وجوالي 0551112299',
    'The streetlight in front of house 14 on Al Amir Street is broken, you can reach me on 0509991122',
    'مطعم في حي العليا جاب لنا أكل خربان وولدي تعب، رقمي 0533221144 لو تبون التفاصيل',
    'Noon delivered the wrong item and their support has not replied for four days',
    'I ordered from a restaurant app and the food came cold and late, the app refuses a refund',
    'جمعة مباركة، الزبالة عندنا في حي الشفا ما انشالت من أسبوع',
  ]) {
    const r = run(t);
    expect([t, r.outcome === 'spam' || r.outcome === 'chatter', r.replies]).toEqual([t, false, true]);
  }
});

test('the learned score never takes an urgent tweet, and learned.threshold 1 turns it off', async () => {
  const urgent = run('فيه ريحة غاز قوية في العمارة والناس دايخين، تعالوا بسرعة');
  expect(urgent.outcome).toBe('complaint');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mujib-learned-off-'));
  try {
    fs.cpSync(RULES, dir, { recursive: true });
    const file = path.join(dir, 'outcomes.yml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/threshold: 0\.\d+/, 'threshold: 1'));
    const off = loadRulePack(dir).pack!;
    const c = (await classifierFor(off, { dataDir })).classifier;
    expect(c.classify('The sky over Riyadh tonight is stunning, full moon 🌕').outcome).not.toBe('chatter');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);

test('without the model (rules only) the phrase lists still decide, as before', () => {
  const rules = createClassifier({ pack, threshold: 0.55 });
  expect(rules.classify('زيادة متابعين حقيقيين بسعر رمزي، راسلني واتساب').outcome).toBe('spam');
  expect(rules.classify('The sky over Riyadh tonight is stunning, full moon 🌕').outcome).not.toBe('chatter');
});

test('no dev-set tweet is a spam or chatter example (normalised), so the bench stays honest', () => {
  const key = (t: string) =>
    stripHandlesAndUrls(normalize(t))
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  const o = outcomeTrainingFromPack(pack);
  expect(o.spam.length).toBeGreaterThanOrEqual(200);
  expect(o.chatter.length).toBeGreaterThanOrEqual(200);
  const examples = new Set([...o.spam, ...o.chatter].map(key));
  const dev = readDevSet(path.resolve(__dirname, '..', 'bench', 'devset'));
  expect(dev.filter((c) => examples.has(key(c.text))).map((c) => `${c.file}:${c.line}`)).toEqual([]);
});

describe('rules/outcome-training/*.yml is checked like every rules file', () => {
  const broken = (edit: (dir: string) => void): string[] => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mujib-learned-pack-'));
    try {
      fs.cpSync(RULES, dir, { recursive: true });
      edit(dir);
      return loadRulePack(dir).problems.map(formatProblem);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };

  test('an unknown outcome, at its line and column', () => {
    const problems = broken((dir) => {
      const f = path.join(dir, 'outcome-training', 'chatter.yml');
      fs.writeFileSync(f, fs.readFileSync(f, 'utf8').replace('outcome: chatter', 'outcome: smalltalk'));
    });
    expect(problems.join('\n')).toMatch(/outcome-training\/chatter\.yml:\d+:\d+: .*(spam|chatter)/);
  });

  test('a file named for another outcome, and an example teaching both', () => {
    const problems = broken((dir) => {
      const spam = path.join(dir, 'outcome-training', 'spam.yml');
      const chatter = path.join(dir, 'outcome-training', 'chatter.yml');
      fs.appendFileSync(chatter, '  - "اللهم اجعل يومنا هذا خيراً"\n');
      fs.appendFileSync(spam, '  - "اللهم اجعل يومنا هذا خيراً"\n');
      fs.renameSync(spam, path.join(dir, 'outcome-training', 'ads.yml'));
    }).join('\n');
    expect(problems).toMatch(/outcome-training\/ads\.yml:\d+:\d+: outcome 'spam' in a file named ads\.yml/);
    expect(problems).toMatch(
      /outcome-training\/chatter\.yml:\d+:\d+: this example is also a spam example in .*ads\.yml/,
    );
  });
});
