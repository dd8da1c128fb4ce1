// Migration 3 starts /metrics' running total of posted replies at start (store/reply-counts.ts),
// so the first scrape after an upgrade reads only today's replies, never the whole outbox.
import { openTestDatabase } from './support/db';
import { runMigrations, SCHEMA_VERSION_KEY } from '../src/store/migrations';
import { POSTED_COUNT_KEY, replyCounts } from '../src/store/reply-counts';
import { getState } from '../src/store/state';

let db: Awaited<ReturnType<typeof openTestDatabase>>;

beforeAll(async () => {
  db = await openTestDatabase('postedcount');
});
afterAll(async () => {
  await db.drop();
});

const legacyPosted = (id: string) => ({
  _id: id as never,
  kind: 'ack',
  status: 'posted',
  inReplyToTweetId: id,
  text: 't',
  postedAt: new Date('2026-10-01T00:00:00Z'), // posted before day fields existed: no postedDay
});

test('an upgraded database gets the total at start; the first scrape does not count the outbox', async () => {
  const { Reply, State } = db.models;
  // A database as schema 2 left it: posted replies, and no running total yet.
  await State.deleteOne({ _id: POSTED_COUNT_KEY });
  await State.updateOne({ _id: SCHEMA_VERSION_KEY }, { $set: { value: 2 } });
  await Reply.collection.insertMany([legacyPosted('old1'), legacyPosted('old2'), legacyPosted('old3')]);
  await Reply.collection.insertOne({ ...legacyPosted('fail1'), status: 'failed' });

  const run = await runMigrations({ conn: db.conn, models: db.models });
  expect(run).toMatchObject({ from: 2, to: 3, ran: ['running total of posted replies for /metrics'] });
  expect(await getState(db.store, POSTED_COUNT_KEY)).toMatchObject({ n: 3 });

  // Only a full count would see this one (no day field): the scrape reads the total instead.
  await Reply.collection.insertOne(legacyPosted('old4'));
  expect((await replyCounts(db.store)).posted).toBe(3);
  expect((await replyCounts(db.store)).failed).toBe(1);

  // Run again (a second instance, a restart): the total already there is kept.
  await State.updateOne({ _id: SCHEMA_VERSION_KEY }, { $set: { value: 2 } });
  await runMigrations({ conn: db.conn, models: db.models });
  expect(await getState(db.store, POSTED_COUNT_KEY)).toMatchObject({ n: 3 });
});
