// Who may call the emulator, checked like X checks: OAuth 1.0a HMAC-SHA1 signatures (and
// timestamps, and nonces) against the configured consumer and token secrets; OAuth 2.0 user
// tokens it issued (they expire and are refreshed at POST /2/oauth2/token); an app-only
// bearer token, refused on user-only endpoints; and its own sandbox token (a user token that
// never expires, also the /admin key). Anything else is X's 401.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export interface OAuth1Credentials {
  consumerKey: string;
  consumerSecret: string;
  accessToken: string;
  accessSecret: string;
}

export interface OAuth2Setup {
  clientId: string;
  /** Confidential clients authenticate with Basic auth; public ones send client_id only. */
  clientSecret?: string;
  /** Access token lifetime (X: 2 hours). */
  accessTtlMs?: number;
  /** A refresh token valid from the start (what `mujib x auth` would have stored). */
  refreshToken?: string;
}

export interface AuthSetup {
  token: string;
  oauth1?: OAuth1Credentials;
  oauth2?: OAuth2Setup;
  /** An app-only bearer token: accepted on mentions/timeline, refused on user-only endpoints. */
  appBearer?: string;
  /** Allowed clock skew for oauth_timestamp (X: about 5 minutes). */
  maxSkewMs?: number;
}

export type Caller = { kind: 'user' | 'app' | 'sandbox' } | { kind: 'denied'; why: string };

const enc = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());

/** OAuth 1.0a signature base string and HMAC-SHA1 (RFC 5849 §3.4), for checking. */
export function oauth1Signature(
  method: string,
  baseUrl: string,
  params: Array<[string, string]>,
  consumerSecret: string,
  tokenSecret: string,
): string {
  const norm = params
    .map(([k, v]) => [enc(k), enc(v)] as const)
    .sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? -1 : 1) : a[0] < b[0] ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const base = `${method.toUpperCase()}&${enc(baseUrl)}&${enc(norm)}`;
  return createHmac('sha1', `${enc(consumerSecret)}&${enc(tokenSecret)}`)
    .update(base)
    .digest('base64');
}

function parseOAuthHeader(header: string): Map<string, string> | undefined {
  const m = /^OAuth\s+(.*)$/is.exec(header.trim());
  if (!m) return undefined;
  const out = new Map<string, string>();
  for (const part of m[1]!.split(',')) {
    const kv = /^\s*([^=\s]+)\s*=\s*"([^"]*)"\s*$/.exec(part);
    if (!kv) return undefined;
    out.set(decodeURIComponent(kv[1]!), decodeURIComponent(kv[2]!));
  }
  return out;
}

interface IssuedToken {
  expiresAt: number;
}

export class Authenticator {
  private access = new Map<string, IssuedToken>();
  private refresh = new Set<string>();
  private nonces = new Map<string, number>();
  private codes = new Map<string, { challenge: string; redirectUri: string; expiresAt: number }>();

  constructor(readonly setup: AuthSetup) {
    if (setup.oauth2?.refreshToken) this.refresh.add(setup.oauth2.refreshToken);
  }

  /** `url` is what the caller signed: scheme, host (with port) and path, no query. */
  check(
    header: string | undefined,
    method: string,
    url: string,
    query: URLSearchParams,
    form?: URLSearchParams,
  ): Caller {
    if (!header) return { kind: 'denied', why: 'no Authorization header' };
    const bearer = /^Bearer\s+(\S+)$/i.exec(header.trim());
    if (bearer) {
      const t = bearer[1]!;
      if (t === this.setup.token) return { kind: 'sandbox' };
      if (this.setup.appBearer && t === this.setup.appBearer) return { kind: 'app' };
      const issued = this.access.get(t);
      if (!issued) return { kind: 'denied', why: 'unknown bearer token' };
      if (issued.expiresAt <= Date.now()) return { kind: 'denied', why: 'access token expired' };
      return { kind: 'user' };
    }
    const p = parseOAuthHeader(header);
    if (!p) return { kind: 'denied', why: 'malformed Authorization header' };
    const c = this.setup.oauth1;
    if (!c) return { kind: 'denied', why: 'no OAuth 1.0a app configured' };
    if (p.get('oauth_consumer_key') !== c.consumerKey) return { kind: 'denied', why: 'unknown consumer key' };
    if (p.get('oauth_token') !== c.accessToken) return { kind: 'denied', why: 'unknown access token' };
    if (p.get('oauth_signature_method') !== 'HMAC-SHA1') return { kind: 'denied', why: 'signature method' };
    const ts = Number(p.get('oauth_timestamp'));
    const skew = this.setup.maxSkewMs ?? 300_000;
    if (!Number.isFinite(ts) || Math.abs(ts * 1000 - Date.now()) > skew)
      return { kind: 'denied', why: 'timestamp out of bounds' };
    const nonce = p.get('oauth_nonce');
    if (!nonce) return { kind: 'denied', why: 'no nonce' };
    const given = p.get('oauth_signature') ?? '';
    const params: Array<[string, string]> = [];
    for (const [k, v] of p) if (k !== 'oauth_signature' && k !== 'realm') params.push([k, v]);
    for (const [k, v] of query) params.push([k, v]);
    for (const [k, v] of form ?? []) params.push([k, v]);
    const want = oauth1Signature(method, url, params, c.consumerSecret, c.accessSecret);
    const a = Buffer.from(given);
    const b = Buffer.from(want);
    if (a.length !== b.length || !timingSafeEqual(a, b)) return { kind: 'denied', why: 'bad signature' };
    // A replayed nonce within the timestamp window is refused (checked after the signature).
    const now = Date.now();
    for (const [n, at] of this.nonces) if (now - at > 2 * skew) this.nonces.delete(n);
    if (this.nonces.has(`${ts}:${nonce}`)) return { kind: 'denied', why: 'nonce used' };
    this.nonces.set(`${ts}:${nonce}`, now);
    return { kind: 'user' };
  }

