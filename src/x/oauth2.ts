// OAuth 2.0 user context with refresh (scope offline.access): X's access tokens live two hours
// and each refresh rotates the refresh token too (the old one stops working). The current pair
// lives in the database, sealed (src/store/sealed-state.ts); it is refreshed shortly before it
// expires, and once more if X answers 401. One refresh at a time per process, so two callers
// never spend the same refresh token. Also the PKCE consent (`mujib x auth`).
import { createHash, randomBytes } from 'node:crypto';
import type { Logger } from '../log';
import { registerSecret } from '../log/redact';
import type { OAuth2TokenSource } from './types';
import { XAuthError, XTransientError } from './errors';

export interface OAuth2Tokens {
  accessToken?: string;
  refreshToken: string;
  /** ISO time the access token stops working. */
  expiresAt?: string;
  scope?: string;
}

export interface OAuth2App {
  /** Where /2/oauth2/token lives (X: https://api.x.com). */
  baseUrl: string;
  clientId: string;
  clientSecret?: string;
}

export interface TokenStore {
  load(): Promise<OAuth2Tokens | undefined>;
  save(t: OAuth2Tokens): Promise<void>;
}

/** Refresh this long before expiry (X's tokens live 7,200 s). */
const EARLY_MS = 5 * 60_000;

export const OAUTH2_SCOPES = ['tweet.read', 'tweet.write', 'users.read', 'offline.access'];

async function tokenRequest(app: OAuth2App, form: Record<string, string>): Promise<OAuth2Tokens> {
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  const body = new URLSearchParams(form);
  if (app.clientSecret)
    headers.authorization = `Basic ${Buffer.from(`${app.clientId}:${app.clientSecret}`).toString('base64')}`;
  else body.set('client_id', app.clientId);
  let res: Response;
  try {
    res = await fetch(`${app.baseUrl.replace(/\/+$/, '')}/2/oauth2/token`, { method: 'POST', headers, body });
  } catch (e) {
    throw new XTransientError(
      `X oauth2/token: request failed (${(e as { cause?: { code?: string } }).cause?.code ?? (e as Error).message})`,
    );
  }
  const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (res.status >= 500) throw new XTransientError(`X oauth2/token: ${res.status}`, { status: res.status });
  if (!res.ok || typeof json.access_token !== 'string' || typeof json.refresh_token !== 'string') {
    // error_description is X's wording; it never holds the token we sent.
    const why =
      typeof json.error_description === 'string' ? json.error_description : String(json.error ?? res.status);
    throw new XAuthError(`X oauth2/token: ${res.status} ${why}`, { status: res.status });
  }
  registerSecret(json.access_token);
  registerSecret(json.refresh_token);
  const ttl = typeof json.expires_in === 'number' ? json.expires_in : 7200;
  return {
    accessToken: json.access_token,
    refreshToken: json.refresh_token,
    expiresAt: new Date(Date.now() + ttl * 1000).toISOString(),
    ...(typeof json.scope === 'string' ? { scope: json.scope } : {}),
  };
}

export function createOAuth2TokenSource(o: {
  app: OAuth2App;
  store: TokenStore;
  /** X_OAUTH2_REFRESH_TOKEN: used when the database has no tokens yet. */
  initialRefreshToken?: string;
  log?: Logger;
}): OAuth2TokenSource {
  let cached: OAuth2Tokens | undefined;
  let inFlight: Promise<OAuth2Tokens> | undefined;

  async function current(): Promise<OAuth2Tokens> {
    cached ??= await o.store.load();
    if (!cached && o.initialRefreshToken) cached = { refreshToken: o.initialRefreshToken };
    if (!cached)
      throw new XAuthError(
        'X OAuth 2.0: no tokens stored; run `mujib x auth` (or set X_OAUTH2_REFRESH_TOKEN)',
      );
    registerSecret(cached.refreshToken);
    if (cached.accessToken) registerSecret(cached.accessToken);
    return cached;
  }

  function refresh(): Promise<OAuth2Tokens> {
    inFlight ??= (async () => {
      const before = await current();
      // Another process (or an earlier run) may have rotated the pair: read the store first.
      const stored = await o.store.load();
      const base = stored && stored.refreshToken !== before.refreshToken ? stored : before;
      if (
        base !== before &&
        base.accessToken &&
        base.expiresAt &&
        Date.parse(base.expiresAt) - Date.now() > EARLY_MS
      ) {
        cached = base;
        return base;
      }
      const next = await tokenRequest(o.app, {
        grant_type: 'refresh_token',
        refresh_token: base.refreshToken,
      });
      // Saved before use: a crash now must not lose the only refresh token that still works.
      await o.store.save(next);
      cached = next;
      o.log?.info(`X OAuth 2.0 token refreshed; valid until ${next.expiresAt}`);
      return next;
    })().finally(() => (inFlight = undefined));
    return inFlight;
  }

  return {
    async accessToken() {
      const t = await current();
      if (t.accessToken && t.expiresAt && Date.parse(t.expiresAt) - Date.now() > EARLY_MS)
        return t.accessToken;
      return (await refresh()).accessToken!;
    },
    async refresh(rejected: string) {
      const t = await current();
      // Someone already replaced the rejected token: use theirs.
      if (t.accessToken && t.accessToken !== rejected && t.expiresAt && Date.parse(t.expiresAt) > Date.now())
        return t.accessToken;
      cached = { ...t, expiresAt: new Date(0).toISOString() };
      return (await refresh()).accessToken!;
    },
  };
}

/** PKCE (RFC 7636, S256): the consent URL to open and what the code exchange needs. */
export function pkceConsent(o: { authorizeUrl: string; clientId: string; redirectUri: string }): {
  url: string;
  verifier: string;
  state: string;
} {
  const verifier = randomBytes(48).toString('base64url');
  const state = randomBytes(16).toString('base64url');
  const u = new URL(o.authorizeUrl);
  u.searchParams.set('response_type', 'code');
  u.searchParams.set('client_id', o.clientId);
  u.searchParams.set('redirect_uri', o.redirectUri);
  u.searchParams.set('scope', OAUTH2_SCOPES.join(' '));
  u.searchParams.set('state', state);
  u.searchParams.set('code_challenge', createHash('sha256').update(verifier).digest('base64url'));
  u.searchParams.set('code_challenge_method', 'S256');
  return { url: u.toString(), verifier, state };
}

/** The code (or the whole redirect URL pasted back) → tokens. */
export async function exchangeCode(
  app: OAuth2App,
  o: { input: string; verifier: string; state: string; redirectUri: string },
): Promise<OAuth2Tokens> {
  let code = o.input.trim();
  if (/^https?:\/\//i.test(code)) {
    const u = new URL(code);
    if (u.searchParams.get('error'))
      throw new XAuthError(`X consent refused: ${u.searchParams.get('error')}`);
    if (u.searchParams.get('state') !== o.state)
      throw new XAuthError('X consent: the state does not match (a stale or foreign redirect)');
    code = u.searchParams.get('code') ?? '';
  }
  if (!code) throw new XAuthError('X consent: no code in what was pasted');
  return tokenRequest(app, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: o.redirectUri,
    code_verifier: o.verifier,
  });
}
