// The queue as staff list it (CLI): most urgent first, then the nearest deadline. On the
// {status, priority, dueAt} index.
import { modelsOf, type Store } from '../store';
import type { Ticket } from './types';

export type StatusFilter = 'open' | 'claimed' | 'resolved' | 'active' | 'all';

export interface ListQuery {
  /** 'active' (default) = open or claimed. */
  status?: StatusFilter;
  category?: string;
  /** Only unresolved tickets past their due time. */
  overdue?: boolean;
  escalated?: boolean;
  limit?: number;
  now?: Date;
}

export async function listTickets(store: Store, q: ListQuery = {}): Promise<Ticket[]> {
  const now = q.now ?? new Date();
  const filter: Record<string, unknown> = {};
  const status = q.status ?? 'active';
  if (status === 'active') filter.status = { $in: ['open', 'claimed'] };
  else if (status !== 'all') filter.status = status;
  if (q.category) filter.category = q.category;
  if (q.escalated !== undefined) filter.escalated = q.escalated;
  if (q.overdue) {
    filter.dueAt = { $lt: now };
    if (status === 'all' || status === 'resolved') filter.status = { $in: ['open', 'claimed'] };
  }
  return modelsOf(store)
    .Ticket.find(filter)
    .sort({ priority: 1, dueAt: 1, _id: 1 })
    .limit(Math.max(1, q.limit ?? 50))
    .lean<Ticket[]>();
}
