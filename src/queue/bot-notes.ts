// What the bot itself writes on a ticket when its own work went wrong: it hands the ticket
// to staff, or an acknowledgement went stale. Through mutateTicket like every other change,
// and written once even when a retry after a crash records the same thing again.
import type { Store } from '../store/store';
import { mutateTicket } from './mutate';
import { recordTicketNotice } from '../store/tickets';
import { BOT, type Ticket } from './types';

/**
 * The bot hands a ticket to staff: X would not take its reply (duplicate text, replies
 * restricted), or the bot gave up processing the mention. Recorded once per reason.
 */
export async function escalateByBot(store: Store, ref: string, detail: string, now: Date): Promise<Ticket> {
  const t = await mutateTicket(store, ref, BOT, now, (t) =>
    t.history.some((h) => h.action === 'escalated' && h.detail === detail)
      ? null
      : { set: { escalated: true }, history: { action: 'escalated', detail } },
  );
  // Staff are told (once per ticket: an urgent one already was).
  await recordTicketNotice(store, t, now, detail);
  return t;
}

/** The acknowledgement was too old to post: the ticket says so, and stays in the queue. */
export function recordStaleReply(store: Store, ref: string, now: Date): Promise<Ticket> {
  return mutateTicket(store, ref, BOT, now, (t) =>
    t.history.some((h) => h.action === 'reply-stale')
      ? null
      : { history: { action: 'reply-stale', detail: 'acknowledgement not posted: too late' } },
  );
}
