// Keeping one ticket per problem: replies in a ticket's thread and the same citizen repeating
// the same complaint become follow-ups of the open ticket, not new tickets.
import type { Models } from '../store/models';
import { mutateTicket } from './mutate';
import { BOT, type Ticket } from './types';

const unresolved = { status: { $ne: 'resolved' as const } };

/** The newest unresolved ticket opened in this conversation (thread), if any. */
export async function findOpenTicketForThread(
  models: Models,
  conversationId: string | undefined,
): Promise<Ticket | null> {
  if (!conversationId) return null;
  return models.Ticket.findOne({ conversationId, ...unresolved })
    .sort({ createdAt: -1 })
    .lean<Ticket>();
}

/** The citizen's newest unresolved ticket of this category opened within the window. */
export async function findRepeat(
  models: Models,
  q: { authorId: string; category: string; withinMs: number; now?: Date },
): Promise<Ticket | null> {
  if (!(q.withinMs > 0)) return null;
  const since = new Date((q.now ?? new Date()).getTime() - q.withinMs);
  return models.Ticket.findOne({
    authorId: q.authorId,
    category: q.category,
    createdAt: { $gte: since },
    ...unresolved,
  })
    .sort({ createdAt: -1 })
    .lean<Ticket>();
}

/** Records a follow-up tweet on a ticket (once per tweet id). */
export async function attachFollowUp(
  models: Models,
  ref: string,
  f: { tweetId: string; text?: string; at?: Date; reason?: string },
): Promise<{ attached: boolean; ticket: Ticket }> {
  const at = f.at ?? new Date();
  let attached = false;
  const ticket = await mutateTicket(models, ref, BOT, at, (t) => {
    attached = false;
    if (t.followUps.some((x) => x.tweetId === f.tweetId)) return null;
    attached = true;
    return {
      followUp: { tweetId: f.tweetId, at, ...(f.text ? { text: f.text } : {}) },
      history: { action: 'follow-up', detail: `tweet ${f.tweetId}${f.reason ? ` (${f.reason})` : ''}` },
    };
  });
  return { attached, ticket };
}

/** Tickets the citizen opened in the last `days` days (for the repeat-complainer policy). */
export async function countRecentTickets(
  models: Models,
  authorId: string,
  days: number,
  now = new Date(),
): Promise<number> {
  return models.Ticket.countDocuments({
    authorId,
    createdAt: { $gte: new Date(now.getTime() - days * 86_400_000) },
  });
}
