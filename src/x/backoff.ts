// Retrying X calls, for callers that choose to: only XTransientError is retried (with
// exponential backoff and jitter), and XRateLimitError only when asked, by waiting until
// its reset. Everything else (auth, duplicates, bad requests) is rethrown at once.
import { XRateLimitError, XTransientError } from './errors';

export interface BackoffOptions {
  /** Retries after the first attempt (default 3). */
  retries?: number;
  baseMs?: number;
  maxMs?: number;
  /** Full jitter (random 0..delay) when true (default); false for exact delays. */
  jitter?: boolean;
  /** Wait out a 429 until resetAt (+1 s) when it is at most this far away (default: never). */
  waitForRateLimitMs?: number;
  onRetry?: (info: { attempt: number; delayMs: number; error: Error }) => void;
  /** Replaces setTimeout (tests). */
  sleep?: (ms: number) => Promise<void>;
  signal?: AbortSignal;
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function backoffDelay(
  attempt: number,
  o: { baseMs?: number; maxMs?: number; jitter?: boolean } = {},
): number {
  const base = o.baseMs ?? 500;
  const max = o.maxMs ?? 30_000;
  const exp = Math.min(max, base * 2 ** (attempt - 1));
  return o.jitter === false ? exp : Math.floor(Math.random() * exp);
}

export async function withBackoff<T>(fn: () => Promise<T>, o: BackoffOptions = {}): Promise<T> {
  const retries = o.retries ?? 3;
  const sleep = o.sleep ?? defaultSleep;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      const error = e as Error;
      if (attempt > retries || o.signal?.aborted) throw error;
      let delayMs: number;
      if (error instanceof XTransientError) delayMs = backoffDelay(attempt, o);
      else if (error instanceof XRateLimitError && o.waitForRateLimitMs !== undefined) {
        delayMs = Math.max(0, error.resetAt.getTime() - Date.now()) + 1000;
        if (delayMs > o.waitForRateLimitMs) throw error;
      } else throw error;
      o.onRetry?.({ attempt, delayMs, error });
      await sleep(delayMs);
    }
  }
}
