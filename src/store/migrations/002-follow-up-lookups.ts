// 1 → 2. A reply to a follow-up tweet finds its ticket through a `follow-up-ticket:<tweet id>`
// lookup document (an indexed read by _id; the $or over mentionId and followUps.tweetId it
// replaced no index could answer). Follow-ups attached before that lookup existed have none:
// this writes it for every follow-up on every ticket. Idempotent (upserts of the same value).
import type { Migration } from './types';
import { isDuplicateKey } from '../duplicate-key';
import { followUpTicket } from '../state-keys';

export const followUpLookups: Migration = {
  version: 2,
  name: 'thread lookups for follow-ups attached before 0.2.0',
  async up({ models }) {
    const tickets = models.Ticket.find({ 'followUps.0': { $exists: true } }, { followUps: 1 })
      .lean()
      .cursor();
    for await (const t of tickets)
      for (const f of (t.followUps ?? []) as { tweetId: string }[])
        await models.State.updateOne(
          { _id: followUpTicket.key(f.tweetId), value: { $exists: false } },
          { $set: { value: String(t._id), updatedAt: new Date() } },
          { upsert: true },
        ).catch((e: unknown) => {
          // Already there (written by the bot, or by another instance migrating at once).
          if (!isDuplicateKey(e)) throw e;
        });
  },
};
