// What the console's dashboard reads: small facts about recent tickets and acknowledgements.
//
// Reading a day of tickets live costs a day of whole documents (FerretDB v1 decodes every
// document it returns, whatever the projection: about 1.5 s for 1,000 tickets with history,
// open work and acknowledgements on a loaded machine). Instead the dashboard keeps a
// snapshot in one `state` document: small facts for the tickets that matter to "today" (open
// or claimed, or opened or resolved in the last UTC days) and the acknowledgement times,
// stamped with the time its reads began (`at`). A request reads the snapshot plus only what
// was written since (`writtenHour`, an indexed equality, store/models/written-hour.ts) and
// folds that in. Exact, and safe under crashes, retries and several instances: a fact is
// recomputed from its document and overwrites the old one by id (never a counter), a folded
// snapshot is written whole, and any snapshot is correct as of its own `at`, so whichever
// instance's write wins, the next fold starts from a consistent point.
import type { Store } from './store';
import { modelsOf } from './store';
import { utcDay, utcDaysOf } from './models/day-fields';
import { utcHoursOf } from './models/written-hour';
import { dashboardPeriod, dashboardToday } from './state-keys';

/** A ticket as the dashboard needs it (times in ms since the epoch). */
export interface TicketFact {
  ref: string;
  category: string;
  status: string;
  createdAt?: number;
  resolvedAt?: number;
  dueAt?: number;
  breached: boolean;
  /** Its last 'resolved' history entry is by staff (not the bot). */
  resolvedByStaff: boolean;
}

/** A posted acknowledgement: when, and how long after the citizen's tweet. */
export interface AckFact {
  id: string;
  postedAt: number;
  ackMs: number;
}

export interface DashboardFacts {
  tickets: TicketFact[];
  acks: AckFact[];
}

const BOT = 'bot'; // queue/types BOT: the store must not import the queue
const ACTIVE: ('open' | 'claimed')[] = ['open', 'claimed'];
/** UTC days kept before the snapshot's own: a local day (any zone) and the one before it. */
export const KEEP_DAYS = 2;
/** Writes stamped up to this long before a snapshot's reads began are read again. */
export const IN_FLIGHT_MS = 10 * 60_000;
/** A folded snapshot is written back once its `at` is this old (not on every poll). */
export const PERSIST_AFTER_MS = 15 * 60_000;

/** The 7- and 30-day view keeps the tickets opened in this many UTC days. */
export const PERIOD_KEEP_DAYS = 31;
/** Older than this, a snapshot is built again rather than folded (the hours to read grow). */
export const REBUILD_AFTER_MS = 24 * 3_600_000;
const state = (store: Store) => modelsOf(store).State.collection;

type Row = [string, ...unknown[]];
interface SnapshotValue {
  /** When the reads this snapshot reflects began (ms). */
  at: number;
  /** JSON arrays of rows: FerretDB v1 stores no nested arrays, and one string decodes fastest. */
  tickets: string;
  acks: string;
}

const ms = (d: unknown): number | undefined => {
  if (d === null || d === undefined) return undefined;
  const t = new Date(d as Date).getTime();
  return Number.isNaN(t) ? undefined : t;
};

type LeanTicket = {
  _id: unknown;
  category?: string | null;
  status?: string | null;
  createdAt?: Date | null;
  resolvedAt?: Date | null;
  dueAt?: Date | null;
  breached?: boolean | null;
  history?: { action: string; by: string }[] | null;
};

/** Pure: a ticket document's facts. */
export function ticketFact(t: LeanTicket): TicketFact {
  const last = [...(t.history ?? [])].reverse().find((h) => h.action === 'resolved');
  const f: TicketFact = {
    ref: String(t._id),
    category: t.category ?? '',
    status: t.status ?? 'open',
    breached: t.breached === true,
    resolvedByStaff: !!last && last.by !== BOT,
  };
  const createdAt = ms(t.createdAt);
  const resolvedAt = ms(t.resolvedAt);
  const dueAt = ms(t.dueAt);
  if (createdAt !== undefined) f.createdAt = createdAt;
  if (resolvedAt !== undefined) f.resolvedAt = resolvedAt;
  if (dueAt !== undefined) f.dueAt = dueAt;
  return f;
}

/** Pure: the first UTC day a snapshot taken at `at` still holds. */
export const keptFrom = (at: number): string => utcDay(new Date(at - KEEP_DAYS * 86_400_000));