  /** A fresh user access token (what a consent or refresh grants). */
  private issue(): { access_token: string; refresh_token: string; expires_in: number } {
    const ttl = this.setup.oauth2?.accessTtlMs ?? 2 * 3600_000;
    const access = randomBytes(24).toString('base64url');
    const refresh = randomBytes(24).toString('base64url');
    this.access.set(access, { expiresAt: Date.now() + ttl });
    this.refresh.add(refresh);
    return { access_token: access, refresh_token: refresh, expires_in: Math.max(1, Math.round(ttl / 1000)) };
  }

  /** The consent step of PKCE (x.com/i/oauth2/authorize on X): approves at once, returns the code. */
  authorize(q: URLSearchParams): { code: string; state: string | null; redirectUri: string } {
    const o = this.setup.oauth2;
    if (!o) throw new Error('no OAuth 2.0 app configured');
    if (q.get('client_id') !== o.clientId) throw new Error('unknown client_id');
    if (q.get('response_type') !== 'code') throw new Error('response_type must be code');
    if (q.get('code_challenge_method') !== 'S256') throw new Error('code_challenge_method must be S256');
    const challenge = q.get('code_challenge');
    const redirectUri = q.get('redirect_uri');
    if (!challenge || !redirectUri) throw new Error('code_challenge and redirect_uri are required');
    const scopes = (q.get('scope') ?? '').split(/[\s+]+/);
    for (const s of ['tweet.read', 'tweet.write', 'users.read', 'offline.access'])
      if (!scopes.includes(s)) throw new Error(`scope must include ${s}`);
    const code = randomBytes(18).toString('base64url');
    this.codes.set(code, { challenge, redirectUri, expiresAt: Date.now() + 30_000 });
    return { code, state: q.get('state'), redirectUri };
  }

  /** POST /2/oauth2/token: refresh_token (rotating) or authorization_code (PKCE) grants. */
  token(
    authHeader: string | undefined,
    form: URLSearchParams,
  ): { status: number; body: Record<string, unknown> } {
    const o = this.setup.oauth2;
    const bad = (error: string, description: string) => ({
      status: error === 'invalid_client' ? 401 : 400,
      body: { error, error_description: description },
    });
    if (!o) return bad('invalid_client', 'Missing valid authorization header');
    const basic = /^Basic\s+(\S+)$/i.exec(authHeader?.trim() ?? '');
    if (o.clientSecret) {
      const [id, secret] = basic ? Buffer.from(basic[1]!, 'base64').toString('utf8').split(':') : [];
      if (id !== o.clientId || secret !== o.clientSecret)
        return bad('invalid_client', 'Missing valid authorization header');
    } else if (form.get('client_id') !== o.clientId)
      return bad('invalid_request', 'Missing required parameter [client_id].');
    const grant = form.get('grant_type');
    const scope = 'tweet.read tweet.write users.read offline.access';
    if (grant === 'refresh_token') {
      const rt = form.get('refresh_token') ?? '';
      if (!this.refresh.has(rt)) return bad('invalid_request', 'Value passed for the token was invalid.');
      this.refresh.delete(rt); // rotation: a refresh token works once
      return { status: 200, body: { token_type: 'bearer', scope, ...this.issue() } };
    }
    if (grant === 'authorization_code') {
      const code = this.codes.get(form.get('code') ?? '');
      if (!code || code.expiresAt < Date.now())
        return bad('invalid_request', 'Value passed for the authorization code was invalid.');
      const verifier = form.get('code_verifier') ?? '';
      const challenge = createHash('sha256').update(verifier).digest('base64url');
      if (challenge !== code.challenge || form.get('redirect_uri') !== code.redirectUri)
        return bad('invalid_request', 'Value passed for the authorization code was invalid.');
      this.codes.delete(form.get('code')!);
      return { status: 200, body: { token_type: 'bearer', scope, ...this.issue() } };
    }
    return bad('unsupported_grant_type', 'grant_type not supported');
  }

  /** Test hook: ages every issued access token past its expiry. */
  expireAccessTokens(): void {
    for (const t of this.access.values()) t.expiresAt = 0;
  }

  reset(): void {
    this.access.clear();
    this.nonces.clear();
    this.codes.clear();
    this.refresh.clear();
    if (this.setup.oauth2?.refreshToken) this.refresh.add(this.setup.oauth2.refreshToken);
  }
}
