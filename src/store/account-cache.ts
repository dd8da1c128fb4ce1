// Who the bot's credentials are on X, remembered for starts when X will not say (rate limit,
// outage, out of budget): one state document per set of credentials, named by a hash.
import { getState, setState } from './state';
import { accountCache } from './state-keys';
import type { Store } from './store';

export interface CachedAccount {
  id: string;
  username: string;
  name?: string;
}

export function rememberAccount<T extends CachedAccount>(
  store: Store,
  credentialsId: string,
  me: T,
): Promise<void> {
  return setState(store, accountCache.key(credentialsId), me);
}

export function rememberedAccount<T extends CachedAccount>(
  store: Store,
  credentialsId: string,
): Promise<T | undefined> {
  return getState<T>(store, accountCache.key(credentialsId));
}
