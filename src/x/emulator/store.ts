// In-memory users and tweets of the emulated X. One array of tweets in id order holds
// everything: injected mentions, the agency's own tweets and what the bot posts.
import twitter from 'twitter-text';
import { SnowflakeIds, compareIds } from './ids';

export interface EmulatedUser {
  id: string;
  username: string;
  name: string;
  createdAt: Date;
  /** Protected ("locked") account: its posts reach nobody who does not follow it. */
  protected?: boolean;
}

export interface EmulatedMedia {
  media_key: string;
  type: 'photo' | 'video' | 'animated_gif';
  url?: string;
  preview_image_url?: string;
  alt_text?: string;
  width?: number;
  height?: number;
}

export interface EmulatedPlace {
  id: string;
  full_name: string;
  name?: string;
  country?: string;
  country_code?: string;
  place_type?: string;
  geo?: { type: 'Feature'; bbox: number[]; properties: Record<string, never> };
}

/** A 403 X gives for replying to this one post (any wording). */
export interface Refusal {
  detail: string;
  title?: string;
  type?: string;
}

export interface ReferencedTweet {
  type: 'retweeted' | 'quoted' | 'replied_to';
  id: string;
}

export interface EmulatedTweet {
  id: string;
  text: string;
  authorId: string;
  authorUsername: string;
  createdAt: Date;
  conversationId: string;
  inReplyToUserId?: string;
  inReplyToTweetId?: string;
  referencedTweets?: ReferencedTweet[];
  lang?: string;
  /** Replying to it gets X's "not mentioned or otherwise engaged" 403. */
  repliesRestricted?: boolean;
  /** Replying to it gets this 403 (another wording). */
  refusal?: Refusal;
  /** Versions, oldest first, this one last (X's edit_history_tweet_ids). */
  editHistory: string[];
  /** A newer version exists: timelines show that one instead. */
  editedInto?: string;
  mediaKeys?: string[];
  placeId?: string;
  coordinates?: [number, number];
  /** X sends it without `text` (seen under load): clients must not choke. */
  textless?: boolean;
  deleted?: boolean;
  /** Created through POST /2/tweets (what posts() lists). */
  posted?: boolean;
}

export interface NewTweet {
  text: string;
  authorId: string;
  createdAt?: Date;
  inReplyToId?: string;
  retweetOfId?: string;
  lang?: string;
  id?: string;
  repliesRestricted?: boolean;
  refusal?: Refusal;
  quoteOfId?: string;
  editOf?: string;
  mediaKeys?: string[];
  placeId?: string;
  coordinates?: [number, number];
  textless?: boolean;
  posted?: boolean;
}

