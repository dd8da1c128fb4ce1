// Drives a running emulator from another process through its /admin HTTP routes: the
// chaos harness and `mujib sandbox inject` use this; tests in-process use the Emulator.
import type { Fault } from './faults';
import type { Limits, LimitOverrides } from './rate-limits';
import type { InjectMention, LoggedRequest, PostedTweet } from './state';
import type { EmulatedTweet, EmulatedUser } from './store';

export interface EmulatorStatus {
  agency: EmulatedUser;
  limits: Limits;
  postDailyCap: number | null;
  faults: Array<Required<Fault>>;
  mentions: number;
  posts: number;
}

export interface RemoteEmulator {
  state(): Promise<EmulatorStatus>;
  injectMention(m: InjectMention): Promise<EmulatedTweet>;
  injectOwnTweet(text: string, opts?: { inReplyToId?: string; createdAt?: Date }): Promise<EmulatedTweet>;
  deleteTweet(id: string): Promise<void>;
  posts(): Promise<PostedTweet[]>;
  requests(): Promise<LoggedRequest[]>;
  injectFault(f: Fault): Promise<void>;
  clearFaults(): Promise<void>;
  setLimits(limits: LimitOverrides, postDailyCap?: number | null): Promise<void>;
  reset(): Promise<void>;
}

const withDates = <T extends { createdAt?: unknown; at?: unknown }>(o: T): T => ({
  ...o,
  ...(typeof o.createdAt === 'string' ? { createdAt: new Date(o.createdAt) } : {}),
  ...(typeof o.at === 'string' ? { at: new Date(o.at) } : {}),
});

export function connectEmulator(url: string, token: string): RemoteEmulator {
  const base = url.replace(/\/+$/, '');
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    let res: Response;
    try {
      res = await fetch(`${base}/admin/${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (e) {
      const cause = (e as { cause?: { code?: string } }).cause?.code ?? (e as Error).message;
      throw new Error(`no X emulator answering at ${base} (${cause}); start one with "mujib sandbox"`, {
        cause: e,
      });
    }
    const json = (await res.json().catch(() => ({}))) as { data?: T; error?: string; title?: string };
    if (res.status === 401) throw new Error(`the emulator at ${base} refused the token`);
    if (!res.ok)
      throw new Error(`emulator ${method} /admin/${path}: ${json.error ?? json.title ?? res.status}`);
    return (json.data ?? json) as T;
  }
  return {
    state: () => call('GET', 'state'),
    injectMention: async (m) => withDates(await call<EmulatedTweet>('POST', 'mentions', m)),
    injectOwnTweet: async (text, o = {}) =>
      withDates(await call<EmulatedTweet>('POST', 'own-tweets', { text, ...o })),
    deleteTweet: async (id) => void (await call('POST', 'delete-tweet', { id })),
    posts: async () => (await call<PostedTweet[]>('GET', 'posts')).map(withDates),
    requests: async () => (await call<LoggedRequest[]>('GET', 'requests')).map(withDates),
    injectFault: async (f) => void (await call('POST', 'faults', f)),
    clearFaults: async () => void (await call('DELETE', 'faults')),
    setLimits: async (limits, postDailyCap) => void (await call('POST', 'limits', { limits, postDailyCap })),
    reset: async () => void (await call('POST', 'reset')),
  };
}
