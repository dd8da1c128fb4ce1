// The X API v2 operations the bot calls, as pure functions of (store, request) → response.
// Auth, rate limits and faults are applied around them in server.ts.
import twitter from 'twitter-text';
import { compareIds, isSnowflake } from './ids';
import * as problems from './problems';
import {
  badFieldValue,
  fieldParam,
  fieldsFrom,
  renderIncludes,
  renderTweet,
  renderUser,
  type FieldNaming,
} from './render';
import type { Endpoint } from './rate-limits';
import type { EmulatedTweet, Store } from './store';

export interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface Request {
  method: string;
  path: string;
  query: URLSearchParams;
  body?: unknown;
  /** Which field names this X speaks: the docs' tweet.fields or 2.167's post.fields. */
  naming?: FieldNaming;
}

export interface Route {
  endpoint: Endpoint;
  handle: (store: Store, req: Request, params: string[]) => Reply;
}

/** X documents that only the most recent 800 mentions can be read back. */
export const MENTIONS_REACH = 800;
/** …and 3200 of a user's own tweets. */
export const TIMELINE_REACH = 3200;

const fromProblem = (p: problems.HttpProblem): Reply => ({ status: p.status, body: p.body });

const timelineParams = (naming: FieldNaming) => [
  'since_id',
  'until_id',
  'max_results',
  'pagination_token',
  'start_time',
  'end_time',
  'exclude',
  fieldParam(naming),
  'expansions',
  'media.fields',
  'poll.fields',
  'user.fields',
  'place.fields',
];

/** X's 400 for a field value it does not know (our client must never send one). */
function unknownFieldValue(q: URLSearchParams, naming: FieldNaming): Reply | undefined {
  const bad = badFieldValue(q, naming);
  if (!bad) return undefined;
  return fromProblem(problems.invalidRequest(bad.message, { [bad.param]: [q.get(bad.param) ?? ''] }));
}

/** X rejects parameters it does not know, naming them; catching client drift early. */
function unknownParam(q: URLSearchParams, allowed: string[]): Reply | undefined {
  for (const k of q.keys()) {
    if (!allowed.includes(k))
      return fromProblem(
        problems.invalidRequest(`The query parameter [${k}] is not one of [${allowed.join(',')}]`),
      );
  }
  return undefined;
}

function parseTime(q: URLSearchParams, name: string): number | Reply | undefined {
  const raw = q.get(name);
  if (raw === null) return undefined;
  const ms = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(raw)
    ? Date.parse(raw)
    : NaN;
  if (Number.isNaN(ms))
    return fromProblem(
      problems.invalidRequest(`Invalid '${name}':'${raw}'. '${name}' must be a valid RFC3339 date.`, {
        [name]: [raw],
      }),
    );
  return ms;
}

// Pagination tokens are opaque on X; ours carry the id to continue below, in base 36.
const encodeToken = (id: string): string => 'm' + BigInt(id).toString(36);
function decodeToken(token: string): string | undefined {
  if (!/^m[0-9a-z]{1,13}$/.test(token)) return undefined;
  let n = 0n;
  for (const ch of token.slice(1)) n = n * 36n + BigInt(parseInt(ch, 36));
  return n.toString();
}

