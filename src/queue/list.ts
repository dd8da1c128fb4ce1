// What staff see: the queue most urgent first, then the nearest deadline (the query is the
// store's: store/tickets/list.ts), and one ticket by a reference as staff type it.
import type { Store } from '../store/store';
import { findTicket, type StatusFilter } from '../store/tickets';
import { canonicalTicketRef } from '../tickets/ref';
import { QueueError } from './errors';
import type { Ticket } from './types';

export { listTickets, type ListQuery, type StatusFilter } from '../store/tickets';

export const STATUS_FILTERS: readonly StatusFilter[] = ['active', 'open', 'claimed', 'resolved', 'all'];

export async function getTicket(store: Store, ref: string): Promise<Ticket> {
  const id = canonicalTicketRef(ref);
  const t = await findTicket(store, id);
  if (!t) throw new QueueError('not_found', `no ticket ${id}`);
  return t;
}
