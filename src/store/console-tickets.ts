// The console's reads of tickets and their citizens' tweets: the queue's filters as a query,
// the page of tickets, the tweets joined in, the ticket page's extras and the CSV export.
// Reads only; every change goes through src/queue (the same rules as the CLI).
import type { TicketDoc } from './models';
import { modelsOf, type Store } from './store';
import { queuePage, type QueuePage, type TicketFilter } from './queue-page';

/** A ticket as stored (lean), timestamps included. */
export type StoredTicket = TicketDoc & { _id: string; createdAt?: Date; updatedAt?: Date };

/** What the staff asked for, in the queue's own terms (console/queue/data.ts parses it). */
export interface QueueSelection {
  status: 'active' | 'open' | 'claimed' | 'resolved' | 'all';
  priority?: number;
  view?: 'mine' | 'unassigned' | 'escalated' | 'overdue' | 'triage';
  overdue: boolean;
  /** The signed-in member (the "mine" view). */
  me?: string;
  now: Date;
  /** From the search box: one reference, a handle (lower case), or the refs a text search found. */
  search?: { ref: string } | { handle: string } | { refs: string[] };
}

/** The selection as a ticket filter (pure). */
export function queueFilter(f: QueueSelection): TicketFilter {
  const q: TicketFilter = {};
  if (f.status === 'active') q.status = { $in: ['open', 'claimed'] };
  else if (f.status !== 'all') q.status = f.status;
  if (f.priority) q.priority = f.priority;
  if (f.view === 'mine') {
    q.status = 'claimed';
    q.claimedBy = f.me ?? '\u0000';
  } else if (f.view === 'unassigned') q.status = 'open';
  else if (f.view === 'escalated') {
    q.escalated = true;
    if (f.status === 'active') q.status = { $in: ['open', 'claimed'] };
  } else if (f.view === 'triage') {
    q.source = 'fallback';
    if (f.status === 'active') q.status = { $in: ['open', 'claimed'] };
  }
  if (f.overdue || f.view === 'overdue') {
    q.dueAt = { $lt: f.now };
    if (f.status === 'all' || f.status === 'resolved' || f.status === 'active')
      q.status = { $in: ['open', 'claimed'] };
  }
  const s = f.search;
  if (s && 'ref' in s) q._id = s.ref;
  else if (s && 'handle' in s) q.authorUsername = { $regex: `^${s.handle}$`, $options: 'i' };
  else if (s) q._id = { $in: s.refs };
  return q;
}

/** One page of the queue, sorted {priority, dueAt, _id}, with its total and counts per category. */
export async function queueTickets(
  store: Store,
  sel: QueueSelection,
  o: { category?: string | undefined; limit: number },
): Promise<QueuePage<StoredTicket>> {
  return queuePage<StoredTicket>(store, queueFilter(sel), {
    ...(o.category ? { category: o.category } : {}),
    limit: o.limit,
  });
}

/** Tickets opened by the mentions whose text matches the pattern (a scan: only when staff search). */
export async function ticketRefsOfTextSearch(
  store: Store,
  pattern: string,
  limit: number,
): Promise<string[]> {
  const { Mention } = modelsOf(store);
  const found = await Mention.find(
    { ticketRef: { $exists: true }, text: { $regex: pattern, $options: 'i' } },
    { ticketRef: 1 },
  )
    .limit(limit)
    .lean();
  return [...new Set(found.map((m) => String(m.ticketRef)))];
}

/** What a ticket card shows of the citizen's tweet. */
export interface TweetFacts {
  _id: string;
  text?: string | null;
  tweetCreatedAt?: Date | null;
  authorUsername?: string | null;
  classification?: unknown;
  media?: unknown;
  place?: unknown;
}

export async function tweetsOfTickets(store: Store, mentionIds: string[]): Promise<TweetFacts[]> {
  const { Mention } = modelsOf(store);
  if (!mentionIds.length) return [];
  return (await Mention.find(
    { _id: { $in: mentionIds } },
    { text: 1, tweetCreatedAt: 1, authorUsername: 1, classification: 1, media: 1, place: 1 },
  ).lean()) as unknown as TweetFacts[];
}

export async function ticketByRef(store: Store, ref: string): Promise<StoredTicket | undefined> {
  const { Ticket } = modelsOf(store);
  return (await Ticket.findById(ref).lean<StoredTicket>()) ?? undefined;
}

/** Status of each ticket found (missing refs are left out). */
export async function ticketStatuses(store: Store, refs: string[]): Promise<Map<string, string>> {
  const { Ticket } = modelsOf(store);
  const docs = refs.length ? await Ticket.find({ _id: { $in: refs } }, { status: 1 }).lean() : [];
  return new Map(docs.map((d) => [String(d._id), d.status ?? 'open']));
}

/** Who holds a claim on the ticket and until when (for a refusal's wording). */
export async function ticketHolder(
  store: Store,
  ref: string,
): Promise<{ claimedBy?: string | null; leaseUntil?: Date | null } | undefined> {
  const { Ticket } = modelsOf(store);
  return (await Ticket.findById(ref, { claimedBy: 1, leaseUntil: 1 }).lean()) ?? undefined;
}

/** Tickets opened in [start, end), oldest first (at most `limit`), for the CSV export. */
export async function ticketsOpenedBetween(
  store: Store,
  start: Date,
  end: Date,
  limit: number,
): Promise<StoredTicket[]> {
  const { Ticket } = modelsOf(store);
  return (await Ticket.find({ createdAt: { $gte: start, $lt: end } })
    .sort({ createdAt: 1 })
    .limit(limit)
    .lean()) as unknown as StoredTicket[];
}

/** The text of each mention ('' once purged), read in slices of 500 ids. */
export async function mentionTexts(store: Store, ids: string[]): Promise<Map<string, string>> {
  const { Mention } = modelsOf(store);
  const texts = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 500)
    for (const m of await Mention.find({ _id: { $in: ids.slice(i, i + 500) } }, { text: 1 }).lean())
      texts.set(String(m._id), typeof m.text === 'string' ? m.text : '');
  return texts;
}
