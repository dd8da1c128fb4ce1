// Who are we on X? Asked once per start (GET /2/users/me), remembered in the database: X
// allows only 75 of those calls per 15 minutes, and a bot restarted often (a crash loop, a
// chaos run) must not lock itself out of starting. The chaos harness found this.
import type { Store } from '../store/store';
import type { Logger } from '../log';
import type { XClient, XUser } from '../x/types';
import { XBudgetError, XRateLimitError, XTransientError } from '../x/errors';
import { rememberAccount, rememberedAccount } from '../store/account-cache';

/** `credentialsId` names the credentials (a hash, never the secret itself). */
export async function resolveAccount(
  x: XClient,
  store: Store,
  credentialsId: string,
  log: Logger,
): Promise<XUser> {
  for (let attempt = 1; ; attempt++) {
    try {
      const me = await x.me();
      await rememberAccount(store, credentialsId, me);
      return me;
    } catch (e) {
      // Out of budget (monthly cap, no credits) is not a reason not to start: it passes.
      if (!(e instanceof XRateLimitError || e instanceof XTransientError || e instanceof XBudgetError))
        throw e;
      const known = await rememberedAccount<XUser>(store, credentialsId);
      if (known) {
        log.warn(`X did not say who we are (${e.message}); using the account remembered: @${known.username}`);
        return known;
      }
      const wait =
        e instanceof XRateLimitError
          ? Math.max(1000, e.resetAt.getTime() - Date.now())
          : e instanceof XBudgetError
            ? Math.min(15 * 60_000, 60_000 * attempt)
            : Math.min(60_000, 1000 * 2 ** attempt);
      log.warn(`X did not say who we are (${e.message}); asking again in ${Math.round(wait / 1000)} s`);
      await new Promise((r) => setTimeout(r, wait));
    }
  }
}
