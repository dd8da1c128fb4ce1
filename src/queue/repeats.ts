// The citizen's open ticket that a new tweet repeats: same category, within the window, and
// the same problem by its text (src/decide/repeat.ts decides; this only gathers the texts).
import type { Store } from '../store/store';
import { authorTickets, findTicket, mentionText, type AuthorTicket } from '../store/tickets';
import { matchRepeat, type RepeatMatch, type SameProblemPolicy } from '../decide/repeat';
import type { Ticket } from './types';

export interface SameProblemQuery {
  authorId: string;
  category: string;
  withinMs: number;
  now: Date;
  text: string;
  policy: SameProblemPolicy;
  /** The tweet being processed: its own ticket (a crashed earlier run) is no candidate. */
  mentionId?: string;
  earlier?: AuthorTicket[];
}

const MAX_CANDIDATES = 10;

export async function findSameProblem(
  store: Store,
  q: SameProblemQuery,
): Promise<{ ticket?: Ticket; match: RepeatMatch }> {
  if (!(q.withinMs > 0))
    return { match: { score: 0, reason: 'repeats are not attached (attachWithinHours 0)' } };
  const since = q.now.getTime() - q.withinMs;
  const recent = (q.earlier ?? (await authorTickets(store, q.authorId)))
    .filter((t) => t.category === q.category && t.at.getTime() >= since)
    .sort((a, b) => b.at.getTime() - a.at.getTime())
    .slice(0, MAX_CANDIDATES);
  const tickets: Ticket[] = [];
  for (const c of recent) {
    const t = await findTicket(store, c.ref);
    if (t && t.status !== 'resolved' && t.mentionId !== q.mentionId) tickets.push(t);
  }
  const candidates = await Promise.all(
    tickets.map(async (t) => {
      // By _id: the ticket's own tweet, then what was attached to it.
      const root = await mentionText(store, t.mentionId);
      const texts = [root, ...t.followUps.map((f) => f.text)].filter(
        (x): x is string => typeof x === 'string' && x.length > 0,
      );
      return { ref: t._id, texts };
    }),
  );
  const match = matchRepeat(q.text, candidates, q.policy);
  return { ticket: match.ref ? tickets.find((t) => t._id === match.ref) : undefined, match };
}
