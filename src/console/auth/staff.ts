// Staff accounts: add, list, remove, check a password. Used by `mujib staff` and the sign-in.
import type { Store } from '../../store/store';
import {
  deleteStaff,
  insertStaff,
  recordSignIn,
  setStoredPasswordHash,
  staffById,
  staffMembers,
} from '../../store/staff';
import { deleteStaffSessions } from '../../store/sessions';
import { normalizeStaffName } from './name';
import { dummyHash, hashPassword, needsRehash, verifyPassword } from './password';

export class StaffError extends Error {
  override name = 'StaffError';
}

export const MIN_PASSWORD_LENGTH = 10;

/** Letters (any script), digits, dot, dash, underscore: the name appears in ticket history. */
const NAME = /^[\p{L}\p{N}][\p{L}\p{N}._-]{1,39}$/u;

export const staffId = (name: string) => normalizeStaffName(name);

export function checkStaffName(name: string): string {
  const n = name.normalize('NFKC').trim();
  if (!NAME.test(n))
    throw new StaffError(
      `"${name}" is not a valid staff name: 2-40 letters or digits (. _ - allowed after the first)`,
    );
  return n;
}

export function checkPassword(password: string): void {
  if ([...password].length < MIN_PASSWORD_LENGTH)
    throw new StaffError(`the password must be at least ${MIN_PASSWORD_LENGTH} characters`);
}

export async function addStaff(store: Store, name: string, password: string): Promise<{ name: string }> {
  const n = checkStaffName(name);
  checkPassword(password);
  const passwordHash = await hashPassword(password);
  if (!(await insertStaff(store, { id: staffId(n), name: n, passwordHash })))
    throw new StaffError(`a staff member named "${n}" already exists`);
  return { name: n };
}

/** Replaces the password and signs the member out everywhere. */
export async function setStaffPassword(store: Store, name: string, password: string): Promise<void> {
  checkPassword(password);
  const passwordHash = await hashPassword(password);
  if (!(await setStoredPasswordHash(store, staffId(name), passwordHash)))
    throw new StaffError(`no staff member named "${name}"`);
  await deleteStaffSessions(store, staffId(name));
}

export async function listStaff(
  store: Store,
): Promise<{ name: string; createdAt: Date; lastSignInAt?: Date | null }[]> {
  return (await staffMembers(store)).map((d) => ({
    name: d.name,
    createdAt: d.createdAt,
    lastSignInAt: d.lastSignInAt,
  }));
}

/** Removes the account and ends its sessions at once. */
export async function removeStaff(store: Store, name: string): Promise<boolean> {
  const id = staffId(name);
  const removed = await deleteStaff(store, id);
  await deleteStaffSessions(store, id);
  return removed;
}

/** The member when name and password match; undefined otherwise (same cost either way). */
export async function checkCredentials(
  store: Store,
  name: string,
  password: string,
): Promise<{ id: string; name: string } | undefined> {
  const id = staffId(name);
  // Longer than any valid name: not looked up, but it costs the same.
  const doc = id && id.length <= 40 ? await staffById(store, id) : undefined;
  const ok = await verifyPassword(password, doc?.passwordHash ?? (await dummyHash()));
  if (!doc || !ok) return undefined;
  // A hash made with older, weaker parameters is replaced now that we know the password.
  const upgrade = needsRehash(doc.passwordHash) ? await hashPassword(password) : undefined;
  await recordSignIn(store, doc.id, upgrade);
  return { id: doc.id, name: doc.name };
}
