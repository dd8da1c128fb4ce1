// Planning a reply in the outbox (the poster posts it). The caller names it `ack:<tweet id>`
// (replyKeyFor): one reply per tweet ever, so a retry after a crash plans nothing twice; the
// insert of that key decides (store/outbox.ts planReply).
import { modelsOf, type Store } from './store';

/** The outbox id of the one reply a tweet gets (an acknowledgement, answer or notice). */
export const replyKeyFor = (tweetId: string) => `ack:${tweetId}`;

/** The planned replies to these tweets go out first (an edit made their ticket urgent). */
export async function raisePlannedReplies(store: Store, tweetIds: string[]): Promise<void> {
  for (const id of tweetIds)
    await modelsOf(store).Reply.updateOne(
      { _id: replyKeyFor(id), status: 'planned', priority: { $gt: 1 } },
      { $set: { priority: 1 } },
    );
}
