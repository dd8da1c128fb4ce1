// What `mujib simulate` (src/bot/simulate.ts) reads back from its private database: how far
// the batch has got, and each tweet's mention, ticket and reply for the summary.
import type { MentionDoc, ReplyDoc, TicketDoc } from './models';
import { modelsOf, type Store } from './store';

export interface BatchProgress {
  /** Of the batch's tweets, how many are stored, and how many still wait for the pipeline. */
  stored: number;
  pending: number;
  /** Replies (any tweet's) still waiting to be posted. */
  planned: number;
}

export async function batchProgress(store: Store, ids: string[]): Promise<BatchProgress> {
  const { Mention, Reply } = modelsOf(store);
  const stored = await Mention.countDocuments({ _id: { $in: ids } });
  const pending = await Mention.countDocuments({ _id: { $in: ids }, status: 'new' });
  const planned = await Reply.countDocuments({ status: 'planned' });
  return { stored, pending, planned };
}

export interface BatchRecords {
  mentions: Map<string, MentionDoc & { _id: string }>;
  /** By the mention that opened them. */
  tickets: Map<string, TicketDoc & { _id: string }>;
  /** By the tweet they answer. */
  replies: Map<string, ReplyDoc & { _id: string }>;
}

export async function batchRecords(store: Store, ids: string[]): Promise<BatchRecords> {
  const { Mention, Ticket, Reply } = modelsOf(store);
  const mentions = new Map(
    (await Mention.find({ _id: { $in: ids } }).lean()).map((m) => [
      m._id as string,
      m as MentionDoc & { _id: string },
    ]),
  );
  const tickets = new Map(
    (await Ticket.find({ mentionId: { $in: ids } }).lean()).map((t) => [
      t.mentionId,
      t as TicketDoc & { _id: string },
    ]),
  );
  const replies = new Map(
    (await Reply.find({ inReplyToTweetId: { $in: ids } }).lean()).map((r) => [
      r.inReplyToTweetId,
      r as ReplyDoc & { _id: string },
    ]),
  );
  return { mentions, tickets, replies };
}
