// Urgency as its own decision (issue 11): two sources that both count (urgent.yml signals and
// the learned urgency model), routes for emergency / integrity / crisis, and their replies.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { classifierFor } from '../src/policy/classifier';
import type { ExplainingClassifier } from '../src/classify/classifier';
import type { Decision } from '../src/classify/types';
import { judgeUrgency } from '../src/classify/urgency';
import { urgencyExamples } from '../src/classify/urgency-model';
import { decide, type DecideContext } from '../src/decide';
import { loadRulePack } from '../src/pack/load';
import type { RulePack } from '../src/rules/pack';
import { loadAgency } from '../src/rules/agency';
import { compileEscalation, loadEscalation } from '../src/rules/escalation';
import { loadTemplates } from '../src/pack/templates';
import { parseYamlText } from '../src/rules/yaml-source';
import { renderReply, weightedLength } from '../src/reply';

const agency = loadAgency('rules');
const escalation = loadEscalation('rules');
const templates = loadTemplates('rules');
const NOW = new Date('2026-11-22T07:00:00Z'); // Sunday 10:00 Riyadh
let pack: RulePack;
let withModel: ExplainingClassifier;
let rulesOnly: ExplainingClassifier;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mujib-urgency-'));

beforeAll(async () => {
  const loaded = loadRulePack('rules');
  if (!loaded.pack) throw new Error(loaded.problems.map((p) => p.message).join('\n'));
  pack = loaded.pack;
  withModel = (await classifierFor(pack, { dataDir })).classifier;
  rulesOnly = (await classifierFor(pack, { useModel: false })).classifier;
}, 120_000);
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const ctx = (over: Partial<DecideContext> = {}): DecideContext => ({
  agency,
  escalation,
  now: NOW,
  recentTicketsByAuthor: 0,
  ...over,
});

