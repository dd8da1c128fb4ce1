// The outbox: replies planned before they are posted (`ack:<tweet id>`, one per mention, ever),
// then posted, refused or too late. The poster reads what is due from here and records every
// attempt here before the request leaves; the pipeline plans into it.
import type { ReplyDoc, TicketDoc } from './models';
import { isDuplicateKey } from './duplicate-key';
import { modelsOf, type Store } from './store';

export type OutboxReply = ReplyDoc & { _id: string };

/** A reply as the pipeline plans it (status 'planned'). */
export type PlannedReply = Pick<ReplyDoc, 'kind' | 'inReplyToTweetId' | 'text' | 'priority' | 'plannedAt'> & {
  _id: string;
  ticketRef?: string | null;
  /** The staff member who wrote it (staff replies). */
  by?: string;
};

/** Records a planned reply; false when one with this _id was planned before (a retry): the
 *  insert of the _id decides, so the bot, the queue and staff all plan through here. */
export async function planReply(store: Store, reply: PlannedReply): Promise<boolean> {
  try {
    await modelsOf(store).Reply.create({ ...reply, status: 'planned' });
    return true;
  } catch (e) {
    if (isDuplicateKey(e)) return false;
    throw e;
  }
}

/** Planned replies whose retry time has come: urgent first, then oldest (the index's order). */
export async function dueReplies(store: Store, now: Date, limit: number): Promise<OutboxReply[]> {
  return (await modelsOf(store)
    .Reply.find({
      status: 'planned',
      $or: [{ nextAttemptAt: null }, { nextAttemptAt: { $lte: now } }],
    })
    .sort({ priority: 1, plannedAt: 1 })
    .limit(limit)
    .lean()) as OutboxReply[];
}

/** How many non-urgent replies wait (the storm rule compares this with X's quota). */
export async function countWaitingNonUrgent(store: Store): Promise<number> {
  return modelsOf(store).Reply.countDocuments({ status: 'planned', priority: { $gt: 1 } });
}

/** Counts an attempt before its request leaves (a crash after it makes the next try look first). */
export async function recordPostAttempt(store: Store, id: string, attempt: number, at: Date): Promise<void> {
  await modelsOf(store).Reply.updateOne({ _id: id }, { $set: { attempts: attempt, lastAttemptAt: at } });
}

/** Counts an attempt a stopped instance claimed but never counted (only if nobody did since). */
export async function adoptPostAttempt(
  store: Store,
  id: string,
  attemptsWere: number,
  attempt: number,
): Promise<void> {
  await modelsOf(store).Reply.updateOne({ _id: id, attempts: attemptsWere }, { $set: { attempts: attempt } });
}

export async function markReplyPosted(store: Store, id: string, tweetId: string, at: Date): Promise<void> {
  await modelsOf(store).Reply.updateOne(
    { _id: id },
    { $set: { status: 'posted', postedTweetId: tweetId, postedAt: at }, $unset: { nextAttemptAt: 1 } },
  );
}

/** Too old to post: kept (the ticket says so), never posted late. */
export async function markReplyStale(store: Store, id: string): Promise<void> {
  await modelsOf(store).Reply.updateOne({ _id: id, status: 'planned' }, { $set: { status: 'stale' } });
}

/** X will never take it (duplicate text, replies restricted, bad request). */
export async function markReplyFailed(store: Store, id: string, message: string): Promise<void> {
  await modelsOf(store).Reply.updateOne({ _id: id }, { $set: { status: 'failed', lastError: message } });
}

/** The reply stays planned; with `retryAt` it waits until then. */
export async function recordReplyError(
  store: Store,
  id: string,
  message: string,
  retryAt?: Date,
): Promise<void> {
  await modelsOf(store).Reply.updateOne(
    { _id: id },
    { $set: { lastError: message, ...(retryAt ? { nextAttemptAt: retryAt } : {}) } },
  );
}

/**
 * Whether `postedTweetId` is one of our replies for a ticket, and that ticket (a citizen
 * answering it is in its thread). `ours` without a ticket: the ticket is gone (erased).
 */
export async function ticketOfOurReply(
  store: Store,
  postedTweetId: string,
): Promise<{ ours: boolean; ticket?: TicketDoc & { _id: string } }> {
  const { Reply, Ticket } = modelsOf(store);
  const reply = await Reply.findOne({ postedTweetId }).lean();
  if (!reply?.ticketRef) return { ours: false };
  const ticket = (await Ticket.findById(reply.ticketRef).lean()) as (TicketDoc & { _id: string }) | null;
  return { ours: true, ticket: ticket ?? undefined };
}
