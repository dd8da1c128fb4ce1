// Mujib's X API v2 client: twitter-api-v2 underneath, pointed at any base URL (X itself or
// the local emulator), answering in our own shapes and typed errors. It never retries by
// itself: the poller and poster decide (see backoff.ts).
import http from 'node:http';
import { TwitterApi, type TwitterApiReadWrite } from 'twitter-api-v2';
import type { Logger } from '../log';
import { registerSecret } from '../log/redact';
import { redirectPlugin } from './base-url-plugin';
import { XAuthError, XBadRequestError, toXError } from './errors';
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

// What a complaint needs: the full text of long posts (note_tweet), edits, the quoted post,
// photos and place. X's docs name the parameter `tweet.fields`; the live OpenAPI (2.167)
// `post.fields` with renamed values. We send the documented names and switch once if X
// answers 400 about them (see fieldParams).
const MENTION_PARAMS: Record<'tweet' | 'post', Record<string, string>> = {
  tweet: {
    'tweet.fields':
      'created_at,author_id,conversation_id,in_reply_to_user_id,referenced_tweets,lang,note_tweet,edit_history_tweet_ids,entities,attachments,geo',
    expansions:
      'author_id,referenced_tweets.id,referenced_tweets.id.author_id,attachments.media_keys,geo.place_id',
    'media.fields': 'type,url,preview_image_url,alt_text',
    'place.fields': 'full_name,name,country,country_code,geo,place_type',
  },
  post: {
    'post.fields': 'created_at,conversation_id,lang,note_post,entities,attachments,geo',
    expansions: 'author_id,referenced_posts,attachments.media_keys,geo.place_id,edit_history_post_ids',
    'media.fields': 'type,url,preview_image_url,alt_text',
    'place.fields': 'full_name,name,country,country_code,geo,place_type',
  },
};
// Our own timeline (reconciling replies) needs no media or places: each costs a read.
const TIMELINE_PARAMS: Record<'tweet' | 'post', Record<string, string>> = {
  tweet: {
    'tweet.fields': 'created_at,author_id,conversation_id,in_reply_to_user_id,referenced_tweets',
    expansions: 'author_id',
  },
  post: { 'post.fields': 'created_at,conversation_id', expansions: 'author_id,referenced_posts' },
};
const USER_FIELDS = 'username,name';
const DEFAULT_OWN_TWEETS = 300;

function makeApi(opts: XClientOptions, book: RateLimitBook, bearer?: string): TwitterApiReadWrite {
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
  const token = a.kind === 'oauth2-refresh' ? bearer! : a.token;
  registerSecret(token);
  return new TwitterApi(token, settings).readWrite;
}

function checkId(name: string, v: string | undefined): void {
  if (v !== undefined && !/^[0-9]{1,19}$/.test(v)) throw new XBadRequestError(`${name} must be 1-19 digits`);
}

/** A 400 that names the field parameter (or one of its values): X wants the other naming. */
function isFieldNameProblem(e: unknown, mode: 'tweet' | 'post'): boolean {
  if (!(e instanceof XBadRequestError) || e.status !== 400) return false;
  const text = `${e.message} ${e.problem ?? ''}`;
  return (
    text.includes(`${mode}.fields`) ||
    (mode === 'tweet'
      ? /note_tweet|edit_history_tweet_ids|referenced_tweets/
      : /note_post|edit_history_post_ids|referenced_posts/
    ).test(text)
  );
}