/** X's detector is statistical; the script is what matters for Arabic-first tests. */
export function guessLang(text: string): string {
  const body = text.replace(/(^|\s)[@#]\w+/g, ' ').replace(/https?:\/\/\S+/g, ' ');
  if (/[\u0600-\u06FF]/.test(body)) return 'ar';
  return /[A-Za-z]/.test(body) ? 'en' : 'und';
}

export class Store {
  readonly ids = new SnowflakeIds();
  private users = new Map<string, EmulatedUser>();
  private byUsername = new Map<string, EmulatedUser>();
  private tweets: EmulatedTweet[] = [];
  private byId = new Map<string, EmulatedTweet>();
  private nextUserId = 1_000_000_001n;
  readonly media = new Map<string, EmulatedMedia>();
  readonly places = new Map<string, EmulatedPlace>();

  constructor(readonly agency: EmulatedUser) {
    this.addUser(agency);
  }

  reset(): void {
    this.users.clear();
    this.byUsername.clear();
    this.tweets = [];
    this.byId.clear();
    this.ids.reset();
    this.media.clear();
    this.places.clear();
    this.nextUserId = 1_000_000_001n;
    this.addUser(this.agency);
  }

  private addUser(u: EmulatedUser): void {
    this.users.set(u.id, u);
    this.byUsername.set(u.username.toLowerCase(), u);
  }

  user(id: string): EmulatedUser | undefined {
    return this.users.get(id);
  }

  /** The user with this handle, created on first use (citizens need no sign-up here). */
  userByUsername(username: string, name?: string): EmulatedUser {
    const handle = username.replace(/^@/, '');
    if (!/^[A-Za-z0-9_]{1,15}$/.test(handle))
      throw new Error(`invalid username "${username}" (1-15 of A-Z a-z 0-9 _)`);
    const known = this.byUsername.get(handle.toLowerCase());
    if (known) {
      if (name) known.name = name;
      return known;
    }
    const u: EmulatedUser = {
      id: String(this.nextUserId++),
      username: handle,
      name: name ?? handle,
      createdAt: new Date(),
    };
    this.addUser(u);
    return u;
  }

  tweet(id: string): EmulatedTweet | undefined {
    return this.byId.get(id);
  }

  /** What a reader outside the author's followers may see: not deleted, author not protected. */
  visible(id: string): EmulatedTweet | undefined {
    const t = this.byId.get(id);
    if (!t || t.deleted || this.users.get(t.authorId)?.protected) return undefined;
    return t;
  }

  add(input: NewTweet): EmulatedTweet {
    const author = this.users.get(input.authorId);
    if (!author) throw new Error(`unknown author id ${input.authorId}`);
    const id = input.id ?? this.ids.next();
    if (!/^[0-9]{1,19}$/.test(id)) throw new Error(`tweet id must be 1-19 digits (got "${id}")`);
    if (this.byId.has(id)) throw new Error(`tweet ${id} already exists`);
    const t: EmulatedTweet = {
      id,
      text: input.text,
      authorId: author.id,
      authorUsername: author.username,
      createdAt: input.createdAt ?? new Date(),
      conversationId: id,
      lang: input.lang ?? guessLang(input.text),
      editHistory: [id],
    };
    if (input.repliesRestricted) t.repliesRestricted = true;
    if (input.refusal) t.refusal = input.refusal;
    if (input.mediaKeys?.length) {
      for (const k of input.mediaKeys) if (!this.media.has(k)) throw new Error(`unknown media key ${k}`);
      t.mediaKeys = [...input.mediaKeys];
    }
    if (input.placeId) {
      if (!this.places.has(input.placeId)) throw new Error(`unknown place ${input.placeId}`);
      t.placeId = input.placeId;
    }
    if (input.coordinates) t.coordinates = input.coordinates;
    if (input.textless) t.textless = true;
    if (input.posted) t.posted = true;
    if (input.inReplyToId) {
      const parent = this.byId.get(input.inReplyToId);
      if (!parent) throw new Error(`cannot reply to unknown tweet ${input.inReplyToId}`);
      t.inReplyToTweetId = parent.id;
      t.inReplyToUserId = parent.authorId;
      t.conversationId = parent.conversationId;
      t.referencedTweets = [{ type: 'replied_to', id: parent.id }];
    } else if (input.retweetOfId) {
      const original = this.byId.get(input.retweetOfId);
      if (!original) throw new Error(`cannot retweet unknown tweet ${input.retweetOfId}`);
      t.referencedTweets = [{ type: 'retweeted', id: original.id }];
    }
    if (input.quoteOfId) {
      const quoted = this.byId.get(input.quoteOfId);
      if (!quoted) throw new Error(`cannot quote unknown tweet ${input.quoteOfId}`);
      t.referencedTweets = [...(t.referencedTweets ?? []), { type: 'quoted', id: quoted.id }];
    }
    if (input.editOf) {
      // An edit keeps the thread and the quote of the version it replaces (X's rule).
      const prev = this.byId.get(input.editOf);
      if (!prev) throw new Error(`cannot edit unknown tweet ${input.editOf}`);
      if (prev.editedInto)
        throw new Error(`tweet ${input.editOf} was already edited into ${prev.editedInto}`);
      if (prev.authorId !== author.id) throw new Error('only the author can edit a post');
      t.editHistory = [...prev.editHistory, id];
      t.conversationId = prev.conversationId;
      if (prev.inReplyToTweetId) {
        t.inReplyToTweetId = prev.inReplyToTweetId;
        t.inReplyToUserId = prev.inReplyToUserId;
      }
      if (prev.referencedTweets) t.referencedTweets = [...prev.referencedTweets];
      prev.editedInto = id;
    }
    this.tweets.push(t);
    // Explicit ids (tests replaying fixtures) may arrive out of order; keep id order.
    if (input.id) this.tweets.sort((a, b) => compareIds(a.id, b.id));
    this.byId.set(id, t);
    return t;
  }

  /** Tweets that @-mention the user, newest first (X's mentions timeline). */
  mentionsOf(userId: string): EmulatedTweet[] {
    const u = this.users.get(userId);
    if (!u) return [];
    const handle = u.username.toLowerCase();
    const out: EmulatedTweet[] = [];
    for (let i = this.tweets.length - 1; i >= 0; i--) {
      const t = this.tweets[i]!;
      if (t.deleted || t.editedInto || this.users.get(t.authorId)?.protected) continue;
      if (twitter.extractMentions(t.text).some((m) => m.toLowerCase() === handle)) out.push(t);
    }
    return out;
  }

  /** The user's own tweets, newest first (X's user tweet timeline). */
  tweetsBy(userId: string): EmulatedTweet[] {
    const out: EmulatedTweet[] = [];
    for (let i = this.tweets.length - 1; i >= 0; i--) {
      const t = this.tweets[i]!;
      if (!t.deleted && !t.editedInto && t.authorId === userId) out.push(t);
    }
    return out;
  }

  posts(): EmulatedTweet[] {
    return this.tweets.filter((t) => t.posted);
  }
}
