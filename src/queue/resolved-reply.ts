// "Your report AM-… has been handled": planned into the outbox (the poster sends it), at
// most once per ticket — the outbox _id `resolved:<ref>` is the idempotency key.
import type { Agency } from '../rules/agency';
import { chooseReplyLang, renderReply, type Templates } from '../reply';
import type { Models } from '../store/models';
import { isDuplicateKey } from '../store/duplicate-key';
import type { Ticket } from './types';

export interface PlannedReply {
  id: string;
  text: string;
  /** False when a resolved reply for this ticket was already in the outbox. */
  planned: boolean;
}

export async function planResolvedReply(
  models: Models,
  ticket: Ticket,
  o: { templates: Templates; agency: Agency; now?: Date },
): Promise<PlannedReply> {
  const id = `resolved:${ticket._id}`;
  const existing = await models.Reply.findById(id).lean();
  if (existing) return { id, text: existing.text, planned: false };
  const mention = await models.Mention.findById(ticket.mentionId).lean();
  const text = renderReply({
    templates: o.templates,
    kind: 'resolved',
    category: ticket.category,
    lang: chooseReplyLang(ticket.lang ?? undefined, o.agency),
    vars: { name: mention?.authorName ?? undefined, ticket: ticket._id },
    agency: o.agency,
  });
  try {
    await models.Reply.create({
      _id: id,
      kind: 'resolved',
      ticketRef: ticket._id,
      inReplyToTweetId: ticket.mentionId,
      text,
      status: 'planned',
      priority: ticket.priority,
      plannedAt: o.now ?? new Date(),
    });
    return { id, text, planned: true };
  } catch (e) {
    if (!isDuplicateKey(e)) throw e;
    const theirs = await models.Reply.findById(id).lean();
    return { id, text: theirs?.text ?? text, planned: false };
  }
}