/** Pure: whether a ticket still matters to a snapshot that keeps days from `from`. */
export function ticketKept(f: TicketFact, from: string): boolean {
  if ((ACTIVE as string[]).includes(f.status)) return true;
  return dayOf(f.createdAt) >= from || dayOf(f.resolvedAt) >= from;
}

const dayOf = (t?: number) => (t === undefined ? '' : utcDay(new Date(t)));

/**
 * A snapshot: "today" (the open work, tickets opened or resolved in the last days, the
 * acknowledgements) polled by the dashboard, and "period" (tickets opened in the last month)
 * for its 7- and 30-day view, read when the page opens. Each in one `state` document (the
 * sandbox's reset and a restore then take it along with the tickets).
 */
interface Kind {
  key: string;
  /** The first UTC day a snapshot taken at `at` holds. */
  from(at: number): string;
  keep(f: TicketFact, from: string): boolean;
  acks: boolean;
}
export const TODAY: Kind = { key: dashboardToday.key(), from: keptFrom, keep: ticketKept, acks: true };
export const PERIOD: Kind = {
  key: dashboardPeriod.key(),
  from: (at) => utcDay(new Date(at - PERIOD_KEEP_DAYS * 86_400_000)),
  keep: (f, from) => dayOf(f.createdAt) >= from,
  acks: false,
};

/** Pure: the snapshot with newer facts folded in (by id), pruned to the days it keeps. */
export function foldFacts(
  old: DashboardFacts,
  fresh: { tickets: TicketFact[]; acks: AckFact[] },
  at: number,
  kind: Kind = TODAY,
): DashboardFacts {
  const from = kind.from(at);
  const tickets = new Map(old.tickets.map((f) => [f.ref, f]));
  for (const f of fresh.tickets) tickets.set(f.ref, f);
  const acks = new Map(old.acks.map((a) => [a.id, a]));
  if (kind.acks) for (const a of fresh.acks) acks.set(a.id, a);
  return {
    tickets: [...tickets.values()].filter((f) => kind.keep(f, from)),
    acks: [...acks.values()].filter((a) => dayOf(a.postedAt) >= from),
  };
}

/** Pure: whether a snapshot taken at `at` holds everything the window [start, end) needs. */
export const snapshotCovers = (at: number, start: Date, end: Date, kind: Kind = TODAY): boolean =>
  utcDaysOf(start, end).every((d) => d >= kind.from(at));

// Compact rows: the snapshot of a busy agency holds thousands of facts.
const ticketRow = (f: TicketFact): Row => [
  f.ref,
  f.category,
  f.status,
  f.createdAt ?? null,
  f.resolvedAt ?? null,
  f.dueAt ?? null,
  f.breached ? 1 : 0,
  f.resolvedByStaff ? 1 : 0,
];
const num = (v: unknown) => (typeof v === 'number' ? v : undefined);
function ticketOfRow(r: Row): TicketFact {
  const f: TicketFact = {
    ref: r[0],
    category: String(r[1]),
    status: String(r[2]),
    breached: r[6] === 1,
    resolvedByStaff: r[7] === 1,
  };
  const [c, rs, d] = [num(r[3]), num(r[4]), num(r[5])];
  if (c !== undefined) f.createdAt = c;
  if (rs !== undefined) f.resolvedAt = rs;
  if (d !== undefined) f.dueAt = d;
  return f;
}
const ackRow = (a: AckFact): Row => [a.id, a.postedAt, a.ackMs];
const ackOfRow = (r: Row): AckFact => ({ id: r[0], postedAt: Number(r[1]), ackMs: Number(r[2]) });

const PROJECTION = { category: 1, status: 1, createdAt: 1, resolvedAt: 1, dueAt: 1, breached: 1 };

