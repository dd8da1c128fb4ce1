// Storing mentions: inserting by tweet id is idempotent; a second insert reports the
// duplicate and changes nothing. Then the pipeline's reads and marks, one function each.
import type { MentionDoc } from './models';
import { isDuplicateKey } from './duplicate-key';
import { modelsOf, type Store } from './store';

/** A stored mention (its _id is the tweet id). */
export type StoredMention = MentionDoc & { _id: string };

export type NewMention = Omit<MentionDoc, 'status' | 'attempts' | 'fetchedAt' | 'isRetweet'> &
  Partial<Pick<MentionDoc, 'status' | 'fetchedAt' | 'isRetweet'>> & { _id: string };

export interface InsertResult {
  inserted: boolean;
  duplicate: boolean;
}

export async function insertMention(store: Store, m: NewMention): Promise<InsertResult> {
  try {
    await modelsOf(store).Mention.create(m);
    return { inserted: true, duplicate: false };
  } catch (e) {
    if (isDuplicateKey(e)) return { inserted: false, duplicate: true };
    throw e;
  }
}

/** Mentions waiting for the pipeline, oldest first (ties by tweet id). */
export async function pendingMentions(store: Store, limit: number): Promise<StoredMention[]> {
  return (await modelsOf(store)
    .Mention.find({ status: 'new' })
    .sort({ tweetCreatedAt: 1, _id: 1 })
    .limit(limit)
    .lean()) as StoredMention[];
}

/** What the pipeline records on a mention it is done with. */
export interface ProcessedFields {
  classification: unknown;
  outcome?: string;
  ticketRef?: string;
  processedAt: Date;
}

/** Done: the mention will not be processed again. */
export async function markMentionProcessed(store: Store, id: string, f: ProcessedFields): Promise<void> {
  await modelsOf(store).Mention.updateOne(
    { _id: id },
    {
      $set: {
        status: 'processed',
        classification: f.classification,
        ...('outcome' in f ? { outcome: f.outcome } : {}),
        ticketRef: f.ticketRef,
        processedAt: f.processedAt,
      },
    },
  );
}

/** A failed attempt; given up, the mention leaves the queue with status 'error'. */
export async function recordMentionFailure(
  store: Store,
  id: string,
  f: { attempts: number; lastError: string; giveUp: boolean; ticketRef?: string },
): Promise<void> {
  await modelsOf(store).Mention.updateOne(
    { _id: id },
    {
      $set: {
        attempts: f.attempts,
        lastError: f.lastError,
        ...(f.giveUp ? { status: 'error', ticketRef: f.ticketRef } : {}),
      },
    },
  );
}

/** How many times a mention X sent broken has been fetched again. */
export async function refetchCount(store: Store, id: string): Promise<number> {
  const m = await modelsOf(store).Mention.findById(id, { attempts: 1 }).lean();
  return m?.attempts ?? 0;
}

export async function countRefetch(store: Store, id: string): Promise<void> {
  await modelsOf(store).Mention.updateOne({ _id: id }, { $inc: { attempts: 1 } });
}

/** A whole copy of a mention first stored broken replaces it; false when it was not broken. */
export async function repairMalformedMention(store: Store, doc: NewMention): Promise<boolean> {
  const { _id, ...fields } = doc;
  const res = await modelsOf(store).Mention.updateOne(
    { _id, skipReason: 'malformed' },
    {
      $set: { ...fields, status: doc.status ?? 'new' },
      ...(doc.skipReason ? {} : { $unset: { skipReason: 1 } }),
    },
  );
  return res.modifiedCount > 0;
}

/** The post was deleted on X: its text, media, quote and raw copy go (X's policy). */
export async function purgeMentionContent(store: Store, id: string, at: Date): Promise<void> {
  await modelsOf(store).Mention.updateOne(
    { _id: id },
    {
      $set: { text: '', deletedOnXAt: at },
      $unset: { raw: 1, media: 1, quoted: 1, place: 1 },
    },
  );
}
