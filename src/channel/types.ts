// The Channel port: everything the bot needs from a place citizens write to (X mentions today;
// X direct messages or WhatsApp next), in the domain's words. An adapter (src/x/channel.ts for
// X) is the only code that knows its client library and wire format; the bot sees posts named
// by PostRef, a cursor it stores without reading, failures as ChannelFailure, limits as
// RateWindow and the text rule as TextRule.
import type { ChannelName, PostRef } from './ids';
import type { TextRule } from './text-rule';

/** The agency's own account on the channel. */
export interface ChannelAccount {
  id: string;
  /** X: the @username (without @). */
  handle: string;
  name: string;
}

/** A photo, video or GIF on a post: links only, nothing is downloaded. */
export interface PostMedia {
  key: string;
  type: string;
  url?: string;
  altText?: string;
}

export interface PostPlace {
  id: string;
  fullName?: string;
  country?: string;
  countryCode?: string;
  /** GeoJSON bbox [west, south, east, north]. */
  bbox?: number[];
  coordinates?: [number, number];
}

/** A post addressed to the account (X: a mention), normalised by the adapter. */
export interface InboundPost {
  ref: PostRef;
  text: string;
  author: { id: string; handle?: string; name?: string };
  createdAt?: Date;
  /** The thread it belongs to (X: conversation_id), as the channel's own id. */
  threadId?: string;
  /** The post it answers (X: replied_to) and that post's author. */
  inReplyTo?: PostRef;
  inReplyToUserId?: string;
  /** Someone else's post passed on (X: a retweet): stored, never answered. */
  isRepost: boolean;
  lang?: string;
  /** The channel cut the post's short text; `text` is the full one. */
  long?: boolean;
  /** Versions of an edited post, oldest first; [0] is the original (channel ids). */
  editHistory?: string[];
  /** The post it quotes, when the channel sent it. */
  quoted?: { id: string; text?: string; authorId?: string; authorHandle?: string };
  media?: PostMedia[];
  place?: PostPlace;
  /** What the channel sent, kept for audits and re-processing. */
  raw: unknown;
}

/** An item the channel sent that lacks what a post needs: kept and reported, never thrown. */
export interface MalformedPost {
  id?: string;
  reason: string;
  raw: unknown;
}

/** One rate-limit window as the channel last reported it. */
export interface RateWindow {
  limit: number;
  remaining: number;
  reset: Date;
  /** A 24-hour cap on the account (X: x-user-limit-24hour-*). */
  day?: { limit: number; remaining: number; reset: Date };
  /** A 24-hour cap on the app (X: x-app-limit-24hour-*, 10,000 posts). */
  appDay?: { limit: number; remaining: number; reset: Date };
}

export interface ChannelLimits {
  /** Reading what was addressed to the account (X: the mentions timeline). */
  fetch?: RateWindow;
  /** Posting replies. */
  post?: RateWindow;
  /** Every window seen, by the channel's own endpoint names (metrics). */
  byEndpoint: Record<string, RateWindow>;
  /** Length of the posting window (X: 15 minutes); the storm rule holds to its last quarter. */
  postWindowMs: number;
}

export interface FetchOptions<C> {
  /** Where the last fetch ended; absent on the very first start. */
  cursor?: C;
  /** First start: nothing older than this (bounded look-back). */
  startTime?: Date;
  /** The `next` of the previous page of this fetch. */
  page?: string;
  pageSize?: number;
}

export interface InboundPage {
  /** In the channel's order (X: newest first); sort with Channel.compare. */
  posts: InboundPost[];
  malformed: MalformedPost[];
  /** Ask for the next page with this; absent on the last page. */
  next?: string;
  rateLimit?: RateWindow;
}

/** One of the account's own posts, as found when looking for a reply that may have gone out. */
export interface OwnPost {
  ref: PostRef;
  text: string;
  inReplyTo?: PostRef;
}

