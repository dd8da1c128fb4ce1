// Watching: fetch every mention since the stored cursor, store them oldest first, and only
// then move the cursor. A failure anywhere leaves the cursor where it was, so the next poll
// fetches the same mentions again and the unique tweet id turns them into no-ops.
import type { BotContext } from './context';
import type { XTweet } from '../x/types';
import { insertMention, type NewMention } from '../store/mentions';
import { getState, setState } from '../store/state';
import { count } from './health';
import { richFields } from './mention-fields';

export const CURSOR_KEY = 'cursor:mentions';

interface Cursor {
  sinceId: string;
  at: string;
}

export interface PollResult {
  fetched: number;
  stored: number;
  duplicates: number;
  newestId?: string;
}

const byIdAsc = (a: { id: string }, b: { id: string }) => {
  const x = BigInt(a.id);
  const y = BigInt(b.id);
  return x < y ? -1 : x > y ? 1 : 0;
};

export async function pollMentions(ctx: BotContext): Promise<PollResult> {
  const { models, x, account, settings } = ctx;
  const cursor = await getState<Cursor>(ctx.store, CURSOR_KEY);
  // First start: no cursor, so bound the look-back instead of answering months-old tweets.
  const startTime = cursor ? undefined : new Date(ctx.now().getTime() - settings.lookbackMs);

  const tweets: XTweet[] = [];
  let paginationToken: string | undefined;
  for (let page = 0; page < settings.maxPages; page++) {
    const res = await x.mentionsPage({
      userId: account.id,
      sinceId: cursor?.sinceId,
      startTime,
      paginationToken,
      maxResults: settings.pageSize,
    });
    tweets.push(...res.tweets);
    for (const bad of res.malformed ?? []) {
      ctx.log.warn(`X sent a malformed mention (${bad.reason}); stored for review`, {
        tweet: JSON.stringify(bad.raw ?? null).slice(0, 500),
      });
      if (bad.id && /^\d{1,19}$/.test(bad.id)) tweets.push(malformedToTweet(bad.id, bad.raw));
    }
    if (!res.nextToken) break;
    paginationToken = res.nextToken;
  }

  tweets.sort(byIdAsc);
  let stored = 0;
  let duplicates = 0;
  let holdBelow: bigint | undefined;
  for (const t of tweets) {
    const doc = toMention(t, ctx);
    const r = await insertMention(models, doc);
    if (r.inserted) stored++;
    else if (await repairMalformed(ctx, doc)) stored++;
    else duplicates++;
    // A tweet X sent broken is fetched again on the next polls (a few times) in the hope
    // of a whole copy: the cursor stays just below it.
    if (doc.skipReason === 'malformed') {
      const m = await models.Mention.findById(doc._id, { attempts: 1 }).lean();
      if ((m?.attempts ?? 0) < MALFORMED_REFETCHES) {
        await models.Mention.updateOne({ _id: doc._id }, { $inc: { attempts: 1 } });
        const below = BigInt(doc._id) - 1n;
        if (holdBelow === undefined || below < holdBelow) holdBelow = below;
      }
    }
  }
  count(ctx.health, 'mentions_fetched', tweets.length);
  count(ctx.health, 'mentions_stored', stored);

  let newest = tweets.at(-1)?.id;
  if (newest && holdBelow !== undefined && holdBelow < BigInt(newest)) newest = holdBelow.toString();
  if (newest && (!cursor || BigInt(newest) > BigInt(cursor.sinceId))) {
    await setState<Cursor>(ctx.store, CURSOR_KEY, { sinceId: newest, at: ctx.now().toISOString() });
  }
  return { fetched: tweets.length, stored, duplicates, newestId: newest };
}

const MALFORMED_REFETCHES = 3;

/** A whole copy of a tweet first stored broken replaces it and goes through the pipeline. */
async function repairMalformed(ctx: BotContext, doc: NewMention): Promise<boolean> {
  if (doc.skipReason === 'malformed') return false;
  const { _id, ...fields } = doc;
  const res = await ctx.models.Mention.updateOne(
    { _id, skipReason: 'malformed' },
    {
      $set: { ...fields, status: doc.status ?? 'new' },
      ...(doc.skipReason ? {} : { $unset: { skipReason: 1 } }),
    },
  );
  if (res.modifiedCount) ctx.log.info(`Mention ${doc._id} arrived whole this time; processing it`);
  return res.modifiedCount > 0;
}

function malformedToTweet(id: string, raw: unknown): XTweet {
  const r = raw as { text?: unknown; author_id?: unknown };
  return {
    id,
    text: typeof r.text === 'string' ? r.text : '',
    authorId: typeof r.author_id === 'string' ? r.author_id : 'unknown',
    isRetweet: false,
    raw,
    malformed: true,
  } as XTweet & { malformed: true };
}

/** The stored form of a tweet; tweets we will never answer are stored already skipped. */
function toMention(t: XTweet, ctx: BotContext): NewMention {
  const doc: NewMention = {
    _id: t.id,
    text: t.text,
    authorId: t.authorId,
    authorUsername: t.authorUsername,
    authorName: t.authorName,
    tweetCreatedAt: t.createdAt,
    conversationId: t.conversationId,
    inReplyToTweetId: t.inReplyToTweetId,
    inReplyToUserId: t.inReplyToUserId,
    isRetweet: t.isRetweet,
    lang: t.lang,
    raw: t.raw,
    fetchedAt: ctx.now(),
    ...richFields(t),
  };
  const skip = skipReason(t, ctx);
  if (skip) {
    doc.status = 'skipped';
    doc.skipReason = skip;
  }
  return doc;
}

export function skipReason(t: XTweet, ctx: BotContext): string | undefined {
  if ((t as { malformed?: boolean }).malformed || !t.text.trim()) return 'malformed';
  if (t.authorId === ctx.account.id) return 'own-tweet';
  if (t.isRetweet) return 'retweet';
  const handle = t.authorUsername?.toLowerCase();
  const ignored = [...ctx.settings.ignoreAccounts, ...ctx.policy().ignoreAccounts];
  if (handle && ignored.includes(handle)) return 'ignored-account';
  if (t.createdAt && ctx.now().getTime() - t.createdAt.getTime() > ctx.settings.lookbackMs) return 'too-old';
  return undefined;
}
