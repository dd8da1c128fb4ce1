// The shapes the rest of Mujib sees: normalised tweets and users, never twitter-api-v2's
// or X's raw JSON (which stays available as `raw` for storage and debugging). Media, places
// and rate limits are the Channel port's own shapes (src/channel/types.ts).
import type { PostMedia, PostPlace, RateWindow } from '../channel/types';

export type XEndpoint = 'me' | 'mentions' | 'post' | 'timeline';

export interface XUser {
  id: string;
  username: string;
  name: string;
}

export interface XTweet {
  id: string;
  text: string;
  authorId: string;
  authorUsername?: string;
  authorName?: string;
  createdAt?: Date;
  conversationId?: string;
  inReplyToUserId?: string;
  inReplyToTweetId?: string;
  isRetweet: boolean;
  lang?: string;
  /** X cut `text` (a long post): `text` here is the full note_tweet text when X sent it. */
  long?: boolean;
  /** Versions of this post, oldest first (edit_history_tweet_ids); [0] is the original. */
  editHistory?: string[];
  /** The post this one quotes, when X expanded it (includes.tweets). */
  quoted?: XQuotedTweet;
  media?: XMedia[];
  place?: XPlace;
  raw: unknown;
}

export interface XQuotedTweet {
  id: string;
  text?: string;
  authorId?: string;
  authorUsername?: string;
}

/** A photo, video or GIF attached to a post: links only, nothing is downloaded. Photos: the
 *  image itself; videos/GIFs: preview_image_url. */
export type XMedia = PostMedia;

/** X's place; coordinates when the author shared an exact point (geo.coordinates). */
export type XPlace = PostPlace;

/** An item X sent that lacks what a tweet needs (id, text or author): kept, never thrown. */
export interface MalformedTweet {
  id?: string;
  reason: string;
  raw: unknown;
}

/** A window from X's x-rate-limit-* headers; `day` is x-user-limit-24hour-*, `appDay`
 *  x-app-limit-24hour-* (10,000 posts per app per day). */
export type RateLimit = RateWindow;

export type RateLimits = Partial<Record<XEndpoint, RateLimit>>;

export interface MentionsPageOptions {
  userId: string;
  sinceId?: string;
  untilId?: string;
  startTime?: Date;
  paginationToken?: string;
  /** 5-100 (X's bounds); default 100. */
  maxResults?: number;
}

export interface MentionsPage {
  /** Newest first, as X sends them. */
  tweets: XTweet[];
  malformed: MalformedTweet[];
  nextToken?: string;
  /** meta.newest_id: covers malformed items too, so a cursor may pass them. */
  newestId?: string;
  oldestId?: string;
  resultCount: number;
  rateLimit?: RateLimit;
}

export interface OwnTweetsOptions {
  userId: string;
  sinceId?: string;
  startTime?: Date;
  /** Upper bound on tweets returned across all pages (default 300). */
  maxResults?: number;
}

export type XAuth =
  | { kind: 'oauth1'; appKey: string; appSecret: string; accessToken: string; accessSecret: string }
  | { kind: 'oauth2'; token: string }
  /** OAuth 2.0 user context with refresh: the token comes from (and rotates in) a store. */
  | { kind: 'oauth2-refresh'; tokens: OAuth2TokenSource }
  | { kind: 'bearer-sandbox'; token: string };

export interface XClient {
  me(): Promise<XUser>;
  mentionsPage(opts: MentionsPageOptions): Promise<MentionsPage>;
  /** The account's own tweets, newest first, every page up to `maxResults`. */
  ownTweets(opts: OwnTweetsOptions): Promise<XTweet[]>;
  reply(text: string, inReplyToTweetId: string): Promise<{ id: string }>;
  /** Last limits seen per endpoint (a copy). */
  readonly rateLimits: RateLimits;
}

/** Where an OAuth 2.0 user token comes from; refresh() rotates it (and persists the new pair). */
export interface OAuth2TokenSource {
  /** A token valid for at least a minute more (refreshed first when close to expiry). */
  accessToken(): Promise<string>;
  /** Forces a refresh (X said 401 to the current token); resolves to the new token. */
  refresh(rejected: string): Promise<string>;
}
