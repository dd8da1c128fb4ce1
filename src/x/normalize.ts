// X's tweet JSON (+ includes) → XTweet. Bad items are set aside, never thrown, so one broken
// tweet cannot cost the bot a whole page of citizens' complaints.
//
// Both names X has used are read: note_tweet/note_post, edit_history_tweet_ids/_post_ids,
// referenced_tweets/referenced_posts (the docs say the first, the live OpenAPI 2.167 the second).
import type { MalformedTweet, XMedia, XPlace, XQuotedTweet, XTweet } from './types';

interface RawUser {
  id?: unknown;
  username?: unknown;
  name?: unknown;
}

type RawTweet = Record<string, unknown>;

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const isId = (v: unknown): v is string => typeof v === 'string' && /^[0-9]{1,19}$/.test(v);
const obj = (v: unknown): Record<string, unknown> | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** X escapes exactly these three in `text` (and note text); nothing else is an entity there. */
export function decodeXText(s: string): string {
  return s.replace(/&(amp|lt|gt);/g, (_, e: string) => (e === 'amp' ? '&' : e === 'lt' ? '<' : '>'));
}

type Users = Map<string, { username?: string; name?: string }>;

export interface Includes {
  users: Users;
  tweets: Map<string, RawTweet>;
  media: Map<string, XMedia>;
  places: Map<string, XPlace>;
}

export function usersById(includes: unknown): Users {
  const out: Users = new Map();
  for (const u of arr(obj(includes)?.users) as RawUser[]) {
    if (u && isId(u.id)) out.set(u.id, { username: str(u.username), name: str(u.name) });
  }
  return out;
}

