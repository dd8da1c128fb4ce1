// What the queue pages show: tickets with their citizen's tweet joined in, and counts per
// category. Reads only; every change goes through src/queue (the same rules as the CLI).
import type { Store } from '../../store/store';
import {
  queueTickets,
  ticketByRef,
  ticketRefsOfTextSearch,
  ticketStatuses,
  tweetsOfTickets,
  type QueueSelection,
  type StoredTicket,
} from '../../store/console-tickets';
import { staffNames } from '../../store/staff';
import { ticketReplies } from '../../queue/staff-reply';
import { authorTickets } from '../../queue/lookups';
import { parseSearch, textPattern, VIEWS, type View } from './search';

export const STATUS_FILTERS = ['active', 'open', 'claimed', 'resolved', 'all'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

export interface QueueFilters {
  status: StatusFilter;
  category?: string;
  priority?: number;
  overdue: boolean;
  /** A saved view (mine, unassigned, escalated, overdue, needs triage). */
  view?: View;
  /** The search box: reference, @handle or words of the tweet. */
  q?: string;
  /** 1-based page of PAGE_SIZE tickets (default 1). */
  page?: number;
}

export const LIST_LIMIT = 200;
export const PAGE_SIZE = 50;

export function parseFilters(q: URLSearchParams): QueueFilters {
  const status = q.get('status') as StatusFilter | null;
  const priority = Number(q.get('priority'));
  const category = q.get('category')?.trim();
  return {
    status: status && STATUS_FILTERS.includes(status) ? status : 'active',
    ...(category && /^[a-z0-9_-]{1,40}$/.test(category) ? { category } : {}),
    ...(priority >= 1 && priority <= 4 && Number.isInteger(priority) ? { priority } : {}),
    overdue: q.get('overdue') === '1',
    ...(VIEWS.includes(q.get('view') as View) ? { view: q.get('view') as View } : {}),
    ...(q.get('q')?.trim() ? { q: q.get('q')!.trim().slice(0, 100) } : {}),
    page: Math.min(10_000, Math.max(1, Math.floor(Number(q.get('page')) || 1))),
  };
}

export function filtersToQuery(f: QueueFilters): string {
  const q = new URLSearchParams();
  if (f.status !== 'active') q.set('status', f.status);
  if (f.category) q.set('category', f.category);
  if (f.priority) q.set('priority', String(f.priority));
  if (f.overdue) q.set('overdue', '1');
  if (f.view) q.set('view', f.view);
  if (f.q) q.set('q', f.q);
  if ((f.page ?? 1) > 1) q.set('page', String(f.page));
  const s = q.toString();
  return s ? `?${s}` : '';
}

export interface TicketView {
  ref: string;
  status: 'open' | 'claimed' | 'resolved';
  priority: number;
  category: string;
  urgent: boolean;
  /** Flagged for supervisors (needs triage, repeat complainer, the bot could not reply…). */
  escalated: boolean;
  lang?: string;
  confidence?: number;
  source?: string;
  rule?: string;
  urgentTerm?: string;
  dueAt?: Date;
  overdue: boolean;
  breached: boolean;
  /** Back in the queue after a resolve (staff, or the citizen said it is not fixed). */
  reopened: boolean;
  claimedBy?: string;
  leaseUntil?: Date;
  createdAt?: Date;
  updatedAt?: Date;
  resolvedAt?: Date;
  authorUsername?: string;
  mentionId: string;
  tweetUrl?: string;
  tweetText?: string;
  tweetCreatedAt?: Date;
  /** Photos/videos on the citizen's post: X's own links, shown by the browser, never fetched here. */
  media?: { type: string; url?: string; altText?: string }[];
  /** The place the citizen tagged (X's full name), and the exact point when shared. */
  place?: string;
  notes: { at: Date; by: string; text: string }[];
  history: { at: Date; by: string; action: string; detail?: string }[];
  followUps: { tweetId: string; at: Date; text?: string }[];
  /** Everything sent on the ticket (ticket page only). */
  replies?: Awaited<ReturnType<typeof ticketReplies>>;
  /** The citizen's other tickets of the last 60 days (ticket page only). */
  others?: { ref: string; category: string; at: Date; status?: string }[];
  /** Staff names a ticket can be assigned to (ticket page only). */
  staff?: string[];
}

const USERNAME = /^[A-Za-z0-9_]{1,15}$/;

/** https://x.com/<user>/status/<id>; without a known handle X's i/web form still resolves. */
export function tweetUrl(username: string | undefined | null, id: string): string | undefined {
  if (!/^\d{1,25}$/.test(id)) return undefined;
  return username && USERNAME.test(username)
    ? `https://x.com/${username}/status/${id}`
    : `https://x.com/i/web/status/${id}`;
}

async function withMentions(store: Store, tickets: StoredTicket[], now: Date): Promise<TicketView[]> {
  const mentions = await tweetsOfTickets(
    store,
    tickets.map((t) => t.mentionId),
  );
  const byId = new Map(mentions.map((m) => [m._id, m]));
  return tickets.map((t) => {
    const m = byId.get(t.mentionId);
    const username = t.authorUsername ?? m?.authorUsername ?? undefined;
    const cls = (m?.classification ?? {}) as { urgentTerm?: string };
    const v: TicketView = {
      ref: t._id,
      status: t.status as TicketView['status'],
      priority: t.priority,
      category: t.category,
      urgent: Boolean(t.urgent),
      escalated: Boolean(t.escalated),
      overdue: t.status !== 'resolved' && !!t.dueAt && t.dueAt < now,
      breached: Boolean(t.breached),
      reopened: t.status !== 'resolved' && !!t.reopenedAt,
      mentionId: t.mentionId,
      notes: (t.notes ?? []) as TicketView['notes'],
      history: (t.history ?? []).map((h) => ({
        at: h.at,
        by: h.by,
        action: h.action,
        detail: h.detail ?? undefined,
      })),
      followUps: (t.followUps ?? []).map((f) => ({
        tweetId: f.tweetId,
        at: f.at,
        text: f.text ?? undefined,
      })),
    };
    const optional: Partial<TicketView> = {
      lang: t.lang ?? undefined,
      confidence: t.confidence ?? undefined,
      source: t.source ?? undefined,
      rule: t.rule ?? undefined,
      urgentTerm: typeof cls.urgentTerm === 'string' ? cls.urgentTerm : undefined,
      dueAt: t.dueAt ?? undefined,
      claimedBy: t.claimedBy ?? undefined,
      leaseUntil: t.leaseUntil ?? undefined,
      createdAt: t.createdAt,
      updatedAt: t.updatedAt,
      resolvedAt: t.resolvedAt ?? undefined,
      authorUsername: username,
      tweetUrl: tweetUrl(username, t.mentionId),
      tweetText: m?.text || undefined, // '' once purged (deleted on X)
      tweetCreatedAt: m?.tweetCreatedAt ?? undefined,
      ...mediaAndPlace(m),
    };
    for (const [k, val] of Object.entries(optional))
      if (val !== undefined) (v as unknown as Record<string, unknown>)[k] = val;
    return v;
  });
}

const X_MEDIA = /^https:\/\/([a-z0-9-]+\.)*twimg\.com\//i;

function mediaAndPlace(m: { media?: unknown; place?: unknown } | undefined): Partial<TicketView> {
  const out: Partial<TicketView> = {};
  if (Array.isArray(m?.media) && m.media.length)
    out.media = (m.media as { type?: unknown; url?: unknown; altText?: unknown }[]).slice(0, 4).map((x) => ({
      type: typeof x.type === 'string' ? x.type : 'photo',
      ...(typeof x.url === 'string' && X_MEDIA.test(x.url) ? { url: x.url } : {}),
      ...(typeof x.altText === 'string' ? { altText: x.altText } : {}),
    }));
  const p = m?.place as { fullName?: unknown; coordinates?: unknown } | undefined;
  if (p && typeof p.fullName === 'string') out.place = p.fullName;
  else if (p && Array.isArray(p.coordinates))
    out.place = (p.coordinates as number[])
      .map((n) => n.toFixed(5))
      .reverse()
      .join(', ');
  return out;
}

export interface QueueData {
  tickets: TicketView[];
  /** Tickets per category under the same filters except the category one. */
  counts: { category: string; n: number }[];
  total: number;
  /** Tickets before this page. */
  offset: number;
}

/** The search box as the store's search (undefined: no search). */
async function searchOf(store: Store, raw: string | undefined): Promise<QueueSelection['search']> {
  const s = parseSearch(raw);
  if (!s) return undefined;
  if (s.kind === 'ref') return { ref: s.ref };
  if (s.kind === 'handle') return { handle: s.handle };
  // Words of the tweet: a scan of the mentions that opened tickets (only when staff search).
  return { refs: await ticketRefsOfTextSearch(store, textPattern(s.text), SEARCH_LIMIT) };
}

const SEARCH_LIMIT = 1000;

/** From the citizen's lookup document (by _id, never a scan), newest first, with statuses. */
async function otherTickets(
  store: Store,
  authorId: string,
  ref: string,
): Promise<NonNullable<TicketView['others']>> {
  const list = (await authorTickets(store, authorId))
    .filter((t) => t.ref !== ref)
    .slice(-20)
    .reverse();
  const status = await ticketStatuses(
    store,
    list.map((t) => t.ref),
  );
  return list.map((t) => ({ ...t, ...(status.has(t.ref) ? { status: status.get(t.ref)! } : {}) }));
}

export async function loadQueue(
  store: Store,
  f: QueueFilters,
  now = new Date(),
  me?: string,
): Promise<QueueData> {
  const search = await searchOf(store, f.q);
  const sel: QueueSelection = {
    status: f.status,
    overdue: f.overdue,
    now,
    ...(f.priority ? { priority: f.priority } : {}),
    ...(f.view ? { view: f.view } : {}),
    ...(me !== undefined ? { me } : {}),
    ...(search ? { search } : {}),
  };
  // Sorted {priority, dueAt, _id}, counted, and grouped by category from one read (store/queue-page.ts).
  const {
    docs,
    total,
    counts: grouped,
  } = await queueTickets(store, sel, { category: f.category, limit: (f.page ?? 1) * PAGE_SIZE });
  const counts = grouped
    .map((g) => ({ category: g._id, n: g.n }))
    .sort((a, b) => b.n - a.n || a.category.localeCompare(b.category));
  const offset = ((f.page ?? 1) - 1) * PAGE_SIZE;
  const pageDocs = docs.slice(offset);
  return {
    tickets: await withMentions(store, pageDocs, now),
    counts,
    total,
    offset,
  };
}

export async function loadTicket(
  store: Store,
  ref: string,
  now = new Date(),
): Promise<TicketView | undefined> {
  const doc = await ticketByRef(store, ref);
  if (!doc) return undefined;
  const v = (await withMentions(store, [doc], now))[0];
  if (v) {
    v.replies = await ticketReplies(store, ref);
    v.others = await otherTickets(store, doc.authorId, ref);
    v.staff = await staffNames(store, 500);
  }
  return v;
}
