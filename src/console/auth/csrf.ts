// CSRF defence in two layers: the browser's Origin (or Referer) must be this console, and the
// session's synchronizer token must come back in the form field or the X-CSRF-Token header.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const hostOf = (u: string): string | undefined => {
  try {
    const url = new URL(u);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.host : undefined;
  } catch {
    return undefined;
  }
};

/** False when the request says it came from another site. Only the host is compared: behind a
 *  TLS proxy the browser says https while we see http. Absent headers are left to the token. */
export function sameOrigin(req: IncomingMessage): boolean {
  const own = req.headers.host;
  if (!own) return false;
  const origin = req.headers.origin;
  if (origin !== undefined) return hostOf(origin) === own;
  const referer = req.headers.referer;
  if (referer !== undefined) return hostOf(referer) === own;
  return true;
}

export function tokenMatches(expected: string, given: unknown): boolean {
  if (typeof given !== 'string' || !given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
