// A local X API v2 (the three operations Mujib calls, plus the agency's own timeline) for
// tests, the demo and chaos runs. Start it with startEmulator(); drive it in-process or over
// /admin/* from another process (see admin-client.ts).
import type { Fault } from './faults';
import type { LimitOverrides } from './rate-limits';
import { listen } from './server';
import { EmulatorState, type InjectMention, type LoggedRequest, type PostedTweet } from './state';
import type { EmulatedTweet } from './store';
import type { OAuth1Credentials, OAuth2Setup } from './auth';
import type { FieldNaming } from './render';
import type { Budget } from './state';

export type { Fault, FaultKind, FaultRoute } from './faults';
export type { Endpoint, Limit, LimitOverrides } from './rate-limits';
export { DEFAULT_LIMITS } from './rate-limits';
export type { InjectMention, LoggedRequest, PostedTweet } from './state';
export type { EmulatedTweet, EmulatedUser } from './store';
export type { OAuth1Credentials, OAuth2Setup } from './auth';
export type { Budget } from './state';
export type { FieldNaming } from './render';
export { MENTIONS_REACH, TIMELINE_REACH } from './routes';
export { connectEmulator, type RemoteEmulator, type EmulatorStatus } from './admin-client';

/** The token `mujib sandbox` and the bot's sandbox mode share unless told otherwise. */
export const SANDBOX_TOKEN = 'mujib-sandbox-token';
export const SANDBOX_AGENCY = {
  id: '1580000000000000001',
  username: 'Amana_Sandbox',
  name: 'أمانة المدينة (تجريبي)',
};

export interface EmulatorOptions {
  port?: number;
  host?: '127.0.0.1';
  agency?: { id?: string; username?: string; name?: string };
  limits?: LimitOverrides;
  postDailyCap?: number;
  token?: string;
  /** OAuth 1.0a app + user the emulator verifies signatures against (HMAC-SHA1, timestamps). */
  oauth1?: OAuth1Credentials;
  /** An OAuth 2.0 app: tokens it issues expire and are refreshed at POST /2/oauth2/token. */
  oauth2?: OAuth2Setup;
  /** An app-only bearer token (refused on /2/users/me and POST /2/tweets, as on X). */
  appBearer?: string;
  /** 'tweet' (X's docs: tweet.fields, note_tweet…) or 'post' (OpenAPI 2.167: post.fields…). */
  naming?: FieldNaming;
  /** Called for every request answered or dropped (the sandbox prints them). */
  onRequest?: (r: LoggedRequest) => void;
}

export interface Emulator {
  url: string;
  token: string;
  agency: { id: string; username: string; name: string };
  /** The OAuth 1.0a credentials it verifies, if any (the bot signs with them in tests). */
  oauth1?: OAuth1Credentials;
  stop(): Promise<void>;
  /** The author edits a post: a new post id, the old one drops out of timelines. */
  editTweet(id: string, text: string): EmulatedTweet;
  /** Monthly cap, 402, app 24-hour post cap. */
  setBudget(b: Budget): void;
  /** Every OAuth 2.0 access token issued so far expires now. */
  expireAccessTokens(): void;
  injectMention(m: InjectMention): EmulatedTweet;
  injectOwnTweet(text: string, opts?: { inReplyToId?: string; createdAt?: Date }): EmulatedTweet;
  deleteTweet(id: string): void;
  posts(): PostedTweet[];
  injectFault(f: Fault): void;
  clearFaults(): void;
  setLimits(limits: LimitOverrides, postDailyCap?: number | null): void;
  reset(): void;
  /** Every request answered (or dropped), oldest first; the last 2000. */
  requests(): LoggedRequest[];
}

export async function startEmulator(opts: EmulatorOptions = {}): Promise<Emulator> {
  const agency = {
    id: opts.agency?.id ?? SANDBOX_AGENCY.id,
    username: opts.agency?.username ?? SANDBOX_AGENCY.username,
    name: opts.agency?.name ?? SANDBOX_AGENCY.name,
  };
  if (!/^[0-9]{1,19}$/.test(agency.id)) throw new Error('agency id must be 1-19 digits');
  if (!/^[A-Za-z0-9_]{1,15}$/.test(agency.username))
    throw new Error('agency username must be 1-15 of A-Z a-z 0-9 _');
  const token = opts.token ?? SANDBOX_TOKEN;
  const state = new EmulatorState({
    agency: { ...agency, createdAt: new Date('2012-04-01T08:00:00Z') },
    limits: opts.limits,
    postDailyCap: opts.postDailyCap,
    onRequest: opts.onRequest,
    naming: opts.naming,
    auth: { token, oauth1: opts.oauth1, oauth2: opts.oauth2, appBearer: opts.appBearer },
  });
  const host = opts.host ?? '127.0.0.1';
  const http = await listen(state, token, host, opts.port ?? 0);
  return {
    url: `http://${host}:${http.port}`,
    token,
    agency,
    ...(opts.oauth1 ? { oauth1: { ...opts.oauth1 } } : {}),
    stop: http.close,
    editTweet: (id, text) => state.editTweet(id, text),
    setBudget: (b) => state.setBudget(b),
    expireAccessTokens: () => state.auth.expireAccessTokens(),
    injectMention: (m) => state.injectMention(m),
    injectOwnTweet: (text, o) => state.injectOwnTweet(text, o),
    deleteTweet: (id) => state.deleteTweet(id),
    posts: () => state.posts(),
    injectFault: (f) => state.injectFault(f),
    clearFaults: () => state.faults.clear(),
    setLimits: (l, cap) => state.setLimits(l, cap),
    reset: () => state.reset(),
    requests: () => state.log.map((r) => ({ ...r })),
  };
}
