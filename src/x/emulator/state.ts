// The emulator's state and the admin operations on it (inject, faults, limits, reset),
// shared by the in-process API and the /admin HTTP routes.
import twitter from 'twitter-text';
import { FaultQueue, type Fault } from './faults';
import { RateLimiter, type Endpoint, type LimitOverrides } from './rate-limits';
import { Store, type EmulatedMedia, type EmulatedTweet, type EmulatedUser, type Refusal } from './store';
import type { FieldNaming } from './render';
import { Authenticator, type AuthSetup } from './auth';

export interface InjectMention {
  text: string;
  /** Author's handle; the user is created on first use. */
  author: string;
  authorName?: string;
  /** Make it a reply in that tweet's thread. */
  inReplyToId?: string;
  /** A retweet of `retweetOfId`, or of a fresh mention by `originalAuthor` with this text. */
  isRetweet?: boolean;
  retweetOfId?: string;
  originalAuthor?: string;
  lang?: string;
  id?: string;
  createdAt?: Date;
  /** Its author limits replies: posting a reply to it gets X's 403. */
  repliesRestricted?: boolean;
  /** Replying to it gets a 403 with this wording (or problem). */
  replyRefusal?: string | Refusal;
  /** Quotes that post ("@agency look at this"). */
  quoteOfId?: string;
  /** Photos, videos, GIFs attached (links on pbs.twimg.com / video.twimg.com). */
  media?: Array<{ type?: EmulatedMedia['type']; altText?: string }>;
  /** A tagged place (created on first use by its full name). */
  place?: { fullName: string; country?: string; countryCode?: string; bbox?: number[] };
  coordinates?: [number, number];
  /** The author's account is protected. */
  authorProtected?: boolean;
  /** X sends this one without its `text` field, every time. */
  textless?: boolean;
}

/** Account-wide budget states X can be in (pay-per-use). */
export interface Budget {
  /** 429 UsageCapExceeded on every call (monthly cap reached). */
  monthlyCapExceeded?: boolean;
  /** 402 on every call (no credits left). */
  paymentRequired?: boolean;
  /** The app's 24-hour post cap; null removes it. */
  appDailyPostCap?: number | null;
}

export interface PostedTweet {
  id: string;
  text: string;
  inReplyToId?: string;
  createdAt: Date;
}

export interface LoggedRequest {
  at: Date;
  method: string;
  path: string;
  endpoint?: Endpoint;
  status: number | 'dropped';
}

export interface EmulatorSetup {
  naming?: FieldNaming;
  auth: AuthSetup;
  agency: EmulatedUser;
  limits?: LimitOverrides;
  postDailyCap?: number;
  onRequest?: (r: LoggedRequest) => void;
}

const LOG_SIZE = 2000;

export class EmulatorState {
  readonly store: Store;
  readonly limiter: RateLimiter;
  readonly faults = new FaultQueue();
  readonly log: LoggedRequest[] = [];
  budget: Budget = {};
  naming: FieldNaming;
  readonly auth: Authenticator;

  constructor(private readonly setup: EmulatorSetup) {
    this.store = new Store(setup.agency);
    this.limiter = new RateLimiter(setup.limits, setup.postDailyCap);
    this.naming = setup.naming ?? 'tweet';
    this.auth = new Authenticator(setup.auth);
  }

  setBudget(b: Budget): void {
    const { appDailyPostCap, ...rest } = b;
    this.budget = { ...this.budget, ...rest };
    if (appDailyPostCap !== undefined) this.limiter.setAppDailyCap(appDailyPostCap);
  }

  /** The author edits their post: a new id whose history lists the earlier versions first. */
  editTweet(id: string, text: string): EmulatedTweet {
    const prev = this.store.tweet(id);
    if (!prev) throw new Error(`unknown tweet ${id}`);
    if (typeof text !== 'string' || !text.trim()) throw new Error('text is required');
    const t = this.store.add({
      text: this.withHandle(text),
      authorId: prev.authorId,
      editOf: id,
      lang: undefined,
      mediaKeys: prev.mediaKeys,
      placeId: prev.placeId,
      coordinates: prev.coordinates,
    });
    return { ...t };
  }

  private mediaFor(m: NonNullable<InjectMention['media']>): string[] {
    return m.map((x) => {
      const key = `3_${this.store.ids.next()}`;
      const type = x.type ?? 'photo';
      const file = key.slice(2);
      this.store.media.set(key, {
        media_key: key,
        type,
        ...(type === 'photo'
          ? { url: `https://pbs.twimg.com/media/${file}.jpg` }
          : { preview_image_url: `https://pbs.twimg.com/ext_tw_video_thumb/${file}/pu/img/${file}.jpg` }),
        ...(x.altText ? { alt_text: x.altText } : {}),
        width: 1200,
        height: 900,
      });
      return key;
    });
  }

