// A local X API v2 (the three operations Mujib calls, plus the agency's own timeline) for
// tests, the demo and chaos runs. Start it with startEmulator(); drive it in-process or over
// /admin/* from another process (see admin-client.ts).
import type { Fault } from './faults';
import type { LimitOverrides } from './rate-limits';
import { listen } from './server';
import { EmulatorState, type InjectMention, type LoggedRequest, type PostedTweet } from './state';
import type { EmulatedTweet } from './store';

export type { Fault, FaultKind, FaultRoute } from './faults';
export type { Endpoint, Limit, LimitOverrides } from './rate-limits';
export { DEFAULT_LIMITS } from './rate-limits';
export type { InjectMention, LoggedRequest, PostedTweet } from './state';
export type { EmulatedTweet, EmulatedUser } from './store';
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
  /** Called for every request answered or dropped (the sandbox prints them). */
  onRequest?: (r: LoggedRequest) => void;
}

export interface Emulator {
  url: string;
  token: string;
  agency: { id: string; username: string; name: string };
  stop(): Promise<void>;
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
  });
  const host = opts.host ?? '127.0.0.1';
  const http = await listen(state, token, host, opts.port ?? 0);
  return {
    url: `http://${host}:${http.port}`,
    token,
    agency,
    stop: http.close,
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
