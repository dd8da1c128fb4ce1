// Our FerretDB build answers a find with sort+limit, and a count per group, from its SQLite
// indexes when the query carries the comment `mujib:typed` (tools/ferretdb/_overlay/…/
// mujib_pushdown.go). Two things must hold: the plans read from indexes only (no scan of the
// table, no sort of the whole result), and the results are exactly those of the same query
// without the comment, which FerretDB answers by decoding every document (its own semantics),
// whatever the data: ties, missing fields, skip/limit, and documents that break the promise
// (the pushdown must then give up, not return something else).
import type { Collection, Document } from 'mongodb';
import { ObjectId } from 'mongodb';
import { openTestDatabase } from './support/db';
import { TYPED_QUERY } from '../src/store/queue-page';

let db: Awaited<ReturnType<typeof openTestDatabase>>;
let typed: Collection<Document>;

const CATS = ['roads', 'waste', 'lighting', 'parks'];
const STATUSES = ['open', 'claimed', 'resolved'];

function docs(n: number, from = 0): Document[] {
  return Array.from({ length: n }, (_, j) => {
    const i = from + j;
    return {
      _id: `AM-2612-${String((i * 37) % 1000).padStart(4, '0')}`,
      priority: 1 + (i % 4),
      status: STATUSES[i % 3],
      // Ties on due times, and some without one (they sort first); some without a category.
      ...(i % 7 === 0 ? {} : { dueAt: new Date(Date.UTC(2026, 11, 1, i % 5)) }),
      ...(i % 11 === 0 ? {} : { category: CATS[i % 4] }),
      escalated: i % 2 === 0,
    };
  });
}

beforeAll(async () => {
  db = await openTestDatabase('typedpushdown');
  typed = db.conn.db!.collection('typed');
  await typed.insertMany(docs(120));
  for (const key of <Record<string, 1>[]>[
    { priority: 1, dueAt: 1, _id: 1 },
    { status: 1, priority: 1, dueAt: 1 },
    { category: 1 },
    { status: 1, category: 1 },
    { escalated: 1, category: 1 },
  ])
    await typed.createIndex(key);
});
afterAll(async () => {
  await db.drop();
});

type Plan = { mujibTyped?: boolean; indexed?: boolean; statements?: { sql: string; plan: string[] }[] };

async function findPlan(filter: Document, sort: Document, limit: number): Promise<Plan> {
  const res = await db.conn.db!.command({
    explain: { find: 'typed', filter, sort, limit, comment: TYPED_QUERY },
  });
  return res.queryPlanner as Plan;
}

async function groupPlan(filter: Document, field: string): Promise<Plan> {
  const res = await db.conn.db!.command({
    explain: {
      aggregate: 'typed',
      pipeline: [{ $match: filter }, { $group: { _id: `$${field}`, n: { $sum: 1 } } }],
      cursor: {},
      comment: TYPED_QUERY,
    },
  });
  return res.queryPlanner as Plan;
}

const QUEUE = { priority: 1, dueAt: 1, _id: 1 };
const FILTERS: Document[] = [{}, { status: 'resolved' }, { status: { $in: ['open', 'claimed'] } }];

describe('plans: every statement reads an index, in order', () => {
  test.each(FILTERS)('find %j sorted in queue order', async (filter) => {
    const p = await findPlan(filter, QUEUE, 50);
    expect(p.mujibTyped).toBe(true);
    expect(p.indexed).toBe(true);
    for (const s of p.statements!) {
      expect(s.plan.join('\n')).toMatch(/(SEARCH|SCAN) \S+ USING (COVERING )?INDEX/);
      expect(s.plan).not.toContain('USE TEMP B-TREE FOR ORDER BY');
    }
    // one equality query per $in value
    expect(p.statements).toHaveLength(filter.status?.$in?.length ?? 1);
  });

  test.each(FILTERS.slice(1))('count per priority of %j (an integer key)', async (filter) => {
    const p = await groupPlan(filter, 'priority');
    expect(p.indexed).toBe(true);
  });

  test.each([...FILTERS, { escalated: true }])('count per category of %j', async (filter) => {
    const p = await groupPlan(filter, 'category');
    expect(p.indexed).toBe(true);
    for (const s of p.statements!) expect(s.plan.join('\n')).toMatch(/SEARCH \S+ USING (COVERING )?INDEX/);
  });

  test('without an index for the sort or the group key, it is not pushed down (and says so)', async () => {
    expect((await findPlan({ status: 'open' }, { escalated: 1 }, 5)).indexed).toBe(false);
    expect((await groupPlan({}, 'dueAt')).indexed).toBe(false);
    // a range is not an equality: FerretDB's own plan
    expect((await findPlan({ dueAt: { $lt: new Date() } }, QUEUE, 5)).mujibTyped).toBeUndefined();
  });
});

