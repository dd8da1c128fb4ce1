// What the queue reads of the mentions behind its tickets: a ticket's own tweet by _id, and
// the mentions kept out of the queue (spam, chatter, …) for staff to restore.
import type { MentionDoc } from '../models';
import { modelsOf, type Store } from '../store';

/** A stored mention as read (lean), its tweet id as _id. */
export type StoredMention = MentionDoc & { _id: string };

/** The text of a stored tweet (a ticket's own, for repeats and training exports), if any. */
export async function mentionText(store: Store, tweetId: string): Promise<string | undefined> {
  const m = await modelsOf(store).Mention.findById(tweetId, { text: 1 }).lean();
  return typeof m?.text === 'string' ? m.text : undefined;
}

/** The display name the citizen had on X when they tweeted (a reply may greet them by it). */
export async function mentionAuthorName(store: Store, tweetId: string): Promise<string | undefined> {
  const m = await modelsOf(store).Mention.findById(tweetId, { authorName: 1 }).lean();
  return m?.authorName ?? undefined;
}

export async function findMention(store: Store, tweetId: string): Promise<StoredMention | null> {
  return modelsOf(store).Mention.findById(tweetId).lean<StoredMention>();
}

/** The latest mentions with one of these outcomes, newest first (on {outcome, processedAt}). */
export async function mentionsWithOutcome(
  store: Store,
  outcomes: readonly string[],
  limit: number,
): Promise<StoredMention[]> {
  return modelsOf(store)
    .Mention.find({ outcome: { $in: outcomes } })
    .sort({ processedAt: -1 })
    .limit(limit)
    .lean<StoredMention[]>();
}

/** A mention kept out of the queue now has a ticket, opened by staff. */
export async function markMentionRestored(store: Store, tweetId: string, ref: string): Promise<void> {
  await modelsOf(store).Mention.updateOne(
    { _id: tweetId },
    { $set: { outcome: 'restored', ticketRef: ref } },
  );
}
