// The dashboard over the last 7 or 30 agency days: tickets per category and SLA compliance
// (of the tickets whose deadline has come or which were resolved: resolved by the deadline and
// never marked breached). Read by the createdDay field (an equality on an index), never the
// whole history.
import type { Store } from '../../store/store';
import { ticketsOpenedIn } from '../../store/dashboard';
import { addDays, fromLocal, toLocal } from '../../sla/zone';

export const PERIODS = [7, 30] as const;
export type Period = (typeof PERIODS)[number];

export interface CategorySla {
  category: string;
  tickets: number;
  /** Tickets whose compliance is known (resolved, or past their deadline). */
  judged: number;
  met: number;
  /** met / judged, or undefined when nothing is judged yet. */
  compliance?: number;
}

export interface PeriodStats {
  days: Period;
  start: Date;
  tickets: number;
  compliance?: number;
  byCategory: CategorySla[];
}

type Row = {
  category: string;
  dueAt?: Date | null;
  resolvedAt?: Date | null;
  breached?: boolean | null;
  createdAt?: Date;
};

/** Pure: one category's numbers from its tickets. */
export function slaOf(rows: Row[], now: Date): { judged: number; met: number } {
  let judged = 0;
  let met = 0;
  for (const r of rows) {
    if (!r.dueAt) continue;
    const due = new Date(r.dueAt);
    if (r.resolvedAt) {
      judged++;
      if (new Date(r.resolvedAt) <= due && !r.breached) met++;
    } else if (due < now) judged++;
  }
  return { judged, met };
}

export async function periodStats(
  store: Store,
  days: Period,
  timeZone: string,
  now = new Date(),
): Promise<PeriodStats> {
  const local = toLocal(now, timeZone);
  const start = fromLocal(addDays(local, -(days - 1)), 0, timeZone);
  const end = fromLocal(addDays(local, 1), 0, timeZone);
  const rows: Row[] = await ticketsOpenedIn(store, start, end);
  const byCat = new Map<string, Row[]>();
  for (const r of rows) byCat.set(r.category, [...(byCat.get(r.category) ?? []), r]);
  const byCategory = [...byCat.entries()]
    .map(([category, list]) => {
      const { judged, met } = slaOf(list, now);
      return { category, tickets: list.length, judged, met, ...(judged ? { compliance: met / judged } : {}) };
    })
    .sort((a, b) => b.tickets - a.tickets || a.category.localeCompare(b.category));
  const all = slaOf(rows, now);
  return {
    days,
    start,
    tickets: rows.length,
    ...(all.judged ? { compliance: all.met / all.judged } : {}),
    byCategory,
  };
}