  private placeFor(p: NonNullable<InjectMention['place']>): string {
    for (const known of this.store.places.values()) if (known.full_name === p.fullName) return known.id;
    const id = BigInt(this.store.ids.next()).toString(16).slice(-16).padStart(16, '0');
    this.store.places.set(id, {
      id,
      full_name: p.fullName,
      name: p.fullName.split(',')[0]!.trim(),
      country: p.country ?? 'Saudi Arabia',
      country_code: p.countryCode ?? 'SA',
      place_type: 'city',
      geo: { type: 'Feature', bbox: p.bbox ?? [46.5, 24.5, 46.9, 24.9], properties: {} },
    });
    return id;
  }

  get agency(): EmulatedUser {
    return this.store.agency;
  }

  /**
   * A citizen's tweet that reaches the agency's mentions. X only lists tweets that @-mention
   * the account, so when the text lacks `@<agency>` we prepend it, as X clients do for replies.
   */
  injectMention(m: InjectMention): EmulatedTweet {
    if (typeof m.text !== 'string' || !m.text.trim()) throw new Error('text is required');
    if (typeof m.author !== 'string') throw new Error('author (a username) is required');
    const author = this.store.userByUsername(m.author, m.authorName);
    if (m.authorProtected !== undefined) author.protected = m.authorProtected;
    if (m.isRetweet) {
      let original = m.retweetOfId ? this.store.tweet(m.retweetOfId) : undefined;
      if (m.retweetOfId && !original) throw new Error(`cannot retweet unknown tweet ${m.retweetOfId}`);
      if (!original) {
        const op = this.store.userByUsername(m.originalAuthor ?? 'original_poster');
        original = this.store.add({
          text: this.withHandle(m.text),
          authorId: op.id,
          createdAt: m.createdAt,
          lang: m.lang,
        });
      }
      const rt = this.store.add({
        text: `RT @${original.authorUsername}: ${original.text}`,
        authorId: author.id,
        retweetOfId: original.id,
        createdAt: m.createdAt,
        lang: original.lang,
        id: m.id,
      });
      return { ...rt };
    }
    const t = this.store.add({
      text: this.withHandle(m.text),
      authorId: author.id,
      inReplyToId: m.inReplyToId,
      createdAt: m.createdAt,
      lang: m.lang,
      id: m.id,
      repliesRestricted: m.repliesRestricted,
      refusal: typeof m.replyRefusal === 'string' ? { detail: m.replyRefusal } : m.replyRefusal,
      quoteOfId: m.quoteOfId,
      mediaKeys: m.media?.length ? this.mediaFor(m.media) : undefined,
      placeId: m.place ? this.placeFor(m.place) : undefined,
      coordinates: m.coordinates,
      textless: m.textless,
    });
    return { ...t };
  }

  /** A tweet by the agency itself that mentions it (the bot must skip these). */
  injectOwnTweet(text: string, opts: { inReplyToId?: string; createdAt?: Date } = {}): EmulatedTweet {
    return this.injectMention({ text, author: this.agency.username, ...opts });
  }

  deleteTweet(id: string): void {
    const t = this.store.tweet(id);
    if (!t) throw new Error(`unknown tweet ${id}`);
    t.deleted = true;
  }

  posts(): PostedTweet[] {
    return this.store.posts().map((t) => ({
      id: t.id,
      text: t.text,
      ...(t.inReplyToTweetId ? { inReplyToId: t.inReplyToTweetId } : {}),
      createdAt: t.createdAt,
    }));
  }

  injectFault(f: Fault): void {
    this.faults.add(f);
  }

  setLimits(limits: LimitOverrides, postDailyCap?: number | null): void {
    this.limiter.setLimits(limits, postDailyCap);
  }

  /** Back to a fresh start: no tweets, faults or used quota; limits as started. */
  reset(): void {
    this.store.reset();
    this.faults.clear();
    this.limiter.reset(this.setup.limits, this.setup.postDailyCap);
    this.budget = {};
    this.auth.reset();
    this.log.length = 0;
  }

  record(entry: LoggedRequest): void {
    this.log.push(entry);
    this.setup.onRequest?.(entry);
    if (this.log.length > LOG_SIZE) this.log.splice(0, this.log.length - LOG_SIZE);
  }

  private withHandle(text: string): string {
    const handle = this.agency.username.toLowerCase();
    const mentioned = twitter.extractMentions(text).some((m) => m.toLowerCase() === handle);
    return mentioned ? text : `@${this.agency.username} ${text}`;
  }
}
