// Planning a reply in the outbox (the poster posts it). The caller names it `ack:<tweet id>`
// (replyKeyFor): one reply per tweet ever, so a retry after a crash plans nothing twice; the
// insert of that key decides. (The same protocol as the engine's store/outbox.ts planReply:
// one of the two goes when both are merged.)
import type { ReplyDoc } from './models';
import { isDuplicateKey } from './duplicate-key';
import { modelsOf, type Store } from './store';

/** The outbox id of the one reply a tweet gets (an acknowledgement, answer or notice). */
export const replyKeyFor = (tweetId: string) => `ack:${tweetId}`;

/** A reply as it is planned (status 'planned'). */
export type PlannedReply = Pick<ReplyDoc, 'kind' | 'inReplyToTweetId' | 'text' | 'priority' | 'plannedAt'> & {
  _id: string;
  ticketRef?: string;
};

/** Records a planned reply; false when one with this _id was planned before (a retry). */
export async function planReply(store: Store, reply: PlannedReply): Promise<boolean> {
  try {
    await modelsOf(store).Reply.create({ ...reply, status: 'planned' });
    return true;
  } catch (e) {
    if (isDuplicateKey(e)) return false;
    throw e;
  }
}

/** The planned replies to these tweets go out first (an edit made their ticket urgent). */
export async function raisePlannedReplies(store: Store, tweetIds: string[]): Promise<void> {
  for (const id of tweetIds)
    await modelsOf(store).Reply.updateOne(
      { _id: replyKeyFor(id), status: 'planned', priority: { $gt: 1 } },
      { $set: { priority: 1 } },
    );
}