/** Acknowledgement facts of these replies (posted acks only), with their tweets' times. */
async function ackFactsOf(
  store: Store,
  replies: {
    _id: unknown;
    kind?: string | null;
    status?: string | null;
    inReplyToTweetId: string;
    postedAt?: Date | null;
  }[],
): Promise<AckFact[]> {
  const { Mention } = modelsOf(store);
  const acks = replies.filter((r) => r.kind === 'ack' && r.status === 'posted' && r.postedAt);
  const ids = acks.map((r) => r.inReplyToTweetId);
  const tweetedAt = new Map<string, Date | null | undefined>();
  // In slices: the embedded database searches its _id index for a list of up to 1,000 ids.
  for (let i = 0; i < ids.length; i += 500)
    for (const m of await Mention.find(
      { _id: { $in: ids.slice(i, i + 500) } },
      { tweetCreatedAt: 1, fetchedAt: 1 },
    ).lean())
      tweetedAt.set(m._id, m.tweetCreatedAt ?? m.fetchedAt);
  const out: AckFact[] = [];
  for (const r of acks) {
    const from = tweetedAt.get(r.inReplyToTweetId);
    if (from && r.postedAt)
      out.push({
        id: String(r._id),
        postedAt: r.postedAt.getTime(),
        ackMs: Math.max(0, r.postedAt.getTime() - from.getTime()),
      });
  }
  return out;
}

const REPLY_FIELDS = { kind: 1, status: 1, inReplyToTweetId: 1, postedAt: 1 };

/**
 * The facts a window [start, end) needs, read live by the day fields: today's tickets, the
 * open work, today's resolutions and acknowledgements. (The old way, and the snapshot's
 * first build.)
 */
export async function liveFacts(store: Store, start: Date, end: Date): Promise<DashboardFacts> {
  const { Ticket, Reply } = modelsOf(store);
  const window = { $gte: start, $lt: end };
  const days = { $in: utcDaysOf(start, end) };
  const [created, active, resolved, replies] = await Promise.all([
    Ticket.find({ createdDay: days, createdAt: window }, PROJECTION).lean(),
    Ticket.find({ status: { $in: ACTIVE } }, PROJECTION).lean(),
    Ticket.find({ resolvedDay: days, resolvedAt: window }, { ...PROJECTION, history: 1 }).lean(),
    Reply.find({ postedDay: days, postedAt: window }, REPLY_FIELDS).lean(),
  ]);
  const tickets = new Map<string, TicketFact>();
  // Resolved last: only that read has the history that says who resolved.
  for (const t of [...created, ...active, ...resolved])
    tickets.set(String(t._id), ticketFact(t as LeanTicket));
  return { tickets: [...tickets.values()], acks: await ackFactsOf(store, replies) };
}

/** Everything written in these UTC hours, as facts. */
async function writtenIn(store: Store, hours: string[], withAcks: boolean): Promise<DashboardFacts> {
  const { Ticket, Reply } = modelsOf(store);
  const [tickets, replies] = await Promise.all([
    Ticket.find({ writtenHour: { $in: hours } }, { ...PROJECTION, history: 1 }).lean(),
    withAcks ? Reply.find({ writtenHour: { $in: hours } }, REPLY_FIELDS).lean() : [],
  ]);
  return { tickets: tickets.map((t) => ticketFact(t as LeanTicket)), acks: await ackFactsOf(store, replies) };
}

/** Tickets opened on the UTC days from `from` on, as facts: streamed, so memory stays small. */
async function openedSince(store: Store, from: string, at: number): Promise<TicketFact[]> {
  const { Ticket } = modelsOf(store);
  const days = utcDaysOf(new Date(`${from}T00:00:00Z`), new Date(at + 2 * 86_400_000));
  const out: TicketFact[] = [];
  const cursor = Ticket.find({ createdDay: { $in: days } }, PROJECTION)
    .lean()
    .cursor({ batchSize: 1000 });
  for await (const t of cursor) out.push(ticketFact(t as LeanTicket));
  return out;
}

interface Snapshot extends DashboardFacts {
  at: number;
}

async function readSnapshot(store: Store, kind: Kind): Promise<Snapshot | undefined> {
  const doc = await state(store).findOne({ _id: kind.key as never });
  const v = doc?.value as SnapshotValue | undefined;
  if (!v || typeof v.at !== 'number' || typeof v.tickets !== 'string' || typeof v.acks !== 'string')
    return undefined;
  const rows = (json: string) => JSON.parse(json) as Row[];
  return { at: v.at, tickets: rows(v.tickets).map(ticketOfRow), acks: rows(v.acks).map(ackOfRow) };
}

/** One document, written whole: a reader sees one snapshot or the other, never a mix. */
async function writeSnapshot(store: Store, kind: Kind, s: Snapshot): Promise<void> {
  const value: SnapshotValue = {
    at: s.at,
    tickets: JSON.stringify(s.tickets.map(ticketRow)),
    acks: JSON.stringify(s.acks.map(ackRow)),
  };
  await state(store).replaceOne(
    { _id: kind.key as never },
    { value, updatedAt: new Date() },
    { upsert: true },
  );
}

