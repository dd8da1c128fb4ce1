// Opening a ticket for a mention, exactly once per mention even across crashes and racing
// workers: the mention → reference binding (store/tickets/bindings.ts, a unique insert) is
// made before the ticket itself, so a retry reuses the same reference.
import type { Decision } from '../classify/types';
import type { DecideResult } from '../decide';
import type { Store } from '../store/store';
import {
  bindTicket,
  boundTicketRef,
  findTicket,
  insertTicket,
  recordTicketLookups,
  recordTicketNotice,
} from '../store/tickets';
import { allocateTicketRef } from '../tickets/ref';
import { BOT, type HistoryEntry, type Ticket } from './types';

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
  store: Store,
  input: OpenTicketInput,
): Promise<{ ticket: Ticket; created: boolean }> {
  const { mention, decision, outcome } = input;
  const now = input.now ?? new Date();
  // The binding is written before the ticket, so without one there is no ticket yet.
  const boundRef = await boundTicketRef(store, mention.id);
  if (boundRef) {
    const existing = await findTicket(store, boundRef);
    if (existing) {
      // A retry after a crash between the ticket and its event: record it now (idempotent).
      await recordTicketNotice(store, existing, now);
      return { ticket: existing, created: false };
    }
  }

  const ref = boundRef ?? (await bindReference(store, mention.id, input));
  // Before the ticket, so a crash in between leaves nothing to repair (idempotent upserts).
  await recordTicketLookups(store, {
    ref,
    authorId: mention.authorId,
    category: decision.category,
    conversationId: mention.conversationId,
    at: now,
  });
  const history: HistoryEntry[] = [{ at: now, by: BOT, action: 'opened', detail: outcome.reason }];
  if (outcome.autoResolve)
    history.push({ at: now, by: BOT, action: 'resolved', detail: 'closed by the bot' });
  const written = await insertTicket(store, {
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
  // Another worker finished the same mention first: theirs is the ticket (and its event).
  if (!written.created) return written;
  // Staff are told of urgent, crisis and escalated tickets (src/notify delivers it).
  await recordTicketNotice(store, written.ticket, now);
  return written;
}

/** A new reference, bound to the mention unless a racing worker bound one first (then theirs). */
async function bindReference(store: Store, mentionId: string, input: OpenTicketInput): Promise<string> {
  // The caller has just looked the binding up and found none.
  const ref = await allocateTicketRef(store, {
    prefix: input.prefix,
    now: input.now ?? new Date(),
    timeZone: input.timeZone,
  });
  return bindTicket(store, mentionId, ref);
}
