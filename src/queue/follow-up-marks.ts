// The pure half of the bot's follow-up changes (queue/follow-ups.ts applies them): how a
// citizen's tweet is named in a ticket's history, whether that tweet already reopened or
// escalated the ticket, and the change a danger makes. No I/O, so route() can use them.
import type { Change } from './mutate';
import { BOT, type Ticket } from './types';

export const byTweet = (tweetId: string) => `tweet ${tweetId}`;

/** This tweet already reopened or escalated the ticket (seen in its history). */
export function doneByTweet(t: Ticket, tweetId: string): 'reopened' | 'escalated' | undefined {
  const mark = byTweet(tweetId);
  const h = t.history.find(
    (x) => (x.action === 'reopened' || x.action === 'escalated') && x.by === BOT && x.detail?.includes(mark),
  );
  return h ? (h.action as 'reopened' | 'escalated') : undefined;
}

export interface DangerEscalation {
  /** The citizen's tweet that told of the danger (named in the history, seen by doneByTweet). */
  tweetId: string;
  reason: string;
  /** The urgent due time: the ticket's becomes this when it is sooner (or the ticket reopens). */
  dueAt?: Date;
  now: Date;
  /** Reopen a resolved ticket (default true). The edit path passes false: it only raises. */
  reopen?: boolean;
  /** The priority it is raised to (default 1, urgent); a ticket already higher keeps its own. */
  priority?: number;
  /** The history entry's detail and the staff notice's, when the default wording does not fit. */
  history?: string;
  notice?: string;
}

/**
 * The change a danger makes to a ticket (pure): urgent, escalated, raised to `priority`, the
 * sooner due time, and reopened if resolved (unless `reopen` is false). Null when there is
 * nothing to raise: with reopen, an urgent unresolved ticket; without, an urgent escalated one
 * already at that priority or higher.
 */
export function dangerChange(t: Ticket, o: DangerEscalation): Change | null {
  const target = o.priority ?? 1;
  const reopening = t.status === 'resolved' && o.reopen !== false;
  const raisedAlready = o.reopen === false ? t.escalated && t.priority <= target : t.status !== 'resolved';
  if (t.urgent && raisedAlready) return null;
  const priority = Math.min(t.priority, target);
  const due = o.dueAt && (!t.dueAt || reopening || o.dueAt < t.dueAt) ? { dueAt: o.dueAt } : {};
  return {
    set: {
      urgent: true,
      priority,
      escalated: true,
      ...due,
      ...(reopening
        ? { status: 'open', reopenedAt: o.now, reopenCount: (t.reopenCount ?? 0) + 1, breached: false }
        : {}),
    },
    unset: reopening ? ['resolvedAt', 'claimedBy', 'leaseUntil'] : [],
    history: {
      action: 'escalated',
      detail:
        o.history ??
        `urgent follow-up (${byTweet(o.tweetId)}): ${o.reason}${reopening ? '; reopened' : ''}; priority ${t.priority} → ${priority}`,
    },
  };
}
