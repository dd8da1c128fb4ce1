// Small lookup documents in `state`, kept beside the tickets so the pipeline's per-mention
// questions ("has this citizen an open ticket for this?", "which ticket owns this thread?",
// "which ticket is this tweet on?") are answered by _id. FerretDB v1 answers only a plain {_id}
// filter from an index (with the fix our build carries, tools/ferretdb/patches.json) and
// scans the whole tickets collection for any other filter, which made a 5,000-mention storm
// quadratic; on MongoDB too no index answers an $or over mentionId and followUps.tweetId.
//
// Written by the instance holding the lease only, so plain read-modify-write is enough; a
// lost update during a lease handover can at worst miss a repeat (a second ticket).
import { modelsOf, type Store } from '../store';
import { authorTickets as authorTicketsKeys, followUpTicket, threadTicket } from '../state-keys';
import { keptAuthorTickets, type AuthorTicket } from './author-list';

export type { AuthorTicket } from './author-list';

// The key formats are the registry's (state-keys.ts); the schema-2 migration also writes
// follow-up lookups, for follow-ups attached before they existed.
const authorKey = (authorId: string) => authorTicketsKeys.key(authorId);
const threadKey = (conversationId: string) => threadTicket.key(conversationId);
export const followUpKey = (tweetId: string) => followUpTicket.key(tweetId);

/** The citizen's tickets of the last KEEP_DAYS days, oldest first (one read by _id). */
export async function authorTickets(store: Store, authorId: string): Promise<AuthorTicket[]> {
  const doc = await modelsOf(store).State.findById(authorKey(authorId)).lean();
  const list = (doc?.value ?? []) as { ref: string; category: string; at: string | Date }[];
  return list.map((t) => ({ ...t, at: new Date(t.at) }));
}

/** A new ticket in its author's list and, with a conversation, as its thread's ticket (idempotent). */
export async function recordTicketLookups(
  store: Store,
  t: { ref: string; authorId: string; category: string; conversationId?: string; at: Date },
): Promise<void> {
  const { State } = modelsOf(store);
  const kept = keptAuthorTickets(await authorTickets(store, t.authorId), t);
  await State.updateOne(
    { _id: authorKey(t.authorId) },
    { $set: { value: kept, updatedAt: new Date() } },
    { upsert: true },
  );
  if (t.conversationId)
    await State.updateOne(
      { _id: threadKey(t.conversationId) },
      { $set: { value: t.ref, updatedAt: new Date() } },
      { upsert: true },
    );
}

/** The ticket last opened in this conversation, if any (resolved or not). */
export async function threadTicketRef(store: Store, conversationId: string): Promise<string | undefined> {
  const doc = await modelsOf(store).State.findById(threadKey(conversationId)).lean();
  return typeof doc?.value === 'string' ? doc.value : undefined;
}

/** Remembers that a tweet was attached to a ticket as a follow-up (idempotent). */
export async function recordFollowUpLookup(store: Store, tweetId: string, ref: string): Promise<void> {
  await modelsOf(store).State.updateOne(
    { _id: followUpKey(tweetId) },
    { $set: { value: ref, updatedAt: new Date() } },
    { upsert: true },
  );
}

/**
 * The ticket a tweet opened (the unique mentionId index), or was attached to as a follow-up
 * (its lookup by _id). Not one query with $or over mentionId and followUps.tweetId: no index
 * answers that, on MongoDB or FerretDB.
 */
export async function ticketRefOfTweet(store: Store, tweetId: string): Promise<string | undefined> {
  const { Ticket, State } = modelsOf(store);
  const opened = await Ticket.findOne({ mentionId: tweetId }, { _id: 1 }).lean();
  if (opened) return String(opened._id);
  const doc = await State.findById(followUpKey(tweetId)).lean();
  return typeof doc?.value === 'string' ? doc.value : undefined;
}