function mediaOf(raw: unknown): XMedia | undefined {
  const m = obj(raw);
  const key = str(m?.media_key);
  if (!m || !key) return undefined;
  const out: XMedia = { key, type: str(m.type) ?? 'unknown' };
  const url = str(m.url) ?? str(m.preview_image_url);
  // Links only ever point at X's own media host; anything else is not shown to staff.
  if (url && /^https:\/\/([a-z0-9-]+\.)*(twimg\.com|x\.com|twitter\.com)\//i.test(url)) out.url = url;
  const alt = str(m.alt_text);
  if (alt) out.altText = alt.slice(0, 1000);
  return out;
}

function placeOf(raw: unknown): XPlace | undefined {
  const p = obj(raw);
  const id = str(p?.id);
  if (!p || !id) return undefined;
  const out: XPlace = { id };
  if (str(p.full_name)) out.fullName = p.full_name as string;
  else if (str(p.name)) out.fullName = p.name as string;
  if (str(p.country)) out.country = p.country as string;
  if (str(p.country_code)) out.countryCode = p.country_code as string;
  const bbox = obj(p.geo)?.bbox;
  if (Array.isArray(bbox) && bbox.length === 4 && bbox.every((n) => typeof n === 'number'))
    out.bbox = bbox as number[];
  return out;
}

export function readIncludes(includes: unknown): Includes {
  const inc = obj(includes);
  const tweets = new Map<string, RawTweet>();
  for (const t of arr(inc?.tweets ?? inc?.posts)) {
    const o = obj(t);
    if (o && isId(o.id)) tweets.set(o.id, o);
  }
  const media = new Map<string, XMedia>();
  for (const m of arr(inc?.media)) {
    const x = mediaOf(m);
    if (x) media.set(x.key, x);
  }
  const places = new Map<string, XPlace>();
  for (const p of arr(inc?.places)) {
    const x = placeOf(p);
    if (x) places.set(x.id, x);
  }
  return { users: usersById(includes), tweets, media, places };
}

/** The full text: note_tweet's when X sent one (a long post), else `text`; entities decoded. */
function fullText(t: RawTweet): { text?: string; long: boolean } {
  const note = obj(t.note_tweet) ?? obj(t.note_post);
  const noteText = typeof note?.text === 'string' ? note.text : undefined;
  if (noteText !== undefined && noteText.trim()) return { text: decodeXText(noteText), long: true };
  return { text: typeof t.text === 'string' ? decodeXText(t.text) : undefined, long: false };
}

function refsOf(t: RawTweet): Array<{ type?: unknown; id: string }> {
  return (arr(t.referenced_tweets ?? t.referenced_posts) as Array<{ type?: unknown; id?: unknown }>).filter(
    (r): r is { type?: unknown; id: string } => !!r && isId(r.id),
  );
}

function quotedOf(id: string, inc: Includes): XQuotedTweet {
  const q = inc.tweets.get(id);
  const out: XQuotedTweet = { id };
  if (!q) return out; // deleted or protected: X leaves it out of includes
  const { text } = fullText(q);
  if (text !== undefined) out.text = text;
  if (isId(q.author_id)) {
    out.authorId = q.author_id;
    const u = inc.users.get(q.author_id);
    if (u?.username) out.authorUsername = u.username;
  }
  return out;
}

export function normalizeTweet(raw: unknown, included: Includes | Users): XTweet | MalformedTweet {
  const inc: Includes =
    included instanceof Map
      ? { users: included, tweets: new Map(), media: new Map(), places: new Map() }
      : included;
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { reason: 'not an object', raw };
  const t = raw as RawTweet;
  const id = isId(t.id) ? t.id : undefined;
  if (!id) return { reason: 'missing or invalid id', raw };
  const { text, long } = fullText(t);
  if (text === undefined) return { id, reason: 'missing text', raw };
  if (!isId(t.author_id)) return { id, reason: 'missing author_id', raw };
  const refs = refsOf(t);
  const created = str(t.created_at) ? new Date(t.created_at as string) : undefined;
  const author = inc.users.get(t.author_id);
  const out: XTweet = {
    id,
    text,
    authorId: t.author_id,
    isRetweet: refs.some((r) => r.type === 'retweeted'),
    raw,
  };
  if (long) out.long = true;
  if (author?.username) out.authorUsername = author.username;
  if (author?.name) out.authorName = author.name;
  if (created && !Number.isNaN(created.getTime())) out.createdAt = created;
  if (isId(t.conversation_id)) out.conversationId = t.conversation_id;
  if (isId(t.in_reply_to_user_id)) out.inReplyToUserId = t.in_reply_to_user_id;
  const parent = refs.find((r) => r.type === 'replied_to');
  if (parent) out.inReplyToTweetId = parent.id;
  const quote = refs.find((r) => r.type === 'quoted');
  if (quote) out.quoted = quotedOf(quote.id, inc);
  if (str(t.lang)) out.lang = t.lang as string;
  const history = arr(t.edit_history_tweet_ids ?? t.edit_history_post_ids).filter(isId);
  if (history.length > 1 || (history.length === 1 && history[0] !== id)) out.editHistory = history;
  const keys = arr(obj(t.attachments)?.media_keys).filter((k): k is string => typeof k === 'string');
  const media = keys.map((k) => inc.media.get(k)).filter((m): m is XMedia => !!m);
  if (media.length) out.media = media.slice(0, 4);
  const geo = obj(t.geo);
  const placeId = str(geo?.place_id);
  const coords = obj(geo?.coordinates)?.coordinates;
  const point =
    Array.isArray(coords) && coords.length === 2 && coords.every((n) => typeof n === 'number')
      ? (coords as [number, number])
      : undefined;
  if (placeId || point) {
    const place: XPlace = { ...(placeId ? (inc.places.get(placeId) ?? { id: placeId }) : { id: '' }) };
    if (point) place.coordinates = point;
    out.place = place;
  }
  return out;
}

export function isMalformed(t: XTweet | MalformedTweet): t is MalformedTweet {
  return 'reason' in t;
}

/** Splits a response's `data` into good tweets and malformed items, order kept. */
export function normalizePage(
  data: unknown,
  includes: unknown,
): { tweets: XTweet[]; malformed: MalformedTweet[] } {
  const inc = readIncludes(includes);
  const tweets: XTweet[] = [];
  const malformed: MalformedTweet[] = [];
  for (const raw of Array.isArray(data) ? data : []) {
    const t = normalizeTweet(raw, inc);
    if (isMalformed(t)) malformed.push(t);
    else tweets.push(t);
  }
  return { tweets, malformed };
}