/**
 * Why a channel call failed, in the terms the poller and poster act on:
 * - rate-limit: wait until resetAt (a window, or a 24-hour cap on the account);
 * - budget: out of money or a monthly/app cap; wait (resetAt when known, else probe later);
 * - credentials: nothing will work until a person fixes the account or keys;
 * - duplicate: the channel already has this text from us (likely our own earlier attempt);
 * - refused: this post only cannot be answered (deleted, restricted, any other refusal);
 * - bad-request: our request is wrong (too long, bad parameter): retrying as is cannot help;
 * - transient: outage, timeout, dropped connection: retry later;
 * - unknown: not a channel error at all (treated as transient by the poster).
 */
export type ChannelFailure =
  | { kind: 'rate-limit'; message: string; resetAt: Date; scope: '15min' | '24h' }
  | { kind: 'budget'; message: string; why: 'monthly-cap' | 'app-24h' | 'payment'; resetAt?: Date }
  | { kind: 'credentials'; message: string }
  | { kind: 'duplicate'; message: string }
  | {
      kind: 'refused';
      message: string;
      reason: 'deleted' | 'restricted' | 'refused';
      /** False for a wording not seen before (worth one log line with `problem`). */
      knownWording: boolean;
      problem?: string;
    }
  | { kind: 'bad-request'; message: string }
  | { kind: 'transient'; message: string }
  | { kind: 'unknown'; message: string };

/**
 * A channel. `C` is its cursor (X: { sinceId }): the bot stores it as JSON and hands it back,
 * never reading inside it.
 *
 * Exactly-once posting, the contract between the poster and `reply`:
 * 1. Before calling `reply`, the caller has recorded the reply as planned under
 *    replyKey(kind, to) and claimed this attempt (a unique insert `post:<key>:<n>`), so no
 *    two processes ever send the same attempt.
 * 2. `reply` resolves with the new post's ref only once the channel confirmed it. Any throw
 *    may still have gone through (a timeout after the request left): before the next attempt
 *    the caller looks in `ownPosts` for a reply to the same post — the same text is proof,
 *    and an acknowledgement is always our first answer there.
 * 3. failure(e).kind 'duplicate' means the channel says it already has this text from us:
 *    look in `ownPosts` first; only if it is not there is the reply failed.
 * 4. `key` identifies the attempt (`<reply key>:<n>`); a channel with idempotency keys sends
 *    it, X ignores it (its duplicate-text refusal and the timeline play that part).
 */
export interface Channel<C = unknown> {
  /** Its name in post refs and storage keys ('x'). */
  readonly name: ChannelName;
  /** How the channel counts a post's length, and its limit. */
  readonly text: TextRule;

  /** Who the agency is on this channel. */
  whoAmI(): Promise<ChannelAccount>;

  /** One page of posts addressed to the account since the cursor. */
  fetchPage(o: FetchOptions<C>): Promise<InboundPage>;
  /** Orders two post ids of this channel, oldest first. */
  compare(a: string, b: string): number;
  /** Whether the channel could ever have sent this id (a malformed item's id may be junk). */
  isPostId(id: string): boolean;
  /** The cursor past this post: the next fetch starts after it. */
  cursorAfter(id: string): C;
  /** The cursor just short of this post: the next fetch returns it again. */
  cursorBefore(id: string): C;
  /** Orders two cursors (< 0 when `a` is behind `b`): a cursor only ever moves forward. */
  compareCursors(a: C, b: C): number;

  /** Posts `text` as a reply to `to` (see the exactly-once contract above). */
  reply(o: { text: string; to: PostRef; key?: string }): Promise<PostRef>;
  /** The account's own posts since `since`, newest first, at most `max` (all pages). */
  ownPosts(o: { since: Date; max: number }): Promise<OwnPost[]>;

  /** Where staff can open a post on the channel (the console links to it), if anywhere. */
  link(id: string, authorHandle?: string): string | undefined;

  /** The limits the channel last reported (copies). */
  limits(): ChannelLimits;
  /** What a thrown error means for the caller. */
  failure(e: unknown): ChannelFailure;
}
