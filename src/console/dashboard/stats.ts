// Today's numbers for the dashboard, "today" being the agency's local day, worked out here
// from small facts (store/dashboard.ts); medians too, as FerretDB v1's $group has only $sum/$count.
import type { Store } from '../../store/store';
import { dashboardFacts, type DashboardFacts } from '../../store/dashboard';
import { addDays, fromLocal, toLocal } from '../../sla/zone';

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

/** Pure: the day's numbers from the facts (which may hold more than the day: filtered here). */
export function statsOfFacts(
  facts: DashboardFacts,
  o: { dayStart: Date; dayEnd: Date; now: Date; timeZone: string },
): DashboardStats {
  const { dayStart, dayEnd, now, timeZone } = o;
  const inDay = (t?: number) => t !== undefined && t >= dayStart.getTime() && t < dayEnd.getTime();
  const created = facts.tickets.filter((t) => inDay(t.createdAt));
  const active = facts.tickets.filter((t) => t.status === 'open' || t.status === 'claimed');
  const resolved = facts.tickets.filter((t) => t.status === 'resolved' && inDay(t.resolvedAt));
  const breached = active.filter((t) => (t.dueAt !== undefined && t.dueAt < now.getTime()) || t.breached);

  const byHour = new Array<number>(24).fill(0);
  for (const t of created) byHour[toLocal(new Date(t.createdAt!), timeZone).hour]!++;

  // Acknowledgement: the citizen's tweet time → our reply posted on X.
  const ackMs = facts.acks.filter((a) => inDay(a.postedAt)).map((a) => a.ackMs);
  // Resolution by staff only: tickets the bot answered and closed itself would read as 0 s.
  const resolveMs: number[] = [];
  for (const t of resolved)
    if (t.resolvedByStaff && t.createdAt !== undefined)
      resolveMs.push(Math.max(0, t.resolvedAt! - t.createdAt));

  return {
    dayStart,
    dayEnd,
    ticketsToday: created.length,
    byCategory: countBy(created, (t) => t.category),
    byHour,
    openNow: active.length,
    breachesNow: breached.length,
    breachesByCategory: countBy(breached, (t) => t.category),
    ack: durations(ackMs, ACK_BUCKETS),
    resolve: durations(resolveMs, RESOLVE_BUCKETS),
  };
}

export async function dashboardStats(
  store: Store,
  timeZone: string,
  now = new Date(),
): Promise<DashboardStats> {
  const local = toLocal(now, timeZone);
  const dayStart = fromLocal(local, 0, timeZone);
  const dayEnd = fromLocal(addDays(local, 1), 0, timeZone);
  // From the dashboard's snapshot plus what was written since (store/dashboard.ts): never a
  // day of whole tickets per request.
  const facts = await dashboardFacts(store, dayStart, dayEnd);
  return statsOfFacts(facts, { dayStart, dayEnd, now, timeZone });
}
