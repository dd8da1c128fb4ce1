// Tweet and user ids shaped like X's snowflakes: 19-digit decimal strings, strictly increasing,
// so callers can (and must) compare them as BigInt, never as numbers or plain strings.

const TWITTER_EPOCH = 1288834974657n;

export class SnowflakeIds {
  private last = 0n;

  /** Next id: time-based like X's, but never equal to or below the previous one. */
  next(now = Date.now()): string {
    const fromClock = (BigInt(now) - TWITTER_EPOCH) << 22n;
    this.last = fromClock > this.last ? fromClock : this.last + 1n;
    return this.last.toString();
  }

  reset(): void {
    this.last = 0n;
  }
}

export function compareIds(a: string, b: string): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export const isSnowflake = (s: string): boolean => /^[0-9]{1,19}$/.test(s);