/** One page of a newest-first timeline with X's since/until/time/pagination rules. */
function timelinePage(store: Store, req: Request, userId: string, all: EmulatedTweet[]): Reply {
  const q = req.query;
  const naming = req.naming ?? 'tweet';
  const bad = unknownParam(q, timelineParams(naming)) ?? unknownFieldValue(q, naming);
  if (bad) return bad;
  if (!isSnowflake(userId))
    return fromProblem(
      problems.invalidRequest(`The \`id\` query parameter value [${userId}] does not match ^[0-9]{1,19}$`, {
        id: [userId],
      }),
    );
  const maxRaw = q.get('max_results');
  const max = maxRaw === null ? 10 : Number(maxRaw);
  if (!Number.isInteger(max) || max < 5 || max > 100)
    return fromProblem(
      problems.invalidRequest(
        `The \`max_results\` query parameter value [${maxRaw}] is not between 5 and 100`,
        {
          max_results: [String(maxRaw)],
        },
      ),
    );
  for (const name of ['since_id', 'until_id']) {
    const v = q.get(name);
    if (v !== null && !isSnowflake(v))
      return fromProblem(
        problems.invalidRequest(`The \`${name}\` query parameter value [${v}] does not match ^[0-9]{1,19}$`, {
          [name]: [v],
        }),
      );
  }
  const start = parseTime(q, 'start_time');
  const end = parseTime(q, 'end_time');
  if (typeof start === 'object') return start;
  if (typeof end === 'object') return end;
  const sinceId = q.get('since_id');
  const untilId = q.get('until_id');
  const token = q.get('pagination_token');
  let below: string | undefined;
  if (token !== null) {
    below = decodeToken(token);
    if (!below)
      return fromProblem(
        problems.invalidRequest(`The \`pagination_token\` query parameter value [${token}] is not valid`, {
          pagination_token: [token],
        }),
      );
  }

  // since_id/until_id take precedence over start_time/end_time (X's documented rule).
  const matching = all.filter(
    (t) =>
      (sinceId ? compareIds(t.id, sinceId) > 0 : start === undefined || t.createdAt.getTime() >= start) &&
      (untilId ? compareIds(t.id, untilId) < 0 : end === undefined || t.createdAt.getTime() < end),
  );
  const rest = below ? matching.filter((t) => compareIds(t.id, below) < 0) : matching;
  const page = rest.slice(0, max);
  const f = fieldsFrom(q, naming);
  if (!page.length) return { status: 200, body: { meta: { result_count: 0 } } };
  const meta: Record<string, unknown> = {
    result_count: page.length,
    newest_id: page[0]!.id,
    oldest_id: page[page.length - 1]!.id,
  };
  if (rest.length > page.length) meta.next_token = encodeToken(page[page.length - 1]!.id);
  const body: Record<string, unknown> = { data: page.map((t) => renderTweet(t, f)) };
  const { includes, errors } = renderIncludes(store, page, f);
  if (includes) body.includes = includes;
  if (errors) body.errors = errors;
  body.meta = meta;
  return { status: 200, body };
}

function me(store: Store, req: Request): Reply {
  const naming = req.naming ?? 'tweet';
  const bad =
    unknownParam(req.query, ['user.fields', 'expansions', fieldParam(naming)]) ??
    unknownFieldValue(req.query, naming);
  if (bad) return bad;
  return { status: 200, body: { data: renderUser(store.agency, fieldsFrom(req.query, naming)) } };
}

// POST /2/tweets body: TweetCreateRequest, additionalProperties false (spec 2.159).
const CREATE_KEYS = [
  'card_uri',
  'community_id',
  'direct_message_deep_link',
  'edit_options',
  'for_super_followers_only',
  'geo',
  'media',
  'nullcast',
  'poll',
  'quote_tweet_id',
  'reply',
  'reply_settings',
  'share_with_followers',
  'text',
];
const REPLY_KEYS = ['auto_populate_reply_metadata', 'exclude_reply_user_ids', 'in_reply_to_tweet_id'];

function unknownKey(o: Record<string, unknown>, allowed: string[], at: string): Reply | undefined {
  const k = Object.keys(o).find((x) => !allowed.includes(x));
  return k === undefined
    ? undefined
    : fromProblem(
        problems.invalidRequest(
          `${at}: property '${k}' is not defined in the schema and the schema does not allow additional properties`,
        ),
      );
}

function mentions(store: Store, req: Request, [id]: string[]): Reply {
  if (isSnowflake(id!) && !store.user(id!)) return { status: 200, body: problems.userNotFound(id!) };
  return timelinePage(store, req, id!, store.mentionsOf(id!).slice(0, MENTIONS_REACH));
}

