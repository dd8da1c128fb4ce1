// Many instances, one voice: the lease on the real database server.
import { createLease } from '../src/bot/lease';
import { openTestDatabase } from './support/db';

let db: Awaited<ReturnType<typeof openTestDatabase>>;

beforeEach(async () => {
  db = await openTestDatabase('lease');
});
afterEach(async () => {
  await db.drop();
});

const PERIOD = 30_000;

/** Instances sharing one fake clock, so expiry is exact. */
function cluster() {
  let t = Date.parse('2026-11-27T10:00:00Z');
  const now = () => new Date(t);
  const instance = (holder: string) => createLease(db.store, { name: 'bot', holder, periodMs: PERIOD, now });
  return { instance, advance: (ms: number) => (t += ms) };
}

test('one holder at a time; a standby takes over only after the holder stops renewing', async () => {
  const c = cluster();
  const a = c.instance('a');
  const b = c.instance('b');
  expect(await a.heartbeat()).toBe(true);
  expect(await b.heartbeat()).toBe(false);
  // A renews within its period: B keeps standing by.
  for (let i = 0; i < 3; i++) {
    c.advance(PERIOD / 3);
    expect(await a.heartbeat()).toBe(true);
    expect(await b.heartbeat()).toBe(false);
  }
  // A dies (no more heartbeats): B takes over once A's term has expired, not before.
  c.advance(PERIOD - 1);
  expect(await b.heartbeat()).toBe(false);
  c.advance(2);
  expect(await b.heartbeat()).toBe(true);
  expect(b.term()).toBe(a.term()! + 1);
  // A comes back: it sees the later term and stands down.
  expect(await a.heartbeat()).toBe(false);
  expect(a.held()).toBe(false);
});

test('a restarted instance finds the latest term by its hint, and without it on an older database', async () => {
  const c = cluster();
  for (let i = 0; i < 4; i++) {
    expect(await c.instance(`i${i}`).heartbeat()).toBe(true);
    c.advance(PERIOD + 1); // each holder dies, the next takes over
  }
  const fresh = c.instance('fresh');
  expect(await fresh.heartbeat()).toBe(true);
  expect(fresh.term()).toBe(5);
  expect((await db.models.State.findById('lease-latest:bot').lean())?.value).toBe(5);

  // Without the hint (a database from before it): found the slow way, and never a term reused.
  await db.models.State.deleteOne({ _id: 'lease-latest:bot' });
  const other = c.instance('other');
  expect(await other.heartbeat()).toBe(false); // term 5 is live
  c.advance(PERIOD + 1);
  expect(await other.heartbeat()).toBe(true);
  expect(other.term()).toBe(6);

  // A hint that lags behind (its writer died before updating it) is probed past.
  await db.models.State.updateOne({ _id: 'lease-latest:bot' }, { $set: { value: 2 } });
  const late = c.instance('late');
  expect(await late.heartbeat()).toBe(false); // term 6 is live, not term 2
  expect((await db.models.State.findById('lease-latest:bot').lean())?.value).toBe(6);
  const terms = (await db.models.State.find({ _id: { $regex: '^lease:bot:' } }).lean()).map((d) => d._id);
  expect(terms).toHaveLength(6);
});

test('release hands over at once', async () => {
  const c = cluster();
  const a = c.instance('a');
  const b = c.instance('b');
  expect(await a.heartbeat()).toBe(true);
  await a.release();
  expect(a.held()).toBe(false);
  expect(await b.heartbeat()).toBe(true);
});
