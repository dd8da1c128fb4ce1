// Tickets as the Open311 feed reads them: newest first, within a date window, no personal
// fields selected (no author, no text, no notes), plus the place X attached to the post.
import { modelsOf, type Store } from './store';

export interface PublicTicket {
  _id: string;
  category: string;
  status: string;
  priority: number;
  createdAt: Date;
  updatedAt?: Date;
  dueAt?: Date;
  resolvedAt?: Date;
  mentionId: string;
}

export interface PublicQuery {
  ids?: string[];
  categories?: string[];
  statuses?: string[];
  start: Date;
  end: Date;
  limit: number;
}

export async function publicTickets(store: Store, q: PublicQuery): Promise<PublicTicket[]> {
  const filter: Record<string, unknown> = q.ids
    ? { _id: { $in: q.ids } }
    : { createdAt: { $gte: q.start, $lte: q.end } };
  if (q.categories) filter.category = { $in: q.categories };
  if (q.statuses) filter.status = { $in: q.statuses };
  return (await modelsOf(store)
    .Ticket.find(filter, {
      category: 1,
      status: 1,
      priority: 1,
      createdAt: 1,
      updatedAt: 1,
      dueAt: 1,
      resolvedAt: 1,
      mentionId: 1,
    })
    .sort({ createdAt: -1 })
    .limit(q.limit)
    .lean()) as unknown as PublicTicket[];
}

/** X's place of each post that has one: { fullName, bbox } only (never exact coordinates). */
export async function placesOf(
  store: Store,
  tweetIds: string[],
): Promise<Map<string, { fullName?: string; bbox?: number[] }>> {
  const out = new Map<string, { fullName?: string; bbox?: number[] }>();
  if (!tweetIds.length) return out;
  const docs = await modelsOf(store)
    .Mention.find({ _id: { $in: tweetIds }, place: { $ne: null } }, { place: 1 })
    .lean();
  for (const d of docs) {
    const p = d.place as { fullName?: string; bbox?: number[] } | undefined;
    if (p) out.set(String(d._id), { fullName: p.fullName, bbox: p.bbox });
  }
  return out;
}
