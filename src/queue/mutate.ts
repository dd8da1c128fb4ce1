// Every change to a ticket goes through here: `plan` decides from the ticket's current state
// (throwing a QueueError to refuse, or returning null when there is nothing to do), and the
// store makes exactly one plan win per version of the ticket, also on FerretDB v1 where a
// conditional update is not atomic (store/tickets/mutate.ts says how). A loser's plan is run
// again on the winner's state, which normally turns into a refusal naming who won.
import { mutateTicket as applyChange, type Change } from '../store/tickets';
import type { Store } from '../store/store';
import { canonicalTicketRef } from '../tickets/ref';
import { QueueError } from './errors';
import type { Ticket } from './types';

export type { Change } from '../store/tickets';

/** Applies `plan` to the ticket's current state; returns the ticket after the change. */
export async function mutateTicket(
  store: Store,
  refText: string,
  by: string,
  now: Date,
  plan: (t: Ticket) => Change | null,
): Promise<Ticket> {
  const ref = canonicalTicketRef(refText);
  const r = await applyChange(store, ref, by, now, plan);
  if ('ticket' in r) return r.ticket;
  if (r.problem === 'not_found') throw new QueueError('not_found', `no ticket ${ref}`);
  throw new QueueError('conflict', `ticket ${ref} keeps changing under us; try again`);
}
