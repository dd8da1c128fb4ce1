// What the outbox poster writes on a ticket: a reply X refused (a person must answer) and an
// acknowledgement that went stale. Through mutateTicket like every other change, and written
// once even when a retry after a crash records the same thing again.
import type { Models } from '../store/models';
import { mutateTicket } from './mutate';
import { BOT, type Ticket } from './types';

/** X would not take the reply (duplicate text, replies restricted): escalate to staff. */
export function escalateUndelivered(models: Models, ref: string, reason: string, now: Date): Promise<Ticket> {
  const detail = `reply could not be posted: ${reason}`;
  return mutateTicket(models, ref, BOT, now, (t) =>
    t.history.some((h) => h.action === 'escalated' && h.detail === detail)
      ? null
      : { set: { escalated: true }, history: { action: 'escalated', detail } },
  );
}

/** The acknowledgement was too old to post: the ticket says so, and stays in the queue. */
export function recordStaleReply(models: Models, ref: string, now: Date): Promise<Ticket> {
  return mutateTicket(models, ref, BOT, now, (t) =>
    t.history.some((h) => h.action === 'reply-stale')
      ? null
      : { history: { action: 'reply-stale', detail: 'acknowledgement not posted: too late' } },
  );
}
