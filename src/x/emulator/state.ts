// The emulator's state and the admin operations on it (inject, faults, limits, reset),
// shared by the in-process API and the /admin HTTP routes.
import twitter from 'twitter-text';
import { FaultQueue, type Fault } from './faults';
import { RateLimiter, type Endpoint, type LimitOverrides } from './rate-limits';
import { Store, type EmulatedTweet, type EmulatedUser } from './store';

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

  constructor(private readonly setup: EmulatorSetup) {
    this.store = new Store(setup.agency);
    this.limiter = new RateLimiter(setup.limits, setup.postDailyCap);
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
