// Posting from the outbox. Each reply was recorded as `planned`; an attempt is counted in
// the database *before* the HTTP call, so after a crash (or a timeout that may have gone
// through) we look at the agency's own timeline before posting again. That is what makes
// "exactly one reply per mention" hold across kills, restarts and retries.
import type { BotContext } from './context';
import {
  XAuthError,
  XDuplicateError,
  XRateLimitError,
  XReplyNotAllowedError,
  XTransientError,
  XBadRequestError,
  XBudgetError,
} from '../x/errors';
import { budgetBack, outOfBudget } from './budget';
import { purgeDeletedMention } from './deletions';
import { count } from '../health/state';
import { escalateForDelivery } from './escalate';
import { claimOnce, claimedAt } from '../store/claims';
import { recordStaleReply } from '../queue';
import {
  adoptPostAttempt,
  countWaitingNonUrgent,
  dueReplies,
  markReplyFailed,
  markReplyPosted,
  markReplyStale,
  recordPostAttempt,
  recordReplyError,
  type OutboxReply as Reply,
} from '../store/outbox';
import {
  claimAbandoned,
  nextPostStep,
  postedAmong,
  quotaExhausted,
  stormHolds,
  stormMayHold,
} from './post-choice';

export interface PostResult {
  posted: number;
  reconciled: number;
  failed: number;
  /** Too old to post now (kept on their tickets). */
  stale?: number;
  /** Why the loop stopped early, if it did. */
  stoppedBy?: 'rate-limit' | 'credentials' | 'transient' | 'storm-hold' | 'budget';
}

const RETRY_BASE_MS = 2_000;
// X outages are usually short; a citizen waiting minutes more for an acknowledgement is worse
// than a few extra requests.
const RETRY_MAX_MS = 60_000;

export async function postPending(ctx: BotContext): Promise<PostResult> {
  const result: PostResult = { posted: 0, reconciled: 0, failed: 0 };
  const now = ctx.now();
  if (ctx.health.postPausedUntil && ctx.health.postPausedUntil > now)
    return { ...result, stoppedBy: ctx.health.budget ? 'budget' : 'rate-limit' };
  if (ctx.health.credentials === 'failing') return { ...result, stoppedBy: 'credentials' };

  const due = await dueReplies(ctx.store, now, ctx.settings.postBudget);

  const hold = await holdNonUrgent(ctx);
  let budget = ctx.x.rateLimits.post ? Infinity : 1; // learn X's quota from one post first
  for (const reply of due) {
    // X's headers change with every post: the quota is read again for each reply.
    const at = ctx.now();
    const exhausted = quotaExhausted(ctx.x.rateLimits.post, at);
    const step = nextPostStep(reply, {
      now: at,
      staleReplyMs: ctx.settings.staleReplyMs,
      hold,
      budget,
      exhausted,
    });
    if (step.do === 'hold') {
      result.stoppedBy = 'storm-hold';
      break;
    }
    if (step.do === 'spent') break;
    if (step.do === 'stale') {
      await markStale(ctx, reply);
      result.stale = (result.stale ?? 0) + 1;
      continue;
    }
    if (step.do === 'wait') {
      if (step.appDay) appCapReached(ctx, step.until);
      ctx.health.postPausedUntil = step.until;
      result.stoppedBy = 'rate-limit';
      break;
    }
    const outcome = await postOne(ctx, reply);
    if (outcome !== 'skipped') budget--;
    if (outcome === 'posted') result.posted++;
    else if (outcome === 'reconciled') result.reconciled++;
    else if (outcome === 'failed') result.failed++;
    else if (outcome !== 'skipped') {
      result.stoppedBy = outcome;
      break;
    }
  }
  return result;
}

type Outcome =
  'posted' | 'reconciled' | 'failed' | 'skipped' | 'rate-limit' | 'credentials' | 'transient' | 'budget';

