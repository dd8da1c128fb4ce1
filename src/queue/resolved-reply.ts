// "Your report AM-… has been handled": planned into the outbox (the poster sends it), at
// most once per ticket — the outbox _id `resolved:<ref>` is the idempotency key.
import type { Agency } from '../rules/agency';
import { chooseReplyLang, renderReply, type Templates } from '../reply';
import type { Store } from '../store/store';
import { findReply, mentionAuthorName, planReplyOnce } from '../store/tickets';
import type { Ticket } from './types';

export interface PlannedReply {
  id: string;
  text: string;
  /** False when a resolved reply for this ticket was already in the outbox. */
  planned: boolean;
}

export async function planResolvedReply(
  store: Store,
  ticket: Ticket,
  o: { templates: Templates; agency: Agency; now?: Date },
): Promise<PlannedReply> {
  const id = `resolved:${ticket._id}`;
  const existing = await findReply(store, id);
  if (existing) return { id, text: existing.text, planned: false };
  const name = await mentionAuthorName(store, ticket.mentionId);
  const text = renderReply({
    templates: o.templates,
    kind: 'resolved',
    category: ticket.category,
    lang: chooseReplyLang(ticket.lang ?? undefined, o.agency),
    vars: { name, ticket: ticket._id },
    agency: o.agency,
  });
  const planned = await planReplyOnce(store, {
    _id: id,
    kind: 'resolved',
    ticketRef: ticket._id,
    inReplyToTweetId: ticket.mentionId,
    text,
    priority: ticket.priority,
    plannedAt: o.now ?? new Date(),
  });
  if (planned) return { id, text, planned: true };
  // Planned meanwhile by another (a double click, the CLI and the console at once).
  const theirs = await findReply(store, id);
  return { id, text: theirs?.text ?? text, planned: false };
}
