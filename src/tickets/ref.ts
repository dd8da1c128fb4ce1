// Ticket references citizens can read out on the phone: PREFIX-YYMM-NNNN (AM-2611-0042).
// YYMM is the month in the agency's zone, so a tweet at 01:00 on 1 December in Riyadh is a
// December ticket; the number restarts every month and grows past 4 digits when it must.
import { nextNumber } from '../store/counters';
import type { Store } from '../store/store';
import { toLocal } from '../sla/zone';

export interface TicketRefParts {
  prefix: string;
  /** Full year, e.g. 2026. */
  year: number;
  month: number;
  number: number;
}

const REF = /^([A-Z]{1,4})-(\d{2})(0[1-9]|1[0-2])-(\d{4,})$/;

export function formatTicketRef(p: TicketRefParts): string {
  const yy = String(p.year % 100).padStart(2, '0');
  return `${p.prefix}-${yy}${String(p.month).padStart(2, '0')}-${String(p.number).padStart(4, '0')}`;
}

/** The reference with staff typing forgiven (lower case, Arabic-Indic digits, spaces); undefined if not one. */
export function parseTicketRef(text: string): TicketRefParts | undefined {
  const s = text
    .trim()
    .replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) & 0xf))
    .replace(/\s+/g, '')
    .toUpperCase();
  const m = REF.exec(s);
  if (!m) return undefined;
  return { prefix: m[1]!, year: 2000 + Number(m[2]), month: Number(m[3]), number: Number(m[4]) };
}

/** The canonical form of a typed reference (for lookups), or the input unchanged. */
export function canonicalTicketRef(text: string): string {
  const p = parseTicketRef(text);
  return p ? formatTicketRef(p) : text.trim();
}

export async function allocateTicketRef(
  store: Store,
  opts: { prefix: string; now: Date; timeZone: string },
): Promise<string> {
  const l = toLocal(opts.now, opts.timeZone);
  const month = { prefix: opts.prefix, year: l.year, month: l.month, number: 0 };
  const series = `ticket:${formatTicketRef(month).slice(0, -5)}`; // ticket:AM-2611
  const number = await nextNumber(store, series);
  return formatTicketRef({ ...month, number });
}
