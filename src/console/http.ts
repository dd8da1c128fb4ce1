// Request and response plumbing over node:http: cookies, small bodies, security headers.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Html } from './html';

export const MAX_BODY_BYTES = 64 * 1024;

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i < 0) continue;
    const k = part.slice(0, i).trim();
    try {
      if (k && !(k in out)) out[k] = decodeURIComponent(part.slice(i + 1).trim());
    } catch {
      // a malformed cookie is ignored, not fatal
    }
  }
  return out;
}

export interface CookieOptions {
  maxAgeSeconds?: number;
  httpOnly?: boolean;
  secure?: boolean;
  sameSite?: 'Strict' | 'Lax';
}

export function cookie(name: string, value: string, o: CookieOptions = {}): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, 'Path=/', `SameSite=${o.sameSite ?? 'Strict'}`];
  if (o.maxAgeSeconds !== undefined) parts.push(`Max-Age=${o.maxAgeSeconds}`);
  if (o.httpOnly !== false) parts.push('HttpOnly');
  if (o.secure) parts.push('Secure');
  return parts.join('; ');
}

export function addCookie(res: ServerResponse, value: string): void {
  const prev = res.getHeader('set-cookie');
  const list = Array.isArray(prev) ? prev : typeof prev === 'string' ? [prev] : [];
  res.setHeader('set-cookie', [...list, value]);
}

/** Form-encoded or JSON bodies up to MAX_BODY_BYTES, as flat string fields. */
export async function readBody(req: IncomingMessage): Promise<Record<string, string>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'request body too large');
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  const out: Record<string, string> = {};
  if (type === 'application/json') {
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : {};
    } catch {
      throw new HttpError(400, 'malformed JSON');
    }
    if (parsed && typeof parsed === 'object')
      for (const [k, v] of Object.entries(parsed))
        if (typeof v === 'string' || typeof v === 'boolean') out[k] = String(v);
    return out;
  }
  for (const [k, v] of new URLSearchParams(text)) if (!(k in out)) out[k] = v;
  return out;
}

// Same-origin everything; no inline script (the SVG charts are markup, not script).
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https://pbs.twimg.com; " +
  "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

export function securityHeaders(res: ServerResponse): void {
  res.setHeader('content-security-policy', CSP);
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'same-origin');
  res.setHeader('x-frame-options', 'DENY');
  res.setHeader('cross-origin-opener-policy', 'same-origin');
}

export function sendHtml(res: ServerResponse, status: number, body: Html | string): void {
  res.statusCode = status;
  res.setHeader('content-type', 'text/html; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  res.end(String(body));
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  res.end(JSON.stringify(body));
}

export function redirect(res: ServerResponse, location: string, status = 303): void {
  res.statusCode = status;
  res.setHeader('location', location);
  res.setHeader('cache-control', 'no-store');
  res.end();
}

/** Only local paths: a `next=` parameter must never send anyone to another site. Browsers
 *  drop tabs and newlines inside URLs and read `\\` as `/`, so `/\t/evil.example` would be
 *  `//evil.example`: anything with a control character (raw or percent-encoded, at any depth of
 *  encoding) is refused, and what is left must resolve to this origin. */
export function safeLocalPath(p: string | null | undefined, fallback = '/queue'): string {
  if (!p || p.length > 2000) return fallback;
  let decoded = p;
  for (let i = 0; i < 5; i++) {
    let next: string;
    try {
      next = decodeURIComponent(decoded);
    } catch {
      return fallback;
    }
    if (next === decoded) break;
    decoded = next;
  }
  if (/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\\]/u.test(decoded) || /[\p{Cc}\p{Cf}\\]/u.test(p)) return fallback;
  if (!p.startsWith('/') || p.startsWith('//') || !decoded.startsWith('/') || decoded.startsWith('//'))
    return fallback;
  const base = 'http://console.invalid';
  let u: URL;
  try {
    u = new URL(p, base);
  } catch {
    return fallback;
  }
  if (u.origin !== base) return fallback;
  return u.pathname + u.search + u.hash;
}
