// How the staff CLI shows tickets: aligned columns for the list, a readable page per ticket.
// Times are in the agency's zone, written YYYY-MM-DD HH:MM so no one misreads a date.
import { toLocal } from '../sla/zone';
import type { Ticket } from './types';

const PRIORITY = ['', 'urgent', 'high', 'normal', 'low'];

export function localTime(d: Date | null | undefined, timeZone: string): string {
  if (!d) return '-';
  const l = toLocal(new Date(d), timeZone);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${l.year}-${p(l.month)}-${p(l.day)} ${p(l.hour)}:${p(l.minute)}`;
}

/** "3h late", "in 2d 4h": how far the deadline is from now. */
export function relative(due: Date, now: Date): string {
  const ms = due.getTime() - now.getTime();
  const mins = Math.round(Math.abs(ms) / 60_000);
  const d = Math.floor(mins / 1440);
  const h = Math.floor((mins % 1440) / 60);
  const m = mins % 60;
  const span = d ? `${d}d${h ? ` ${h}h` : ''}` : h ? `${h}h${m ? ` ${m}m` : ''}` : `${m}m`;
  return ms < 0 ? `${span} late` : `in ${span}`;
}

function statusOf(t: Ticket, now: Date): string {
  if (t.status !== 'claimed') return t.status;
  const expired = t.leaseUntil && new Date(t.leaseUntil) <= now;
  return `claimed: ${t.claimedBy}${expired ? ' (expired)' : ''}`;
}

/** Display width: combining marks (Arabic harakat) take no column. */
const width = (s: string) => [...s.replace(/\p{M}/gu, '')].length;
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)));

export function formatTicketTable(tickets: Ticket[], o: { timeZone: string; now: Date }): string {
  if (tickets.length === 0) return 'No tickets match.';
  const head = ['REF', 'P', 'STATUS', 'CATEGORY', `DUE (${o.timeZone})`, '', 'ESC', 'AUTHOR'];
  const rows = tickets.map((t) => [
    t._id,
    String(t.priority),
    statusOf(t, o.now),
    t.category,
    t.dueAt ? localTime(t.dueAt, o.timeZone) : '-',
    t.dueAt && t.status !== 'resolved'
      ? relative(new Date(t.dueAt), o.now) + (t.breached ? ' (breached)' : '')
      : '',
    t.urgent ? 'urgent' : t.escalated ? 'yes' : '',
    t.authorUsername ? `@${t.authorUsername}` : t.authorId,
  ]);
  const widths = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]!))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => pad(c, widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(head), ...rows.map(line)].join('\n');
}

export function formatTicketDetail(t: Ticket, o: { timeZone: string; now: Date }): string {
  const at = (d: Date | null | undefined) => localTime(d, o.timeZone);
  const out: string[] = [];
  const why =
    t.source === 'rule'
      ? `rule ${t.rule ?? '?'}`
      : `${t.source ?? '?'}, confidence ${(t.confidence ?? 0).toFixed(2)}`;
  out.push(`${t._id}  ${statusOf(t, o.now)}${t.status === 'claimed' ? ` until ${at(t.leaseUntil)}` : ''}`);
  out.push(
    `  priority   ${t.priority} (${PRIORITY[t.priority] ?? '?'})${t.urgent ? ', URGENT' : ''}${t.escalated ? ', escalated' : ''}`,
  );
  out.push(`  category   ${t.category} (${why})`);
  out.push(
    `  author     ${t.authorUsername ? `@${t.authorUsername} ` : ''}(id ${t.authorId}), language ${t.lang ?? '?'}`,
  );
  out.push(
    `  tweet      ${t.mentionId}${t.conversationId && t.conversationId !== t.mentionId ? ` (thread ${t.conversationId})` : ''}`,
  );
  out.push(`  opened     ${at(t.createdAt)}`);
  if (t.dueAt)
    out.push(
      `  due        ${at(t.dueAt)} (${o.timeZone})${t.status !== 'resolved' ? `, ${relative(new Date(t.dueAt), o.now)}` : ''}${t.breached ? ', SLA breached' : ''}`,
    );
  if (t.resolvedAt) out.push(`  resolved   ${at(t.resolvedAt)}`);
  if (t.notes.length) {
    out.push('notes');
    for (const n of t.notes) out.push(`  ${at(n.at)}  ${n.by}: ${n.text}`);
  }
  if (t.followUps.length) {
    out.push('follow-ups');
    for (const f of t.followUps) out.push(`  ${at(f.at)}  tweet ${f.tweetId}${f.text ? `: ${f.text}` : ''}`);
  }
  out.push('history');
  const who = Math.max(...t.history.map((h) => width(h.by)));
  for (const h of t.history)
    out.push(`  ${at(h.at)}  ${pad(h.by, who)}  ${h.action}${h.detail ? ` — ${h.detail}` : ''}`);
  return out.join('\n');
}