/** The same find with and without the comment (the latter: FerretDB decodes every document). */
async function both(filter: Document, sort: Document, skip: number, limit: number) {
  const run = (comment?: string) =>
    typed
      .find(filter, comment ? { comment } : {})
      .sort(sort)
      .skip(skip)
      .limit(limit)
      .toArray();
  return { pushed: await run(TYPED_QUERY), own: await run() };
}

async function groups(filter: Document, field: string, comment?: string) {
  const res = await typed
    .aggregate(
      [{ $match: filter }, { $group: { _id: `$${field}`, n: { $sum: 1 } } }],
      comment ? { comment } : {},
    )
    .toArray();
  return res.sort((a, b) => JSON.stringify(a._id).localeCompare(JSON.stringify(b._id)));
}

describe('results: exactly FerretDB’s own', () => {
  test.each([
    [{}, 0, 25],
    [{}, 30, 20],
    [{ status: 'resolved' }, 0, 7],
    [{ status: 'resolved' }, 5, 200],
    [{ status: { $in: ['open', 'claimed'] } }, 3, 40],
    [{ status: { $in: ['open', 'claimed'] }, category: 'waste' }, 0, 10],
    [{ status: 'nothing' }, 0, 10],
  ])('find %j in queue order, skip %d, limit %d', async (filter, skip, limit) => {
    const { pushed, own } = await both(filter, QUEUE, skip, limit);
    expect(pushed).toEqual(own);
  });

  test('ties: a sort on priority alone gives the same keys in the same order', async () => {
    const { pushed, own } = await both({}, { priority: -1 }, 0, 45);
    expect(pushed.map((d) => d.priority)).toEqual(own.map((d) => d.priority));
    expect(pushed).toHaveLength(45);
  });

  test.each([
    [{}, 'category'],
    [{ status: 'resolved' }, 'category'],
    [{ status: { $in: ['open', 'claimed'] } }, 'category'],
    [{ escalated: false }, 'category'],
    [{ status: { $in: ['open', 'claimed'] } }, 'priority'],
  ])('count per group of %j by %s (missing keys are one null group)', async (filter, field) => {
    const pushed = await groups(filter, field, TYPED_QUERY);
    expect(pushed).toEqual(await groups(filter, field));
    if (field === 'category') expect(pushed.some((g) => g._id === null)).toBe(true);
  });

  test('countDocuments (a constant group key) is the count', async () => {
    const n = await typed.countDocuments({ status: 'open' }, { comment: TYPED_QUERY });
    expect(n).toBe(await typed.countDocuments({ status: 'open' }));
    expect(n).toBe(40);
  });
});

describe('documents that break the promise: the pushdown gives up, results stay FerretDB’s', () => {
  const breakers: [string, Document][] = [
    [
      'a regex where a date sorts',
      { _id: 'AM-2612-8999', priority: 1, dueAt: /2026/, status: 'open', category: 'roads' },
    ],
    ['an ObjectId id', { _id: new ObjectId(), priority: 1, status: 'open', category: 'roads' }],
    ['a two-digit priority', { _id: 'AM-2612-9000', priority: 10, status: 'open', category: 'roads' }],
    ['a fractional priority', { _id: 'AM-2612-9001', priority: 0.5, status: 'open', category: 'roads' }],
    ['a null due time', { _id: 'AM-2612-9002', priority: 1, dueAt: null, status: 'open', category: 'roads' }],
    ['a string with spaces', { _id: 'AM 2612', priority: 1, status: 'open', category: 'road works' }],
    ['a status array', { _id: 'AM-2612-9004', priority: 1, status: ['open', 'resolved'], category: 'roads' }],
    ['a numeric category', { _id: 'AM-2612-9005', priority: 1, status: 'open', category: 7 }],
  ];

  test.each(breakers)('%s', async (_label, doc) => {
    await typed.insertOne({ ...doc, breaker: true });
    try {
      for (const [filter, skip, limit] of [
        [{}, 0, 30],
        [{ status: 'open' }, 0, 30],
        [{ status: { $in: ['open', 'resolved'] } }, 2, 60],
      ] as const) {
        const { pushed, own } = await both(filter, QUEUE, skip, limit);
        expect(pushed).toEqual(own);
      }
      for (const filter of [{}, { status: 'open' }])
        expect(await groups(filter, 'category', TYPED_QUERY)).toEqual(await groups(filter, 'category'));
      expect(await groups({ status: 'open' }, 'priority', TYPED_QUERY)).toEqual(
        await groups({ status: 'open' }, 'priority'),
      );
    } finally {
      await typed.deleteMany({ breaker: true });
    }
  });
});
