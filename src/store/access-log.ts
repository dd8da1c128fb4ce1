// The staff access log (PDPL accountability): who viewed or changed which ticket, when.
// One small insert per view or action in `access_log`; pruned by retention
// (rules/privacy.yml accessLogMonths). Through the driver on the connection the models share,
// so no model is needed for a write-only log.
import { modelsOf, type Store } from './store';

export interface AccessEntry {
  at: Date;
  staff: string;
  ticket: string;
  /** 'view', or the queue action: claim, note, resolve, reopen, release, … */
  action: string;
  via: 'console' | 'cli';
}

const COLLECTION = 'access_log';
const log = (store: Store) => modelsOf(store).State.db.collection(COLLECTION);

/** Records one access; never throws (an audit write must not block a staff member's work). */
export async function recordAccess(store: Store, e: Omit<AccessEntry, 'at'> & { at?: Date }): Promise<void> {
  await log(store)
    .insertOne({ at: e.at ?? new Date(), staff: e.staff, ticket: e.ticket, action: e.action, via: e.via })
    .catch(() => undefined);
}

/** Newest first, for one ticket or one staff member. */
export async function accessLog(
  store: Store,
  q: { ticket?: string; staff?: string; limit?: number },
): Promise<AccessEntry[]> {
  const filter: Record<string, string> = {};
  if (q.ticket) filter.ticket = q.ticket;
  if (q.staff) filter.staff = q.staff;
  const docs = await log(store)
    .find(filter, { projection: { _id: 0 } })
    .sort({ at: -1 })
    .limit(q.limit ?? 200)
    .toArray();
  return docs as unknown as AccessEntry[];
}

export async function pruneAccessLog(store: Store, before: Date): Promise<number> {
  return (await log(store).deleteMany({ at: { $lt: before } })).deletedCount;
}
