// Finding tickets: saved views and the search box. A search is a reference (AM-2611-0042),
// an @handle, or words of the tweet (a street, a district): those are looked up in the
// mentions that opened tickets. Pure parsing here; the query runs in data.ts.
import { canonicalTicketRef } from '../../tickets/ref';

export const VIEWS = ['mine', 'unassigned', 'escalated', 'overdue', 'triage'] as const;
export type View = (typeof VIEWS)[number];

export type Search =
  { kind: 'ref'; ref: string } | { kind: 'handle'; handle: string } | { kind: 'text'; text: string };

const REF = /^[A-Za-z]{1,6}-\d{4}-\d{1,6}$/;

export function parseSearch(raw: string | null | undefined): Search | undefined {
  const q = (raw ?? '').trim().slice(0, 100);
  if (!q) return undefined;
  if (REF.test(q)) return { kind: 'ref', ref: canonicalTicketRef(q) };
  const handle = /^@?([A-Za-z0-9_]{1,15})$/.exec(q);
  if (q.startsWith('@') && handle) return { kind: 'handle', handle: handle[1]!.toLowerCase() };
  return { kind: 'text', text: q };
}

/** A regex matching the words in any order-preserving form, safe to hand to the database. */
export function textPattern(text: string): string {
  return text
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
}
