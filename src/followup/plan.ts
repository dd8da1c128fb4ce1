// What the bot does with a citizen's reply in the thread of their ticket. Pure: the ticket's
// state, what the reply wants (intent.ts) and whether it is urgent arrive as arguments.
//
//   urgent, on a ticket not yet urgent  → escalate it (reopen if resolved), urgent reply
//   resolved + not fixed                 → reopen, "reopened" reply
//   resolved + status                    → "recorded as handled" reply (once per window)
//   resolved + thanks                    → nothing to say
//   resolved + anything else             → a new complaint: its own ticket and reply
//   open + status or not fixed           → status and due time (once per window)
//   open + thanks                        → nothing to say
//   open + new details                   → short acknowledgement (once per window), or none
import type { FollowUpIntent } from './intent';

export type ThreadAction =
  | { do: 'escalate'; reopen: boolean }
  | { do: 'reopen' }
  | { do: 'status' }
  | { do: 'update' }
  | { do: 'silent'; why: string }
  | { do: 'newComplaint' };

export interface ThreadFacts {
  intent: FollowUpIntent;
  urgent: boolean;
  ticket: { status: string; urgent?: boolean | null };
  /** escalation.yml followUps */
  policy: { statusReplyEveryHours: number; acknowledgeNewInfo: boolean };
  /** This very tweet already reopened / escalated the ticket (a retry after a crash). */
  doneByThisTweet?: 'reopened' | 'escalated';
}

export function planThreadReply(f: ThreadFacts): ThreadAction {
  if (f.doneByThisTweet === 'reopened') return { do: 'reopen' };
  if (f.doneByThisTweet === 'escalated') return { do: 'escalate', reopen: false };
  const resolved = f.ticket.status === 'resolved';
  if (f.urgent && (resolved || !f.ticket.urgent)) return { do: 'escalate', reopen: resolved };
  const replies = f.policy.statusReplyEveryHours > 0;
  switch (f.intent) {
    case 'notFixed':
      if (resolved) return { do: 'reopen' };
      return replies ? { do: 'status' } : { do: 'silent', why: 'status replies are off' };
    case 'status':
      return replies ? { do: 'status' } : { do: 'silent', why: 'status replies are off' };
    case 'thanks':
      return { do: 'silent', why: 'thanks: no reply needed' };
    default:
      if (resolved) return { do: 'newComplaint' };
      return replies && f.policy.acknowledgeNewInfo
        ? { do: 'update' }
        : { do: 'silent', why: 'new details recorded on the ticket' };
  }
}

/** May the bot send another thread reply on this ticket now? (At most one per window.) */
export function threadReplyAllowed(
  last: { at?: Date | null; tweetId?: string | null } | null | undefined,
  tweetId: string,
  now: Date,
  everyHours: number,
): boolean {
  if (!last?.at) return true;
  if (last.tweetId === tweetId) return true; // this tweet's own claim (a retry)
  return now.getTime() - new Date(last.at).getTime() >= everyHours * 3_600_000;
}
