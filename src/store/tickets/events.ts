// The queue's side of notifications: what happened to a ticket that staff must be told of
// (store/notify-events.ts records it once; src/notify delivers it).
import { recordNotifyEvent, recordTicketEvent } from '../notify-events';
import type { Store } from '../store';

type EventTicket = Parameters<typeof recordTicketEvent>[1];

/** Records the ticket's event (urgent, crisis or escalated), if it has one; once per ticket. */
export function recordTicketNotice(store: Store, t: EventTicket, at: Date, detail?: string): Promise<void> {
  return recordTicketEvent(store, t, at, detail);
}

/** The ticket passed its due time (the SLA sweep); once per ticket. */
export async function recordSlaBreach(store: Store, ref: string, at: Date): Promise<void> {
  await recordNotifyEvent(store, { event: 'sla-breach', subject: ref, ticketRef: ref, at });
}
