// Failed sign-ins slow down guessing: per name and per address, a few failures within a
// window lock that key out until the window passes. In memory: a restart forgets, which
// is fine for a speed bump (scrypt makes every guess slow anyway).
export interface LimiterOptions {
  maxPerName?: number;
  maxPerIp?: number;
  windowMs?: number;
}

export class SignInLimiter {
  private readonly failures = new Map<string, number[]>();
  private readonly maxPerName: number;
  private readonly maxPerIp: number;
  private readonly windowMs: number;

  constructor(o: LimiterOptions = {}) {
    this.maxPerName = o.maxPerName ?? 5;
    this.maxPerIp = o.maxPerIp ?? 20;
    this.windowMs = o.windowMs ?? 15 * 60 * 1000;
  }

  private recent(key: string, now: number): number[] {
    const list = (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }

  /** Milliseconds until another try is allowed; 0 when allowed now. */
  retryAfter(name: string, ip: string, now = Date.now()): number {
    const waits: number[] = [];
    const byName = this.recent(`n:${name.toLowerCase()}`, now);
    if (byName.length >= this.maxPerName) waits.push(byName[0]! + this.windowMs - now);
    const byIp = this.recent(`i:${ip}`, now);
    if (byIp.length >= this.maxPerIp) waits.push(byIp[0]! + this.windowMs - now);
    return waits.length ? Math.max(...waits) : 0;
  }

  fail(name: string, ip: string, now = Date.now()): void {
    for (const key of [`n:${name.toLowerCase()}`, `i:${ip}`]) {
      const list = this.recent(key, now);
      list.push(now);
      this.failures.set(key, list);
    }
    if (this.failures.size > 10_000) this.failures.clear(); // bounded memory under a flood
  }

  succeed(name: string): void {
    this.failures.delete(`n:${name.toLowerCase()}`);
  }
}
