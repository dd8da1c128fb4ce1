// Reading and creating tickets. Changes to an existing ticket go through mutate.ts only.
import { isDuplicateKey } from '../duplicate-key';
import { modelsOf, type Store } from '../store';
import type { HistoryEntry, Ticket } from './types';

/** The ticket with this (canonical) reference, or null. One read by _id. */
export async function findTicket(store: Store, ref: string): Promise<Ticket | null> {
  return modelsOf(store).Ticket.findById(ref).lean<Ticket>();
}

/** A new ticket as openTicket builds it (_id is its reference; models/ticket.ts has the rest). */
export interface NewTicket {
  _id: string;
  mentionId: string;
  conversationId?: string;
  authorId: string;
  authorUsername?: string;
  lang?: string;
  category: string;
  confidence?: number;
  source?: string;
  rule?: string;
  urgent?: boolean;
  route?: string;
  priority: number;
  escalated?: boolean;
  status: 'open' | 'claimed' | 'resolved';
  dueAt?: Date;
  resolvedAt?: Date;
  history: HistoryEntry[];
  createdAt: Date;
}

/**
 * Writes a new ticket; when another worker wrote the same reference first, theirs is returned
 * (created: false). The unique mentionId index refuses a second ticket for one mention.
 */
export async function insertTicket(
  store: Store,
  doc: NewTicket,
): Promise<{ ticket: Ticket; created: boolean }> {
  const { Ticket } = modelsOf(store);
  try {
    await Ticket.create(doc);
  } catch (e) {
    if (!isDuplicateKey(e)) throw e;
    const theirs = await Ticket.findById(doc._id).lean<Ticket>();
    if (theirs) return { ticket: theirs, created: false };
    throw e;
  }
  return { ticket: (await Ticket.findById(doc._id).lean<Ticket>())!, created: true };
}

/**
 * Unresolved tickets past their due time not yet marked breached (the SLA sweep). On the
 * {status, priority, dueAt} index.
 */
export async function ticketsDueBefore(store: Store, now: Date): Promise<Ticket[]> {
  return modelsOf(store)
    .Ticket.find({
      status: { $in: ['open', 'claimed'] },
      breached: { $ne: true },
      dueAt: { $lt: now },
    })
    .lean<Ticket[]>();
}

/**
 * Tickets with a history entry `action` that changed at or after `since`, oldest reference
 * first, with what an export of corrections needs. An offline export: it may read every ticket.
 */
export async function ticketsWithActionSince(
  store: Store,
  action: string,
  since: Date,
): Promise<Pick<Ticket, '_id' | 'mentionId' | 'category' | 'urgent' | 'history'>[]> {
  return modelsOf(store)
    .Ticket.find(
      { 'history.action': action, updatedAt: { $gte: since } },
      { mentionId: 1, category: 1, urgent: 1, history: 1 },
    )
    .sort({ _id: 1 })
    .lean<Ticket[]>();
}
