// Console sessions. The cookie holds 32 random bytes; MongoDB holds only their sha256, with
// an absolute expiry and an idle timeout. Each session carries its own CSRF token.
import { createHash, randomBytes } from 'node:crypto';
import type { Store } from '../../store/store';
import {
  deleteSession,
  deleteStaleSessions,
  insertSession,
  sessionByKey,
  setSessionFlash,
  touchSession,
} from '../../store/sessions';

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
  store: Store,
  staff: { id: string; name: string },
  now = new Date(),
): Promise<{ cookieValue: string; session: Session }> {
  const id = randomBytes(32).toString('base64url');
  const csrf = randomBytes(32).toString('base64url');
  const key = digest(id);
  await insertSession(store, {
    key,
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
export async function findSession(store: Store, cookieValue: string | undefined, now = new Date()) {
  if (!cookieValue || cookieValue.length > 100) return undefined;
  const key = digest(cookieValue);
  const doc = await sessionByKey(store, key);
  if (!doc) return undefined;
  if (doc.expiresAt <= now || now.getTime() - doc.lastSeenAt.getTime() > SESSION_IDLE_MS) {
    await deleteSession(store, key);
    return undefined;
  }
  // Touch at most once a minute: polling must not turn every read into a write.
  if (now.getTime() - doc.lastSeenAt.getTime() > 60_000) await touchSession(store, key, now);
  const session: Session = { key, staffId: doc.staffId, staffName: doc.staffName, csrf: doc.csrf };
  if (doc.flash) session.flash = doc.flash as Flash;
  return session;
}

export async function setFlash(store: Store, key: string, flash: Flash): Promise<void> {
  await setSessionFlash(store, key, flash);
}

export async function clearFlash(store: Store, key: string): Promise<void> {
  await setSessionFlash(store, key, undefined);
}

export async function destroySession(store: Store, key: string): Promise<void> {
  await deleteSession(store, key);
}

export async function sweepSessions(store: Store, now = new Date()): Promise<number> {
  return deleteStaleSessions(store, now, new Date(now.getTime() - SESSION_IDLE_MS));
}
