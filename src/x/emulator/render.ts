// Stored tweets and users → X API v2 JSON, honouring the field parameters and expansions
// the way X does: only `id`, `text` and edit_history_tweet_ids unless fields are asked for;
// long posts carry a cut `text` and the full one only in note_tweet, when asked; `& < >`
// are escaped in text as X escapes them. Field names follow X's docs (tweet.fields,
// note_tweet, …) or, in 'post' naming, the live OpenAPI 2.167 (post.fields, note_post, …).
import twitter from 'twitter-text';
import type { EmulatedTweet, EmulatedUser, Store } from './store';

export type FieldNaming = 'tweet' | 'post';

export interface Fields {
  tweet: Set<string>;
  user: Set<string>;
  expansions: Set<string>;
  media: Set<string>;
  place: Set<string>;
  naming: FieldNaming;
}

// The allowed values, from the official specs (2.159 for 'tweet', 2.167 for 'post').
export const FIELD_VALUES: Record<FieldNaming, Record<string, string[]>> = {
  tweet: {
    'tweet.fields': [
      'article',
      'attachments',
      'author_id',
      'card_uri',
      'community_id',
      'context_annotations',
      'conversation_id',
      'created_at',
      'display_text_range',
      'edit_controls',
      'edit_history_tweet_ids',
      'entities',
      'geo',
      'id',
      'in_reply_to_user_id',
      'lang',
      'media_metadata',
      'non_public_metrics',
      'note_tweet',
      'organic_metrics',
      'possibly_sensitive',
      'promoted_metrics',
      'public_metrics',
      'referenced_tweets',
      'reply_settings',
      'scopes',
      'source',
      'suggested_source_links',
      'suggested_source_links_with_counts',
      'text',
      'withheld',
    ],
    expansions: [
      'article.cover_media',
      'article.media_entities',
      'attachments.media_keys',
      'attachments.media_source_tweet',
      'attachments.poll_ids',
      'author_id',
      'edit_history_tweet_ids',
      'entities.mentions.username',
      'geo.place_id',
      'in_reply_to_user_id',
      'entities.note.mentions.username',
      'referenced_tweets.id',
      'referenced_tweets.id.attachments.media_keys',
      'referenced_tweets.id.author_id',
      // users/me takes these (UserExpansionsParameter)
      'pinned_tweet_id',
      'most_recent_tweet_id',
      'affiliation.user_id',
    ],
  },
  post: {
    'post.fields': [
      'article',
      'article_title',
      'attachments',
      'card_uri',
      'community_id',
      'context_annotations',
      'conversation_id',
      'created_at',
      'display_text_range',
      'edit_controls',
      'entities',
      'geo',
      'id',
      'lang',
      'matched_media_notes',
      'media_metadata',
      'non_public_metrics',
      'note_post',
      'note_request_suggestions',
      'organic_metrics',
      'paid_partnership',
      'possibly_sensitive',
      'promoted_metrics',
      'public_metrics',
      'reply_settings',
      'scopes',
      'source',
      'suggested_source_links',
      'suggested_source_links_with_counts',
      'text',
      'withheld',
    ],
    expansions: [
      'article.cover_media',
      'article.media_entities',
      'attachments.media_keys',
      'attachments.media_source_tweet',
      'attachments.poll_ids',
      'author_id',
      'edit_history_post_ids',
      'entities.mentions.username',
      'geo.place_id',
      'in_reply_to_user_id',
      'referenced_posts',
      'username',
      'pinned_tweet_id',
      'most_recent_tweet_id',
      'affiliation.user_id',
    ],
  },
};
const COMMON_VALUES: Record<string, string[]> = {
  'media.fields': [
    'alt_text',
    'duration_ms',
    'height',
    'media_key',
    'non_public_metrics',
    'organic_metrics',
    'preview_image_url',
    'promoted_metrics',
    'public_metrics',
    'type',
    'url',
    'variants',
    'width',
  ],
  'place.fields': [
    'contained_within',
    'country',
    'country_code',
    'full_name',
    'geo',
    'id',
    'name',
    'place_type',
  ],
  'user.fields': [
    'affiliation',
    'confirmed_email',
    'connection_status',
    'created_at',
    'description',
    'entities',
    'id',
    'is_identity_verified',
    'location',
    'most_recent_tweet_id',
    'name',
    'parody',
    'pinned_tweet_id',
    'profile_banner_url',
    'profile_image_url',
    'protected',
    'public_metrics',
    'receives_your_dm',
    'subscription',
    'subscription_type',
    'url',
    'username',
    'verified',
    'verified_followers_count',
    'verified_type',
    'withheld',
  ],
};