export function createXClient(opts: XClientOptions): XClient {
  const book = new RateLimitBook();
  const log = opts.log;
  const a = opts.auth;
  type V2 = TwitterApiReadWrite['v2'];
  let current: { token?: string; v2: V2 } | undefined =
    a.kind === 'oauth2-refresh' ? undefined : { v2: makeApi(opts, book).v2 };
  let fieldMode: 'tweet' | 'post' = 'tweet';

  /** The API with a valid token (OAuth 2 with refresh: rebuilt when the token rotated). */
  async function api(): Promise<{ token?: string; v2: V2 }> {
    if (a.kind !== 'oauth2-refresh') return current!;
    const token = await a.tokens.accessToken();
    if (current?.token !== token) current = { token, v2: makeApi(opts, book, token).v2 };
    return current;
  }

  async function call<T>(endpoint: XEndpoint, fn: (v2: V2) => Promise<T>): Promise<T> {
    const used = await api();
    try {
      return await fn(used.v2);
    } catch (e) {
      let err = toXError(e, endpoint);
      // An OAuth 2 token X stopped taking (expired early, revoked by a rotation elsewhere):
      // refresh once and try again before calling it a credentials failure.
      if (a.kind === 'oauth2-refresh' && err instanceof XAuthError && err.status === 401) {
        const token = await a.tokens.refresh(used.token!);
        const fresh = { token, v2: makeApi(opts, book, token).v2 };
        current = fresh;
        try {
          return await fn(fresh.v2);
        } catch (e2) {
          err = toXError(e2, endpoint);
        }
      }
      log?.debug('X call failed', { endpoint, error: err.message });
      throw err;
    }
  }

  // What X accepted last, per kind of call: learned once, then sent as is.
  const learned = new Map<object, Record<string, string>>();
  const noted = new Set<string>();
  const noteOnce = (what: string, why: string) => {
    if (noted.has(what)) return;
    noted.add(what);
    log?.warn(`X refused ${what} (${why}); asking without it from now on`);
  };

  /**
   * A timeline call with the fields X accepts. A 400 about the field parameter's name switches
   * tweet.fields ↔ post.fields once (logged once); a 400 naming one value or parameter X does
   * not know drops just that one. Anything else is rethrown as is.
   */
  async function withFields<T>(
    endpoint: XEndpoint,
    table: Record<'tweet' | 'post', Record<string, string>>,
    fn: (v2: V2, fields: Record<string, string>) => Promise<T>,
  ): Promise<T> {
    let mode = fieldMode;
    let params = learned.get(table) ?? table[mode];
    let switched = false;
    for (let attempt = 0; ; attempt++) {
      try {
        const r = await call(endpoint, (v2) => fn(v2, params));
        learned.set(table, params);
        return r;
      } catch (e) {
        if (!(e instanceof XBadRequestError) || e.status !== 400 || attempt >= 8) throw e;
        const text = `${e.message} ${e.problem ?? ''}`;
        const value = /`([a-z_.]+)` query parameter value \[([^\]]*)\]/.exec(text);
        const unknown = /query parameter \[([a-z_.]+)\] is not one of/.exec(text);
        const fieldParam = `${mode}.fields`;
        const other = mode === 'tweet' ? 'post' : 'tweet';
        const renamed =
          mode === 'tweet'
            ? /^(note_tweet|edit_history_tweet_ids|referenced_tweets)$/
            : /^(note_post|edit_history_post_ids|referenced_posts)$/;
        // The parameter's name, or a value only one naming has: this X speaks the other one.
        const namingProblem =
          (unknown && unknown[1] === fieldParam) ||
          (value && value[1] === fieldParam && renamed.test(value[2]!)) ||
          (!value && !unknown && isFieldNameProblem(e, mode)); // other wordings: the old heuristic
        if (namingProblem && !switched) {
          switched = true;
          log?.warn(`X refused \`${fieldParam}\` (${e.message}); using \`${other}.fields\` from now on`);
          mode = fieldMode = other;
          params = table[other];
          continue;
        }
        // One value this X does not know (a field newer or older than it): drop just that one.
        if (value && params[value[1]!]?.split(',').includes(value[2]!)) {
          const [, name, v] = value as unknown as [string, string, string];
          const rest = params[name]!.split(',').filter((x) => x !== v);
          params = { ...params };
          if (rest.length) params[name] = rest.join(',');
          else delete params[name];
          noteOnce(`${name}=${v}`, e.message);
          continue;
        }
        // A whole parameter it does not take (media.fields on a small fake): drop it.
        if (unknown && unknown[1] !== fieldParam && params[unknown[1]!] !== undefined) {
          params = { ...params };
          delete params[unknown[1]!];
          noteOnce(unknown[1]!, e.message);
          continue;
        }
        throw e;
      }
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
      'user.fields': USER_FIELDS,
    };
    if (o.sinceId) query.since_id = o.sinceId;
    if (o.untilId) query.until_id = o.untilId;
    // X wants whole seconds; since_id wins over start_time on X's side when both are sent.
    if (o.startTime) query.start_time = o.startTime.toISOString().replace(/\.\d{3}Z$/, 'Z');
    if (o.paginationToken) query.pagination_token = o.paginationToken;
    const path = endpoint === 'mentions' ? 'users/:id/mentions' : 'users/:id/tweets';
    const res = await withFields(
      endpoint,
      endpoint === 'mentions' ? MENTION_PARAMS : TIMELINE_PARAMS,
      (v2, f) => v2.get(path, { ...query, ...f }, { params: { id: o.userId }, fullResponse: true }),
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
      const res = await call('me', (v2) =>
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
      const res = await call('post', (v2) =>
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
