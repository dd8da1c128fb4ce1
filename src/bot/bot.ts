// The long-running loop: on each tick, poll → process → post, never two ticks at once.
// node-cron drives the schedule; stop() waits for the tick in flight, so SIGTERM never
// leaves a reply half-recorded.
import cron, { type ScheduledTask } from 'node-cron';
import type { BotContext } from './context';
import { pollMentions } from './poller';
import { processPending } from './pipeline';
import { postPending } from './poster';
import { XAuthError, XBudgetError, XRateLimitError, XTransientError } from '../x/errors';
import { budgetBack, outOfBudget, pollBlockedUntil } from './budget';
import { count } from '../health/state';

export interface Bot {
  start(): void;
  /** One full poll → process → post; resolves when done (joins a tick already running). */
  tick(): Promise<void>;
  stop(): Promise<void>;
  /** Called once when the bot cannot go on (X rejected our credentials). */
  onFatal?: (message: string) => void;
}

export interface BotOptions {
  /** With several instances on one database: work only while this returns true. */
  isLeader?: () => boolean;
  /** More steps after poll → process → post, e.g. telling staff (src/notify). */
  afterPost?: { name: string; run: () => Promise<unknown> }[];
}

export function createBot(ctx: BotContext, schedule: string, opts: BotOptions = {}): Bot {
  let task: ScheduledTask | undefined;
  let running: Promise<void> | undefined;
  let pollPausedUntil = 0;
  let pollFailures = 0;
  let stopped = false;

  const bot: Bot = {
    start() {
      task = cron.schedule(schedule, () => void bot.tick(), { noOverlap: true });
      void bot.tick();
    },
    tick() {
      if (stopped) return Promise.resolve();
      running ??= runTick().finally(() => (running = undefined));
      return running;
    },
    async stop() {
      stopped = true;
      await task?.stop();
      await running;
    },
  };

  async function runTick(): Promise<void> {
    ctx.health.standby = Boolean(opts.isLeader && !opts.isLeader());
    if (ctx.health.standby) return; // standing by: another instance works
    const mentionsLimit = ctx.x.rateLimits.mentions;
    // Stay within the mentions quota: with none left, wait for X's reset.
    if (mentionsLimit && mentionsLimit.remaining <= 0 && mentionsLimit.reset.getTime() > Date.now())
      pollPausedUntil = Math.max(pollPausedUntil, mentionsLimit.reset.getTime());
    // Out of budget account-wide (monthly cap, no credits): polling waits for the probe time.
    pollPausedUntil = Math.max(pollPausedUntil, pollBlockedUntil(ctx));
    if (Date.now() >= pollPausedUntil) await poll();
    await step('process', () => processPending(ctx));
    await step('post', () => postPending(ctx));
    for (const s of opts.afterPost ?? []) await step(s.name, s.run);
  }

  async function poll(): Promise<void> {
    try {
      const r = await pollMentions(ctx);
      ctx.health.lastPollAt = ctx.now();
      ctx.health.lastPollOk = true;
      ctx.health.database = 'ok';
      pollFailures = 0;
      budgetBack(ctx, 'mentions');
      if (r.stored) ctx.log.info(`Fetched ${r.fetched} mention(s), ${r.stored} new`);
    } catch (e) {
      ctx.health.lastPollOk = false;
      ctx.health.lastError = (e as Error).message;
      if (e instanceof XAuthError) {
        ctx.health.credentials = 'failing';
        count(ctx.health, 'errors_auth');
        ctx.log.error(`X rejected our credentials: ${e.message}. Check the X_* variables; polling stopped.`);
        bot.onFatal?.(e.message);
        return;
      }
      if (e instanceof XBudgetError) {
        pollPausedUntil = outOfBudget(ctx, e).getTime();
        return;
      }
      if (e instanceof XRateLimitError) {
        pollPausedUntil = e.resetAt.getTime();
        count(ctx.health, 'errors_rate_limit');
        ctx.log.warn(`X mentions limit reached; next poll after ${e.resetAt.toISOString()}`);
        return;
      }
      pollFailures++;
      // 5xx, timeouts, database outages: back off with jitter, the cursor stays put.
      const wait = Math.min(5 * 60_000, 1000 * 2 ** Math.min(pollFailures, 8)) * (0.5 + Math.random());
      pollPausedUntil = Date.now() + wait;
      if (!(e instanceof XTransientError))
        ctx.health.database = isDbError(e) ? 'failing' : ctx.health.database;
      count(ctx.health, e instanceof XTransientError ? 'errors_transient' : 'errors_poll');
      ctx.log.warn(`Polling failed (${(e as Error).message}); retrying in ${Math.round(wait / 1000)} s`);
    }
  }

  async function step(name: string, fn: () => Promise<unknown>): Promise<void> {
    try {
      await fn();
    } catch (e) {
      if (isDbError(e)) ctx.health.database = 'failing';
      count(ctx.health, `errors_${name}`);
      ctx.log.warn(`${name} step failed: ${(e as Error).message}; will retry next tick`);
    }
  }

  return bot;
}

function isDbError(e: unknown): boolean {
  const name = (e as { name?: string })?.name ?? '';
  return /^Mongo|^MongooseServerSelectionError|DatabaseError/.test(name);
}
