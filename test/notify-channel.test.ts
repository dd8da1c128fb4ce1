// Staff hear "the channel stopped" exactly when /healthz says so, once per outage.
import { channelStopped } from '../src/notify/channel-health';
import type { Health } from '../src/health/state';

const start = new Date('2026-12-01T08:00:00Z');
const at = (min: number) => new Date(start.getTime() + min * 60_000);
const health = (h: Partial<Health>): Health => ({
  database: 'ok',
  credentials: 'ok',
  counts: {},
  startedAt: start,
  lastPollAt: start,
  ...h,
});

test('a working channel, and a short polling hiccup, raise nothing', () => {
  expect(channelStopped(health({}), at(5))).toEqual([]);
  expect(channelStopped(health({ lastPollOk: false }), at(5))).toEqual([]);
});

test('no successful poll past the health threshold is one outage: the same subject on every run', () => {
  const h = health({ lastPollOk: false, lastError: 'X 503' });
  const first = channelStopped(h, at(21));
  expect(first).toHaveLength(1);
  expect(first[0]!.subject).toBe(`x-poll-stale:${start.toISOString()}`);
  expect(channelStopped(h, at(40))[0]!.subject).toBe(first[0]!.subject);
  // Polling works again, then stops again later: a new outage, a new subject.
  const later = channelStopped(health({ lastPollAt: at(60) }), at(85));
  expect(later[0]!.subject).toBe(`x-poll-stale:${at(60).toISOString()}`);
});

test('rejected credentials and an exhausted budget are stops at once; a standby instance raises none of them', () => {
  const budget = {
    status: 'out of budget' as const,
    why: 'monthly-cap' as const,
    until: at(600),
    message: 'cap',
  };
  const codes = channelStopped(health({ credentials: 'failing', budget }), at(1)).map((s) => s.subject);
  expect(codes).toEqual([`x-credentials:2026-12-01`, `x-out-of-budget:${at(600).toISOString()}`]);
  expect(channelStopped(health({ credentials: 'failing', budget, standby: true }), at(1))).toEqual([]);
});

test('a database outage is left to /healthz and the alerts (it cannot be recorded)', () => {
  expect(channelStopped(health({ database: 'failing' }), at(1))).toEqual([]);
});
