// Data-layer invariants the pipeline relies on, proven on the real server (FerretDB here).
import { openDatabase } from '../src/store/db';
import { insertMention } from '../src/store/mentions';
import { nextNumber } from '../src/store/counters';
import { getState, setState } from '../src/store/state';
import { openTestDatabase, quietLog, testUri } from './support/db';

let db: Awaited<ReturnType<typeof openTestDatabase>>;

beforeAll(async () => {
  db = await openTestDatabase('store');
});
afterAll(async () => {
  await db.drop();
});

const mention = (id: string, text = 'حفرة كبيرة في الشارع') => ({
  _id: id,
  text,
  authorId: 'u1',
  authorUsername: 'citizen',
});

test('inserting the same tweet id twice keeps one document and reports the duplicate', async () => {
  const first = await insertMention(db.store, mention('1001'));
  const second = await insertMention(db.store, mention('1001', 'changed text'));
  expect(first).toEqual({ inserted: true, duplicate: false });
  expect(second).toEqual({ inserted: false, duplicate: true });
  const docs = await db.models.Mention.find({ _id: '1001' }).lean();
  expect(docs).toHaveLength(1);
  expect(docs[0]!.text).toBe('حفرة كبيرة في الشارع');
});

test('concurrent inserts of one tweet id: exactly one wins', async () => {
  const results = await Promise.all(
    Array.from({ length: 10 }, () => insertMention(db.store, mention('2002'))),
  );
  expect(results.filter((r) => r.inserted)).toHaveLength(1);
  expect(results.filter((r) => r.duplicate)).toHaveLength(9);
  expect(await db.models.Mention.countDocuments({ _id: '2002' })).toBe(1);
});

test('ticket numbers never repeat under concurrent allocation, even across connections', async () => {
  // A second connection stands in for a second bot process on the same database.
  const other = await openDatabase(testUri(), { dbName: db.dbName, log: quietLog });
  try {
    const jobs = Array.from({ length: 40 }, (_, i) =>
      nextNumber(i % 2 ? db.store : other.store, 'ticket:2611'),
    );
    const numbers = await Promise.all(jobs);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(Math.min(...numbers)).toBe(1);
    // Other series are independent.
    expect(await nextNumber(db.store, 'ticket:2612')).toBe(1);
  } finally {
    await other.close();
  }
});

test('state survives a reconnect', async () => {
  await setState(db.store, 'cursor:mentions', { sinceId: '1234567890123456789' });
  await db.close();
  const again = await openDatabase(testUri(), { dbName: db.dbName, log: quietLog });
  try {
    expect(await getState(again.store, 'cursor:mentions')).toEqual({ sinceId: '1234567890123456789' });
    await setState(again.store, 'cursor:mentions', { sinceId: '2' });
    expect(await getState(again.store, 'cursor:mentions')).toEqual({ sinceId: '2' });
    expect(await getState(again.store, 'missing')).toBeUndefined();
  } finally {
    db = {
      ...db,
      ...again,
      close: () => again.close(),
      drop: async () => {
        await again.conn.dropDatabase();
        await again.close();
      },
    };
  }
});

test('declared indexes exist on the server', async () => {
  const idx = await db.models.Ticket.collection.indexes();
  const keys = idx.map((i) => Object.keys(i.key).join(','));
  expect(keys).toEqual(expect.arrayContaining(['status,priority,dueAt', 'conversationId']));
});

test('an unreachable server fails with a clear, redacted error after its retries', async () => {
  const started = Date.now();
  await expect(
    openDatabase('mongodb://mujib:S3cr3tPassw0rd@127.0.0.1:1/x', {
      attempts: 2,
      baseDelayMs: 50,
      serverSelectionTimeoutMS: 300,
      log: quietLog,
    }),
  ).rejects.toThrow(
    /Cannot reach the database at mongodb:\/\/mujib:\*\*\*@127\.0\.0\.1:1\/x after 2 attempt/,
  );
  await expect(
    openDatabase('mongodb://mujib:S3cr3tPassw0rd@127.0.0.1:1/x', {
      attempts: 1,
      serverSelectionTimeoutMS: 200,
      log: quietLog,
    }),
  ).rejects.not.toThrow(/S3cr3tPassw0rd/);
  expect(Date.now() - started).toBeLessThan(20_000);
});

test('finding by _id is an index lookup, not a scan (our FerretDB build carries the fix)', async () => {
  await insertMention(db.store, mention('2001'));
  const plan = await db.conn.db!.command({ explain: { find: 'mentions', filter: { _id: '2001' } } });
  const text = JSON.stringify(plan.queryPlanner);
  // FerretDB shows SQLite's plan ("SEARCH … USING INDEX" vs "SCAN"); MongoDB an _id stage.
  expect(text).toMatch(/USING INDEX|IDHACK|EXPRESS_IXSCAN|IXSCAN/);
  expect(text).not.toMatch(/"SCAN /);
});
