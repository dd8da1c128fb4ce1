// The dashboard reads a snapshot of small facts plus what was written since
// (src/store/dashboard.ts). It must give exactly what reading the day live gives, through
// staff actions, new tickets, retries, a stale snapshot and a sandbox-style reset.
import { openTestDatabase } from './support/db';
import { claim, reopen, resolve, triage } from '../src/queue';
import { dashboardStats, statsOfFacts } from '../src/console/dashboard/stats';
import {
  buildDashboardSnapshot,
  dropDashboardSnapshot,
  foldFacts,
  keptFrom,
  liveFacts,
  snapshotCovers,
  ticketFact,
  ticketsOpenedIn,
  ticketsOpenedLive,
  ticketKept,
  PERIOD,
  type TicketFact,
} from '../src/store/dashboard';
import { utcHour, utcHoursOf } from '../src/store/models/written-hour';
import { addDays, fromLocal, toLocal } from '../src/sla/zone';
import { namespaceOf } from '../src/store/state-keys';

const TZ = 'Asia/Riyadh';
const MIN = 60_000;
let db: Awaited<ReturnType<typeof openTestDatabase>>;
let n = 0;

beforeAll(async () => {
  db = await openTestDatabase('dashsnap');
});
afterAll(async () => {
  await db.drop();
});

/** A ticket opened `minutesAgo` (its tweet, and an acknowledgement `ackAfter` minutes later). */
async function ticket(o: {
  minutesAgo: number;
  category?: string;
  status?: 'open' | 'claimed' | 'resolved';
  dueInMinutes?: number;
  ackAfter?: number;
}) {
  const i = ++n;
  const id = `17${String(i).padStart(8, '0')}`;
  const at = new Date(Date.now() - o.minutesAgo * MIN);
  const ref = `AM-2612-${String(i).padStart(4, '0')}`;
  await db.models.Mention.create({
    _id: id,
    text: 'حفرة',
    authorId: `u${i}`,
    tweetCreatedAt: at,
    fetchedAt: at,
  });
  await db.models.Ticket.create({
    _id: ref,
    mentionId: id,
    authorId: `u${i}`,
    category: o.category ?? 'roads',
    priority: 3,
    status: o.status ?? 'open',
    dueAt: new Date(Date.now() + (o.dueInMinutes ?? 60) * MIN),
    history: [{ at, by: 'bot', action: 'opened' }],
    ...(o.status === 'resolved' ? { resolvedAt: at } : {}),
    createdAt: at,
  });
  if (o.ackAfter !== undefined)
    await db.models.Reply.create({
      _id: `ack:${id}`,
      kind: 'ack',
      ticketRef: ref,
      inReplyToTweetId: id,
      text: `رقم البلاغ ${ref}`,
      status: 'posted',
      plannedAt: at,
      postedAt: new Date(at.getTime() + o.ackAfter * MIN),
    });
  return ref;
}

/** Today's (Riyadh) window, and the stats read live the old way. */
async function live(now = new Date()) {
  const local = toLocal(now, TZ);
  const dayStart = fromLocal(local, 0, TZ);
  const dayEnd = fromLocal(addDays(local, 1), 0, TZ);
  return statsOfFacts(await liveFacts(db.store, dayStart, dayEnd), { dayStart, dayEnd, now, timeZone: TZ });
}

/** The month's tickets as the 7/30-day view sees them: from the snapshot, and live. */
async function month() {
  const end = new Date(Date.now() + 86_400_000);
  const start = new Date(Date.now() - 29 * 86_400_000);
  const norm = (rows: Awaited<ReturnType<typeof ticketsOpenedLive>>) =>
    rows
      .map((r) => ({
        category: r.category,
        due: r.dueAt ? new Date(r.dueAt).getTime() : null,
        resolved: r.resolvedAt ? new Date(r.resolvedAt).getTime() : null,
        breached: !!r.breached,
        created: new Date(r.createdAt!).getTime(),
      }))
      .sort((a, b) => a.created - b.created || a.category.localeCompare(b.category));
  return {
    snapshot: norm(await ticketsOpenedIn(db.store, start, end)),
    live: norm(await ticketsOpenedLive(db.store, start, end)),
  };
}

