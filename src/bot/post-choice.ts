// The poster's decisions, without I/O: what to do with the next due reply, whether the storm
// rule holds routine acknowledgements back, when X's quota is used up, and which tweet on our
// timeline is a reply already posted. poster.ts gathers the facts and applies the step.
// (Which reply is due next is the outbox's order: urgent first, then oldest; store/outbox.ts.)
import type { RateLimit } from '../x/types';

/** The fields of an outbox reply the choice reads. */
export interface ReplyFacts {
  kind: string;
  priority: number;
  plannedAt: Date;
}

/** Urgent replies (priority 1) go first and are never held or dropped. */
const isUrgent = (r: { priority: number }) => r.priority <= 1;

/** An acknowledgement hours late helps nobody; urgent ones and staff replies are never stale. */
export function isStale(reply: ReplyFacts, now: Date, staleReplyMs: number): boolean {
  if (reply.kind === 'resolved' || reply.kind === 'staff' || isUrgent(reply)) return false;
  return now.getTime() - new Date(reply.plannedAt).getTime() > staleReplyMs;
}

export interface PostFacts {
  now: Date;
  staleReplyMs: number;
  /** The storm rule holds non-urgent replies this pass (stormHolds). */
  hold: boolean;
  /** Posts this pass may still spend. */
  budget: number;
  /** X's quota is used up until then (quotaExhausted), if it is. */
  exhausted?: Exhausted;
}

export type PostStep =
  /** Stop: the storm rule keeps the rest for later in the window. */
  | { do: 'hold' }
  /** Stop: this pass spent what it may. */
  | { do: 'spent' }
  /** Too late to post: marked stale, kept on its ticket; go on with the next. */
  | { do: 'stale' }
  /** Stop: nothing left on X until `until`. */
  | { do: 'wait'; until: Date; appDay: boolean }
  | { do: 'post' };

/** What to do with the next due reply (in the outbox's order). */
export function nextPostStep(reply: ReplyFacts, f: PostFacts): PostStep {
  if (f.hold && !isUrgent(reply)) return { do: 'hold' };
  if (f.budget <= 0) return { do: 'spent' };
  if (isStale(reply, f.now, f.staleReplyMs)) return { do: 'stale' };
  // Spend exactly what X's headers allow: with nothing left, wait for the reset.
  if (f.exhausted) return { do: 'wait', ...f.exhausted };
  return { do: 'post' };
}

export interface Exhausted {
  until: Date;
  /** The app's 24-hour cap (out of budget, not a 15-minute wait). */
  appDay: boolean;
}

/** When X's last answer on posting said nothing is left (15-minute window or 24-hour caps). */
export function quotaExhausted(rl: RateLimit | undefined, now: Date): Exhausted | undefined {
  if (!rl) return undefined;
  const t = now.getTime();
  if (rl.day && rl.day.remaining <= 0 && rl.day.reset.getTime() > t)
    return { until: rl.day.reset, appDay: false };
  if (rl.appDay && rl.appDay.remaining <= 0 && rl.appDay.reset.getTime() > t)
    return { until: rl.appDay.reset, appDay: true };
  if (rl.remaining <= 0 && rl.reset.getTime() > t) return { until: rl.reset, appDay: false };
  return undefined;
}

/**
 * Storm rule, first half: the rule can only hold while quota is left and more than the last
 * quarter of the window remains (then the backlog is worth counting).
 */
export function stormMayHold(rl: RateLimit | undefined, now: Date, windowMs: number): rl is RateLimit {
  if (!rl || rl.remaining <= 0) return false;
  return rl.reset.getTime() - now.getTime() > windowMs / 4;
}

/**
 * Storm rule: when more non-urgent acknowledgements wait than X's quota can post before its
 * reset, hold them until the last quarter of the window so that urgent ones arriving in the
 * meantime still find quota; the leftover is then spent on the oldest.
 */
export function stormHolds(backlog: number, rl: RateLimit): boolean {
  return backlog > rl.remaining;
}

/** A claimer that has not counted its attempt after this long died in between. */
export const ABANDONED_CLAIM_MS = 90_000;

export function claimAbandoned(claimedAt: Date | undefined, now: Date): boolean {
  return now.getTime() - (claimedAt ?? now).getTime() >= ABANDONED_CLAIM_MS;
}

/**
 * Our tweet on the timeline that is this reply, if one is: same text is proof; an
 * acknowledgement is also always our first answer to a mention (X may rewrite links).
 */
export function postedAmong(
  mine: { id: string; text: string; inReplyToTweetId?: string }[],
  reply: { kind: string; text: string; inReplyToTweetId: string },
): string | undefined {
  const same = (a: string) => a.replace(/\s+/g, ' ').trim();
  const answers = mine.filter((t) => t.inReplyToTweetId === reply.inReplyToTweetId);
  return (
    answers.find((t) => same(t.text) === same(reply.text)) ??
    (reply.kind === 'ack' ? answers.at(-1) : undefined)
  )?.id;
}