function timeline(store: Store, req: Request, [id]: string[]): Reply {
  if (isSnowflake(id!) && !store.user(id!)) return { status: 200, body: problems.userNotFound(id!) };
  return timelinePage(store, req, id!, store.tweetsBy(id!).slice(0, TIMELINE_REACH));
}

/** X compares new text with the account's recent tweets; a day is close enough. */
const DUPLICATE_WINDOW_MS = 24 * 60 * 60 * 1000;

function createTweet(store: Store, req: Request): Reply {
  const body = req.body as { text?: unknown; reply?: { in_reply_to_tweet_id?: unknown } } | undefined;
  if (!body || typeof body !== 'object' || Array.isArray(body))
    return fromProblem(problems.invalidRequest('Request body must be a JSON object'));
  const extra =
    unknownKey(body as Record<string, unknown>, CREATE_KEYS, '$') ??
    (body.reply && typeof body.reply === 'object' && !Array.isArray(body.reply)
      ? unknownKey(body.reply as Record<string, unknown>, REPLY_KEYS, '$.reply')
      : undefined);
  if (extra) return extra;
  const text = body.text;
  if (typeof text !== 'string' || text.trim() === '')
    return fromProblem(problems.invalidRequest('$.text: is missing but it is required'));
  if (twitter.parseTweet(text).weightedLength > 280) return fromProblem(problems.tweetTooLong());
  const replyTo = body.reply?.in_reply_to_tweet_id;
  if (body.reply !== undefined && (typeof replyTo !== 'string' || !isSnowflake(replyTo)))
    return fromProblem(
      problems.invalidRequest('$.reply.in_reply_to_tweet_id: does not match the regex pattern ^[0-9]{1,19}$'),
    );
  const agency = store.agency;
  const since = Date.now() - DUPLICATE_WINDOW_MS;
  if (store.tweetsBy(agency.id).some((t) => t.text === text && t.createdAt.getTime() >= since))
    return fromProblem(problems.duplicateContent());
  if (typeof replyTo === 'string') {
    const parent = store.tweet(replyTo);
    if (!parent || parent.deleted) return fromProblem(problems.replyTargetGone());
    if (store.user(parent.authorId)?.protected && parent.authorId !== agency.id)
      return fromProblem(problems.replyTargetGone());
    if (parent.repliesRestricted && parent.authorId !== agency.id)
      return fromProblem(problems.replyRestricted());
    if (parent.refusal) return fromProblem(problems.forbidden(parent.refusal));
  }
  const t = store.add({
    text,
    authorId: agency.id,
    inReplyToId: replyTo as string | undefined,
    posted: true,
  });
  return { status: 201, body: { data: { id: t.id, text: t.text, edit_history_tweet_ids: [t.id] } } };
}

/** Method + path pattern → operation. */
export const ROUTES: Array<{ method: string; pattern: RegExp; route: Route }> = [
  { method: 'GET', pattern: /^\/2\/users\/me$/, route: { endpoint: 'me', handle: me } },
  {
    method: 'GET',
    pattern: /^\/2\/users\/([^/]+)\/mentions$/,
    route: { endpoint: 'mentions', handle: mentions },
  },
  {
    method: 'GET',
    pattern: /^\/2\/users\/([^/]+)\/tweets$/,
    route: { endpoint: 'timeline', handle: timeline },
  },
  { method: 'POST', pattern: /^\/2\/tweets$/, route: { endpoint: 'post', handle: createTweet } },
];

export function findRoute(method: string, path: string): { route: Route; params: string[] } | undefined {
  for (const r of ROUTES) {
    const m = r.method === method ? r.pattern.exec(path) : null;
    if (m) return { route: r.route, params: m.slice(1).map(decodeURIComponent) };
  }
  return undefined;
}