/** Makes everything written so far look old: only the snapshot still knows it. */
async function ageWrites() {
  for (const c of [db.models.Ticket.collection, db.models.Reply.collection])
    await c.updateMany({}, { $set: { writtenHour: '2000-01-01T00' } });
}

const snapshotDoc = () => db.models.State.collection.findOne({ _id: 'dashboard:today' as never });

test('pure: facts, what a snapshot keeps, what it covers, folding by id', () => {
  const f = ticketFact({
    _id: 'AM-1',
    category: 'roads',
    status: 'resolved',
    createdAt: new Date('2026-12-01T08:00:00Z'),
    resolvedAt: new Date('2026-12-01T09:00:00Z'),
    history: [
      { action: 'resolved', by: 'sara' },
      { action: 'reopened', by: 'citizen' },
      { action: 'resolved', by: 'bot' },
    ],
  });
  expect(f).toMatchObject({ ref: 'AM-1', status: 'resolved', resolvedByStaff: false, breached: false });
  const at = Date.parse('2026-12-03T10:00:00Z');
  expect(keptFrom(at)).toBe('2026-12-01');
  expect(ticketKept(f, keptFrom(at))).toBe(true);
  expect(
    ticketKept({ ...f, createdAt: Date.parse('2026-11-20T00:00:00Z'), resolvedAt: undefined }, '2026-12-01'),
  ).toBe(false);
  expect(
    ticketKept({ ...f, status: 'open', createdAt: Date.parse('2026-01-01T00:00:00Z') }, '2026-12-01'),
  ).toBe(true);
  expect(snapshotCovers(at, new Date('2026-12-01T21:00:00Z'), new Date('2026-12-02T21:00:00Z'))).toBe(true);
  expect(snapshotCovers(at, new Date('2026-11-30T21:00:00Z'), new Date('2026-12-01T21:00:00Z'))).toBe(false);
  const old: TicketFact = { ...f, status: 'open' };
  const folded = foldFacts({ tickets: [old], acks: [] }, { tickets: [f, f], acks: [] }, at);
  expect(folded.tickets).toEqual([f]); // overwritten by id, never counted twice
  expect(utcHoursOf(new Date('2026-12-01T22:50:00Z'), new Date('2026-12-02T01:10:00Z'))).toEqual([
    '2026-12-01T22',
    '2026-12-01T23',
    '2026-12-02T00',
    '2026-12-02T01',
  ]);
});

test('writes stamp the hour they happen in, also updates that carry their own timestamps', async () => {
  const ref = await ticket({ minutesAgo: 5 });
  await db.models.Ticket.updateOne({ _id: ref }, { $set: { writtenHour: 'x' } });
  expect((await db.models.Ticket.collection.findOne({ _id: ref as never }))!.writtenHour).toBe(
    utcHour(new Date()),
  );
  // mutateTicket writes with timestamps: false and an explicit (past) updatedAt.
  await claim(db.store, ref, { as: 'sara', now: new Date(Date.now() - 3 * 86_400_000) });
  expect((await db.models.Ticket.collection.findOne({ _id: ref as never }))!.writtenHour).toBe(
    utcHour(new Date()),
  );
});

