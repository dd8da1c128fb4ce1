// Small lookup documents kept beside the tickets so the pipeline's per-mention questions
// ("has this citizen an open ticket for this?", "which ticket owns this thread?") are answered
// by _id. FerretDB v1 answers only a plain {_id} filter from an index (with the fix our build
// carries, tools/ferretdb/patches.json) and scans the whole tickets collection for any other
// filter, which made a 5,000-mention storm quadratic.
//
// Written by the instance holding the lease only, so plain read-modify-write is enough; a
// lost update during a lease handover can at worst miss a repeat (a second ticket).
import type { Models } from '../store/models';

export interface AuthorTicket {
  ref: string;
  category: string;
  at: Date;
}

const KEEP_DAYS = 60;
const authorKey = (authorId: string) => `author-tickets:${authorId}`;
const threadKey = (conversationId: string) => `thread-ticket:${conversationId}`;
/** Also written by the schema-2 migration (store/migrations), for follow-ups attached before it. */
export const followUpKey = (tweetId: string) => `follow-up-ticket:${tweetId}`;

export async function authorTickets(
  models: Pick<Models, 'State'>,
  authorId: string,
): Promise<AuthorTicket[]> {
  const doc = await models.State.findById(authorKey(authorId)).lean();
  const list = (doc?.value ?? []) as { ref: string; category: string; at: string | Date }[];
  return list.map((t) => ({ ...t, at: new Date(t.at) }));
}

export async function recordTicketLookups(
  models: Pick<Models, 'State'>,
  t: { ref: string; authorId: string; category: string; conversationId?: string; at: Date },
): Promise<void> {
  const cutoff = t.at.getTime() - KEEP_DAYS * 86_400_000;
  const kept = (await authorTickets(models, t.authorId)).filter(
    (x) => x.at.getTime() >= cutoff && x.ref !== t.ref,
  );
  kept.push({ ref: t.ref, category: t.category, at: t.at });
  await models.State.updateOne(
    { _id: authorKey(t.authorId) },
    { $set: { value: kept, updatedAt: new Date() } },
    { upsert: true },
  );
  if (t.conversationId)
    await models.State.updateOne(
      { _id: threadKey(t.conversationId) },
      { $set: { value: t.ref, updatedAt: new Date() } },
      { upsert: true },
    );
}

export async function threadTicketRef(
  models: Pick<Models, 'State'>,
  conversationId: string,
): Promise<string | undefined> {
  const doc = await models.State.findById(threadKey(conversationId)).lean();
  return typeof doc?.value === 'string' ? doc.value : undefined;
}

/** Remembers that a tweet was attached to a ticket as a follow-up (idempotent). */
export async function recordFollowUpLookup(
  models: Pick<Models, 'State'>,
  tweetId: string,
  ref: string,
): Promise<void> {
  await models.State.updateOne(
    { _id: followUpKey(tweetId) },
    { $set: { value: ref, updatedAt: new Date() } },
    { upsert: true },
  );
}

/**
 * The ticket a tweet opened, or was attached to as a follow-up. (Not one query with $or over
 * mentionId and followUps.tweetId: no index answers that, on MongoDB or FerretDB.)
 */
export async function ticketRefOfTweet(
  models: Pick<Models, 'State' | 'Ticket'>,
  tweetId: string,
): Promise<string | undefined> {
  const opened = await models.Ticket.findOne({ mentionId: tweetId }, { _id: 1 }).lean();
  if (opened) return String(opened._id);
  const doc = await models.State.findById(followUpKey(tweetId)).lean();
  return typeof doc?.value === 'string' ? doc.value : undefined;
}
