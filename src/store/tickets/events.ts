// The queue's side of notifications: what happened to a ticket that staff must be told of
// (store/notify-events.ts records it once; src/notify delivers it).
import { recordNotifyEvent, recordTicketEvent } from '../notify-events';
import type { Store } from '../store';

type EventTicket = Parameters<typeof recordTicketEvent>[1];

// notify-events.ts takes the models here and the Store on the "botside" branch (issue 12):
// the two are one object at run time (store.ts), so `as never` fits both until they merge;
// then drop the casts.
const handle = (store: Store) => store as never;

/** Records the ticket's event (urgent, crisis or escalated), if it has one; once per ticket. */
export function recordTicketNotice(store: Store, t: EventTicket, at: Date, detail?: string): Promise<void> {
  return recordTicketEvent(handle(store), t, at, detail);
}

/** The ticket passed its due time (the SLA sweep); once per ticket. */
export async function recordSlaBreach(store: Store, ref: string, at: Date): Promise<void> {
  await recordNotifyEvent(handle(store), { event: 'sla-breach', subject: ref, ticketRef: ref, at });
}