test('snapshot plus what was written since = the day read live, through staff work', async () => {
  await dropDashboardSnapshot(db.store);
  const a = await ticket({ minutesAgo: 30, ackAfter: 1 });
  const b = await ticket({ minutesAgo: 20, category: 'waste', ackAfter: 3, dueInMinutes: -5 });
  await ticket({ minutesAgo: 10, status: 'resolved', category: 'lighting' });
  expect(await buildDashboardSnapshot(db.store)).toBeGreaterThan(0);
  expect(await buildDashboardSnapshot(db.store, new Date(), PERIOD)).toBeGreaterThan(0);
  await ageWrites();
  expect(await dashboardStats(db.store, TZ)).toEqual(await live());
  // The numbers do come from the snapshot: a change behind the models' back is not seen.
  await db.models.Ticket.collection.updateOne({ _id: b as never }, { $set: { category: 'parks' } });
  expect((await dashboardStats(db.store, TZ)).byCategory).not.toEqual((await live()).byCategory);
  await db.models.Ticket.collection.updateOne({ _id: b as never }, { $set: { category: 'waste' } });

  // Staff work after the snapshot: claim, resolve, a re-triage, a reopen, a new ticket.
  await claim(db.store, a, { as: 'sara' });
  await resolve(db.store, a, { as: 'sara' });
  await triage(db.store, b, {
    as: 'sara',
    category: 'roads',
    reason: 'it is a pothole',
    categories: ['roads', 'waste'],
  });
  await resolve(db.store, b, { as: 'omar' });
  await reopen(db.store, b, { as: 'omar', reason: 'not fixed' });
  await ticket({ minutesAgo: 1, category: 'parks', ackAfter: 0.5, dueInMinutes: -1 });
  const s = await dashboardStats(db.store, TZ);
  expect(s).toEqual(await live());
  const m = await month();
  expect(m.snapshot).toEqual(m.live);
  expect(m.snapshot.filter((r) => r.resolved !== null).length).toBeGreaterThanOrEqual(2);
  expect(s.resolve.n).toBeGreaterThanOrEqual(1);
  expect(s.ack.n).toBeGreaterThanOrEqual(3);
  // Asked again (a retry, another tab): the same numbers.
  expect(await dashboardStats(db.store, TZ)).toEqual(s);
  // Both snapshots are state documents the registry declares (housekeeping knows them).
  const ids = (await db.models.State.find({}, { _id: 1 }).lean()).map((d) => String(d._id));
  expect(ids.map((id) => namespaceOf(id)?.name).filter((n) => n?.startsWith('dashboard'))).toEqual(
    expect.arrayContaining(['dashboardToday', 'dashboardPeriod']),
  );
});

test('an old snapshot is folded forward and written back; a lost write changes nothing', async () => {
  await buildDashboardSnapshot(db.store);
  await ageWrites();
  const doc = (await snapshotDoc())!;
  const value = doc.value as { at: number };
  // As if built 40 minutes ago; what was written since is read again and folded in.
  await db.models.State.collection.updateOne(
    { _id: 'dashboard:today' as never },
    { $set: { 'value.at': value.at - 40 * MIN } },
  );
  await ticket({ minutesAgo: 2, category: 'waste' });
  const s = await dashboardStats(db.store, TZ);
  expect(s).toEqual(await live());
  const after = ((await snapshotDoc())!.value as { at: number }).at;
  expect(after).toBeGreaterThan(value.at - 40 * MIN); // written back with a newer `at`
  // Another instance writes back the older one (its write landed last): still exact.
  await db.models.State.collection.replaceOne({ _id: 'dashboard:today' as never }, doc);
  expect(await dashboardStats(db.store, TZ)).toEqual(await live());
});

test('a reset world (sandbox) or a missing snapshot is rebuilt; an older day is read live', async () => {
  await db.models.State.collection.deleteMany({});
  await ticket({ minutesAgo: 3, category: 'roads', ackAfter: 1 });
  expect(await dashboardStats(db.store, TZ)).toEqual(await live());
  expect(await snapshotDoc()).not.toBeNull();
  const weekAgo = new Date(Date.now() - 7 * 86_400_000);
  expect(await dashboardStats(db.store, TZ, weekAgo)).toEqual(await live(weekAgo));
});
