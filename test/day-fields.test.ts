// "Today's" questions are equality on day fields the schema keeps beside each timestamp
// (src/store/models/day-fields.ts), and /metrics counts posted replies by day
// (src/store/reply-counts.ts). Both must agree with the timestamps whatever writes them.
import { openTestDatabase } from './support/db';
import { resolve, reopen, attachFollowUp, findTicketOfTweet } from '../src/queue';
import { utcDaysOf } from '../src/store/models/day-fields';
import { replyCounts, queueDepth, POSTED_COUNT_KEY } from '../src/store/reply-counts';

let db: Awaited<ReturnType<typeof openTestDatabase>>;

beforeAll(async () => {
  db = await openTestDatabase('dayfields');
});
afterAll(async () => {
  await db.drop();
});

const at = (iso: string) => new Date(iso);

async function ticket(ref: string, createdAt: Date, extra: object = {}) {
  await db.models.Ticket.create({
    _id: ref,
    mentionId: `m-${ref}`,
    authorId: 'a1',
    category: 'roads',
    priority: 3,
    status: 'open',
    history: [{ at: createdAt, by: 'mujib', action: 'opened' }],
    createdAt,
    ...extra,
  });
  return db.models.Ticket.findById(ref).lean();
}

test('the UTC days of an agency day: Riyadh midnight to midnight touches two', () => {
  expect(utcDaysOf(at('2026-11-30T21:00:00Z'), at('2026-12-01T21:00:00Z'))).toEqual([
    '2026-11-30',
    '2026-12-01',
  ]);
  expect(utcDaysOf(at('2026-12-01T00:00:00Z'), at('2026-12-02T00:00:00Z'))).toEqual(['2026-12-01']);
});

test('a ticket carries the UTC day it was created and resolved; reopening removes the latter', async () => {
  const t = await ticket('AM-2612-0101', at('2026-12-01T22:30:00Z'));
  expect(t).toMatchObject({ createdDay: '2026-12-01' });
  expect(t).not.toHaveProperty('resolvedDay');
  await resolve(db.store, 'AM-2612-0101', { as: 'sara', now: at('2026-12-02T01:00:00Z') });
  expect(await db.models.Ticket.findById('AM-2612-0101').lean()).toMatchObject({
    status: 'resolved',
    createdDay: '2026-12-01',
    resolvedDay: '2026-12-02',
  });
  await reopen(db.store, 'AM-2612-0101', { as: 'sara', now: at('2026-12-02T02:00:00Z') });
  const back = await db.models.Ticket.findById('AM-2612-0101').lean();
  expect(back).not.toHaveProperty('resolvedAt');
  expect(back).not.toHaveProperty('resolvedDay');
  // Opened already resolved (answered by the bot):
  expect(
    await ticket('AM-2612-0102', at('2026-12-03T10:00:00Z'), {
      status: 'resolved',
      resolvedAt: at('2026-12-03T10:00:00Z'),
    }),
  ).toMatchObject({ resolvedDay: '2026-12-03' });
});

test('posted replies are counted by day, and the total moves forward across days exactly', async () => {
  const { Reply } = db.models;
  const plan = (id: string, status: 'planned' | 'failed' = 'planned') =>
    Reply.create({ _id: id, kind: 'ack', inReplyToTweetId: id, text: id, status, plannedAt: new Date() });
  const post = (id: string, when: Date) =>
    Reply.updateOne({ _id: id }, { $set: { status: 'posted', postedTweetId: `x${id}`, postedAt: when } });
  // As on a database from before migration 3, which starts the running total at open.
  await db.models.State.deleteOne({ _id: POSTED_COUNT_KEY });
  // Two replies posted before day fields existed (no postedDay), one failed, one waiting.
  await Reply.collection.insertMany([
    {
      _id: 'old1' as never,
      kind: 'ack',
      status: 'posted',
      inReplyToTweetId: 'o1',
      text: 'o',
      postedAt: at('2026-10-01T00:00:00Z'),
    },
    {
      _id: 'old2' as never,
      kind: 'ack',
      status: 'posted',
      inReplyToTweetId: 'o2',
      text: 'o',
      postedAt: at('2026-10-02T00:00:00Z'),
    },
  ]);
  await plan('f1', 'failed');
  await plan('p1');
  await plan('d1');
  await post('d1', at('2026-12-01T10:00:00Z'));
  expect(await Reply.findById('d1').lean()).toMatchObject({ postedDay: '2026-12-01' });

  expect(await replyCounts(db.store, at('2026-12-01T12:00:00Z'))).toEqual({
    planned: 1,
    posted: 3,
    failed: 1,
    stale: 0,
  });
  await plan('d2');
  await post('d2', at('2026-12-01T23:00:00Z'));
  await plan('d3');
  await post('d3', at('2026-12-03T08:00:00Z'));
  // Two days later: the running total takes in 1 Dec (and the empty 2 Dec) as it moves on.
  expect((await replyCounts(db.store, at('2026-12-03T09:00:00Z'))).posted).toBe(5);
  expect((await replyCounts(db.store, at('2026-12-03T09:05:00Z'))).posted).toBe(5);
  expect(await Reply.countDocuments({ status: 'posted' })).toBe(5);
});

test('queue depth counts open and claimed tickets by priority', async () => {
  await ticket('AM-2612-0201', new Date(), { priority: 1 });
  await ticket('AM-2612-0202', new Date(), { priority: 1, status: 'claimed' });
  await ticket('AM-2612-0203', new Date(), { priority: 2, status: 'resolved', resolvedAt: new Date() });
  const depth = await queueDepth(db.store);
  expect(depth.get(1)).toBe(2);
  expect(depth.get(2) ?? 0).toBe(0);
});

test('a tweet attached as a follow-up leads back to its ticket, as does the tweet that opened it', async () => {
  await ticket('AM-2612-0301', new Date());
  expect(await findTicketOfTweet(db.store, 'tw-301')).toBeNull();
  await attachFollowUp(db.store, 'AM-2612-0301', { tweetId: 'tw-301', text: 'أي جديد؟' });
  expect((await findTicketOfTweet(db.store, 'tw-301'))?._id).toBe('AM-2612-0301');
  expect((await findTicketOfTweet(db.store, 'm-AM-2612-0301'))?._id).toBe('AM-2612-0301');
  // Attaching again (a retry after a crash) changes nothing and still finds it.
  const again = await attachFollowUp(db.store, 'AM-2612-0301', { tweetId: 'tw-301' });
  expect(again.attached).toBe(false);
  expect(again.ticket.followUps).toHaveLength(1);
});
