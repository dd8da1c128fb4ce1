// The queue as CSV for a date range (agency days, both ends included): one row per ticket
// opened in it. A spreadsheet-safe file: UTF-8 with a BOM (Excel reads Arabic), RFC 4180
// quoting, and cells starting with = + - @ prefixed so a tweet cannot become a formula.
import type { Store } from '../../store/store';
import { mentionTexts, ticketsOpenedBetween } from '../../store/console-tickets';
import { addDays, fromLocal } from '../../sla/zone';
import { localTime } from '../../queue/format';

const COLUMNS = [
  'reference',
  'opened',
  'category',
  'priority',
  'urgent',
  'escalated',
  'status',
  'claimed_by',
  'due',
  'breached',
  'resolved',
  'author_handle',
  'tweet',
] as const;

export function csvCell(v: unknown): string {
  let s = v === undefined || v === null ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const parseDay = (d: string) => ({ year: +d.slice(0, 4), month: +d.slice(5, 7), day: +d.slice(8, 10) });

export async function ticketsCsv(
  store: Store,
  o: { from: string; to: string; timeZone: string },
): Promise<string> {
  const start = fromLocal(parseDay(o.from), 0, o.timeZone);
  const end = fromLocal(addDays(parseDay(o.to), 1), 0, o.timeZone);
  const tickets = await ticketsOpenedBetween(store, start, end, 50_000);
  const texts = await mentionTexts(
    store,
    tickets.map((t) => t.mentionId),
  );
  const at = (d?: Date | null) => (d ? localTime(d, o.timeZone) : '');
  const rows = tickets.map((t) =>
    [
      t._id,
      at((t as { createdAt?: Date }).createdAt),
      t.category,
      t.priority,
      t.urgent ? 'yes' : 'no',
      t.escalated ? 'yes' : 'no',
      t.status,
      t.claimedBy ?? '',
      at(t.dueAt),
      t.breached ? 'yes' : 'no',
      at(t.resolvedAt),
      t.authorUsername ?? '',
      texts.get(t.mentionId) ?? '',
    ]
      .map(csvCell)
      .join(','),
  );
  return `\uFEFF${[COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}
