// Keeping one ticket per problem: replies in a ticket's thread and the same citizen repeating
// the same complaint become follow-ups of the open ticket, not new tickets.
import type { Store } from '../store/store';
import { mutateTicket } from './mutate';
import { BOT, type Ticket } from './types';
import {
  authorTickets,
  findTicket,
  recordFollowUpLookup,
  threadTicketRef,
  ticketRefOfTweet,
  type AuthorTicket,
} from '../store/tickets';

/** The newest unresolved ticket opened in this conversation (thread), if any. */
export async function findOpenTicketForThread(
  store: Store,
  conversationId: string | undefined,
): Promise<Ticket | null> {
  if (!conversationId) return null;
  const ref = await threadTicketRef(store, conversationId);
  const t = ref ? await findTicket(store, ref) : null;
  return t && t.status !== 'resolved' ? t : null;
}

/**
 * The citizen's newest unresolved ticket of this category opened within the window.
 * `earlier`: the citizen's tickets when the caller has already read them (authorTickets).
 */
export async function findRepeat(
  store: Store,
  q: { authorId: string; category: string; withinMs: number; now?: Date; earlier?: AuthorTicket[] },
): Promise<Ticket | null> {
  if (!(q.withinMs > 0)) return null;
  const since = (q.now ?? new Date()).getTime() - q.withinMs;
  const candidates = (q.earlier ?? (await authorTickets(store, q.authorId)))
    .filter((t) => t.category === q.category && t.at.getTime() >= since)
    .sort((a, b) => b.at.getTime() - a.at.getTime());
  for (const c of candidates) {
    const t = await findTicket(store, c.ref);
    if (t && t.status !== 'resolved') return t;
  }
  return null;
}

/** Records a follow-up tweet on a ticket (once per tweet id). */
export async function attachFollowUp(
  store: Store,
  ref: string,
  f: { tweetId: string; text?: string; at?: Date; reason?: string },
): Promise<{ attached: boolean; ticket: Ticket }> {
  const at = f.at ?? new Date();
  let attached = false;
  const ticket = await mutateTicket(store, ref, BOT, at, (t) => {
    attached = false;
    if (t.followUps.some((x) => x.tweetId === f.tweetId)) return null;
    attached = true;
    return {
      followUp: { tweetId: f.tweetId, at, ...(f.text ? { text: f.text } : {}) },
      history: { action: 'follow-up', detail: `tweet ${f.tweetId}${f.reason ? ` (${f.reason})` : ''}` },
    };
  });
  // Also when already attached: a run that crashed right after attaching wrote no lookup.
  await recordFollowUpLookup(store, f.tweetId, ticket._id);
  return { attached, ticket };
}

/** The ticket a tweet opened or was attached to as a follow-up, if any. */
export async function findTicketOfTweet(store: Store, tweetId: string): Promise<Ticket | null> {
  const ref = await ticketRefOfTweet(store, tweetId);
  return ref ? findTicket(store, ref) : null;
}

/** Tickets the citizen opened in the last `days` days (for the repeat-complainer policy). */
export async function countRecentTickets(
  store: Store,
  authorId: string,
  days: number,
  now = new Date(),
  earlier?: AuthorTicket[],
): Promise<number> {
  const since = now.getTime() - days * 86_400_000;
  return (earlier ?? (await authorTickets(store, authorId))).filter((t) => t.at.getTime() >= since).length;
}
