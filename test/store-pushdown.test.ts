// Our FerretDB build pushes simple filters down to SQLite's indexes (tools/ferretdb/patches.json):
// equality and $in on top-level fields, _id with other conditions, _id prefixes. These plans
// are what keeps a tick's cost independent of history; on the unpatched build every one of
// them is a SCAN of the whole table. Results must be exactly what MongoDB returns.
import { openTestDatabase } from './support/db';

let db: Awaited<ReturnType<typeof openTestDatabase>>;

beforeAll(async () => {
  db = await openTestDatabase('pushdown');
  const { Mention, Reply, State, Ticket } = db.models;
  await Mention.collection.insertMany(
    Array.from({ length: 60 }, (_, i) => ({
      _id: `m${String(i).padStart(3, '0')}` as never,
      text: 'نص',
      authorId: `a${i % 5}`,
      status: i % 10 === 0 ? 'new' : i % 10 === 1 ? 'error' : 'processed',
      isRetweet: i % 2 === 0,
      fetchedAt: new Date(1_700_000_000_000 + i),
      attempts: i % 3,
    })),
  );
  await Reply.collection.insertMany(
    ['planned', 'posted', 'posted', 'failed'].map((status, i) => ({
      _id: `ack:${i}` as never,
      kind: 'ack',
      status,
      text: 't',
      inReplyToTweetId: String(i),
      postedTweetId: `p${i}`,
      priority: 3,
      plannedAt: new Date(),
    })),
  );
  await State.collection.insertMany(
    ['post:ack:1:1', 'post:ack:2:1', 'post;x', 'posts', 'ticket-tx:AM-1:1', 'lease-term:bot:1', 'pos'].map(
      (_id) => ({ _id: _id as never, holder: 'x' }),
    ),
  );
  await Ticket.collection.insertMany([
    {
      _id: 'AM-2612-0001' as never,
      mentionId: 'm001',
      authorId: 'a1',
      category: 'roads',
      priority: 3,
      status: 'open',
      history: [{}, {}],
    },
    {
      _id: 'AM-2612-0002' as never,
      mentionId: 'm002',
      authorId: 'a2',
      category: 'roads',
      priority: 3,
      status: 'resolved',
      history: [{}],
    },
  ]);
});
afterAll(async () => {
  await db.drop();
});

async function plan(collection: string, filter: object): Promise<string> {
  const res = await db.conn.db!.command({ explain: { find: collection, filter } });
  return JSON.stringify(res.queryPlanner);
}

const ids = (docs: { _id: unknown }[]) => docs.map((d) => String(d._id)).sort();

test.each([
  ['mentions', { status: 'new' }, /USING INDEX \w+_status_1_fetchedAt_1|IXSCAN/],
  ['mentions', { status: { $in: ['new', 'error'] } }, /USING INDEX \w+_status_1_fetchedAt_1|IXSCAN/],
  ['mentions', { status: { $eq: 'new' }, attempts: { $lt: 5 } }, /USING INDEX|IXSCAN/],
  [
    'replies',
    { status: 'planned', $or: [{ nextAttemptAt: null }, { nextAttemptAt: { $lte: new Date() } }] },
    /USING INDEX \w+_status_1_priority_1|IXSCAN/,
  ],
  ['replies', { postedTweetId: 'p2' }, /USING INDEX \w+_postedTweetId_1|IXSCAN/],
  ['tickets', { _id: 'AM-2612-0001', history: { $size: 2 } }, /USING INDEX|IDHACK|IXSCAN|EXPRESS/],
  ['tickets', { mentionId: 'm001' }, /USING INDEX \w+_mentionId_1|IXSCAN/],
  ['mentions', { _id: { $in: ['m001', 'm002'] } }, /USING INDEX|IXSCAN/],
  ['state', { _id: { $regex: '^post:' } }, /USING INDEX|IXSCAN/],
])('%s %j is searched in an index, not scanned', async (collection, filter, expected) => {
  const text = await plan(collection, filter);
  expect(text).toMatch(expected);
  expect(text).not.toMatch(/"SCAN |COLLSCAN/);
});

test('pushed-down filters return exactly the matching documents', async () => {
  const { Mention, Reply, State, Ticket } = db.models;
  expect(ids(await Mention.find({ status: 'new' }).lean())).toEqual([
    'm000',
    'm010',
    'm020',
    'm030',
    'm040',
    'm050',
  ]);
  expect(ids(await Mention.find({ status: { $in: ['new', 'error'] }, attempts: 1 }).lean())).toEqual([
    'm001',
    'm010',
    'm031',
    'm040',
  ]);
  expect(await Mention.countDocuments({ status: 'processed', isRetweet: true })).toBe(24);
  expect(
    ids(await Mention.find({ _id: { $in: ['m001', 'm059', 'nope'] }, status: 'processed' }).lean()),
  ).toEqual(['m059']);
  expect(await Mention.countDocuments({ status: { $in: [] } })).toBe(0);
  expect(ids(await State.find({ _id: { $regex: '^post:' } }).lean())).toEqual([
    'post:ack:1:1',
    'post:ack:2:1',
  ]);
  expect(ids(await State.find({ _id: /^post/ }).lean())).toEqual([
    'post:ack:1:1',
    'post:ack:2:1',
    'post;x',
    'posts',
  ]);
  expect(ids(await State.find({ _id: { $regex: '^POST:', $options: 'i' } }).lean())).toEqual([
    'post:ack:1:1',
    'post:ack:2:1',
  ]);
  expect(
    ids(await Reply.find({ status: 'posted', $or: [{ postedTweetId: 'p1' }, { priority: 4 }] }).lean()),
  ).toEqual(['ack:1']);
  // Updates and deletes see the same documents.
  const u = await Ticket.updateOne({ _id: 'AM-2612-0001', history: { $size: 1 } }, { $set: { priority: 1 } });
  expect(u.matchedCount).toBe(0);
  const v = await Ticket.updateOne({ _id: 'AM-2612-0001', history: { $size: 2 } }, { $set: { priority: 1 } });
  expect(v.modifiedCount).toBe(1);
  expect((await State.deleteMany({ _id: { $in: ['post;x', 'posts'] }, holder: 'x' })).deletedCount).toBe(2);
  expect(await State.countDocuments({ _id: { $regex: '^pos' } })).toBe(3);
});
