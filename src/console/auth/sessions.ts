// Console sessions. The cookie holds 32 random bytes; MongoDB holds only their sha256, with
// an absolute expiry and an idle timeout. Each session carries its own CSRF token.
import { createHash, randomBytes } from 'node:crypto';
import type { Models } from '../../store/models';

export const SESSION_COOKIE = 'mujib_sid';
/** A working day and a bit: staff sign in once per shift. */
export const SESSION_MAX_AGE_MS = 12 * 60 * 60 * 1000;
/** Signed out after this long without a request (the queue page polls, so an open tab stays in). */
export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000;

export interface Flash {
  kind: 'ok' | 'error';
  text: string;
}

export interface Session {
  key: string;
  staffId: string;
  staffName: string;
  csrf: string;
  flash?: Flash;
}

const digest = (id: string) => createHash('sha256').update(id).digest('hex');

export async function createSession(
  models: Models,
  staff: { id: string; name: string },
  now = new Date(),
): Promise<{ cookieValue: string; session: Session }> {
  const id = randomBytes(32).toString('base64url');
  const csrf = randomBytes(32).toString('base64url');
  const key = digest(id);
  await models.Session.create({
    _id: key,
    staffId: staff.id,
    staffName: staff.name,
    csrf,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_MS),
  });
  return { cookieValue: id, session: { key, staffId: staff.id, staffName: staff.name, csrf } };
}

/** The live session for a cookie value, or undefined (unknown, expired, idle, staff removed). */
export async function findSession(models: Models, cookieValue: string | undefined, now = new Date()) {
  if (!cookieValue || cookieValue.length > 100) return undefined;
  const key = digest(cookieValue);
  const doc = await models.Session.findById(key).lean();
  if (!doc) return undefined;
  if (doc.expiresAt <= now || now.getTime() - doc.lastSeenAt.getTime() > SESSION_IDLE_MS) {
    await models.Session.deleteOne({ _id: key });
    return undefined;
  }
  // Touch at most once a minute: polling must not turn every read into a write.
  if (now.getTime() - doc.lastSeenAt.getTime() > 60_000)
    await models.Session.updateOne({ _id: key }, { $set: { lastSeenAt: now } });
  const session: Session = { key, staffId: doc.staffId, staffName: doc.staffName, csrf: doc.csrf };
  if (doc.flash) session.flash = doc.flash as Flash;
  return session;
}

export async function setFlash(models: Models, key: string, flash: Flash): Promise<void> {
  await models.Session.updateOne({ _id: key }, { $set: { flash } });
}

export async function clearFlash(models: Models, key: string): Promise<void> {
  await models.Session.updateOne({ _id: key }, { $unset: { flash: 1 } });
}

export async function destroySession(models: Models, key: string): Promise<void> {
  await models.Session.deleteOne({ _id: key });
}

export async function sweepSessions(models: Models, now = new Date()): Promise<number> {
  const r = await models.Session.deleteMany({
    $or: [{ expiresAt: { $lte: now } }, { lastSeenAt: { $lt: new Date(now.getTime() - SESSION_IDLE_MS) } }],
  });
  return r.deletedCount;
}
