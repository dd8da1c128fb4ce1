// X's tweet JSON (+ includes.users) → XTweet. Bad items are set aside, never thrown, so
// one broken tweet cannot cost the bot a whole page of citizens' complaints.
import type { MalformedTweet, XTweet } from './types';

interface RawUser {
  id?: unknown;
  username?: unknown;
  name?: unknown;
}

interface RawTweet {
  id?: unknown;
  text?: unknown;
  author_id?: unknown;
  created_at?: unknown;
  conversation_id?: unknown;
  in_reply_to_user_id?: unknown;
  referenced_tweets?: unknown;
  lang?: unknown;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const isId = (v: unknown): v is string => typeof v === 'string' && /^[0-9]{1,19}$/.test(v);

export function usersById(includes: unknown): Map<string, { username?: string; name?: string }> {
  const out = new Map<string, { username?: string; name?: string }>();
  const users = (includes as { users?: unknown } | undefined)?.users;
  if (!Array.isArray(users)) return out;
  for (const u of users as RawUser[]) {
    if (u && isId(u.id)) out.set(u.id, { username: str(u.username), name: str(u.name) });
  }
  return out;
}

export function normalizeTweet(
  raw: unknown,
  users: Map<string, { username?: string; name?: string }>,
): XTweet | MalformedTweet {
  if (!raw || typeof raw !== 'object') return { reason: 'not an object', raw };
  const t = raw as RawTweet;
  const id = isId(t.id) ? t.id : undefined;
  if (!id) return { reason: 'missing or invalid id', raw };
  if (typeof t.text !== 'string') return { id, reason: 'missing text', raw };
  if (!isId(t.author_id)) return { id, reason: 'missing author_id', raw };
  const refs = Array.isArray(t.referenced_tweets)
    ? (t.referenced_tweets as Array<{ type?: unknown; id?: unknown }>).filter((r) => r && isId(r.id))
    : [];
  const created = str(t.created_at) ? new Date(t.created_at as string) : undefined;
  const author = users.get(t.author_id);
  const out: XTweet = {
    id,
    text: t.text,
    authorId: t.author_id,
    isRetweet: refs.some((r) => r.type === 'retweeted'),
    raw,
  };
  if (author?.username) out.authorUsername = author.username;
  if (author?.name) out.authorName = author.name;
  if (created && !Number.isNaN(created.getTime())) out.createdAt = created;
  if (isId(t.conversation_id)) out.conversationId = t.conversation_id;
  if (isId(t.in_reply_to_user_id)) out.inReplyToUserId = t.in_reply_to_user_id;
  const parent = refs.find((r) => r.type === 'replied_to');
  if (parent) out.inReplyToTweetId = parent.id as string;
  if (str(t.lang)) out.lang = t.lang as string;
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
  const users = usersById(includes);
  const tweets: XTweet[] = [];
  const malformed: MalformedTweet[] = [];
  for (const raw of Array.isArray(data) ? data : []) {
    const t = normalizeTweet(raw, users);
    if (isMalformed(t)) malformed.push(t);
    else tweets.push(t);
  }
  return { tweets, malformed };
}
