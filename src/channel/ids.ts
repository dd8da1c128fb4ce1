// Posts are named by their channel and the channel's own id: a tweet is { channel: 'x',
// id: '1860…' }, a WhatsApp message would be { channel: 'whatsapp', id: 'wamid.…' }.
//
// THE storage rule (the only place it is written): a post's key in the database is
// `storageKey(ref)` — the bare id for X, `<channel>:<id>` for every other channel. X keys
// therefore stay exactly as they have always been stored (mentions' _id, replies'
// inReplyToTweetId / postedTweetId, tickets' mentionId and follow-ups, `ack:<tweet id>`,
// `post:ack:<tweet id>:<n>` …), so existing databases keep working without a rewrite, and a
// second channel's keys can never collide with them: X ids are digits only, every other key
// starts with letters and a colon. keyOn applies the same rule to the other ids a channel
// names (threads, accounts). Keys built from stored keys (`ack:${mention._id}`) are therefore
// right for every channel as they are; only an id fresh from a channel goes through here.

/** A channel's name: lower-case letters, digits and '-', starting with a letter ('x', 'x-dm', 'whatsapp'). */
export type ChannelName = string;

/** A post (mention, message, reply) on a channel. */
export interface PostRef {
  channel: ChannelName;
  /** The channel's own id of the post (X: the tweet id). */
  id: string;
}

/** The channel whose keys are stored bare: the one Mujib's data began with. */
export const BARE_CHANNEL: ChannelName = 'x';

const NAME = /^[a-z][a-z0-9-]{0,31}$/;
const X_ID = /^[0-9]{1,19}$/;

export class PostRefError extends Error {
  override name = 'PostRefError';
}

export function isChannelName(s: string): boolean {
  return NAME.test(s);
}

export function postRef(channel: ChannelName, id: string): PostRef {
  if (!NAME.test(channel))
    throw new PostRefError(`'${channel}' is not a channel name (lower-case letters, digits and '-')`);
  if (!id) throw new PostRefError(`a post on ${channel} needs an id`);
  if (channel === BARE_CHANNEL && !X_ID.test(id))
    throw new PostRefError(`'${id}' is not an X post id (1-19 digits)`);
  return { channel, id };
}

/** The key a post is stored under: bare for X (as always), `<channel>:<id>` otherwise. */
export function storageKey(ref: PostRef): string {
  return keyOn(ref.channel, ref.id);
}

/**
 * The same rule for any other id a channel names: a thread (X: conversation_id), an account
 * (X: the author's user id, `author-tickets:<X id>`). X's stay bare; another channel's phone
 * number or thread id never meets an X id of the same digits.
 */
export function keyOn(channel: ChannelName, id: string): string {
  return channel === BARE_CHANNEL ? id : `${channel}:${id}`;
}

/** The post a stored key names (the inverse of storageKey). */
export function refFromStorageKey(key: string): PostRef {
  if (X_ID.test(key)) return { channel: BARE_CHANNEL, id: key };
  const colon = key.indexOf(':');
  const channel = colon > 0 ? key.slice(0, colon) : '';
  const id = key.slice(colon + 1);
  if (!NAME.test(channel) || channel === BARE_CHANNEL || !id)
    throw new PostRefError(`'${key}' is not a stored post key (X id, or <channel>:<id>)`);
  return { channel, id };
}

/** Always qualified, for logs and messages: `x:1860…`, `whatsapp:wamid.…`. */
export function formatRef(ref: PostRef): string {
  return `${ref.channel}:${ref.id}`;
}

/** The inverse of formatRef. */
export function parseRef(s: string): PostRef {
  const colon = s.indexOf(':');
  if (colon <= 0) throw new PostRefError(`'${s}' is not a post reference (<channel>:<id>)`);
  return postRef(s.slice(0, colon), s.slice(colon + 1));
}

export function sameRef(a: PostRef, b: PostRef): boolean {
  return a.channel === b.channel && a.id === b.id;
}

/** An outbox key: one reply of a kind per post, ever (`ack:<tweet id>` for X, as stored today). */
export function replyKey(kind: string, to: PostRef): string {
  return `${kind}:${storageKey(to)}`;
}
