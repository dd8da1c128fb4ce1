// The shapes the rest of Mujib sees: normalised tweets and users, never twitter-api-v2's
// or X's raw JSON (which stays available as `raw` for storage and debugging).

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
  raw: unknown;
}

/** An item X sent that lacks what a tweet needs (id, text or author): kept, never thrown. */
export interface MalformedTweet {
  id?: string;
  reason: string;
  raw: unknown;
}

export interface RateLimit {
  limit: number;
  remaining: number;
  reset: Date;
  /** X's 24-hour user cap (x-user-limit-24hour-*), on posting when the tier has one. */
  day?: { limit: number; remaining: number; reset: Date };
}

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
