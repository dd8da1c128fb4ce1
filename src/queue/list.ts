// What staff see: the queue most urgent first, then the nearest deadline.
import type { Models } from '../store/models';
import { canonicalTicketRef } from '../tickets/ref';
import { QueueError } from './errors';
import type { Ticket } from './types';

export type StatusFilter = 'open' | 'claimed' | 'resolved' | 'active' | 'all';
export const STATUS_FILTERS: readonly StatusFilter[] = ['active', 'open', 'claimed', 'resolved', 'all'];

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

export async function listTickets(models: Models, q: ListQuery = {}): Promise<Ticket[]> {
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
  return models.Ticket.find(filter)
    .sort({ priority: 1, dueAt: 1, _id: 1 })
    .limit(Math.max(1, q.limit ?? 50))
    .lean<Ticket[]>();
}

export async function getTicket(models: Models, ref: string): Promise<Ticket> {
  const id = canonicalTicketRef(ref);
  const t = await models.Ticket.findById(id).lean<Ticket>();
  if (!t) throw new QueueError('not_found', `no ticket ${id}`);
  return t;
}