async function postOne(ctx: BotContext, reply: Reply): Promise<Outcome> {
  // An earlier attempt may have reached X: look before posting again.
  if (reply.attempts > 0) {
    const found = await findPosted(ctx, reply);
    if (found) {
      await markPosted(ctx, reply, found, 'reconciled from the timeline');
      return 'reconciled';
    }
  }
  // Claim this attempt (a unique insert: only one poster, in any process, gets it), then
  // count it in the outbox before the request leaves.
  const attempt = reply.attempts + 1;
  const key = `post:${reply._id}:${attempt}`;
  if (!(await claimOnce(ctx.store, key, ctx.instanceId))) {
    await adoptAbandonedClaim(ctx, reply, key, attempt);
    return 'skipped';
  }
  await recordPostAttempt(ctx.store, reply._id, attempt, ctx.now());

  try {
    const posted = await ctx.x.reply(reply.text, reply.inReplyToTweetId);
    budgetBack(ctx, 'post');
    await markPosted(ctx, reply, posted.id);
    ctx.log.info(`Replied to ${reply.inReplyToTweetId} (${reply.ticketRef ?? reply.kind}): ${reply.text}`, {
      ticket: reply.ticketRef,
      replyId: posted.id,
    });
    return 'posted';
  } catch (e) {
    return handleFailure(ctx, reply, e);
  }
}

/**
 * Someone claimed this attempt but never counted it: a process killed between the two
 * writes. Once the claim is old enough that its owner cannot still be posting, count the
 * attempt for it, so the next try checks the timeline first and claims the next number.
 */
async function adoptAbandonedClaim(
  ctx: BotContext,
  reply: Reply,
  key: string,
  attempt: number,
): Promise<void> {
  if (!claimAbandoned(await claimedAt(ctx.store, key), ctx.now())) return;
  await adoptPostAttempt(ctx.store, reply._id, reply.attempts, attempt);
  ctx.log.warn(
    `Post attempt ${attempt} for ${reply.inReplyToTweetId} was abandoned by a stopped instance; checking X before retrying`,
  );
}

async function handleFailure(ctx: BotContext, reply: Reply, e: unknown): Promise<Outcome> {
  const message = e instanceof Error ? e.message : String(e);
  if (e instanceof XRateLimitError) {
    ctx.health.postPausedUntil = e.resetAt;
    count(ctx.health, 'errors_rate_limit');
    ctx.log.warn(`X posting limit reached; waiting until ${e.resetAt.toISOString()}`);
    // Nothing was posted; the next attempt checks the timeline first all the same (cheap).
    await recordReplyError(ctx.store, reply._id, message);
    return 'rate-limit';
  }
  if (e instanceof XBudgetError) {
    // Out of budget, not out of luck: the reply stays planned and goes when X takes posts again.
    ctx.health.postPausedUntil = outOfBudget(ctx, e);
    await recordReplyError(ctx.store, reply._id, message);
    return 'budget';
  }
  if (e instanceof XAuthError) {
    ctx.health.credentials = 'failing';
    count(ctx.health, 'errors_auth');
    ctx.log.error(`X rejected our credentials (${message}); posting stopped, mentions are still stored`);
    await recordReplyError(ctx.store, reply._id, message);
    return 'credentials';
  }
  if (e instanceof XDuplicateError) {
    // X says it already has this text: most likely our own earlier attempt went through.
    const found = await findPosted(ctx, reply);
    if (found) {
      await markPosted(ctx, reply, found, 'duplicate: found on the timeline');
      return 'reconciled';
    }
  }
  if (e instanceof XDuplicateError || e instanceof XReplyNotAllowedError || e instanceof XBadRequestError) {
    // Retrying cannot help: record it and hand the ticket to a person. Posting goes on.
    await markReplyFailed(ctx.store, reply._id, message);
    await escalateForDelivery(ctx, reply, message);
    if (e instanceof XReplyNotAllowedError && !e.knownWording) logUnknownRefusal(ctx, e);
    if (e instanceof XReplyNotAllowedError && e.reason === 'deleted')
      await purgeDeletedMention(ctx, reply.inReplyToTweetId, reply.ticketRef);
    count(ctx.health, 'errors_reply_rejected');
    ctx.log.warn(
      `X refused the reply to ${reply.inReplyToTweetId}: ${message}; escalated ${reply.ticketRef ?? ''}`,
    );
    return 'failed';
  }
  // 5xx, timeouts, dropped connections and anything unknown: back off and try again later.
  const wait =
    Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** Math.min(reply.attempts, 10)) * (0.5 + Math.random());
  await recordReplyError(ctx.store, reply._id, message, new Date(ctx.now().getTime() + wait));
  count(ctx.health, e instanceof XTransientError ? 'errors_transient' : 'errors_unknown');
  // For the channel alert (health/channel.ts): failing since the first of an unbroken run.
  ctx.health.postFailingSince ??= ctx.now();
  ctx.health.lastPostError = message;
  ctx.log.warn(
    `Posting to ${reply.inReplyToTweetId} failed (${message}); retrying in ${Math.round(wait / 1000)} s`,
  );
  return 'transient';
}

