// X as a Channel (src/channel/types.ts): the agency's mentions in, replies out, its own
// timeline for reconciling, X's rate limits and weighted length. A thin layer over XClient:
// every call is the same request the bot made before, only named in the port's words.
import { BARE_CHANNEL, formatRef, type PostRef } from '../channel/ids';
import type {
  Channel,
  ChannelFailure,
  ChannelLimits,
  InboundPage,
  InboundPost,
  OwnPost,
} from '../channel/types';
import {
  XAuthError,
  XBadRequestError,
  XBudgetError,
  XDuplicateError,
  XRateLimitError,
  XReplyNotAllowedError,
  XTransientError,
} from './errors';
import { X_TEXT_RULE } from '../channel/x-text-rule';
import type { XClient, XTweet } from './types';

export const X_CHANNEL = BARE_CHANNEL;

/** Where X's mentions timeline was read up to (stored as is, with the poller's `at`). */
export interface XCursor {
  sinceId: string;
}

/** X's posting window: 100 posts per 15 minutes per user. */
export const X_POST_WINDOW_MS = 15 * 60_000;

const X_ID = /^[0-9]{1,19}$/;
const ref = (id: string): PostRef => ({ channel: X_CHANNEL, id });
const order = (a: bigint, b: bigint) => (a < b ? -1 : a > b ? 1 : 0);

export function inboundFromTweet(t: XTweet): InboundPost {
  const out: InboundPost = {
    ref: ref(t.id),
    text: t.text,
    author: { id: t.authorId },
    isRepost: t.isRetweet,
    raw: t.raw,
  };
  if (t.authorUsername) out.author.handle = t.authorUsername;
  if (t.authorName) out.author.name = t.authorName;
  if (t.createdAt) out.createdAt = t.createdAt;
  if (t.conversationId) out.threadId = t.conversationId;
  if (t.inReplyToTweetId) out.inReplyTo = ref(t.inReplyToTweetId);
  if (t.inReplyToUserId) out.inReplyToUserId = t.inReplyToUserId;
  if (t.lang) out.lang = t.lang;
  if (t.long) out.long = true;
  if (t.editHistory) out.editHistory = t.editHistory;
  if (t.quoted) {
    const { authorUsername, ...q } = t.quoted;
    out.quoted = { ...q, ...(authorUsername ? { authorHandle: authorUsername } : {}) };
  }
  if (t.media) out.media = t.media;
  if (t.place) out.place = t.place;
  return out;
}

/** What an error thrown by XClient means for the poller and poster. */
export function xFailure(e: unknown): ChannelFailure {
  const message = e instanceof Error ? e.message : String(e);
  if (e instanceof XRateLimitError)
    return { kind: 'rate-limit', message, resetAt: e.resetAt, scope: e.scope };
  if (e instanceof XBudgetError)
    return { kind: 'budget', message, why: e.why, ...(e.resetAt ? { resetAt: e.resetAt } : {}) };
  if (e instanceof XAuthError) return { kind: 'credentials', message };
  if (e instanceof XDuplicateError) return { kind: 'duplicate', message };
  if (e instanceof XReplyNotAllowedError)
    return {
      kind: 'refused',
      message,
      reason: e.reason,
      knownWording: e.knownWording,
      ...(e.problem ? { problem: e.problem } : {}),
    };
  if (e instanceof XBadRequestError) return { kind: 'bad-request', message };
  if (e instanceof XTransientError) return { kind: 'transient', message };
  return { kind: 'unknown', message };
}

const USERNAME = /^[A-Za-z0-9_]{1,15}$/;

/** https://x.com/<user>/status/<id>; without a known handle X's i/web form still resolves. */
export function xPermalink(id: string, username?: string): string | undefined {
  if (!/^\d{1,25}$/.test(id)) return undefined; // as the console's tweetUrl has it
  return username && USERNAME.test(username)
    ? `https://x.com/${username}/status/${id}`
    : `https://x.com/i/web/status/${id}`;
}

export function createXChannel(o: { client: XClient; account: { id: string } }): Channel<XCursor> {
  const { client } = o;
  const userId = o.account.id;
  return {
    name: X_CHANNEL,
    text: X_TEXT_RULE,

    async whoAmI() {
      const me = await client.me();
      return { id: me.id, handle: me.username, name: me.name };
    },

    async fetchPage({ cursor, startTime, page, pageSize }): Promise<InboundPage> {
      const res = await client.mentionsPage({
        userId,
        sinceId: cursor?.sinceId,
        startTime,
        paginationToken: page,
        maxResults: pageSize,
      });
      const out: InboundPage = { posts: res.tweets.map(inboundFromTweet), malformed: res.malformed };
      if (res.nextToken) out.next = res.nextToken;
      if (res.rateLimit) out.rateLimit = res.rateLimit;
      return out;
    },
    // Snowflake ids grow with time: the id order is the posting order.
    compare: (a, b) => order(BigInt(a), BigInt(b)),
    isPostId: (id) => X_ID.test(id),
    cursorAfter: (id) => ({ sinceId: id }),
    cursorBefore: (id) => ({ sinceId: (BigInt(id) - 1n).toString() }),
    compareCursors: (a, b) => order(BigInt(a.sinceId), BigInt(b.sinceId)),

    async reply({ text, to }) {
      if (to.channel !== X_CHANNEL) throw new XBadRequestError(`not a post on X: ${formatRef(to)}`);
      const posted = await client.reply(text, to.id);
      return ref(posted.id);
    },
    async ownPosts({ since, max }): Promise<OwnPost[]> {
      const mine = await client.ownTweets({ userId, startTime: since, maxResults: max });
      return mine.map((t) => ({
        ref: ref(t.id),
        text: t.text,
        ...(t.inReplyToTweetId ? { inReplyTo: ref(t.inReplyToTweetId) } : {}),
      }));
    },

    link: (id, authorHandle) => xPermalink(id, authorHandle),

    limits(): ChannelLimits {
      const all = client.rateLimits; // already a copy
      const byEndpoint: ChannelLimits['byEndpoint'] = {};
      for (const [endpoint, rl] of Object.entries(all)) if (rl) byEndpoint[endpoint] = rl;
      return {
        ...(all.mentions ? { fetch: all.mentions } : {}),
        ...(all.post ? { post: all.post } : {}),
        byEndpoint,
        postWindowMs: X_POST_WINDOW_MS,
      };
    },
    failure: xFailure,
  };
}
