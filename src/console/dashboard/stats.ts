// Today's numbers for the dashboard, "today" being the agency's local day. Counts come from
// small queries; medians are computed here because FerretDB v1's $group has only $sum/$count.
import type { Models } from '../../store/models';
import { BOT } from '../../queue/types';
import { addDays, fromLocal, toLocal } from '../../sla/zone';
import { utcDaysOf } from '../../store/models/day-fields';

export interface DurationStats {
  n: number;
  medianMs?: number;
  /** Counts per bucket of DURATION_BUCKETS. */
  buckets: number[];
}

export interface DashboardStats {
  dayStart: Date;
  dayEnd: Date;
  ticketsToday: number;
  byCategory: { category: string; n: number }[];
  /** 24 counts, local hours 0..23. */
  byHour: number[];
  openNow: number;
  breachesNow: number;
  breachesByCategory: { category: string; n: number }[];
  ack: DurationStats;
  resolve: DurationStats;
}

const MIN = 60_000;
const HOUR = 60 * MIN;
/** Upper bounds (exclusive); the last bucket is everything longer. */
export const ACK_BUCKETS = [MIN, 5 * MIN, 15 * MIN, HOUR];
export const RESOLVE_BUCKETS = [HOUR, 4 * HOUR, 24 * HOUR, 72 * HOUR];

export function median(values: number[]): number | undefined {
  if (!values.length) return undefined;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1]! + s[mid]!) / 2;
}

function durations(values: number[], bounds: number[]): DurationStats {
  const buckets = new Array<number>(bounds.length + 1).fill(0);
  for (const v of values) {
    const i = bounds.findIndex((b) => v < b);
    buckets[i < 0 ? bounds.length : i]!++;
  }
  const m = median(values);
  return { n: values.length, ...(m !== undefined ? { medianMs: m } : {}), buckets };
}

const countBy = <T>(items: T[], key: (t: T) => string) => {
  const m = new Map<string, number>();
  for (const i of items) m.set(key(i), (m.get(key(i)) ?? 0) + 1);
  return [...m]
    .map(([category, n]) => ({ category, n }))
    .sort((a, b) => b.n - a.n || a.category.localeCompare(b.category));
};

export async function dashboardStats(
  models: Models,
  timeZone: string,
  now = new Date(),
): Promise<DashboardStats> {
  const local = toLocal(now, timeZone);
  const dayStart = fromLocal(local, 0, timeZone);
  const dayEnd = fromLocal(addDays(local, 1), 0, timeZone);
  const today = { $gte: dayStart, $lt: dayEnd };
  const activeStatuses = { $in: ['open', 'claimed'] as ('open' | 'claimed')[] };

  // Today's work by its day fields (equality on an index, store/models/day-fields.ts): never
  // the whole history. The exact time window and statuses are then checked on those few.
  const days = { $in: utcDaysOf(dayStart, dayEnd) };
  const inToday = (d?: Date | null) => !!d && d >= dayStart && d < dayEnd;
  const [created, active, acks, resolved] = await Promise.all([
    models.Ticket.find({ createdDay: days, createdAt: today }, { category: 1, createdAt: 1 }).lean(),
    // Open work, read once for both counts.
    models.Ticket.find({ status: activeStatuses }, { category: 1, dueAt: 1, breached: 1 }).lean(),
    models.Reply.find(
      { postedDay: days, postedAt: today },
      { kind: 1, status: 1, inReplyToTweetId: 1, postedAt: 1 },
    )
      .lean()
      .then((rs) => rs.filter((r) => r.kind === 'ack' && r.status === 'posted' && inToday(r.postedAt))),
    models.Ticket.find(
      { resolvedDay: days, resolvedAt: today },
      { status: 1, createdAt: 1, resolvedAt: 1, history: 1 },
    )
      .lean()
      .then((ts) => ts.filter((t) => t.status === 'resolved' && inToday(t.resolvedAt))),
  ]);
  const openNow = active.length;
  const breached = active.filter((t) => (t.dueAt && t.dueAt < now) || t.breached === true);

  const byHour = new Array<number>(24).fill(0);
  for (const t of created) {
    const at = (t as { createdAt?: Date }).createdAt;
    if (at) byHour[toLocal(at, timeZone).hour]!++;
  }

  // Acknowledgement: the citizen's tweet time → our reply posted on X.
  const mentionIds = acks.map((r) => r.inReplyToTweetId);
  const mentions = [];
  // In slices: the embedded database searches its _id index for a list of up to 1,000 ids.
  for (let i = 0; i < mentionIds.length; i += 500)
    mentions.push(
      ...(await models.Mention.find(
        { _id: { $in: mentionIds.slice(i, i + 500) } },
        { tweetCreatedAt: 1, fetchedAt: 1 },
      ).lean()),
    );
  const tweetedAt = new Map(mentions.map((m) => [m._id, m.tweetCreatedAt ?? m.fetchedAt]));
  const ackMs: number[] = [];
  for (const r of acks) {
    const from = tweetedAt.get(r.inReplyToTweetId);
    if (from && r.postedAt) ackMs.push(Math.max(0, r.postedAt.getTime() - from.getTime()));
  }

  // Resolution by staff only: tickets the bot answered and closed itself would read as 0 s.
  const resolveMs: number[] = [];
  for (const t of resolved) {
    const last = [...(t.history ?? [])].reverse().find((h) => h.action === 'resolved');
    const createdAt = (t as { createdAt?: Date }).createdAt;
    if (!last || last.by === BOT || !createdAt || !t.resolvedAt) continue;
    resolveMs.push(Math.max(0, t.resolvedAt.getTime() - createdAt.getTime()));
  }

  return {
    dayStart,
    dayEnd,
    ticketsToday: created.length,
    byCategory: countBy(created, (t) => t.category),
    byHour,
    openNow,
    breachesNow: breached.length,
    breachesByCategory: countBy(breached, (t) => t.category),
    ack: durations(ackMs, ACK_BUCKETS),
    resolve: durations(resolveMs, RESOLVE_BUCKETS),
  };
}
