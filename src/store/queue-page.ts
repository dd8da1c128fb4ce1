// One page of the staff queue from one read of the matching tickets' sort keys: the count,
// the counts per category and the page's order are worked out here, then only the page's
// tickets are read whole, by _id. (Three queries over the same tickets, two of them counts
// that FerretDB v1 answers by decoding every document, cost three times as much.)
import type { QueryFilter } from 'mongoose';
import type { TicketDoc } from './models';
import { modelsOf, type Store } from './store';

export type TicketFilter = QueryFilter<TicketDoc>;

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

export async function queuePage<T = TicketDoc & { _id: string }>(
  store: Store,
  filter: TicketFilter,
  o: { category?: string; limit: number },
): Promise<QueuePage<T>> {
  const models = modelsOf(store);
  // Streamed, keeping only the page's best `limit`: memory stays small even for "all".
  const limit = Math.max(1, o.limit);
  const counts = new Map<string, number>();
  const page: Key[] = [];
  let total = 0;
  const cursor = models.Ticket.find(filter, { priority: 1, dueAt: 1, category: 1 })
    .lean()
    .cursor({ batchSize: 1000 });
  for await (const doc of cursor) {
    const k = doc as unknown as Key;
    counts.set(k.category, (counts.get(k.category) ?? 0) + 1);
    if (o.category && k.category !== o.category) continue;
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