const unknownRefusals = new Set<string>();

/** A 403 wording we have not met: logged once per wording, with X's (redacted) problem body. */
function logUnknownRefusal(ctx: BotContext, e: XReplyNotAllowedError): void {
  const key = `${e.type ?? ''}|${e.detail ?? e.title ?? ''}`;
  if (unknownRefusals.has(key)) return;
  unknownRefusals.add(key);
  ctx.log.warn(`X refused a reply with a 403 we do not know; treated as about that post only`, {
    problem: e.problem,
  });
}

/** The storm rule (post-choice.ts): counts the backlog only when the rule could hold. */
async function holdNonUrgent(ctx: BotContext): Promise<boolean> {
  const rl = ctx.x.rateLimits.post;
  if (!stormMayHold(rl, ctx.now(), ctx.settings.postWindowMs)) return false;
  const backlog = await countWaitingNonUrgent(ctx.store);
  const hold = stormHolds(backlog, rl);
  if (hold && !ctx.health.stormHold)
    ctx.log.warn(
      `Storm: ${backlog} acknowledgements wait for ${rl.remaining} posts left; urgent ones go first`,
    );
  ctx.health.stormHold = hold;
  return hold;
}

/** The app's 24-hour post cap is used up: out of budget (said once), not a failure. */
function appCapReached(ctx: BotContext, until: Date): void {
  if (ctx.health.budget) return;
  outOfBudget(
    ctx,
    new XBudgetError('X post: the app 24-hour cap is used up (x-app-limit-24hour-remaining 0)', {
      endpoint: 'post',
      why: 'app-24h',
      resetAt: until,
    }),
  );
}

async function markStale(ctx: BotContext, reply: Reply): Promise<void> {
  await markReplyStale(ctx.store, reply._id);
  if (reply.ticketRef) await recordStaleReply(ctx.store, reply.ticketRef, ctx.now());
  count(ctx.health, 'replies_stale');
  ctx.log.warn(
    `Acknowledgement for ${reply.inReplyToTweetId} (${reply.ticketRef ?? ''}) is too old to post; kept on the ticket`,
  );
}

async function markPosted(ctx: BotContext, reply: Reply, tweetId: string, how?: string): Promise<void> {
  await markReplyPosted(ctx.store, reply._id, tweetId, ctx.now());
  count(ctx.health, 'replies_posted');
  ctx.health.lastPostAt = ctx.now();
  delete ctx.health.postFailingSince;
  if (how)
    ctx.log.info(`Reply to ${reply.inReplyToTweetId} was already posted (${how})`, { replyId: tweetId });
}

/** The id of our tweet replying to the same mention, if X has one. */
async function findPosted(ctx: BotContext, reply: Reply): Promise<string | undefined> {
  const since = new Date(new Date(reply.plannedAt).getTime() - 60_000);
  const mine = await ctx.x.ownTweets({ userId: ctx.account.id, startTime: since, maxResults: 100 });
  return postedAmong(mine, reply);
}
