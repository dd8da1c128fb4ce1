// The queue page (src/store/queue-page.ts) comes from index reads for equality filters and from
// one streamed read of the sort keys otherwise: either way it must give exactly what the
// server's own sort, count and $group give (on FerretDB: without the typed pushdown).
import { openTestDatabase } from './support/db';
import { isEqualityFilter, queuePage } from '../src/store/queue-page';
import type { QueryFilter } from 'mongoose';
import type { TicketDoc } from '../src/store/models';

let db: Awaited<ReturnType<typeof openTestDatabase>>;

beforeAll(async () => {
  db = await openTestDatabase('queuepage');
  const cats = ['roads', 'waste', 'lighting'];
  await db.models.Ticket.collection.insertMany(
    Array.from({ length: 90 }, (_, i) => ({
      _id: `AM-2612-${String((i * 37) % 90).padStart(4, '0')}` as never,
      mentionId: `m${i}`,
      authorId: 'a',
      category: cats[i % 3],
      priority: 1 + (i % 4),
      status: i % 5 === 0 ? 'resolved' : i % 5 === 1 ? 'claimed' : 'open',
      // Ties on due times, and some without one (they sort first).
      ...(i % 7 === 0 ? {} : { dueAt: new Date(Date.UTC(2026, 11, 1, i % 6)) }),
      history: [],
    })),
  );
});
afterAll(async () => {
  await db.drop();
});

test.each([
  [{ status: { $in: ['open', 'claimed'] } }, undefined, 200],
  [{ status: { $in: ['open', 'claimed'] } }, 'waste', 200],
  [{}, undefined, 25],
  [{ status: 'resolved' }, 'roads', 3],
  [{ status: 'claimed', claimedBy: 'nobody' }, undefined, 50],
  [{ status: 'resolved' }, 'nothing', 50],
  [
    { status: { $in: ['open', 'claimed'] }, dueAt: { $lt: new Date(Date.UTC(2026, 11, 1, 3)) } },
    undefined,
    200,
  ],
])(
  'filter %j, category %s, limit %d: same page, total and counts as the server',
  async (base, category, limit) => {
    const { Ticket } = db.models;
    const q = category ? { ...base, category } : base;
    const page = await queuePage(db.store, base as QueryFilter<TicketDoc>, { category, limit });
    const server = await Ticket.find(q as QueryFilter<TicketDoc>)
      .sort({ priority: 1, dueAt: 1, _id: 1 })
      .limit(limit)
      .lean();
    expect(page.docs.map((d) => d._id)).toEqual(server.map((d) => d._id));
    expect(page.docs[0]).toEqual(server[0]);
    expect(page.total).toBe(await Ticket.countDocuments(q as QueryFilter<TicketDoc>));
    const grouped = await Ticket.aggregate<{ _id: string; n: number }>([
      { $match: base },
      { $group: { _id: '$category', n: { $sum: 1 } } },
    ]);
    const sorted = (xs: { _id: string; n: number }[]) => [...xs].sort((a, b) => a._id.localeCompare(b._id));
    expect(sorted(page.counts)).toEqual(sorted(grouped));
  },
);

test('equality filters take the indexed path, anything else the streamed read', () => {
  expect(isEqualityFilter({})).toBe(true);
  expect(isEqualityFilter({ status: { $in: ['open', 'claimed'] }, escalated: true })).toBe(true);
  expect(isEqualityFilter({ status: 'claimed', claimedBy: 'x' })).toBe(true);
  expect(isEqualityFilter({ priority: 2 })).toBe(false);
  expect(isEqualityFilter({ dueAt: { $lt: new Date() } })).toBe(false);
  expect(isEqualityFilter({ authorUsername: { $regex: '^a$', $options: 'i' } })).toBe(false);
  expect(isEqualityFilter({ $or: [{ status: 'open' }] } as QueryFilter<TicketDoc>)).toBe(false);
});
