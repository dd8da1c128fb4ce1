// The outbox entries the queue plans for a ticket (the resolved notice, staff replies) and
// the thread's replies as staff see them. Each entry's _id is its idempotency key: planning
// the same one twice is one unique insert that loses.
import type { ReplyDoc } from '../models';
import { planReply } from '../outbox';
import { modelsOf, type Store } from '../store';

/** An outbox entry as read (lean). */
export type StoredReply = ReplyDoc & { _id: string };

/** A reply to plan: always 'planned'; the poster sends it. */
export type NewTicketReply = Pick<
  StoredReply,
  '_id' | 'kind' | 'ticketRef' | 'inReplyToTweetId' | 'text' | 'priority' | 'plannedAt'
> & {
  by?: string;
};

export async function findReply(store: Store, id: string): Promise<StoredReply | null> {
  return modelsOf(store).Reply.findById(id).lean<StoredReply>();
}

/** True when this call planned it; false when an entry with its _id was already there. */
export async function planReplyOnce(store: Store, r: NewTicketReply): Promise<boolean> {
  return planReply(store, r);
}

export interface TicketReply {
  id: string;
  kind: string;
  by?: string;
  text: string;
  status: string;
  at: Date;
  postedAt?: Date;
  lastError?: string;
}

/** Everything sent or to be sent on a ticket's thread, oldest first (on {ticketRef}). */
export async function ticketReplies(store: Store, ref: string): Promise<TicketReply[]> {
  const docs = await modelsOf(store).Reply.find({ ticketRef: ref }).sort({ plannedAt: 1 }).lean();
  return docs.map((d) => ({
    id: d._id,
    kind: d.kind,
    ...(d.by ? { by: d.by } : {}),
    text: d.text,
    status: d.status ?? 'planned',
    at: d.plannedAt,
    ...(d.postedAt ? { postedAt: d.postedAt } : {}),
    ...(d.lastError ? { lastError: d.lastError } : {}),
  }));
}

/**
 * The acknowledgement of this tweet, if it still waits in the outbox, goes out first: its
 * ticket became urgent (an edit of the post). One update by _id; a posted one is left alone.
 */
export async function urgentPendingAck(store: Store, tweetId: string): Promise<void> {
  await modelsOf(store).Reply.updateOne(
    { _id: `ack:${tweetId}`, status: 'planned', priority: { $gt: 1 } },
    { $set: { priority: 1 } },
  );
}
