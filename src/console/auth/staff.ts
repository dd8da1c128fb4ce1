// Staff accounts: add, list, remove, check a password. Used by `mujib staff` and the sign-in.
import type { Models } from '../../store/models';
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

export async function addStaff(models: Models, name: string, password: string): Promise<{ name: string }> {
  const n = checkStaffName(name);
  checkPassword(password);
  const passwordHash = await hashPassword(password);
  try {
    await models.Staff.create({ _id: staffId(n), name: n, passwordHash });
  } catch (e) {
    if ((e as { code?: number }).code === 11000)
      throw new StaffError(`a staff member named "${n}" already exists`);
    throw e;
  }
  return { name: n };
}

/** Replaces the password and signs the member out everywhere. */
export async function setStaffPassword(models: Models, name: string, password: string): Promise<void> {
  checkPassword(password);
  const passwordHash = await hashPassword(password);
  const r = await models.Staff.updateOne({ _id: staffId(name) }, { $set: { passwordHash } });
  if (r.matchedCount === 0) throw new StaffError(`no staff member named "${name}"`);
  await models.Session.deleteMany({ staffId: staffId(name) });
}

export async function listStaff(
  models: Models,
): Promise<{ name: string; createdAt: Date; lastSignInAt?: Date | null }[]> {
  const docs = await models.Staff.find({}, { name: 1, createdAt: 1, lastSignInAt: 1 })
    .sort({ _id: 1 })
    .lean();
  return docs.map((d) => ({ name: d.name, createdAt: d.createdAt, lastSignInAt: d.lastSignInAt }));
}

/** Removes the account and ends its sessions at once. */
export async function removeStaff(models: Models, name: string): Promise<boolean> {
  const id = staffId(name);
  const r = await models.Staff.deleteOne({ _id: id });
  await models.Session.deleteMany({ staffId: id });
  return r.deletedCount > 0;
}

/** The member when name and password match; undefined otherwise (same cost either way). */
export async function checkCredentials(
  models: Models,
  name: string,
  password: string,
): Promise<{ id: string; name: string } | undefined> {
  const id = staffId(name);
  // Longer than any valid name: not looked up, but it costs the same.
  const doc = id && id.length <= 40 ? await models.Staff.findById(id).lean() : null;
  const ok = await verifyPassword(password, doc?.passwordHash ?? (await dummyHash()));
  if (!doc || !ok) return undefined;
  // A hash made with older, weaker parameters is replaced now that we know the password.
  const upgrade = needsRehash(doc.passwordHash) ? { passwordHash: await hashPassword(password) } : {};
  await models.Staff.updateOne({ _id: doc._id }, { $set: { lastSignInAt: new Date(), ...upgrade } });
  return { id: doc._id, name: doc.name };
}
