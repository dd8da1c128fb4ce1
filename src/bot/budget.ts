// Out of budget on X: the pay-per-use monthly cap (429 UsageCapExceeded), the app's 24-hour
// post cap (x-app-limit-24hour-*), or no credits (402). Not a failure of ours and not a
// 15-minute wait: health says "out of budget" until when, posting (and, for account-wide
// caps, polling) waits until then and tries again by itself. Nothing is dropped meanwhile:
// replies stay planned, mentions stay on X until the next poll.
import type { BotContext } from './context';
import type { XBudgetError } from '../x/errors';
import { count } from '../health/state';

/** Default wait when X gives no reset time (monthly cap, 402): probe again after this. */
export const DEFAULT_BUDGET_PROBE_MS = 30 * 60_000;

const WHY: Record<XBudgetError['why'], string> = {
  'monthly-cap': "X's monthly usage cap is reached",
  'app-24h': "the app's 24-hour post cap on X is reached",
  payment: 'X says the account has no credits left (402)',
};

/** Records the budget stop in health (logged once per stop) and returns when to try again. */
export function outOfBudget(ctx: BotContext, e: XBudgetError): Date {
  const now = ctx.now().getTime();
  const until =
    e.resetAt && e.resetAt.getTime() > now
      ? e.resetAt
      : new Date(now + (ctx.settings.budgetProbeMs ?? DEFAULT_BUDGET_PROBE_MS));
  const was = ctx.health.budget;
  ctx.health.budget = { status: 'out of budget', why: e.why, until, message: e.message };
  count(ctx.health, 'errors_budget');
  if (!was || was.why !== e.why)
    ctx.log.warn(
      `Out of budget: ${WHY[e.why]} (${e.message}); nothing is dropped, trying again at ${until.toISOString()}`,
    );
  return until;
}

/** A call went through: the budget is back (after a top-up, or the cap's reset). */
export function budgetBack(ctx: BotContext, endpoint: 'post' | 'mentions'): void {
  const b = ctx.health.budget;
  if (!b) return;
  // The app's 24-hour cap is on posting only; a poll that works says nothing about it.
  if (b.why === 'app-24h' && endpoint !== 'post') return;
  ctx.health.budget = undefined;
  ctx.log.info(`Budget on X is back (${endpoint} works again); resuming`);
}

/** Account-wide caps (monthly, 402) stop reads too: polling waits with posting. */
export function pollBlockedUntil(ctx: BotContext): number {
  const b = ctx.health.budget;
  if (!b || b.why === 'app-24h') return 0;
  return b.until.getTime();
}
