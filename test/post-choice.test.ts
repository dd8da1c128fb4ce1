// The poster's choices (src/bot/post-choice.ts), from facts alone: what happens to the next due
// reply, stale acknowledgements, X's quota, the storm rule and reconciling with our timeline.
// test/bot.test.ts and test/poster-outcomes.test.ts drive the same choices end to end.
import {
  claimAbandoned,
  isStale,
  nextPostStep,
  postedAmong,
  quotaExhausted,
  stormHolds,
  stormMayHold,
  type PostFacts,
} from '../src/bot/post-choice';

const NOW = new Date('2026-12-01T12:00:00Z');
const HOUR = 3_600_000;
const STALE_MS = 12 * HOUR;
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const reply = (over: { kind?: string; priority?: number; plannedAt?: Date } = {}) => ({
  kind: 'ack',
  priority: 2,
  plannedAt: ago(60_000),
  ...over,
});
const facts = (over: Partial<PostFacts> = {}): PostFacts => ({
  now: NOW,
  staleReplyMs: STALE_MS,
  hold: false,
  budget: Infinity,
  ...over,
});
const limit = (remaining: number, resetInMs: number) => ({
  limit: 100,
  remaining,
  reset: new Date(NOW.getTime() + resetInMs),
});

describe('stale acknowledgements', () => {
  test('a routine acknowledgement past STALE_REPLY_HOURS is not posted late', () => {
    expect(isStale(reply({ plannedAt: ago(13 * HOUR) }), NOW, STALE_MS)).toBe(true);
    expect(nextPostStep(reply({ plannedAt: ago(13 * HOUR) }), facts())).toEqual({ do: 'stale' });
  });

  test('an urgent acknowledgement is never dropped as stale, however late', () => {
    const late = reply({ priority: 1, plannedAt: ago(72 * HOUR) });
    expect(isStale(late, NOW, STALE_MS)).toBe(false);
    expect(nextPostStep(late, facts())).toEqual({ do: 'post' });
  });

  test('staff replies and resolution replies are never stale', () => {
    for (const kind of ['staff', 'resolved'])
      expect(isStale(reply({ kind, plannedAt: ago(72 * HOUR) }), NOW, STALE_MS)).toBe(false);
  });

  test('within the window a routine acknowledgement goes', () => {
    expect(isStale(reply({ plannedAt: ago(11 * HOUR) }), NOW, STALE_MS)).toBe(false);
  });
});

describe('the next due reply', () => {
  test('the storm hold stops routine replies but lets urgent ones through', () => {
    expect(nextPostStep(reply(), facts({ hold: true }))).toEqual({ do: 'hold' });
    expect(nextPostStep(reply({ priority: 1 }), facts({ hold: true }))).toEqual({ do: 'post' });
  });

  test('a held routine reply is held, not marked stale (the hold comes first)', () => {
    expect(nextPostStep(reply({ plannedAt: ago(13 * HOUR) }), facts({ hold: true }))).toEqual({ do: 'hold' });
  });

  test('with the pass budget spent nothing more goes', () => {
    expect(nextPostStep(reply({ priority: 1 }), facts({ budget: 0 }))).toEqual({ do: 'spent' });
  });

  test("with X's quota used up the poster waits for the reset; a stale one is still marked first", () => {
    const exhausted = { until: new Date(NOW.getTime() + 60_000), appDay: false };
    expect(nextPostStep(reply(), facts({ exhausted }))).toEqual({ do: 'wait', ...exhausted });
    expect(nextPostStep(reply({ plannedAt: ago(13 * HOUR) }), facts({ exhausted }))).toEqual({ do: 'stale' });
  });
});

describe("X's quota", () => {
  test('the 15-minute window, the 24-hour cap and the app cap each stop posting until their reset', () => {
    expect(quotaExhausted(undefined, NOW)).toBeUndefined();
    expect(quotaExhausted(limit(3, 60_000), NOW)).toBeUndefined();
    expect(quotaExhausted(limit(0, 60_000), NOW)).toEqual({ until: limit(0, 60_000).reset, appDay: false });
    // A reset already past: X will take posts again.
    expect(quotaExhausted(limit(0, -1), NOW)).toBeUndefined();
    const day = { ...limit(5, 60_000), day: limit(0, 5 * HOUR) };
    expect(quotaExhausted(day, NOW)).toEqual({ until: day.day.reset, appDay: false });
    const app = { ...limit(5, 60_000), appDay: limit(0, 7 * HOUR) };
    expect(quotaExhausted(app, NOW)).toEqual({ until: app.appDay.reset, appDay: true });
  });
});

describe('the storm rule', () => {
  const WINDOW = 15 * 60_000;
  test('holds only while quota is left and more than the last quarter of the window remains', () => {
    expect(stormMayHold(undefined, NOW, WINDOW)).toBe(false);
    expect(stormMayHold(limit(0, 10 * 60_000), NOW, WINDOW)).toBe(false);
    expect(stormMayHold(limit(10, 10 * 60_000), NOW, WINDOW)).toBe(true);
    expect(stormMayHold(limit(10, 3 * 60_000), NOW, WINDOW)).toBe(false);
  });

  test('holds when more routine acknowledgements wait than the quota can post', () => {
    expect(stormHolds(11, limit(10, 0))).toBe(true);
    expect(stormHolds(10, limit(10, 0))).toBe(false);
  });
});

describe('after a crash', () => {
  test('a claim uncounted for 90 s was abandoned by its instance', () => {
    expect(claimAbandoned(ago(89_000), NOW)).toBe(false);
    expect(claimAbandoned(ago(90_000), NOW)).toBe(true);
    expect(claimAbandoned(undefined, NOW)).toBe(false);
  });

  test('our timeline proves a reply posted: same text, or for an acknowledgement our last answer', () => {
    const mine = [
      { id: 't1', text: 'other', inReplyToTweetId: '55' },
      { id: 't2', text: 'شكرا  لتواصلك\nAM-1', inReplyToTweetId: '77' },
      { id: 't3', text: 'rewritten https://t.co/x', inReplyToTweetId: '77' },
    ];
    const ack = { kind: 'ack', text: 'شكرا لتواصلك AM-1', inReplyToTweetId: '77' };
    expect(postedAmong(mine, ack)).toBe('t2');
    expect(postedAmong(mine, { ...ack, text: 'changed' })).toBe('t3');
    expect(postedAmong(mine, { ...ack, kind: 'staff', text: 'changed' })).toBeUndefined();
    expect(postedAmong(mine, { ...ack, inReplyToTweetId: '99' })).toBeUndefined();
  });
});
