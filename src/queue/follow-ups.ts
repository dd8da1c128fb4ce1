// What the bot itself changes on a ticket because of a citizen's follow-up: a reopen ("still
// broken" on a resolved ticket), an escalation (a danger told in a thread or a repeat), and
// the claim of a thread reply (at most one per window). Through mutateTicket like every
// other change, so a retry after a crash or a second instance never does it twice.
import type { Models } from '../store/models';
import { threadReplyAllowed } from '../followup/plan';
import { recordTicketEvent } from '../store/notify-events';
import { storeOf } from '../store/store';
import { mutateTicket } from './mutate';
import { BOT, type Ticket } from './types';

const byTweet = (tweetId: string) => `tweet ${tweetId}`;

/** This tweet already reopened or escalated the ticket (seen in its history). */
export function doneByTweet(t: Ticket, tweetId: string): 'reopened' | 'escalated' | undefined {
  const mark = byTweet(tweetId);
  const h = t.history.find(
    (x) => (x.action === 'reopened' || x.action === 'escalated') && x.by === BOT && x.detail?.includes(mark),
  );
  return h ? (h.action as 'reopened' | 'escalated') : undefined;
}

/** The citizen says a resolved ticket is not fixed: back in the queue, escalated, due anew. */
export async function reopenByCitizen(
  models: Models,
  ref: string,
  o: { tweetId: string; because: string; dueAt?: Date; now: Date },
): Promise<Ticket> {
  const reopened = await mutateTicket(models, ref, BOT, o.now, (t) => {
    if (t.status !== 'resolved') return null;
    const resolved = [...t.history].reverse().find((h) => h.action === 'resolved');
    const who = resolved
      ? `; it had been resolved by ${resolved.by} on ${resolved.at.toISOString().slice(0, 16)}Z`
      : '';
    const priority = Math.max(1, t.priority - 1);
    return {
      set: {
        status: 'open',
        reopenedAt: o.now,
        reopenCount: (t.reopenCount ?? 0) + 1,
        escalated: true,
        breached: false,
        priority,
        ...(o.dueAt ? { dueAt: o.dueAt } : {}),
      },
      unset: ['resolvedAt', 'claimedBy', 'leaseUntil'],
      history: {
        action: 'reopened',
        detail: `the citizen says it is not fixed (${byTweet(o.tweetId)}: ${o.because})${who}; escalated, priority ${t.priority} → ${priority}`,
      },
    };
  });
  // Staff are told, as of any escalated ticket (once per event: a retry records nothing).
  await recordTicketEvent(storeOf(models), reopened, o.now, 'the citizen says it is not fixed');
  return reopened;
}

/**
 * A danger told in a follow-up: the ticket becomes urgent (priority 1, escalated, the urgent
 * due time), and is reopened if it was resolved. Nothing to do if it is already urgent and open.
 */
export async function escalateForDanger(
  models: Models,
  ref: string,
  o: { tweetId: string; reason: string; dueAt?: Date; now: Date },
): Promise<Ticket> {
  const raised = await mutateTicket(models, ref, BOT, o.now, (t) => {
    const resolved = t.status === 'resolved';
    if (t.urgent && !resolved) return null;
    const due = o.dueAt && (!t.dueAt || resolved || o.dueAt < t.dueAt) ? { dueAt: o.dueAt } : {};
    return {
      set: {
        urgent: true,
        priority: 1,
        escalated: true,
        ...due,
        ...(resolved
          ? { status: 'open', reopenedAt: o.now, reopenCount: (t.reopenCount ?? 0) + 1, breached: false }
          : {}),
      },
      unset: resolved ? ['resolvedAt', 'claimedBy', 'leaseUntil'] : [],
      history: {
        action: 'escalated',
        detail: `urgent follow-up (${byTweet(o.tweetId)}): ${o.reason}${resolved ? '; reopened' : ''}; priority ${t.priority} → 1`,
      },
    };
  });
  // A danger told in a follow-up pages staff like a new urgent ticket (event key: once).
  await recordTicketEvent(storeOf(models), raised, o.now, `urgent follow-up: ${o.reason}`);
  return raised;
}

/**
 * Claims the ticket's thread reply for this tweet: true when the bot may answer it (no other
 * thread reply within `everyHours`, or this tweet's own earlier claim). A ticket past its due
 * time is escalated to supervisors as the citizen asks (the "late" reply says so).
 */
export async function claimThreadReply(
  models: Models,
  ref: string,
  o: { tweetId: string; everyHours: number; now: Date; why: string },
): Promise<{ allowed: boolean; ticket: Ticket }> {
  let allowed = false;
  const ticket = await mutateTicket(models, ref, BOT, o.now, (t) => {
    allowed = threadReplyAllowed(t.lastThreadReply, o.tweetId, o.now, o.everyHours);
    if (!allowed || t.lastThreadReply?.tweetId === o.tweetId) return null;
    const late = t.status !== 'resolved' && t.dueAt != null && t.dueAt < o.now;
    const raise = late && !t.escalated;
    return {
      set: { lastThreadReply: { at: o.now, tweetId: o.tweetId }, ...(raise ? { escalated: true } : {}) },
      history: {
        action: 'thread-reply',
        detail: `${o.why} (${byTweet(o.tweetId)})${raise ? '; past its due time: escalated' : ''}`,
      },
    };
  });
  return { allowed, ticket };
}
