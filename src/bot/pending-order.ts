// Which stored mentions the pipeline takes first. Pure: the caller says which are urgent.
import type { StoredMention } from '../store/mentions';

/**
 * In a backlog (a storm), a danger to life must not wait behind hundreds of routine tweets:
 * urgent new complaints jump the queue, in their order; the rest keep theirs. Replies in a
 * thread keep their place, so they still find their parent's ticket.
 */
export function urgentFirst<M extends Pick<StoredMention, 'inReplyToTweetId'>>(
  pending: M[],
  isUrgent: (m: M) => boolean,
): M[] {
  const urgent = pending.filter((m) => !m.inReplyToTweetId && isUrgent(m));
  if (urgent.length === 0) return pending;
  return [...urgent, ...pending.filter((m) => !urgent.includes(m))];
}
