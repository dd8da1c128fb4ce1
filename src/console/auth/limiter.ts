// Failed sign-ins slow down guessing. Per name and per client address, a few failures within
// a window lock that key out until the window passes. Keys are the normalised name (the same
// one the account lookup uses, so "demo" padded with spaces is still "demo") and the client
// address (see client-ip.ts: behind a trusted proxy, the browser's, not the proxy's).
// Across all keys, a global back-off adds a growing delay to every sign-in while failures
// pour in: guessing from many addresses gets slow, yet nobody is locked out by it.
// In memory and bounded: least recently used keys are forgotten first, never a locked-out
// one while an unlocked one can go. A restart forgets (fine for a speed bump: scrypt makes
// every guess slow anyway).
import { normalizeStaffName } from './name';

export interface LimiterOptions {
  maxPerName?: number;
  maxPerIp?: number;
  windowMs?: number;
  /** Keys remembered at most (memory stays bounded under a flood of made-up names). */
  maxKeys?: number;
  /** Failures (all keys) within a minute before every sign-in is slowed down. */
  globalFreePerMinute?: number;
  /** The most the global back-off adds to one sign-in. */
  maxGlobalDelayMs?: number;
}

const MINUTE = 60_000;

export class SignInLimiter {
  /** Failure times per key, in least-recently-used order (Map keeps insertion order). */
  private readonly failures = new Map<string, number[]>();
  private readonly recentGlobal: number[] = [];
  private readonly maxPerName: number;
  private readonly maxPerIp: number;
  private readonly windowMs: number;
  private readonly maxKeys: number;
  private readonly globalFree: number;
  private readonly maxGlobalDelayMs: number;

  constructor(o: LimiterOptions = {}) {
    this.maxPerName = o.maxPerName ?? 5;
    this.maxPerIp = o.maxPerIp ?? 20;
    this.windowMs = o.windowMs ?? 15 * MINUTE;
    this.maxKeys = o.maxKeys ?? 10_000;
    this.globalFree = o.globalFreePerMinute ?? 30;
    this.maxGlobalDelayMs = o.maxGlobalDelayMs ?? 5_000;
  }

  private recent(key: string, now: number): number[] {
    const list = (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }

  private locked(key: string, list: number[]): boolean {
    return list.length >= (key.startsWith('n:') ? this.maxPerName : this.maxPerIp);
  }

  /** Milliseconds until another try is allowed; 0 when allowed now. */
  retryAfter(name: string, ip: string, now = Date.now()): number {
    const waits: number[] = [];
    for (const key of this.keys(name, ip)) {
      const list = this.recent(key, now);
      if (this.locked(key, list))
        waits.push(
          list[list.length - (key.startsWith('n:') ? this.maxPerName : this.maxPerIp)]! + this.windowMs - now,
        );
    }
    return waits.length ? Math.max(...waits) : 0;
  }

  /** Extra wait before checking any password while failures pour in from everywhere: each
   *  failure past the free allowance of the last minute adds 100 ms, up to the maximum. */
  globalDelay(now = Date.now()): number {
    while (this.recentGlobal.length && now - this.recentGlobal[0]! >= MINUTE) this.recentGlobal.shift();
    const over = this.recentGlobal.length - this.globalFree;
    return over > 0 ? Math.min(this.maxGlobalDelayMs, over * 100) : 0;
  }

  fail(name: string, ip: string, now = Date.now()): void {
    for (const key of this.keys(name, ip)) {
      const list = this.recent(key, now);
      list.push(now);
      this.failures.delete(key); // re-inserted: now the most recently used
      this.failures.set(key, list);
    }
    this.recentGlobal.push(now);
    if (this.recentGlobal.length > 10 * this.globalFree + 1000) this.recentGlobal.shift();
    this.evict(now);
  }

  succeed(name: string): void {
    this.failures.delete(`n:${normalizeStaffName(name)}`);
  }

  /** Keys remembered now (for tests and metrics). */
  size(): number {
    return this.failures.size;
  }

  private keys(name: string, ip: string): string[] {
    return [`n:${normalizeStaffName(name)}`, `i:${ip}`];
  }

  /** Over the bound: forget the least recently used keys that are not locked out; only when
   *  every key is locked out, the oldest lockout goes (one at a time, never all at once). */
  private evict(now: number): void {
    if (this.failures.size <= this.maxKeys) return;
    for (const [key, list] of this.failures) {
      if (this.failures.size <= this.maxKeys) return;
      const live = list.filter((t) => now - t < this.windowMs);
      if (!this.locked(key, live)) this.failures.delete(key);
    }
    for (const key of this.failures.keys()) {
      if (this.failures.size <= this.maxKeys) return;
      this.failures.delete(key);
    }
  }
}
