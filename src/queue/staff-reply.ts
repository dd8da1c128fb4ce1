// A staff member's public reply to the citizen. It goes through the bot's own outbox (the
// poster sends it, exactly once, across crashes and restarts); its _id
// `staff:<ticket>:<action id>` makes a second submit of the same form a no-op. The action id
// is made when the form is drawn, so two different replies are two ids.
import { parseTweet } from 'twitter-text';
import type { Store } from '../store/store';
import { findTicket, planReplyOnce } from '../store/tickets';
import { MAX_WEIGHTED_LENGTH } from '../reply/length';
import { QueueError } from './errors';
import { mutateTicket } from './mutate';

export const ACTION_ID = /^[A-Za-z0-9_-]{8,40}$/;

export type StaffReplyProblem = 'empty' | 'too_long' | 'link_or_handle';

/** Why a staff reply cannot go out as written (pure; the console shows it while typing too). */
export function checkStaffReply(text: string): { problem?: StaffReplyProblem; weightedLength: number } {
  const t = text.trim();
  const p = parseTweet(t);
  if (!t) return { problem: 'empty', weightedLength: 0 };
  // Never a link or another account's handle in what the agency posts (X adds the citizen's).
  if (/https?:\/\/|www\.|(^|[^\w])@\w/i.test(t) || /\b[a-z0-9-]+\.(com|net|org|sa|gov)\b/i.test(t))
    return { problem: 'link_or_handle', weightedLength: p.weightedLength };
  if (p.weightedLength > MAX_WEIGHTED_LENGTH)
    return { problem: 'too_long', weightedLength: p.weightedLength };
  return { weightedLength: p.weightedLength };
}

export interface StaffReplyResult {
  id: string;
  /** False when this action id was already in the outbox (a resubmitted form). */
  planned: boolean;
}

export async function planStaffReply(
  store: Store,
  ref: string,
  o: { as: string; text: string; actionId: string; now?: Date },
): Promise<StaffReplyResult> {
  const as = (o.as ?? '').trim();
  if (!as) throw new QueueError('invalid', 'say who you are: --as NAME');
  if (!ACTION_ID.test(o.actionId ?? '')) throw new QueueError('invalid', 'missing or malformed action id');
  const text = (o.text ?? '').trim();
  const check = checkStaffReply(text);
  if (check.problem === 'empty') throw new QueueError('invalid', 'the reply is empty');
  if (check.problem === 'link_or_handle')
    throw new QueueError('invalid', 'a reply carries no links or other accounts’ handles');
  if (check.problem === 'too_long')
    throw new QueueError(
      'invalid',
      `the reply is too long for X (${check.weightedLength} of ${MAX_WEIGHTED_LENGTH})`,
    );
  const now = o.now ?? new Date();
  const t = await findTicket(store, ref);
  if (!t) throw new QueueError('not_found', `no ticket ${ref}`);
  const id = `staff:${t._id}:${o.actionId}`;
  // In the citizen's thread: their latest tweet on this ticket.
  const inReplyTo = t.followUps.at(-1)?.tweetId ?? t.mentionId;
  const planned = await planReplyOnce(store, {
    _id: id,
    kind: 'staff',
    ticketRef: t._id,
    by: as,
    inReplyToTweetId: inReplyTo,
    text,
    priority: t.priority,
    plannedAt: now,
  });
  // In the history once (a resubmit or a retry after a crash adds nothing).
  await mutateTicket(store, t._id, as, now, (cur) =>
    cur.history.some((h) => h.action === 'replied' && h.detail?.startsWith(`${id} `))
      ? null
      : {
          history: {
            action: 'replied',
            detail: `${id} ${text.length > 80 ? `${text.slice(0, 79)}…` : text}`,
          },
        },
  );
  return { id, planned };
}

/** Everything sent or to be sent on a ticket's thread, oldest first (read by the store). */
export { ticketReplies } from '../store/tickets';
