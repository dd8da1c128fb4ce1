// One page of the staff queue from one read of the matching tickets' sort keys: the count,
// the counts per category and the page's order are worked out here, then only the page's
// tickets are read whole, by _id. (Three queries over the same tickets, two of them counts
// that FerretDB v1 answers by decoding every document, cost three times as much.)
import type { QueryFilter } from 'mongoose';
import type { Models, TicketDoc } from './models';

type Filter = QueryFilter<TicketDoc>;

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
  models: Pick<Models, 'Ticket'>,
  filter: Filter,
  o: { category?: string; limit: number },
): Promise<QueuePage<T>> {
  const keys = (await models.Ticket.find(filter, { priority: 1, dueAt: 1, category: 1 }).lean()) as Key[];
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k.category, (counts.get(k.category) ?? 0) + 1);
  const matching = o.category ? keys.filter((k) => k.category === o.category) : keys;
  const page = matching.sort(byQueueOrder).slice(0, Math.max(1, o.limit));
  const docs = page.length ? await models.Ticket.find({ _id: { $in: page.map((k) => k._id) } }).lean() : [];
  const byId = new Map(docs.map((d) => [String(d._id), d]));
  return {
    docs: page.map((k) => byId.get(k._id)).filter((d) => d !== undefined) as T[],
    total: matching.length,
    counts: [...counts].map(([_id, n]) => ({ _id, n })),
  };
}
