// Replies by status for /metrics without reading the whole outbox. Planned, failed and stale
// are counted as they are (pending work and rare outcomes); posted, nearly every reply ever
// written, is a running total by day: the replies posted before a day (kept in `state`, moved
// forward one day at a time) plus those posted since, found by their day field
// (models/day-fields.ts). Several instances may move it forward at once: each computes the
// same numbers, so a lost write only repeats the same small count.
import { modelsOf, type Store } from './store';
import { REPLY_STATUSES } from './models/reply';
import { utcDay } from './models/day-fields';
import { getState, setState } from './state';
import { TYPED_QUERY } from './ferretdb-typed';

export type ReplyStatus = (typeof REPLY_STATUSES)[number];

const KEY = 'reply-count:posted';

interface Base {
  /** Posted replies whose postedDay is before `day` (or that have none). */
  n: number;
  day: string;
}

const nextDay = (day: string) => utcDay(new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000));

/** Replies posted on the given UTC days (an index count: {postedDay, status}). */
async function postedOn(store: Store, days: string[]): Promise<number> {
  return modelsOf(store)
    .Reply.countDocuments({ postedDay: { $in: days }, status: 'posted' })
    .comment(TYPED_QUERY);
}

export async function replyCounts(store: Store, now = new Date()): Promise<Record<ReplyStatus, number>> {
  const models = modelsOf(store);
  const today = utcDay(now);
  let base = (await getState<Base>(store, KEY)) ?? (await seedPostedCount(store, now));
  for (let i = 0; base.day < today && i < 400; i++) {
    base = { n: base.n + (await postedOn(store, [base.day])), day: nextDay(base.day) };
    await setState(store, KEY, base);
  }
  const counts = {} as Record<ReplyStatus, number>;
  for (const status of REPLY_STATUSES)
    counts[status] =
      status === 'posted'
        ? base.n + (await postedOn(store, [base.day])) // base.day is today (or, clocks apart, later)
        : await models.Reply.countDocuments({ status }).comment(TYPED_QUERY);
  return counts;
}

/**
 * The running total's start: every reply posted before today (replies posted before day fields
 * existed are in this full count). Run once per database, by migration 3 at start, so the first
 * scrape after an upgrade does not count the whole outbox; an index count on our FerretDB
 * build (ferretdb-typed.ts) and on MongoDB. Idempotent: the same numbers from any instance.
 */
export async function seedPostedCount(store: Store, now = new Date()): Promise<Base> {
  const models = modelsOf(store);
  const today = utcDay(now);
  const all = await models.Reply.countDocuments({ status: 'posted' }).comment(TYPED_QUERY);
  const base = { n: all - (await postedOn(store, [today])), day: today };
  await setState(store, KEY, base);
  return base;
}

export const POSTED_COUNT_KEY = KEY;

/** Open and claimed tickets per priority: a count per group, from the {status, priority} index. */
export async function queueDepth(store: Store): Promise<Map<number, number>> {
  const groups = await modelsOf(store)
    .Ticket.aggregate<{ _id: number; n: number }>([
      { $match: { status: { $in: ['open', 'claimed'] } } },
      { $group: { _id: '$priority', n: { $sum: 1 } } },
    ])
    .option({ comment: TYPED_QUERY });
  return new Map(groups.map((g) => [g._id, g.n]));
}