describe('two sources', () => {
  it('a signal alone, the model alone, or both flag a danger; the reason names each', () => {
    const sig = judgeUrgency({
      signals: [{ id: 's1', route: 'emergency', matched: ['طاح', 'طفل'] }],
      threshold: 0.8,
    });
    expect(sig).toMatchObject({ urgent: true, route: 'emergency' });
    expect(sig.urgency?.reason).toBe('emergency: signal s1 (طاح + طفل)');
    const model = judgeUrgency({ signals: [], modelP: 0.93, threshold: 0.8 });
    expect(model).toMatchObject({ urgent: true, route: 'emergency' });
    expect(model.urgency?.reason).toBe('emergency: model 0.93 ≥ 0.8');
    const low = judgeUrgency({ signals: [], modelP: 0.79, threshold: 0.8 });
    expect(low.urgent).toBe(false);
    expect(low.urgency?.model).toEqual({ p: 0.79, threshold: 0.8, flagged: false });
  });

  it('crisis beats integrity beats emergency; the model never opens a crisis or integrity route', () => {
    const both = judgeUrgency({
      signals: [
        { id: 'e', route: 'emergency', matched: ['x'] },
        { id: 'i', route: 'integrity', matched: ['y'] },
        { id: 't', route: 'threat', matched: ['z'] },
      ],
      threshold: 0.8,
    });
    expect(both).toMatchObject({ route: 'crisis', crisis: 'threat' });
    const bribe = judgeUrgency({
      signals: [{ id: 'i', route: 'integrity', matched: ['y'] }],
      modelP: 0.99,
      threshold: 0.8,
    });
    expect(bribe).toMatchObject({ route: 'integrity' });
    expect(bribe.crisis).toBeUndefined();
  });

  it('the shipped pack: a danger told with ordinary verbs is caught by a signal, and explain shows the model too', () => {
    const e = withModel.explain('بنتي انزلقت في حفرة الصرف المكشوفة قدام الروضة');
    expect(e.decision.urgent).toBe(true);
    expect(e.decision.route).toBe('emergency');
    expect(e.urgent.length).toBeGreaterThan(0);
    expect(e.urgencyModel?.threshold).toBe(escalation.urgency.modelThreshold);
    expect(e.decision.urgency?.reason).toMatch(/^emergency: signal /);
    expect(e.decision.urgency?.reason).toMatch(/model \d\.\d\d [≥<] /);
  });

  it('the learned model flags a danger no signal names, and only when staff allow it', async () => {
    // The model ranks dangers above routine complaints: find the shipped urgent examples no
    // signal matches; with the threshold at 0 (a pack that trusts the model fully) they are
    // urgent by the model alone, and with useModel false they are not.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mujib-urgency-pack-'));
    fs.cpSync('rules', dir, { recursive: true });
    const esc = path.join(dir, 'escalation.yml');
    fs.writeFileSync(
      esc,
      fs.readFileSync(esc, 'utf8').replace(/modelThreshold: [\d.]+/, 'modelThreshold: 0.5'),
    );
    const p = loadRulePack(dir).pack!;
    const c = (await classifierFor(p, { dataDir })).classifier;
    const text = 'الحقونا الطفل داخل الخزان الأرضي المفتوح ومو قادرين نطلعه';
    const e = c.explain(text);
    expect(e.urgent).toEqual([]); // no staff signal
    expect(e.urgencyModel!.p).toBeGreaterThan(0.5);
    expect(e.decision).toMatchObject({ urgent: true, route: 'emergency' });
    expect(e.decision.urgency?.reason).toMatch(/^emergency: model /);
    fs.writeFileSync(esc, fs.readFileSync(esc, 'utf8').replace('useModel: true', 'useModel: false'));
    const off = (await classifierFor(loadRulePack(dir).pack!, { dataDir })).classifier;
    expect(off.explain(text).decision.urgent).toBe(false);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('is trained on the examples staff mark urgent against every other example', () => {
    const ex = urgencyExamples(pack.training);
    const urgent = ex.filter((e) => e.category === 'urgent');
    expect(urgent.length).toBeGreaterThanOrEqual(100);
    expect(ex.length - urgent.length).toBeGreaterThan(urgent.length);
    // The category model still sees every example (texts, not {text, urgent} objects).
    expect(pack.training.every((t) => t.examples.every((x) => typeof x === 'string'))).toBe(true);
  });
});

describe('context guards', () => {
  it.each([
    'انهيار الأسعار في سوق الذهب اليوم',
    'الريال ينهار مقابل الدولار',
    'The team collapsed in the second half',
    'Prices are on fire this Ramadan',
    'الموقع طايح من الصبح وما قدرت أسدد',
    'I am drowning in paperwork',
  ])('%s is not urgent', (text) => {
    expect(rulesOnly.classify(text).urgent).toBe(false);
  });
});

describe('routes', () => {
  const routed = (text: string) => {
    const dec = rulesOnly.classify(text);
    return { dec, plan: decide(dec, ctx()) };
  };
  const hoursDue = (d?: Date) => (d ? (d.getTime() - NOW.getTime()) / 3_600_000 : undefined);

  it('self-harm: priority 1, escalated, its caring reply with the crisis line, due within hours', () => {
    const { dec, plan } = routed('لو أزلتوا كشكي والله لأحرق نفسي قدام البلدية');
    expect(dec).toMatchObject({ urgent: true, crisis: 'self_harm', route: 'crisis' });
    expect(plan).toMatchObject({ priority: 1, escalate: true, template: 'crisis.selfHarm', route: 'crisis' });
    expect(hoursDue(plan.dueAt)).toBeLessThanOrEqual(agency.sla.urgentHours);
    const text = renderReply({
      templates,
      kind: 'ack',
      category: plan.reply!.category,
      lang: 'ar',
      urgent: true,
      route: plan.reply!.route!,
      crisisLine: plan.reply!.crisisLine!,
      vars: { name: 'سارة', ticket: 'AM-2611-0042', due: plan.dueAt! },
    });
    expect(text).toContain(escalation.routes.crisis.selfHarm.crisisLine);
    expect(text).toContain('AM-2611-0042');
    expect(text).not.toMatch(/نسعى لمعالجته|قبل/); // no errand deadline
  });

  it('threat: neutral, never an apology; none when the agency sets it', () => {
    const { dec, plan } = routed("I'm coming to your office tomorrow with a gun");
    expect(dec).toMatchObject({ crisis: 'threat', route: 'crisis' });
    expect(plan).toMatchObject({ priority: 1, escalate: true, template: 'crisis.threat' });
    for (const lang of ['ar', 'en'] as const) {
      const text = renderReply({
        templates,
        kind: 'ack',
        category: plan.reply!.category,
        lang,
        urgent: true,
        route: 'threat',
        vars: { name: 'x', ticket: 'AM-2611-0043' },
      });
      expect(text).not.toMatch(/sorry|apolog|نعتذر|نأسف|اعتذار/i);
      expect(text).toContain('AM-2611-0043');
    }
    const none = compileEscalation(
      parseYamlText(
        'routes:\n  crisis:\n    threat:\n      reply: none\npriorities:\n  default: 3\n',
        'escalation.yml',
      ),
    ).policy!;
    const silent = decide(dec, ctx({ escalation: none }));
    expect(silent).toMatchObject({ priority: 1, escalate: true, template: 'none', action: 'acknowledge' });
    expect(silent.reply).toBeUndefined();
    expect(silent.reason).toContain('no reply');
  });

  it('bribery with or without the word goes to integrity with its own reply, never the 911 one', () => {
    for (const text of [
      'موظف الرخص طلب مني رشوة',
      'المفتش قال لي حوّل لي ٥٠٠ على حسابي الشخصي وأشطب المخالفة',
      'the inspector wanted money to drop the fine on my shop',
    ]) {
      const { dec, plan } = routed(text);
      expect({ text, route: dec.route }).toEqual({ text, route: 'integrity' });
      expect(plan).toMatchObject({ priority: 1, escalate: true, template: 'integrity', route: 'integrity' });
      const reply = renderReply({
        templates,
        kind: 'ack',
        category: plan.reply!.category,
        lang: 'en',
        urgent: true,
        route: 'integrity',
        vars: { name: 'x', ticket: 'AM-2611-0044', due: plan.dueAt! },
      });
      expect(reply).not.toContain('911');
      expect(reply).toContain('integrity');
    }
  });

  it('a danger to life keeps the emergency reply', () => {
    const { plan } = routed('كلاب ضالة هاجمت ولد الجيران عند المدرسة');
    expect(plan).toMatchObject({ priority: 1, template: 'urgent.ack', route: 'emergency' });
  });

  it('every route reply fits 280 with the longest name and ticket, in both languages', () => {
    for (const route of ['integrity', 'self_harm', 'threat'] as const)
      for (const lang of ['ar', 'en'] as const) {
        const text = renderReply({
          templates,
          kind: 'ack',
          category: 'other',
          lang,
          urgent: true,
          route,
          crisisLine: '920033360',
          vars: { name: 'ن'.repeat(40), ticket: 'ABCD-2612-123456', due: NOW },
        });
        expect(weightedLength(text)).toBeLessThanOrEqual(280);
        expect(text).not.toContain('@');
      }
  });
});

test('a pack without the route templates still answers a bribe without the 911 reply', () => {
  const bare = { ...templates, integrity: undefined, crisis: undefined };
  const text = renderReply({
    templates: bare,
    kind: 'ack',
    category: 'staff_conduct',
    lang: 'en',
    urgent: true,
    route: 'integrity',
    vars: { name: 'x', ticket: 'AM-2611-0045', due: NOW },
  });
  expect(text).not.toContain('911');
});

export type { Decision };

describe('every surface explains both sources', () => {
  it('mujib classify --json and mujib try name the signals, the model and the route', async () => {
    const { decisionJson } = await import('../src/cli/commands/classify');
    const { explainForPeople } = await import('../src/cli/commands/try');
    const text = 'المراقب قال حول لي ألف ريال وأشطب المخالفة';
    const e = withModel.explain(text);
    const json = JSON.parse(decisionJson(e.decision)) as Record<string, unknown>;
    expect(json).toMatchObject({ urgent: true, route: 'integrity' });
    const u = json.urgency as { signals: string[]; model: { p: number; threshold: number }; reason: string };
    expect(u.signals).toContain('integrity-money-for-favour');
    expect(u.model.threshold).toBe(escalation.urgency.modelThreshold);
    expect(u.reason).toMatch(/^integrity: signal integrity-money-for-favour/);
    const people = explainForPeople(text, e);
    expect(people).toMatch(/Urgent: +integrity-money-for-favour \[integrity\]/);
    expect(people).toMatch(/Urgency model: P\(urgent\) \d\.\d\d [<≥] /);
    expect(people).toMatch(/Route: +integrity/);
  });

  it('the console playground shows the reason, and the route reply it would send', async () => {
    const { explainTweet } = await import('../src/console/playground/explain');
    const { policyFromPack } = await import('../src/policy/policy');
    const rules = { pack, classifier: withModel, policy: policyFromPack(pack), modelRetrained: false };
    const r = explainTweet(rules, 'والله لأنهي حياتي إذا سكرتوا محلي', { now: NOW });
    expect(r.explanation.decision.urgentTerm).toMatch(/^self_harm: signal crisis-self-harm/);
    expect(r.plan).toMatchObject({ priority: 1, template: 'crisis.selfHarm' });
    expect(r.reply?.text).toContain(escalation.routes.crisis.selfHarm.crisisLine);
  });
});
