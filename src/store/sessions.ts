// Console sessions as stored: _id is the sha256 of the cookie's random id. No TTL index
// (FerretDB v1 has none): the console refuses expired ones on read and sweeps them here.
import type { Store } from './store';
import { modelsOf } from './store';

export interface StoredSession {
  key: string;
  staffId: string;
  staffName: string;
  csrf: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  flash?: unknown;
}

export async function insertSession(store: Store, s: StoredSession): Promise<void> {
  const { Session } = modelsOf(store);
  const { key, flash: _, ...rest } = s;
  await Session.create({ _id: key, ...rest });
}

export async function sessionByKey(store: Store, key: string): Promise<StoredSession | undefined> {
  const { Session } = modelsOf(store);
  const d = await Session.findById(key).lean();
  if (!d) return undefined;
  return {
    key: d._id,
    staffId: d.staffId,
    staffName: d.staffName,
    csrf: d.csrf,
    createdAt: d.createdAt,
    lastSeenAt: d.lastSeenAt,
    expiresAt: d.expiresAt,
    ...(d.flash ? { flash: d.flash } : {}),
  };
}

export async function touchSession(store: Store, key: string, at: Date): Promise<void> {
  const { Session } = modelsOf(store);
  await Session.updateOne({ _id: key }, { $set: { lastSeenAt: at } });
}

/** One message for the next page, or none (undefined clears it). */
export async function setSessionFlash(store: Store, key: string, flash: unknown): Promise<void> {
  const { Session } = modelsOf(store);
  if (flash === undefined) await Session.updateOne({ _id: key }, { $unset: { flash: 1 } });
  else await Session.updateOne({ _id: key }, { $set: { flash } });
}

export async function deleteSession(store: Store, key: string): Promise<void> {
  const { Session } = modelsOf(store);
  await Session.deleteOne({ _id: key });
}

/** Signs a member out everywhere. */
export async function deleteStaffSessions(store: Store, staffId: string): Promise<void> {
  const { Session } = modelsOf(store);
  await Session.deleteMany({ staffId });
}

/** Removes sessions past their expiry or idle since before `idleBefore`; how many. */
export async function deleteStaleSessions(store: Store, now: Date, idleBefore: Date): Promise<number> {
  const { Session } = modelsOf(store);
  const r = await Session.deleteMany({
    $or: [{ expiresAt: { $lte: now } }, { lastSeenAt: { $lt: idleBefore } }],
  });
  return r.deletedCount;
}
