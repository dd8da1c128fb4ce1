// Citizens' personal data in the store (Saudi PDPL; X's developer policy): finding it by
// @handle, reading it out, and blanking it. What is personal: the text of their posts (and the
// copies in follow-ups, replies that greet them by name), their name, handle, photos, place and
// X's raw copy. Ids stay: a mention's _id is the idempotency key that keeps a post from being
// answered twice, and a ticket record (category, dates, status) stays for the agency's statistics.
import { modelsOf, type Store } from './store';
import { authorTickets } from './state-keys';

/** The author id every erased record carries instead of the citizen's. */
export const ERASED = 'erased';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
export const normaliseHandle = (h: string) => h.trim().replace(/^@/, '');

/** The X user ids that have written to us as @handle (case-insensitive), from mentions and tickets. */
export async function citizenIds(store: Store, handle: string): Promise<string[]> {
  const models = modelsOf(store);
  const name = normaliseHandle(handle);
  if (!/^\w{1,50}$/.test(name)) return [];
  const re = { $regex: `^${escape(name)}$`, $options: 'i' };
  const ids = new Set<string>();
  for (const m of await models.Mention.find({ authorUsername: re }, { authorId: 1 }).lean())
    ids.add(m.authorId);
  for (const t of await models.Ticket.find({ authorUsername: re }, { authorId: 1 }).lean())
    ids.add(t.authorId);
  ids.delete(ERASED);
  return [...ids];
}

export interface CitizenRecords {
  mentions: Record<string, unknown>[];
  tickets: Record<string, unknown>[];
  replies: Record<string, unknown>[];
}

/** Everything stored about these authors: their mentions, their tickets, our replies to them. */
export async function citizenRecords(store: Store, authorIds: string[]): Promise<CitizenRecords> {
  const models = modelsOf(store);
  const mentions = await models.Mention.find({ authorId: { $in: authorIds } })
    .sort({ _id: 1 })
    .lean();
  const tickets = await models.Ticket.find({ authorId: { $in: authorIds } })
    .sort({ _id: 1 })
    .lean();
  const tweetIds = mentions.map((m) => m._id);
  const replies = tweetIds.length
    ? await models.Reply.find({ inReplyToTweetId: { $in: tweetIds } })
        .sort({ _id: 1 })
        .lean()
    : [];
  return { mentions, tickets, replies } as unknown as CitizenRecords;
}

/**
 * Blanks the personal content of these mentions and of our replies to them. With `erase`, the
 * author id goes too (a citizen's erasure request; retention keeps it so repeat complaints
 * still group). Written through the driver: `redactedAt` is bookkeeping outside the models.
 */
export async function redactMentions(
  store: Store,
  tweetIds: string[],
  o: { now: Date; why: string; erase?: boolean },
): Promise<{ mentions: number; replies: number }> {
  const models = modelsOf(store);
  if (!tweetIds.length) return { mentions: 0, replies: 0 };
  const m = await models.Mention.collection.updateMany(
    { _id: { $in: tweetIds } as never },
    {
      $set: { text: '', redactedAt: o.now, redactedWhy: o.why, ...(o.erase ? { authorId: ERASED } : {}) },
      $unset: { authorName: '', authorUsername: '', raw: '', media: '', quoted: '', place: '' },
    },
  );
  // Our acknowledgements may greet the citizen by name.
  const r = await models.Reply.collection.updateMany(
    { inReplyToTweetId: { $in: tweetIds }, status: { $ne: 'planned' } },
    { $set: { text: '', redactedAt: o.now } },
  );
  return { mentions: m.modifiedCount, replies: r.modifiedCount };
}

/** Replies not yet posted to an erased citizen are withdrawn (kept, marked stale). */
export async function withdrawPlannedReplies(store: Store, tweetIds: string[]): Promise<number> {
  const models = modelsOf(store);
  if (!tweetIds.length) return 0;
  const r = await models.Reply.collection.updateMany(
    { inReplyToTweetId: { $in: tweetIds }, status: 'planned' },
    {
      $set: {
        status: 'stale',
        text: '',
        lastError: 'withdrawn: the citizen asked for their data to be erased',
      },
    },
  );
  return r.modifiedCount;
}

/** After an erasure: the author-keyed lookups in `state` (repeat-complainer, thread bindings). */
export async function forgetAuthorLookups(store: Store, authorIds: string[]): Promise<number> {
  const models = modelsOf(store);
  if (!authorIds.length) return 0;
  const r = await models.State.deleteMany({ _id: { $in: authorIds.map((id) => authorTickets.key(id)) } });
  return r.deletedCount;
}

/** Mentions of tickets resolved before `cutoff` whose content is still stored. */
export async function ticketsDueForRedaction(
  store: Store,
  cutoff: Date,
  limit = 500,
): Promise<{ _id: string; mentionId: string; followUps: { tweetId: string }[] }[]> {
  const models = modelsOf(store);
  return (await models.Ticket.find(
    { status: 'resolved', resolvedAt: { $lt: cutoff }, 'history.action': { $ne: 'redacted' } },
    { mentionId: 1, followUps: 1 },
  )
    .limit(limit)
    .lean()) as unknown as { _id: string; mentionId: string; followUps: { tweetId: string }[] }[];
}

/** Tweet ids of every mention attached to these tickets. */
export async function mentionIdsOfTickets(store: Store, refs: string[]): Promise<string[]> {
  const models = modelsOf(store);
  if (!refs.length) return [];
  return (await models.Mention.find({ ticketRef: { $in: refs } }, { _id: 1 }).lean()).map((m) =>
    String(m._id),
  );
}

/** Mentions that opened no ticket (spam, chatter, thanks, referrals), fetched before `cutoff`, not yet redacted. */
export async function untickettedDueForRedaction(
  store: Store,
  cutoff: Date,
  limit = 2000,
): Promise<string[]> {
  const models = modelsOf(store);
  const docs = await models.Mention.collection
    .find(
      { fetchedAt: { $lt: cutoff }, ticketRef: null, redactedAt: null, status: { $ne: 'new' } },
      { projection: { _id: 1 } },
    )
    .limit(limit)
    .toArray();
  return docs.map((d) => String(d._id));
}
