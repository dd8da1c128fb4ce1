// Mujib's X API v2 client: twitter-api-v2 underneath, pointed at any base URL (X itself or
// the local emulator), answering in our own shapes and typed errors. It never retries by
// itself: the poller and poster decide (see backoff.ts).
import http from 'node:http';
import { TwitterApi, type TwitterApiReadWrite } from 'twitter-api-v2';
import type { Logger } from '../log';
import { registerSecret } from '../log/redact';
import { redirectPlugin } from './base-url-plugin';
import { XBadRequestError, toXError } from './errors';
import { normalizePage } from './normalize';
import { RateLimitBook, toRateLimit } from './rate-limits';
import type {
  MentionsPage,
  MentionsPageOptions,
  OwnTweetsOptions,
  XAuth,
  XClient,
  XEndpoint,
  XTweet,
  XUser,
} from './types';

export interface XClientOptions {
  baseUrl: string;
  auth: XAuth;
  log?: Logger;
  /** Per request; a timed-out call fails with XTransientError. Default 30 s. */
  timeoutMs?: number;
}

const TWEET_FIELDS = 'created_at,author_id,conversation_id,in_reply_to_user_id,referenced_tweets,lang';
const USER_FIELDS = 'username,name';
const DEFAULT_OWN_TWEETS = 300;

function makeApi(opts: XClientOptions, book: RateLimitBook): TwitterApiReadWrite {
  const plain = new URL(opts.baseUrl).protocol === 'http:';
  const settings = {
    plugins: [redirectPlugin(opts.baseUrl, book, opts.timeoutMs ?? 30_000)],
    // twitter-api-v2 always calls https.request; a plain-http agent lets it speak to http://.
    ...(plain ? { httpAgent: new http.Agent({ keepAlive: false }) } : {}),
  };
  const a = opts.auth;
  if (a.kind === 'oauth1') {
    [a.appKey, a.appSecret, a.accessToken, a.accessSecret].forEach(registerSecret);
    return new TwitterApi(
      { appKey: a.appKey, appSecret: a.appSecret, accessToken: a.accessToken, accessSecret: a.accessSecret },
      settings,
    ).readWrite;
  }
  // OAuth 2.0 user tokens and the sandbox token both travel as `Authorization: Bearer`.
  registerSecret(a.token);
  return new TwitterApi(a.token, settings).readWrite;
}

function checkId(name: string, v: string | undefined): void {
  if (v !== undefined && !/^[0-9]{1,19}$/.test(v)) throw new XBadRequestError(`${name} must be 1-19 digits`);
}

export function createXClient(opts: XClientOptions): XClient {
  const book = new RateLimitBook();
  const v2 = makeApi(opts, book).v2;
  const log = opts.log;

  async function call<T>(endpoint: XEndpoint, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      const err = toXError(e, endpoint);
      log?.debug('X call failed', { endpoint, error: err.message });
      throw err;
    }
  }

  async function timelinePage(
    endpoint: 'mentions' | 'timeline',
    o: {
      userId: string;
      sinceId?: string;
      untilId?: string;
      startTime?: Date;
      paginationToken?: string;
      maxResults?: number;
    },
  ): Promise<MentionsPage> {
    checkId('userId', o.userId);
    checkId('sinceId', o.sinceId);
    checkId('untilId', o.untilId);
    const query: Record<string, string | number> = {
      max_results: Math.min(100, Math.max(5, Math.floor(o.maxResults ?? 100))),
      expansions: 'author_id',
      'tweet.fields': TWEET_FIELDS,
      'user.fields': USER_FIELDS,
    };
    if (o.sinceId) query.since_id = o.sinceId;
    if (o.untilId) query.until_id = o.untilId;
    // X wants whole seconds; since_id wins over start_time on X's side when both are sent.
    if (o.startTime) query.start_time = o.startTime.toISOString().replace(/\.\d{3}Z$/, 'Z');
    if (o.paginationToken) query.pagination_token = o.paginationToken;
    const path = endpoint === 'mentions' ? 'users/:id/mentions' : 'users/:id/tweets';
    const res = await call(endpoint, () =>
      v2.get(path, query, { params: { id: o.userId }, fullResponse: true }),
    );
    const body = (res.data ?? {}) as {
      data?: unknown;
      includes?: unknown;
      meta?: { result_count?: number; newest_id?: string; oldest_id?: string; next_token?: string };
      errors?: Array<{ detail?: string; title?: string }>;
    };
    // X answers 200 with only `errors` when the user id does not exist.
    if (body.data === undefined && body.errors?.length && !body.meta)
      throw new XBadRequestError(
        `X ${endpoint}: ${body.errors[0]?.detail ?? body.errors[0]?.title ?? 'error'}`,
        {
          endpoint,
          status: 200,
        },
      );
    const { tweets, malformed } = normalizePage(body.data, body.includes);
    if (malformed.length) log?.warn('X sent malformed tweets', { endpoint, count: malformed.length });
    const meta = body.meta ?? {};
    const page: MentionsPage = {
      tweets,
      malformed,
      resultCount: meta.result_count ?? tweets.length + malformed.length,
    };
    if (meta.next_token) page.nextToken = meta.next_token;
    if (meta.newest_id) page.newestId = meta.newest_id;
    if (meta.oldest_id) page.oldestId = meta.oldest_id;
    if (res.rateLimit) page.rateLimit = toRateLimit(res.rateLimit);
    return page;
  }

  return {
    async me(): Promise<XUser> {
      const res = await call('me', () =>
        v2.get('users/me', { 'user.fields': USER_FIELDS }, { fullResponse: true }),
      );
      const u = (res.data as { data?: { id?: unknown; username?: unknown; name?: unknown } }).data;
      if (!u || typeof u.id !== 'string' || typeof u.username !== 'string')
        throw new XBadRequestError('X me: answer has no user', { endpoint: 'me' });
      return { id: u.id, username: u.username, name: typeof u.name === 'string' ? u.name : u.username };
    },

    mentionsPage: (o: MentionsPageOptions) => timelinePage('mentions', o),

    async ownTweets(o: OwnTweetsOptions): Promise<XTweet[]> {
      const bound = Math.max(1, o.maxResults ?? DEFAULT_OWN_TWEETS);
      const out: XTweet[] = [];
      let token: string | undefined;
      // Each page asks for what is still missing; the loop ends on the last page, never
      // re-requesting page 1 (the paginator's fetchNext-when-done gotcha).
      do {
        const page = await timelinePage('timeline', {
          userId: o.userId,
          sinceId: o.sinceId,
          startTime: o.sinceId ? undefined : o.startTime,
          paginationToken: token,
          maxResults: bound - out.length,
        });
        out.push(...page.tweets.slice(0, bound - out.length));
        token = page.nextToken;
      } while (token && out.length < bound);
      return out;
    },

    async reply(text: string, inReplyToTweetId: string): Promise<{ id: string }> {
      checkId('inReplyToTweetId', inReplyToTweetId);
      const res = await call('post', () =>
        v2.post(
          'tweets',
          { text, reply: { in_reply_to_tweet_id: inReplyToTweetId } },
          { fullResponse: true },
        ),
      );
      const id = (res.data as { data?: { id?: unknown } }).data?.id;
      if (typeof id !== 'string')
        throw new XBadRequestError('X post: answer has no tweet id', { endpoint: 'post' });
      return { id };
    },

    get rateLimits() {
      return book.snapshot();
    },
  };
}
