// route(): what the bot does with one stored mention, from its facts alone (no database, no
// clock). Each test names the decision it pins; the pipeline's end-to-end tests
// (test/bot.test.ts, test/follow-ups.test.ts, test/safety-routes.test.ts, …) apply them.
import type { Decision } from '../src/classify/types';
import type { Ticket } from '../src/queue/types';
import { route, threadRoute, type ComplaintFacts, type RouteFacts } from '../src/route/route';
import { policyFromPack } from '../src/policy/policy';
import { loadRulePack } from '../src/pack/load';
import { urgentFirst } from '../src/bot/pending-order';

const policy = policyFromPack(loadRulePack('rules').pack!);
const SUNDAY_10 = new Date('2026-11-22T07:00:00Z'); // Riyadh working hours

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
const urgent = (over: Partial<Decision> = {}) =>
  d({ category: 'water_sewage', rule: 'open-manhole', urgent: true, route: 'emergency', ...over });

const ticket = (over: Partial<Ticket> = {}): Ticket =>
  ({
    _id: 'AM-2611-0007',
    mentionId: '900',
    authorId: 'u1',
    category: 'roads',
    status: 'open',
    priority: 2,
    urgent: false,
    history: [],
    followUps: [],
    ...over,
  }) as unknown as Ticket;

const noRepeat: ComplaintFacts['repeat'] = { match: { score: 0, reason: 'no earlier ticket' } };
const complaint = (over: Partial<ComplaintFacts> = {}): ComplaintFacts => ({
  decision: d(),
  repeat: noRepeat,
  recentTicketsByAuthor: 0,
  ...over,
});
const facts = (over: Partial<RouteFacts> = {}): RouteFacts => ({
  now: SUNDAY_10,
  mention: { id: '1001', text: 'حفرة كبيرة في شارع التحلية' },
  policy,
  complaint: complaint(),
  ...over,
});

describe('a complaint of its own', () => {
  test('opens a ticket with the acknowledgement decide() plans', () => {
    const r = route(facts());
    expect(r.kind).toBe('open-ticket');
    if (r.kind !== 'open-ticket') return;
    expect(r.plan).toMatchObject({ action: 'acknowledge', template: 'roads.ack' });
    expect(r.plan.reply).toMatchObject({ kind: 'ack', category: 'roads', urgent: false });
    expect(r.reason).toBe(r.plan.reason);
  });

  test('spam is stored and counted, nothing else', () => {
    const r = route(facts({ complaint: complaint({ decision: d({ outcome: 'spam', category: 'other' }) }) }));
    expect(r).toMatchObject({ kind: 'ignore', plan: { action: 'ignore', outcome: 'spam' } });
  });

  test("another agency's matter gets a referral notice and no ticket", () => {
    const r = route(
      facts({
        complaint: complaint({ decision: d({ outcome: 'referral', agency: 'traffic', category: 'other' }) }),
      }),
    );
    expect(r).toMatchObject({ kind: 'notice', notice: { kind: 'referral', agency: 'traffic' } });
  });

  test('the time comes from the facts: the same tweet after hours takes the after-hours reply', () => {
    const friday = new Date('2026-11-27T19:00:00Z');
    const r = route(facts({ now: friday }));
    expect(r.kind === 'open-ticket' && r.plan.reply?.afterHours).toBe(true);
    const r2 = route(facts());
    expect(r2.kind === 'open-ticket' && r2.plan.reply?.afterHours).toBe(false);
  });

  test('without complaint facts route() refuses to guess', () => {
    expect(() => route(facts({ complaint: undefined }))).toThrow(/no complaint facts/);
  });
});

