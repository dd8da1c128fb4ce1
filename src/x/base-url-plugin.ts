// twitter-api-v2 has no base-URL setting: this plugin rewrites every request's URL before
// it is signed (so OAuth 1.0a signatures match the host actually called), sets the timeout,
// and records the rate-limit headers of every answer, success or error.
import type { ITwitterApiClientPlugin, TwitterRateLimit } from 'twitter-api-v2';
import { endpointOf, type RateLimitBook } from './rate-limits';

export function redirectPlugin(
  baseUrl: string,
  book: RateLimitBook,
  timeoutMs?: number,
): ITwitterApiClientPlugin {
  const base = new URL(baseUrl);
  const prefix = base.pathname.replace(/\/+$/, '');
  const record = (method: string | undefined, url: URL, r: TwitterRateLimit | undefined) =>
    book.record(endpointOf(method ?? 'GET', url), r);
  return {
    onBeforeRequestConfig({ params }) {
      const u = new URL(params.url);
      params.url = `${base.origin}${prefix}${u.pathname}${u.search}`;
      if (timeoutMs && !params.timeout) params.timeout = timeoutMs;
    },
    onAfterRequest({ url, params, response }) {
      record(params.method, url, response.rateLimit);
    },
    onResponseError({ url, params, error }) {
      record(params.method, url, error.rateLimit);
    },
  };
}