export const fieldParam = (naming: FieldNaming) => (naming === 'tweet' ? 'tweet.fields' : 'post.fields');

const csv = (v: string | null): string[] =>
  (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** The first parameter value X would refuse, with its message; undefined when all are known. */
export function badFieldValue(
  q: URLSearchParams,
  naming: FieldNaming,
): { param: string; value: string; message: string } | undefined {
  const allowed = { ...COMMON_VALUES, ...FIELD_VALUES[naming] };
  for (const [param, values] of Object.entries(allowed)) {
    const raw = q.get(param);
    if (raw === null) continue;
    const list = csv(raw);
    const bad = raw.trim() === '' ? '' : list.find((v) => !values.includes(v));
    if (bad !== undefined)
      return {
        param,
        value: bad,
        message: `The \`${param}\` query parameter value [${bad}] is not one of [${values.join(',')}]`,
      };
  }
  return undefined;
}

export function fieldsFrom(q: URLSearchParams, naming: FieldNaming = 'tweet'): Fields {
  return {
    tweet: new Set(csv(q.get(fieldParam(naming)))),
    user: new Set(csv(q.get('user.fields'))),
    expansions: new Set(csv(q.get('expansions'))),
    media: new Set(csv(q.get('media.fields'))),
    place: new Set(csv(q.get('place.fields'))),
    naming,
  };
}

type Json = Record<string, unknown>;

/** X escapes these three in text; nothing else. */
export const escapeXText = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

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

/** Longer than a classic post: X cuts `text` and keeps the whole in note_tweet. */
export const isLong = (text: string) => twitter.parseTweet(text).weightedLength > 280;
/** The cut X makes: about the first 270 characters, then an ellipsis. */
export function cutText(text: string): string {
  const chars = [...text];
  return chars.length <= 270 ? text : chars.slice(0, 270).join('') + '…';
}

export function renderTweet(t: EmulatedTweet, f: Fields): Json {
  const post = f.naming === 'post';
  const long = isLong(t.text);
  const out: Json = { id: t.id, text: escapeXText(long ? cutText(t.text) : t.text) };
  if (t.textless) delete out.text;
  out[post ? 'edit_history_post_ids' : 'edit_history_tweet_ids'] = [...t.editHistory];
  const want = f.tweet;
  // 2.167's post.fields has no author_id/referenced_posts values: sent with the expansions.
  if (want.has('author_id') || (post && f.expansions.has('author_id'))) out.author_id = t.authorId;
  if (want.has('created_at')) out.created_at = t.createdAt.toISOString();
  if (want.has('conversation_id')) out.conversation_id = t.conversationId;
  if ((want.has('in_reply_to_user_id') || post) && t.inReplyToUserId)
    out.in_reply_to_user_id = t.inReplyToUserId;
  const refs = want.has('referenced_tweets') || (post && f.expansions.has('referenced_posts'));
  if (refs && t.referencedTweets?.length)
    out[post ? 'referenced_posts' : 'referenced_tweets'] = t.referencedTweets;
  if (want.has('lang') && t.lang) out.lang = t.lang;
  if (want.has('possibly_sensitive')) out.possibly_sensitive = false;
  if (want.has('reply_settings')) out.reply_settings = t.repliesRestricted ? 'mentionedUsers' : 'everyone';
  if (want.has('entities')) {
    const e = entities(long ? cutText(t.text) : t.text);
    if (e) out.entities = e;
  }
  if (long && want.has(post ? 'note_post' : 'note_tweet')) {
    const note: Json = { text: escapeXText(t.text) };
    const e = entities(t.text);
    if (e) note.entities = e;
    out[post ? 'note_post' : 'note_tweet'] = note;
  }
  if (want.has('attachments') && t.mediaKeys?.length) out.attachments = { media_keys: [...t.mediaKeys] };
  if (want.has('geo') && (t.placeId || t.coordinates)) {
    const geo: Json = {};
    if (t.placeId) geo.place_id = t.placeId;
    if (t.coordinates) geo.coordinates = { type: 'Point', coordinates: t.coordinates };
    out.geo = geo;
  }
  return out;
}

export function renderUser(u: EmulatedUser, f: Fields): Json {
  const out: Json = { id: u.id, name: u.name, username: u.username };
  if (f.user.has('created_at')) out.created_at = u.createdAt.toISOString();
  if (f.user.has('protected')) out.protected = !!u.protected;
  if (f.user.has('verified')) out.verified = false;
  if (f.user.has('description')) out.description = '';
  return out;
}

function pick(o: Record<string, unknown>, keys: Set<string>, always: string[]): Json {
  const out: Json = {};
  for (const [k, v] of Object.entries(o))
    if (v !== undefined && (always.includes(k) || keys.has(k))) out[k] = v;
  return out;
}

/** `includes` (and `errors` for referenced posts one may not see); absent when empty, as on X. */
export function renderIncludes(
  store: Store,
  tweets: EmulatedTweet[],
  f: Fields,
): { includes?: Json; errors?: Json[] } {
  const post = f.naming === 'post';
  const refExpansion = post ? 'referenced_posts' : 'referenced_tweets.id';
  const userIds: string[] = [];
  const tweetIds: string[] = [];
  const mediaKeys: string[] = [];
  const placeIds: string[] = [];
  const add = (list: string[], id?: string) => id && !list.includes(id) && list.push(id);
  for (const t of tweets) {
    if (f.expansions.has('author_id')) add(userIds, t.authorId);
    if (f.expansions.has('in_reply_to_user_id')) add(userIds, t.inReplyToUserId);
    if (f.expansions.has(refExpansion)) for (const r of t.referencedTweets ?? []) add(tweetIds, r.id);
    if (f.expansions.has('attachments.media_keys')) for (const k of t.mediaKeys ?? []) add(mediaKeys, k);
    if (f.expansions.has('geo.place_id')) add(placeIds, t.placeId);
  }
  const errors: Json[] = [];
  const refs: EmulatedTweet[] = [];
  for (const id of tweetIds) {
    const r = store.visible(id);
    if (r) refs.push(r);
    else {
      const gone = !store.tweet(id) || store.tweet(id)!.deleted;
      errors.push(
        gone
          ? {
              value: id,
              detail: `Could not find tweet with referenced_tweets.id: [${id}].`,
              title: 'Not Found Error',
              resource_type: 'tweet',
              parameter: 'referenced_tweets.id',
              resource_id: id,
              type: 'https://api.twitter.com/2/problems/resource-not-found',
            }
          : {
              value: id,
              detail: `Sorry, you are not authorized to see the Tweet with referenced_tweets.id: [${id}].`,
              title: 'Authorization Error',
              resource_type: 'tweet',
              parameter: 'referenced_tweets.id',
              resource_id: id,
              section: 'includes',
              type: 'https://api.twitter.com/2/problems/not-authorized-for-resource',
            },
      );
    }
  }
  if (f.expansions.has('referenced_tweets.id.author_id') || post)
    for (const r of refs) add(userIds, r.authorId);
  const users = userIds.map((id) => store.user(id)).filter((u): u is EmulatedUser => !!u);
  const out: Json = {};
  if (users.length) out.users = users.map((u) => renderUser(u, f));
  if (refs.length) out[post ? 'posts' : 'tweets'] = refs.map((t) => renderTweet(t, f));
  const media = mediaKeys.map((k) => store.media.get(k)).filter((m) => !!m);
  if (media.length) out.media = media.map((m) => pick({ ...m }, f.media, ['media_key', 'type']));
  const places = placeIds.map((id) => store.places.get(id)).filter((p) => !!p);
  if (places.length) out.places = places.map((p) => pick({ ...p }, f.place, ['id', 'full_name']));
  return {
    ...(Object.keys(out).length ? { includes: out } : {}),
    ...(errors.length ? { errors } : {}),
  };
}
