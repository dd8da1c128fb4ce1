// What the bot itself changes on a ticket because of a citizen's follow-up: a reopen ("still
// broken" on a resolved ticket), an escalation (a danger told in a thread or a repeat), and
// the claim of a thread reply (at most one per window). Through mutateTicket like every
// other change, so a retry after a crash or a second instance never does it twice.
import type { Store } from '../store/store';
import { threadReplyAllowed } from '../followup/plan';
import { recordTicketNotice } from '../store/tickets';
import { mutateTicket } from './mutate';
import { BOT, type Ticket } from './types';
import { byTweet, dangerChange, type DangerEscalation } from './follow-up-marks';

/** The citizen says a resolved ticket is not fixed: back in the queue, escalated, due anew. */
export async function reopenByCitizen(
  store: Store,
  ref: string,
  o: { tweetId: string; because: string; dueAt?: Date; now: Date },
): Promise<Ticket> {
  const reopened = await mutateTicket(store, ref, BOT, o.now, (t) => {
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
  await recordTicketNotice(store, reopened, o.now, 'the citizen says it is not fixed');
  return reopened;
}

/**
 * A danger told in a follow-up (or an edit that made the post urgent): the ticket becomes
 * urgent (dangerChange says how) and staff are paged as for a new urgent ticket. `raised`:
 * this call changed the ticket (false when it already was, or on a retry).
 */
export async function escalateForDanger(
  store: Store,
  ref: string,
  o: DangerEscalation,
): Promise<{ ticket: Ticket; raised: boolean }> {
  let raised = false;
  const ticket = await mutateTicket(store, ref, BOT, o.now, (t) => {
    const change = dangerChange(t, o);
    raised = change !== null;
    return change;
  });
  // Paged like a new urgent ticket (the event's unique key: once across retries).
  await recordTicketNotice(store, ticket, o.now, o.notice ?? `urgent follow-up: ${o.reason}`);
  return { ticket, raised };
}

/**
 * Claims the ticket's thread reply for this tweet: true when the bot may answer it (no other
 * thread reply within `everyHours`, or this tweet's own earlier claim). A ticket past its due
 * time is escalated to supervisors as the citizen asks (the "late" reply says so).
 */
export async function claimThreadReply(
  store: Store,
  ref: string,
  o: { tweetId: string; everyHours: number; now: Date; why: string },
): Promise<{ allowed: boolean; ticket: Ticket }> {
  let allowed = false;
  const ticket = await mutateTicket(store, ref, BOT, o.now, (t) => {
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
