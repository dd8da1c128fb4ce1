// The nightly retention pass, run by the bot's daily housekeeping (bot/runtime.ts). A broken
// rules/privacy.yml skips the night with a warning rather than guessing at the agency's intent.
import type { Logger } from '../log';
import type { Store } from '../store/store';
import { formatProblem } from '../rules/problem';
import { loadPrivacyPolicy } from './policy';
import { applyRetention } from './retention';

export async function retentionHousekeeping(store: Store, rulesDir: string, log: Logger, now = new Date()) {
  const { policy, problems } = loadPrivacyPolicy(rulesDir);
  if (!policy) {
    log.warn(`Retention skipped tonight: ${problems.map(formatProblem).join('; ')}`);
    return undefined;
  }
  const r = await applyRetention(store, policy, now);
  if (r.tickets || r.mentions || r.accessLog)
    log.info(
      `Retention: ${r.tickets} tickets and ${r.mentions} posts past their time blanked, ${r.accessLog} access-log entries removed`,
    );
  return r;
}
