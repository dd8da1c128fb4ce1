// decide(): what the bot does with each kind of classified tweet, under the shipped policy.
import type { Decision } from '../src/classify/types';
import { decide, type DecideContext } from '../src/decide';
import { matchExtraUrgentTerm } from '../src/classify/urgent-terms';
import { loadAgency } from '../src/rules/agency';
import { loadEscalation } from '../src/rules/escalation';

const agency = loadAgency('rules');
const escalation = loadEscalation('rules');
const SUNDAY_10 = new Date('2026-11-22T07:00:00Z');
const FRIDAY_10 = new Date('2026-11-27T07:00:00Z');
const ctx = (over: Partial<DecideContext> = {}): DecideContext => ({
  agency,
  escalation,
  now: SUNDAY_10,
  recentTicketsByAuthor: 0,
  ...over,
});
const d = (over: Partial<Decision> = {}): Decision => ({
  lang: 'ar',
  category: 'roads',
  confidence: 1,
  source: 'rule',
  rule: 'roads-potholes',
  urgent: false,
  needsTriage: false,
  ...over,
});

test('an ordinary complaint is acknowledged with its category template and a working-hours deadline', () => {
  const r = decide(d(), ctx());
  expect(r).toMatchObject({
    action: 'acknowledge',
    escalate: false,
    priority: 2,
    autoResolve: false,
    template: 'roads.ack',
  });
  expect(r.dueAt).toEqual(new Date('2026-11-29T07:00:00Z')); // 35 working hours: next Sunday 10:00
  expect(r.reply).toEqual({ kind: 'ack', category: 'roads', afterHours: false, urgent: false });
  expect(r.reason).toContain('roads-potholes');
});

test('urgent: priority 1 and escalated at once, whatever the category, due in clock hours', () => {
  for (const category of ['parks', 'praise', 'other', 'water_sewage']) {
    const r = decide(d({ category, urgent: true, urgentTerm: 'غرق' }), ctx({ now: FRIDAY_10 }));
    expect(r).toMatchObject({
      action: 'acknowledge',
      escalate: true,
      priority: 1,
      autoResolve: false,
      template: 'urgent.ack',
    });
    expect(r.dueAt).toEqual(new Date(FRIDAY_10.getTime() + 4 * 3_600_000));
    expect(r.reply?.urgent).toBe(true);
    expect(r.reason).toContain("urgent term 'غرق'");
  }
});

test('praise is thanked and closed by the bot', () => {
  const r = decide(d({ category: 'praise', rule: 'praise-thanks' }), ctx());
  expect(r).toMatchObject({
    action: 'answer',
    escalate: false,
    autoResolve: true,
    template: 'praise.ack',
    priority: 4,
  });
  expect(r.dueAt).toBeUndefined();
});

test('spam and off-topic (other, confidently) are ignored without a reply', () => {
  const r = decide(d({ category: 'other', rule: 'other-spam' }), ctx());
  expect(r).toMatchObject({ action: 'ignore', escalate: false, autoResolve: true, template: 'none' });
  expect(r.reply).toBeUndefined();
});

test('low model confidence: a generic acknowledgement and a human triages', () => {
  const r = decide(d({ category: 'lighting', source: 'model', rule: undefined, confidence: 0.41 }), ctx());
  expect(r).toMatchObject({
    action: 'acknowledge',
    escalate: true,
    priority: 3,
    autoResolve: false,
    template: 'other.ack',
  });
  expect(r.reply?.category).toBe('other');
  expect(r.reason).toMatch(/confidence 0\.41 < 0\.55 \(guess: lighting\): a human must triage/);
  // needsTriage from the classifier counts too, even for 'other' and 'praise'.
  expect(
    decide(d({ category: 'other', needsTriage: true, source: 'fallback', confidence: 0.3 }), ctx()).action,
  ).toBe('acknowledge');
  expect(decide(d({ category: 'praise', needsTriage: true, confidence: 0.9 }), ctx()).escalate).toBe(true);
});

test('an inquiry with a template answer is answered and closed; without one, a person answers', () => {
  const answered = decide(d({ category: 'inquiry' }), ctx({ answer: 'hours' }));
  expect(answered).toMatchObject({
    action: 'answer',
    autoResolve: true,
    escalate: false,
    template: 'inquiry.answers.hours',
  });
  expect(answered.reply).toMatchObject({ kind: 'answer', answer: 'hours' });
  const open = decide(d({ category: 'inquiry' }), ctx());
  expect(open).toMatchObject({
    action: 'acknowledge',
    autoResolve: false,
    template: 'inquiry.ack',
    priority: 4,
  });
});

test('categories that always escalate are escalated', () => {
  expect(decide(d({ category: 'staff_conduct' }), ctx())).toMatchObject({ escalate: true, priority: 2 });
  expect(decide(d({ category: 'public_health' }), ctx()).reason).toContain('always escalated');
});

test('repeat complainers are escalated one priority step up', () => {
  expect(decide(d({ category: 'waste' }), ctx({ recentTicketsByAuthor: 1 }))).toMatchObject({
    escalate: false,
    priority: 3,
  });
  const r = decide(d({ category: 'waste' }), ctx({ recentTicketsByAuthor: 2 }));
  expect(r).toMatchObject({ escalate: true, priority: 2 });
  expect(r.reason).toContain('repeat: 3 tickets in 7 days');
  // Never above 1.
  expect(
    decide(
      d({ category: 'roads' }),
      ctx({
        recentTicketsByAuthor: 5,
        escalation: { ...escalation, repeat: { ...escalation.repeat, raisePriorityBy: 3 } },
      }),
    ).priority,
  ).toBe(1);
});

test('outside working hours the after-hours variant is chosen (if the agency wants it)', () => {
  expect(decide(d(), ctx({ now: FRIDAY_10 }))).toMatchObject({
    template: 'roads.afterHours',
    reply: { afterHours: true },
  });
  const off = { ...agency, afterHours: { useAfterHoursTemplates: false } };
  expect(decide(d(), ctx({ now: FRIDAY_10, agency: off }))).toMatchObject({
    template: 'roads.ack',
    reply: { afterHours: false },
  });
});

test('the policy can keep a human on praise and other', () => {
  const keep = {
    ...escalation,
    autoResolve: { praise: false, answeredInquiries: false, otherWithoutTriage: false },
  };
  expect(decide(d({ category: 'praise' }), ctx({ escalation: keep }))).toMatchObject({
    action: 'acknowledge',
    autoResolve: false,
  });
  expect(decide(d({ category: 'other' }), ctx({ escalation: keep }))).toMatchObject({
    action: 'acknowledge',
    template: 'other.ack',
  });
  expect(decide(d({ category: 'inquiry' }), ctx({ escalation: keep, answer: 'hours' })).action).toBe(
    'acknowledge',
  );
});

test("escalation.yml's extra urgent terms match whole normalised words", () => {
  expect(matchExtraUrgentTerm('حالة تسمّم في مطعم بالحي', escalation)).toBe('تسمم');
  expect(matchExtraUrgentTerm('A worker was ELECTROCUTED near the park', escalation)).toBe('electrocuted');
  expect(matchExtraUrgentTerm('المطعم نظيف', escalation)).toBeUndefined();
});