/** Builds a snapshot from scratch (seconds on a big database: once, in the background). */
export async function buildDashboardSnapshot(
  store: Store,
  now = new Date(),
  kind: Kind = TODAY,
): Promise<number> {
  const at = now.getTime();
  const from = kind.from(at);
  const live =
    kind === PERIOD
      ? { tickets: await openedSince(store, from, at), acks: [] }
      : await liveFacts(store, new Date(`${from}T00:00:00Z`), new Date(at + 2 * 86_400_000));
  const s = { at, ...foldFacts({ tickets: [], acks: [] }, live, at, kind) };
  await writeSnapshot(store, kind, s);
  return s.tickets.length + s.acks.length;
}

/** A snapshot brought up to date with what was written since it (built first if missing). */
async function currentSnapshot(store: Store, kind: Kind): Promise<Snapshot> {
  let s = await readSnapshot(store, kind);
  if (!s || Date.now() - s.at > REBUILD_AFTER_MS) {
    await buildDashboardSnapshot(store, new Date(), kind);
    s = await readSnapshot(store, kind);
    if (!s) throw new Error('dashboard snapshot could not be read back');
  }
  const at = Date.now();
  const hours = utcHoursOf(new Date(s.at - IN_FLIGHT_MS), new Date(at));
  const fresh = await writtenIn(store, hours, kind.acks);
  // Written back now and then, so the hours read on each request stay few.
  if (at - s.at > PERSIST_AFTER_MS) {
    const next = { at, ...foldFacts(s, fresh, at, kind) };
    await writeSnapshot(store, kind, next);
    return next;
  }
  return { at: s.at, ...foldFacts(s, fresh, s.at, kind) };
}

/** Brings both snapshots up to date (building them when missing): the console does it at
 *  start, so the first person to open the dashboard does not wait. How many facts. */
export async function prepareDashboard(store: Store): Promise<number> {
  const today = await currentSnapshot(store, TODAY);
  const period = await currentSnapshot(store, PERIOD);
  return today.tickets.length + today.acks.length + period.tickets.length;
}

/**
 * The facts for the dashboard's window [start, end): from the snapshot when it holds those
 * days (today, yesterday), read live otherwise (an older day asked for).
 */
export async function dashboardFacts(store: Store, start: Date, end: Date): Promise<DashboardFacts> {
  const s = await currentSnapshot(store, TODAY);
  return snapshotCovers(s.at, start, end) ? s : liveFacts(store, start, end);
}

/** Forgets both snapshots: the next request builds them again. */
export async function dropDashboardSnapshot(store: Store): Promise<void> {
  await state(store).deleteMany({ _id: { $in: [TODAY.key, PERIOD.key] } as never });
}

type PeriodRow = {
  category: string;
  dueAt?: Date | null;
  resolvedAt?: Date | null;
  breached?: boolean | null;
  createdAt?: Date;
};

/** Tickets opened in [start, end) with what SLA compliance needs (the 7- and 30-day view):
 *  from the month's snapshot, read live when the window is older than it. */
export async function ticketsOpenedIn(store: Store, start: Date, end: Date): Promise<PeriodRow[]> {
  const s = await currentSnapshot(store, PERIOD);
  if (!snapshotCovers(s.at, start, end, PERIOD)) return ticketsOpenedLive(store, start, end);
  const date = (t?: number) => (t === undefined ? null : new Date(t));
  return s.tickets
    .filter((f) => f.createdAt !== undefined && f.createdAt >= start.getTime() && f.createdAt < end.getTime())
    .map((f) => ({
      category: f.category,
      dueAt: date(f.dueAt),
      resolvedAt: date(f.resolvedAt),
      breached: f.breached,
      createdAt: new Date(f.createdAt!),
    }));
}

/** The same read live by the day field (an older window). */
export async function ticketsOpenedLive(store: Store, start: Date, end: Date): Promise<PeriodRow[]> {
  const { Ticket } = modelsOf(store);
  return (await Ticket.find(
    { createdDay: { $in: utcDaysOf(start, end) }, createdAt: { $gte: start, $lt: end } },
    { category: 1, dueAt: 1, resolvedAt: 1, breached: 1, createdAt: 1 },
  ).lean()) as never;
}
