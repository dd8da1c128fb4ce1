// A process that starts finds where a number series stands from its hint document, probed
// forward by _id (src/store/counters.ts), not by reading the whole series.
import { openDatabase } from '../src/store/db';
import { nextNumber } from '../src/store/counters';
import { openTestDatabase, quietLog, testUri } from './support/db';
import { storeOf } from '../src/store/store';

let db: Awaited<ReturnType<typeof openTestDatabase>>;

beforeAll(async () => {
  db = await openTestDatabase('counters');
});
afterAll(async () => {
  await db.drop();
});

/** A fresh process: its own connection, so no number is remembered. */
async function inFreshProcess<T>(fn: (m: typeof db.models) => Promise<T>): Promise<T> {
  const other = await openDatabase(testUri(), { dbName: db.dbName, log: quietLog });
  try {
    return await fn(other.models);
  } finally {
    await other.close();
  }
}

test('a restarted process continues the series after the highest number', async () => {
  for (let i = 1; i <= 3; i++) expect(await nextNumber(db.store, 'ticket:AM-2612')).toBe(i);
  expect(await db.models.Counter.findById('top:ticket:AM-2612').lean()).toMatchObject({ n: 3 });
  expect(await inFreshProcess((m) => nextNumber(storeOf(m), 'ticket:AM-2612'))).toBe(4);
});

test('a hint that lags behind (a crash before it was raised) is probed forward', async () => {
  await db.models.Counter.updateOne({ _id: 'top:ticket:AM-2612' }, { $set: { n: 1 } });
  expect(await inFreshProcess((m) => nextNumber(storeOf(m), 'ticket:AM-2612'))).toBe(5);
  expect(await db.models.Counter.findById('top:ticket:AM-2612').lean()).toMatchObject({ n: 5 });
});

test('a series from before hints existed starts after its highest number', async () => {
  await db.models.Counter.insertMany(
    [1, 2, 7].map((n) => ({ _id: `ticket:AM-2601:${n}`, series: 'ticket:AM-2601', n })),
  );
  expect(await inFreshProcess((m) => nextNumber(storeOf(m), 'ticket:AM-2601'))).toBe(8);
});
