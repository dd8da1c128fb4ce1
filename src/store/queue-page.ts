// One page of the staff queue, its count and its counts per category.
//
// A filter of plain equalities ({status}, {status: {$in}}, {claimedBy}, {escalated}, or none)
// is answered by two index reads: a count per category ($group) and the page itself
// (sort {priority, dueAt, _id} with a limit). Both carry the comment `mujib:typed`, with which
// our FerretDB build answers them from its SQLite indexes instead of decoding every ticket
// (tools/ferretdb/_overlay/.../mujib_pushdown.go; the comment promises that these fields hold
// the types the Ticket schema gives them). MongoDB answers them from the same declared indexes.
// Any other filter (a due-time range, a regex search) is answered by one streamed read of the
// matching tickets' sort keys: counts and order are worked out here, then only the page's
// tickets are read whole, by _id (three queries over the same tickets cost three times as much).
import type { QueryFilter } from 'mongoose';
import type { Models, TicketDoc } from './models';
import { TYPED_QUERY } from './ferretdb-typed';
import { modelsOf, type Store } from './store';

export type TicketFilter = QueryFilter<TicketDoc>;

const QUEUE_ORDER = { priority: 1, dueAt: 1, _id: 1 } as const;
export { TYPED_QUERY };

interface Key {
  _id: string;
  priority: number;
  dueAt?: Date | null;
  category: string;
}

// MongoDB's order for sort {priority: 1, dueAt: 1, _id: 1}: a missing dueAt sorts first.
const due = (k: Key) => (k.dueAt ? new Date(k.dueAt).getTime() : -Infinity);
const byQueueOrder = (a: Key, b: Key) =>
  a.priority - b.priority || due(a) - due(b) || (a._id < b._id ? -1 : a._id > b._id ? 1 : 0);

export interface QueuePage<T> {
  docs: T[];
  /** Tickets matching the filter and the category. */
  total: number;
  /** Tickets per category matching the filter (whatever the category). */
  counts: { _id: string; n: number }[];
}

const plain = (v: unknown) => typeof v === 'string' || typeof v === 'boolean';

/** Only top-level equalities (or $in) on strings and booleans: what the indexes answer. */
export function isEqualityFilter(filter: TicketFilter): boolean {
  return Object.entries(filter as Record<string, unknown>).every(([k, v]) => {
    if (!/^[A-Za-z0-9_]+$/.test(k)) return false;
    if (plain(v)) return true;
    if (!v || typeof v !== 'object' || Array.isArray(v)) return false;
    const ops = Object.keys(v);
    const $in = (v as { $in?: unknown }).$in;
    return ops.length === 1 && Array.isArray($in) && $in.length > 0 && $in.length <= 32 && $in.every(plain);
  });
}

export async function queuePage<T = TicketDoc & { _id: string }>(
  store: Store,
  filter: TicketFilter,
  o: { category?: string; limit: number },
): Promise<QueuePage<T>> {
  const models = modelsOf(store);
  const limit = Math.max(1, o.limit);
  return isEqualityFilter(filter)
    ? indexedPage<T>(models, filter, o.category, limit)
    : streamedPage<T>(models, filter, o.category, limit);
}

async function indexedPage<T>(
  models: Pick<Models, 'Ticket'>,
  filter: TicketFilter,
  category: string | undefined,
  limit: number,
): Promise<QueuePage<T>> {
  const counts = await models.Ticket.aggregate<{ _id: string; n: number }>([
    { $match: filter },
    { $group: { _id: '$category', n: { $sum: 1 } } },
  ]).option({ comment: TYPED_QUERY });
  const total = category
    ? (counts.find((c) => c._id === category)?.n ?? 0)
    : counts.reduce((sum, c) => sum + c.n, 0);
  const docs = total
    ? await models.Ticket.find(category ? { ...filter, category } : filter)
        .sort(QUEUE_ORDER)
        .limit(limit)
        .comment(TYPED_QUERY)
        .lean()
    : [];
  return { docs: docs as T[], total, counts };
}

async function streamedPage<T>(
  models: Pick<Models, 'Ticket'>,
  filter: TicketFilter,
  category: string | undefined,
  limit: number,
): Promise<QueuePage<T>> {
  // Streamed, keeping only the page's best `limit`: memory stays small whatever matches.
  const counts = new Map<string, number>();
  const page: Key[] = [];
  let total = 0;
  const cursor = models.Ticket.find(filter, { priority: 1, dueAt: 1, category: 1 })
    .lean()
    .cursor({ batchSize: 1000 });
  for await (const doc of cursor) {
    const k = doc as unknown as Key;
    counts.set(k.category, (counts.get(k.category) ?? 0) + 1);
    if (category && k.category !== category) continue;
    total++;
    if (page.length === limit && byQueueOrder(k, page[limit - 1]!) >= 0) continue;
    let i = page.length;
    while (i > 0 && byQueueOrder(k, page[i - 1]!) < 0) i--;
    page.splice(i, 0, k);
    if (page.length > limit) page.pop();
  }
  const docs = page.length ? await models.Ticket.find({ _id: { $in: page.map((k) => k._id) } }).lean() : [];
  const byId = new Map(docs.map((d) => [String(d._id), d]));
  return {
    docs: page.map((k) => byId.get(k._id)).filter((d) => d !== undefined) as T[],
    total,
    counts: [...counts].map(([_id, n]) => ({ _id, n })),
  };
}
