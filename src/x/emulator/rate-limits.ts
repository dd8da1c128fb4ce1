// Per-endpoint fixed windows like X's (15 minutes by default), plus the optional 24-hour
// posting cap X reports in x-user-limit-24hour-* headers.

export type Endpoint = 'me' | 'mentions' | 'post' | 'timeline';
export interface Limit {
  limit: number;
  windowMs: number;
}
export type Limits = Record<Endpoint, Limit>;
/** What callers pass: any endpoint, any part of its limit. */
export type LimitOverrides = Partial<Record<Endpoint, Partial<Limit>>>;

const FIFTEEN_MIN = 15 * 60 * 1000;
const DAY = 24 * 60 * 60 * 1000;

/** Current X user limits (per user, per 15 minutes). */
export const DEFAULT_LIMITS: Limits = {
  me: { limit: 75, windowMs: FIFTEEN_MIN },
  mentions: { limit: 300, windowMs: FIFTEEN_MIN },
  post: { limit: 100, windowMs: FIFTEEN_MIN },
  timeline: { limit: 900, windowMs: FIFTEEN_MIN },
};

function merge(base: Limits, over: LimitOverrides = {}): Limits {
  const out = { ...base };
  for (const [k, v] of Object.entries(over) as Array<[Endpoint, Partial<Limit> | undefined]>) {
    if (!(k in DEFAULT_LIMITS)) throw new Error(`unknown endpoint "${k}" (me, mentions, post, timeline)`);
    const next = { ...base[k], ...v };
    if (!Number.isInteger(next.limit) || next.limit < 0 || !(next.windowMs > 0))
      throw new Error(`bad limit for ${k}: limit must be a whole number ≥ 0 and windowMs > 0`);
    out[k] = next;
  }
  return out;
}

interface Window {
  startedAt: number;
  used: number;
}

export interface Verdict {
  allowed: boolean;
  headers: Record<string, string>;
}

const epochSeconds = (ms: number): string => String(Math.ceil(ms / 1000));

export class RateLimiter {
  limits: Limits;
  postDailyCap?: number;
  /** The app's 24-hour post cap (X: 10,000), reported in x-app-limit-24hour-*. */
  appDailyCap?: number;
  private windows = new Map<Endpoint, Window>();
  private day?: Window;
  private appDay?: Window;

  constructor(limits?: LimitOverrides, postDailyCap?: number) {
    this.limits = merge(DEFAULT_LIMITS, limits);
    this.postDailyCap = postDailyCap;
  }

  setLimits(limits: LimitOverrides, postDailyCap?: number | null): void {
    this.limits = merge(this.limits, limits);
    // A changed limit starts a fresh window, so tests see exactly the new numbers.
    for (const k of Object.keys(limits) as Endpoint[]) this.windows.delete(k);
    if (postDailyCap !== undefined) {
      this.postDailyCap = postDailyCap ?? undefined;
      this.day = undefined;
    }
  }

  reset(limits?: LimitOverrides, postDailyCap?: number): void {
    this.limits = merge(DEFAULT_LIMITS, limits);
    this.postDailyCap = postDailyCap;
    this.windows.clear();
    this.day = undefined;
    this.appDay = undefined;
    this.appDailyCap = undefined;
  }

  setAppDailyCap(cap: number | null): void {
    this.appDailyCap = cap ?? undefined;
    this.appDay = undefined;
  }

  private window(endpoint: Endpoint, now: number): Window {
    let w = this.windows.get(endpoint);
    if (!w || now >= w.startedAt + this.limits[endpoint].windowMs) {
      w = { startedAt: now, used: 0 };
      this.windows.set(endpoint, w);
    }
    return w;
  }

  /** Counts one request; every request counts, failed ones too, as on X. */
  take(endpoint: Endpoint, now = Date.now()): Verdict {
    const { limit, windowMs } = this.limits[endpoint];
    const w = this.window(endpoint, now);
    const allowed = w.used < limit;
    if (allowed) w.used++;
    const headers: Record<string, string> = {
      'x-rate-limit-limit': String(limit),
      'x-rate-limit-remaining': String(Math.max(0, limit - w.used)),
      'x-rate-limit-reset': epochSeconds(w.startedAt + windowMs),
    };
    if (endpoint === 'post' && this.appDailyCap !== undefined) {
      Object.assign(headers, this.appDayHeaders(now));
      if (allowed && this.appDayWindow(now).used >= this.appDailyCap) return { allowed: false, headers };
    }
    if (endpoint === 'post' && this.postDailyCap !== undefined) {
      Object.assign(headers, this.dayHeaders(now));
      if (allowed && this.dayWindow(now).used >= this.postDailyCap) {
        headers['x-user-limit-24hour-remaining'] = '0';
        return { allowed: false, headers };
      }
    }
    return { allowed, headers };
  }

  /** The 24 h cap counts created tweets only (a refused duplicate does not use it up). */
  countPost(now = Date.now()): Record<string, string> {
    const out: Record<string, string> = {};
    if (this.appDailyCap !== undefined) {
      this.appDayWindow(now).used++;
      Object.assign(out, this.appDayHeaders(now));
    }
    if (this.postDailyCap === undefined) return out;
    this.dayWindow(now).used++;
    return { ...out, ...this.dayHeaders(now) };
  }

  private appDayWindow(now: number): Window {
    if (!this.appDay || now >= this.appDay.startedAt + DAY) this.appDay = { startedAt: now, used: 0 };
    return this.appDay;
  }

  private appDayHeaders(now: number): Record<string, string> {
    const d = this.appDayWindow(now);
    const cap = this.appDailyCap ?? 0;
    return {
      'x-app-limit-24hour-limit': String(cap),
      'x-app-limit-24hour-remaining': String(Math.max(0, cap - d.used)),
      'x-app-limit-24hour-reset': epochSeconds(d.startedAt + DAY),
    };
  }

  /** Headers for a 429 forced by a fault: an exhausted window that resets in `ms`. */
  exhausted(endpoint: Endpoint, ms: number, now = Date.now()): Record<string, string> {
    return {
      'x-rate-limit-limit': String(this.limits[endpoint].limit),
      'x-rate-limit-remaining': '0',
      'x-rate-limit-reset': epochSeconds(now + ms),
    };
  }

  private dayWindow(now: number): Window {
    if (!this.day || now >= this.day.startedAt + DAY) this.day = { startedAt: now, used: 0 };
    return this.day;
  }

  private dayHeaders(now: number): Record<string, string> {
    const d = this.dayWindow(now);
    const cap = this.postDailyCap ?? 0;
    return {
      'x-user-limit-24hour-limit': String(cap),
      'x-user-limit-24hour-remaining': String(Math.max(0, cap - d.used)),
      'x-user-limit-24hour-reset': epochSeconds(d.startedAt + DAY),
    };
  }
}
