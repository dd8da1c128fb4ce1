// Where the bot's OAuth 2.0 tokens live: one sealed state document (src/store/sealed-state.ts),
// encrypted with MUJIB_SECRET_KEY. Shared by the runtime (refreshing) and `mujib x auth`.
import type { Models } from '../store/models';
import { getSealedState, secretKey, setSealedState } from '../store/sealed-state';
import type { Logger } from '../log';
import { createOAuth2TokenSource, type OAuth2Tokens, type TokenStore } from './oauth2';
import type { XAuth } from './types';

export const OAUTH2_TOKENS_KEY = 'x-oauth2-tokens';

export function dbTokenStore(models: Pick<Models, 'State'>, keyText: string, clientId: string): TokenStore {
  const key = secretKey(keyText);
  // Per client id: tokens of another X app are never sent with this one's.
  const id = `${OAUTH2_TOKENS_KEY}:${clientId}`;
  return {
    load: () => getSealedState<OAuth2Tokens>(models, id, key),
    save: (t) => setSealedState(models, id, t, key),
  };
}

/** XAuth for OAuth 2.0 with refresh, backed by the database. */
export function refreshingAuth(
  models: Pick<Models, 'State'>,
  o: {
    baseUrl: string;
    clientId: string;
    clientSecret?: string;
    refreshToken?: string;
    secretKey: string;
    log?: Logger;
  },
): XAuth {
  const store = dbTokenStore(models, o.secretKey, o.clientId);
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
