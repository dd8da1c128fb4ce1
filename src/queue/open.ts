// Opening a ticket for a mention, exactly once per mention even across crashes and racing
// workers: the mention → reference binding is a unique insert in `state` (atomic on every
// MongoDB server), made before the ticket itself, so a retry reuses the same reference.
import type { Decision } from '../classify/types';
import type { DecideResult } from '../decide';
import type { Models } from '../store/models';
import { isDuplicateKey } from '../store/db';
import { recordTicketEvent } from '../store/notify-events';
import { storeOf } from '../store/store';
import { allocateTicketRef } from '../tickets/ref';
import { BOT, type HistoryEntry, type Ticket } from './types';
import { recordTicketLookups } from './lookups';

export interface OpenTicketInput {
  mention: {
    id: string;
    authorId: string;
    authorUsername?: string;
    conversationId?: string;
  };
  decision: Decision;
  outcome: DecideResult;
  /** TICKET_PREFIX, e.g. 'AM'. */
  prefix: string;
  /** The agency's zone: the YYMM of the reference is its local month. */
  timeZone: string;
  now?: Date;
}

export async function openTicket(
  models: Models,
  input: OpenTicketInput,
): Promise<{ ticket: Ticket; created: boolean }> {
  const { mention, decision, outcome } = input;
  const now = input.now ?? new Date();
  // The binding is written before the ticket, so without one there is no ticket yet. (Looked
  // up by _id: FerretDB v1 scans the whole collection for a mentionId query.)
  const bound = (await models.State.findById(bindingKey(mention.id)).lean())?.value;
  const boundRef = typeof bound === 'string' ? bound : undefined;
  if (boundRef) {
    const existing = await models.Ticket.findById(boundRef).lean<Ticket>();
    if (existing) {
      // A retry after a crash between the ticket and its event: record it now (idempotent).
      await recordTicketEvent(storeOf(models), existing, now);
      return { ticket: existing, created: false };
    }
  }

  const ref = boundRef ?? (await bindReference(models, mention.id, input));
  // Before the ticket, so a crash in between leaves nothing to repair (idempotent upserts).
  await recordTicketLookups(models, {
    ref,
    authorId: mention.authorId,
    category: decision.category,
    conversationId: mention.conversationId,
    at: now,
  });
  const history: HistoryEntry[] = [{ at: now, by: BOT, action: 'opened', detail: outcome.reason }];
  if (outcome.autoResolve)
    history.push({ at: now, by: BOT, action: 'resolved', detail: 'closed by the bot' });
  try {
    await models.Ticket.create({
      _id: ref,
      mentionId: mention.id,
      conversationId: mention.conversationId,
      authorId: mention.authorId,
      authorUsername: mention.authorUsername,
      lang: decision.lang,
      category: decision.category,
      confidence: decision.confidence,
      source: decision.source,
      rule: decision.rule,
      urgent: decision.urgent,
      route: decision.route,
      priority: outcome.priority,
      escalated: outcome.escalate,
      status: outcome.autoResolve ? 'resolved' : 'open',
      dueAt: outcome.autoResolve ? undefined : outcome.dueAt,
      resolvedAt: outcome.autoResolve ? now : undefined,
      history,
      // The decision time, not the write time: SLA windows and repeat counts start here.
      createdAt: now,
    });
  } catch (e) {
    if (!isDuplicateKey(e)) throw e;
    // Another worker finished the same mention first: theirs is the ticket.
    const theirs = await models.Ticket.findById(ref).lean<Ticket>();
    if (theirs) return { ticket: theirs, created: false };
    throw e;
  }
  const ticket = (await models.Ticket.findById(ref).lean<Ticket>())!;
  // Staff are told of urgent, crisis and escalated tickets (src/notify delivers it).
  await recordTicketEvent(storeOf(models), ticket, now);
  return { ticket, created: true };
}

const bindingKey = (mentionId: string) => `ticket-for-mention:${mentionId}`;

async function bindReference(models: Models, mentionId: string, input: OpenTicketInput): Promise<string> {
  // The caller has just looked the binding up and found none.
  const key = bindingKey(mentionId);
  const ref = await allocateTicketRef(models, {
    prefix: input.prefix,
    now: input.now ?? new Date(),
    timeZone: input.timeZone,
  });
  try {
    await models.State.create({ _id: key, value: ref });
    return ref;
  } catch (e) {
    if (!isDuplicateKey(e)) throw e;
    const winner = await models.State.findById(key).lean();
    return String(winner?.value);
  }
}
