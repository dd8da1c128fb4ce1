// Schema versions and migrations, from a database as Mujib 0.1.0 left it (no schema version,
// lease terms without the hint) to the current schema; idempotent, concurrent-safe, and a
// database from a newer release is refused rather than written to.
import { openDatabase } from '../src/store/db';
import { modelsFor } from '../src/store/models';
import { storeOf } from '../src/store/store';
import {
  MIGRATIONS,
  readSchemaVersion,
  runMigrations,
  SCHEMA_VERSION,
  SCHEMA_VERSION_KEY,
} from '../src/store/migrations';
import { createLease } from '../src/bot/lease';
import { ticketRefOfTweet } from '../src/store/tickets';
import { openTestDatabase, quietLog, testUri } from './support/db';

let db: Awaited<ReturnType<typeof openTestDatabase>>;

beforeEach(async () => {
  db = await openTestDatabase('migrations');
});
afterEach(async () => {
  await db.drop();
});

/** Turns the freshly opened database back into what Mujib 0.1.0 wrote. */
async function asReleased010(): Promise<void> {
  const { State } = db.models;
  await State.deleteMany({});
  const at = new Date('2026-11-20T08:00:00Z');
  for (const [name, terms] of [
    ['bot', 7],
    ['sweep', 2],
  ] as const)
    for (let t = 1; t <= terms; t++)
      await State.create({
        _id: `lease:${name}:${String(t).padStart(12, '0')}`,
        holder: `host:${t}`,
        expiresAt: at,
        updatedAt: at,
      });
  await State.create({ _id: 'mentions-cursor', value: { sinceId: '1890' }, updatedAt: at });
}

test('every migration has the next version number, so none is skipped or run twice', () => {
  expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  expect(SCHEMA_VERSION).toBe(MIGRATIONS.length);
});

test('a new database is stamped with the current schema when it is opened', async () => {
  expect(await readSchemaVersion(db.store)).toBe(SCHEMA_VERSION);
});

test('a 0.1.0 database is migrated at start: lease hints written, other state untouched', async () => {
  await asReleased010();
  expect(await readSchemaVersion(db.store)).toBe(0);
  const reopened = await openDatabase(testUri(), { dbName: db.dbName, log: quietLog });
  try {
    const { State } = reopened.models;
    expect(await readSchemaVersion(reopened.store)).toBe(SCHEMA_VERSION);
    expect((await State.findById('lease-latest:bot').lean())?.value).toBe(7);
    expect((await State.findById('lease-latest:sweep').lean())?.value).toBe(2);
    expect((await State.findById('mentions-cursor').lean())?.value).toEqual({ sinceId: '1890' });
    // The lease now continues from term 7 by _id alone: its next term is 8.
    const lease = createLease(reopened.store, { name: 'bot', holder: 'new', periodMs: 10_000 });
    expect(await lease.heartbeat()).toBe(true);
    expect(lease.term()).toBe(8);
  } finally {
    await reopened.close();
  }
});

test('running the migrations again, or twice at once, changes nothing more', async () => {
  await asReleased010();
  const ctx = { conn: db.conn, models: db.models };
  const [a, b] = await Promise.all([runMigrations(ctx), runMigrations(ctx)]);
  expect(a.to).toBe(SCHEMA_VERSION);
  expect(b.to).toBe(SCHEMA_VERSION);
  const after = await db.models.State.find({}).sort({ _id: 1 }).lean();
  const again = await runMigrations(ctx);
  expect(again).toEqual({ from: SCHEMA_VERSION, to: SCHEMA_VERSION, ran: [] });
  const strip = (docs: typeof after) => docs.map(({ updatedAt: _u, ...d }) => d);
  expect(strip(await db.models.State.find({}).sort({ _id: 1 }).lean())).toEqual(strip(after));
  // A hint the lease has moved on since is never moved back.
  await db.models.State.updateOne({ _id: 'lease-latest:bot' }, { $set: { value: 12 } });
  await db.models.State.updateOne({ _id: SCHEMA_VERSION_KEY }, { $set: { value: 0 } });
  await runMigrations(ctx);
  expect((await db.models.State.findById('lease-latest:bot').lean())?.value).toBe(12);
});

test('a database from a newer release is refused at once, with what to do', async () => {
  await db.models.State.updateOne({ _id: SCHEMA_VERSION_KEY }, { $set: { value: SCHEMA_VERSION + 1 } });
  const started = Date.now();
  await expect(
    openDatabase(testUri(), { dbName: db.dbName, log: quietLog, attempts: 5, baseDelayMs: 2000 }),
  ).rejects.toThrow(/schema version \d+, newer than this Mujib knows.*restore a backup/);
  // Not retried: a newer schema does not go away by waiting.
  expect(Date.now() - started).toBeLessThan(2000);
  expect(await readSchemaVersion(storeOf(modelsFor(db.conn)))).toBe(SCHEMA_VERSION + 1);
});

test('follow-ups attached before the thread lookups existed are found again after the migration', async () => {
  await asReleased010();
  const at = new Date('2026-11-20T08:00:00Z');
  await db.models.Ticket.create({
    _id: 'AM-2611-0007',
    mentionId: '1700',
    authorId: 'u1',
    category: 'roads',
    priority: 3,
    followUps: [
      { tweetId: '1701', at },
      { tweetId: '1702', at },
    ],
    history: [],
  });
  expect(await ticketRefOfTweet(db.store, '1702')).toBeUndefined();
  const reopened = await openDatabase(testUri(), { dbName: db.dbName, log: quietLog });
  try {
    expect(await ticketRefOfTweet(reopened.store, '1701')).toBe('AM-2611-0007');
    expect(await ticketRefOfTweet(reopened.store, '1702')).toBe('AM-2611-0007');
    expect(await ticketRefOfTweet(reopened.store, '1700')).toBe('AM-2611-0007');
  } finally {
    await reopened.close();
  }
});
