// Stored tweets and users → X API v2 JSON, honouring tweet.fields, user.fields and expansions
// the way X does: only `id`, `text` (and edit_history_tweet_ids) unless fields are asked for.
import twitter from 'twitter-text';
import type { EmulatedTweet, EmulatedUser, Store } from './store';

export interface Fields {
  tweet: Set<string>;
  user: Set<string>;
  expansions: Set<string>;
}

const csv = (v: string | null): Set<string> =>
  new Set(
    (v ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );

export function fieldsFrom(q: URLSearchParams): Fields {
  return {
    tweet: csv(q.get('tweet.fields')),
    user: csv(q.get('user.fields')),
    expansions: csv(q.get('expansions')),
  };
}

type Json = Record<string, unknown>;

/** X counts entity offsets in code points, twitter-text in UTF-16 units. */
function entities(text: string): Json | undefined {
  const mentions = twitter.extractMentionsWithIndices(text);
  const hashtags = twitter.extractHashtagsWithIndices(text);
  twitter.modifyIndicesFromUTF16ToUnicode(text, mentions);
  twitter.modifyIndicesFromUTF16ToUnicode(text, hashtags);
  const out: Json = {};
  if (mentions.length)
    out.mentions = mentions.map((m) => ({ start: m.indices[0], end: m.indices[1], username: m.screenName }));
  if (hashtags.length)
    out.hashtags = hashtags.map((h) => ({ start: h.indices[0], end: h.indices[1], tag: h.hashtag }));
  return Object.keys(out).length ? out : undefined;
}

export function renderTweet(t: EmulatedTweet, f: Fields): Json {
  const out: Json = { id: t.id, text: t.text, edit_history_tweet_ids: [t.id] };
  const want = f.tweet;
  if (want.has('author_id')) out.author_id = t.authorId;
  if (want.has('created_at')) out.created_at = t.createdAt.toISOString();
  if (want.has('conversation_id')) out.conversation_id = t.conversationId;
  if (want.has('in_reply_to_user_id') && t.inReplyToUserId) out.in_reply_to_user_id = t.inReplyToUserId;
  if (want.has('referenced_tweets') && t.referencedTweets?.length) out.referenced_tweets = t.referencedTweets;
  if (want.has('lang') && t.lang) out.lang = t.lang;
  if (want.has('possibly_sensitive')) out.possibly_sensitive = false;
  if (want.has('reply_settings')) out.reply_settings = t.repliesRestricted ? 'mentionedUsers' : 'everyone';
  if (want.has('entities')) {
    const e = entities(t.text);
    if (e) out.entities = e;
  }
  return out;
}

export function renderUser(u: EmulatedUser, f: Fields): Json {
  const out: Json = { id: u.id, name: u.name, username: u.username };
  if (f.user.has('created_at')) out.created_at = u.createdAt.toISOString();
  if (f.user.has('protected')) out.protected = false;
  if (f.user.has('verified')) out.verified = false;
  if (f.user.has('description')) out.description = '';
  return out;
}

/** `includes` for a page of tweets; absent when nothing was expanded (as on X). */
export function renderIncludes(store: Store, tweets: EmulatedTweet[], f: Fields): Json | undefined {
  const userIds: string[] = [];
  const tweetIds: string[] = [];
  const addUser = (id?: string) => id && !userIds.includes(id) && userIds.push(id);
  for (const t of tweets) {
    if (f.expansions.has('author_id')) addUser(t.authorId);
    if (f.expansions.has('in_reply_to_user_id')) addUser(t.inReplyToUserId);
    if (f.expansions.has('referenced_tweets.id'))
      for (const r of t.referencedTweets ?? []) if (!tweetIds.includes(r.id)) tweetIds.push(r.id);
  }
  const refs = tweetIds.map((id) => store.tweet(id)).filter((t): t is EmulatedTweet => !!t && !t.deleted);
  if (f.expansions.has('referenced_tweets.id.author_id')) for (const r of refs) addUser(r.authorId);
  const users = userIds.map((id) => store.user(id)).filter((u): u is EmulatedUser => !!u);
  const out: Json = {};
  if (users.length) out.users = users.map((u) => renderUser(u, f));
  if (refs.length) out.tweets = refs.map((t) => renderTweet(t, f));
  return Object.keys(out).length ? out : undefined;
}
