// Where the bot's OAuth 2.0 tokens live: one sealed state document (src/store/sealed-state.ts),
// encrypted with MUJIB_SECRET_KEY. Shared by the runtime (refreshing) and `mujib x auth`.
import type { Store } from '../store/store';
import { getSealedState, secretKey, setSealedState } from '../store/sealed-state';
import { oauth2Tokens } from '../store/state-keys';
import type { Logger } from '../log';
import { createOAuth2TokenSource, type OAuth2Tokens, type TokenStore } from './oauth2';
import type { XAuth } from './types';

/** The state key's prefix (the tokens of client id C live at `x-oauth2-tokens:C`). */
export const OAUTH2_TOKENS_KEY = oauth2Tokens.prefix.slice(0, -1);

export function dbTokenStore(db: Store, keyText: string, clientId: string): TokenStore {
  const key = secretKey(keyText);
  // Per client id: tokens of another X app are never sent with this one's.
  const id = oauth2Tokens.key(clientId);
  return {
    load: () => getSealedState<OAuth2Tokens>(db, id, key),
    save: (t) => setSealedState(db, id, t, key),
  };
}

/** XAuth for OAuth 2.0 with refresh, backed by the database. */
export function refreshingAuth(
  db: Store,
  o: {
    baseUrl: string;
    clientId: string;
    clientSecret?: string;
    refreshToken?: string;
    secretKey: string;
    log?: Logger;
  },
): XAuth {
  const store = dbTokenStore(db, o.secretKey, o.clientId);
  return {
    kind: 'oauth2-refresh',
    tokens: createOAuth2TokenSource({
      app: { baseUrl: o.baseUrl, clientId: o.clientId, clientSecret: o.clientSecret },
      store,
      initialRefreshToken: o.refreshToken,
      log: o.log,
    }),
  };
}
