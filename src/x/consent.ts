// The PKCE consent `mujib x auth` runs from a terminal: print X's consent URL, take back the
// redirect URL (or just its code), exchange it, store the tokens sealed, and say who we are.
import type { Store } from '../store/store';
import { createXClient } from './client';
import { exchangeCode, pkceConsent } from './oauth2';
import { dbTokenStore } from './oauth2-db';

export interface ConsentConfig {
  apiBaseUrl: string;
  authorizeUrl: string;
  redirectUri: string;
  clientId: string;
  clientSecret?: string;
  secretKey: string;
}

export interface ConsentIo {
  print(line: string): void;
  /** The redirect URL X sent the browser to (or the code from it). */
  readLine(prompt: string): Promise<string>;
}

export async function runConsent(
  c: ConsentConfig,
  store: Store,
  io: ConsentIo,
): Promise<{ username: string }> {
  const app = { baseUrl: c.apiBaseUrl, clientId: c.clientId, clientSecret: c.clientSecret };
  const consent = pkceConsent({
    authorizeUrl: c.authorizeUrl,
    clientId: c.clientId,
    redirectUri: c.redirectUri,
  });
  io.print('Open this address in a browser signed in to the agency’s X account, and approve:');
  io.print('');
  io.print(consent.url);
  io.print('');
  io.print(
    `X then sends the browser to ${c.redirectUri}?code=…; copy that whole address from the address bar.`,
  );
  const input = await io.readLine('Paste the address (or the code): ');
  const tokens = await exchangeCode(app, {
    input,
    verifier: consent.verifier,
    state: consent.state,
    redirectUri: c.redirectUri,
  });
  await dbTokenStore(store, c.secretKey, c.clientId).save(tokens);
  const me = await createXClient({
    baseUrl: c.apiBaseUrl,
    auth: { kind: 'oauth2', token: tokens.accessToken! },
  }).me();
  io.print(`Stored (encrypted) OAuth 2.0 tokens for @${me.username}; the bot refreshes them by itself.`);
  return { username: me.username };
}