describe('urgent repeats', () => {
  test('an urgent repeat turns the earlier routine ticket urgent instead of being swallowed', () => {
    const earlier = ticket();
    const r = route(
      facts({
        complaint: complaint({
          decision: urgent(),
          repeat: { ticket: earlier, match: { ref: earlier._id, score: 0.9, reason: 'same place' } },
        }),
      }),
    );
    expect(r.kind).toBe('escalate-existing');
    if (r.kind !== 'escalate-existing') return;
    expect(r.why).toBe('repeat');
    expect(r.ticket._id).toBe(earlier._id);
    expect(r.plan.priority).toBe(1);
    expect(r.plan.reply?.urgent).toBe(true);
  });

  test('a routine repeat attaches to the open ticket and is answered naming it', () => {
    const earlier = ticket();
    const match = { ref: earlier._id, score: 0.9, reason: 'same street, same pothole' };
    const r = route(facts({ complaint: complaint({ repeat: { ticket: earlier, match } }) }));
    expect(r).toMatchObject({ kind: 'attach-repeat', ticket: { _id: earlier._id }, reason: match.reason });
  });

  test('an urgent repeat of a ticket already urgent attaches (nothing left to escalate)', () => {
    const earlier = ticket({ urgent: true, priority: 1 });
    const match = { ref: earlier._id, score: 0.9, reason: 'same manhole' };
    const r = route(
      facts({ complaint: complaint({ decision: urgent(), repeat: { ticket: earlier, match } }) }),
    );
    expect(r.kind).toBe('attach-repeat');
  });
});

describe('the own-ticket guard', () => {
  test("a ticket opened for this very mention (a crashed run) is not someone else's thread", () => {
    // The thread look-up finds the mention's own ticket: it is routed as the complaint it is.
    const own = ticket({ mentionId: '1001' });
    const f = facts({ thread: { ticket: own, said: d() } });
    expect(threadRoute(f)).toBeUndefined();
    expect(route(f).kind).toBe('open-ticket');
  });

  test('the same thread ticket opened by an earlier tweet takes the reply as a follow-up', () => {
    const r = route(facts({ thread: { ticket: ticket({ mentionId: '900' }), said: d() } }));
    expect(r.kind).toBe('follow-up');
  });

  test('nor does the mention repeat its own ticket', () => {
    const own = ticket({ mentionId: '1001' });
    const match = { ref: own._id, score: 1, reason: 'same text' };
    expect(route(facts({ complaint: complaint({ repeat: { ticket: own, match } }) })).kind).toBe(
      'open-ticket',
    );
  });
});

describe('replies in a ticket thread', () => {
  const inThread = (text: string, said: Decision, t = ticket()) =>
    facts({ mention: { id: '1002', text }, thread: { ticket: t, said }, complaint: undefined });

  test('a status ask is a follow-up the thread answers', () => {
    const r = route(inThread('متى بتصلحونها؟', d()));
    expect(r).toMatchObject({ kind: 'follow-up', action: { do: 'status' } });
  });

  test('thanks is recorded without a reply', () => {
    const r = route(inThread('شكرا', d()));
    expect(r).toMatchObject({ kind: 'follow-up', action: { do: 'silent' } });
  });

  test('a danger told in the thread of a routine ticket escalates it', () => {
    const r = route(inThread('المنهول مفتوح والاطفال يمرون', urgent()));
    expect(r).toMatchObject({ kind: 'escalate-existing', why: 'thread', plan: { priority: 1 } });
  });

  test('a new problem in the thread of a resolved ticket needs complaint facts (a ticket of its own)', () => {
    const f = inThread(
      'وفيه كمان عمود انارة طايح',
      d({ category: 'lighting' }),
      ticket({ status: 'resolved' }),
    );
    expect(threadRoute(f)).toBeUndefined();
    expect(
      route({ ...f, complaint: complaint({ decision: d({ category: 'lighting', rule: 'lighting' }) }) }).kind,
    ).toBe('open-ticket');
  });
});

describe('processing order', () => {
  test('urgent new complaints jump a backlog; thread replies keep their place', () => {
    const pending = [
      { _id: '1', inReplyToTweetId: undefined, u: false },
      { _id: '2', inReplyToTweetId: '1', u: true },
      { _id: '3', inReplyToTweetId: undefined, u: true },
      { _id: '4', inReplyToTweetId: undefined, u: false },
    ];
    expect(urgentFirst(pending, (m) => m.u).map((m) => m._id)).toEqual(['3', '1', '2', '4']);
    const calm = pending.map((m) => ({ ...m, u: false }));
    expect(urgentFirst(calm, (m) => m.u)).toBe(calm);
  });
});
