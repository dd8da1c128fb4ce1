// The channel decision behind /healthz, mujib_channel_problem and the alert rules.
import { newHealth, type Health } from '../src/health/state';
import { channelHealth, DEFAULT_CHANNEL_THRESHOLDS as T } from '../src/health/channel';

const START = new Date('2026-12-01T08:00:00Z');
const at = (min: number) => new Date(START.getTime() + min * 60_000);
const codes = (h: Partial<Health>, now: Date, leader = true) =>
  channelHealth({ health: { ...newHealth(), ...h }, startedAt: START, leader }, now).problems.map(
    (p) => p.code,
  );

test('a working channel, and a fresh start before its first poll, are ok', () => {
  expect(codes({ lastPollAt: at(19), lastPollOk: true }, at(20))).toEqual([]);
  expect(codes({}, at(1))).toEqual([]);
});

test('no successful poll for the threshold is a stop, counted from the last success (or the start)', () => {
  const stale = T.pollStaleMs / 60_000;
  expect(codes({ lastPollAt: at(0), lastPollOk: false, lastError: 'X 503' }, at(stale - 1))).toEqual([]);
  expect(codes({ lastPollAt: at(0), lastPollOk: false, lastError: 'X 503' }, at(stale))).toEqual([
    'poll-stale',
  ]);
  expect(codes({}, at(stale + 1))).toEqual(['poll-stale']);
  const p = channelHealth(
    { health: { ...newHealth(), lastPollAt: at(0), lastError: 'X 503' }, startedAt: START, leader: true },
    at(stale + 5),
  ).problems[0]!;
  expect(p.since).toEqual(at(0));
  expect(p.detail).toMatch(/X 503/);
});

test('posting failing without a success for the threshold; credentials, budget and database at once', () => {
  const fail = T.postFailingMs / 60_000;
  const ok = { lastPollAt: at(100), lastPollOk: true };
  expect(codes({ ...ok, postFailingSince: at(100 - fail + 1) }, at(100))).toEqual([]);
  expect(codes({ ...ok, postFailingSince: at(100 - fail) }, at(100))).toEqual(['posting-failing']);
  expect(codes({ ...ok, credentials: 'failing' }, at(100))).toEqual(['credentials']);
  const budget = {
    status: 'out of budget' as const,
    why: 'monthly-cap' as const,
    until: at(200),
    message: '',
  };
  expect(codes({ ...ok, budget }, at(100))).toEqual(['out-of-budget']);
  expect(codes({ ...ok, lastPollAt: at(201), budget }, at(201))).toEqual([]);
  expect(codes({ ...ok, database: 'failing' }, at(100))).toEqual(['database']);
});

test('a standby instance (another holds the lease) only answers for its database', () => {
  expect(codes({ credentials: 'failing' }, at(500), false)).toEqual([]);
  expect(codes({ database: 'failing' }, at(500), false)).toEqual(['database']);
});
