// Rate-limit headers as twitter-api-v2 parses them (epoch seconds) → Dates, kept per endpoint.
import type { TwitterRateLimit } from 'twitter-api-v2';
import type { RateLimit, RateLimits, XEndpoint } from './types';

export function toRateLimit(r: TwitterRateLimit): RateLimit {
  const out: RateLimit = { limit: r.limit, remaining: r.remaining, reset: new Date(r.reset * 1000) };
  if (r.userDay)
    out.day = {
      limit: r.userDay.limit,
      remaining: r.userDay.remaining,
      reset: new Date(r.userDay.reset * 1000),
    };
  if (r.day)
    out.appDay = {
      limit: r.day.limit,
      remaining: r.day.remaining,
      reset: new Date(r.day.reset * 1000),
    };
  return out;
}

/** Which of our endpoints a request URL is (undefined for anything else). */
export function endpointOf(method: string, url: URL): XEndpoint | undefined {
  const p = url.pathname.replace(/\/+$/, '');
  if (/\/2\/users\/me$/.test(p)) return 'me';
  if (/\/2\/users\/[^/]+\/mentions$/.test(p)) return 'mentions';
  if (/\/2\/users\/[^/]+\/tweets$/.test(p)) return 'timeline';
  if (method.toUpperCase() === 'POST' && /\/2\/tweets$/.test(p)) return 'post';
  return undefined;
}

export class RateLimitBook {
  private seen: RateLimits = {};

  record(endpoint: XEndpoint | undefined, r: TwitterRateLimit | undefined): void {
    if (endpoint && r && Number.isFinite(r.limit)) this.seen[endpoint] = toRateLimit(r);
  }

  snapshot(): RateLimits {
    const out: RateLimits = {};
    for (const [k, v] of Object.entries(this.seen) as Array<[XEndpoint, RateLimit]>)
      out[k] = {
        ...v,
        ...(v.day ? { day: { ...v.day } } : {}),
        ...(v.appDay ? { appDay: { ...v.appDay } } : {}),
      };
    return out;
  }
}
