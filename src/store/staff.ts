// Staff accounts as stored: one document per member, _id the folded name. The rules about
// names, passwords and roles live in src/console/auth/; this file only reads and writes.
import type { Store } from './store';
import { modelsOf } from './store';

export interface StoredStaff {
  id: string;
  name: string;
  passwordHash: string;
  /** Absent on accounts made before roles existed. */
  role?: string;
  createdAt: Date;
  lastSignInAt?: Date | null;
}

const ofDoc = (d: {
  _id: string;
  name: string;
  passwordHash?: string;
  role?: string | null;
  createdAt: Date;
  lastSignInAt?: Date | null;
}): StoredStaff => ({
  id: d._id,
  name: d.name,
  passwordHash: d.passwordHash ?? '',
  ...(d.role ? { role: d.role } : {}),
  createdAt: d.createdAt,
  lastSignInAt: d.lastSignInAt ?? null,
});

/** Inserts a new member (a unique insert): false when the _id is taken. */
export async function insertStaff(
  store: Store,
  s: { id: string; name: string; passwordHash: string },
): Promise<boolean> {
  const { Staff } = modelsOf(store);
  try {
    await Staff.create({
      _id: s.id,
      name: s.name,
      passwordHash: s.passwordHash,
    });
    return true;
  } catch (e) {
    if ((e as { code?: number }).code === 11000) return false;
    throw e;
  }
}

/** The member by _id, password hash included (sign-in), or undefined. */
export async function staffById(store: Store, id: string): Promise<StoredStaff | undefined> {
  const { Staff } = modelsOf(store);
  const d = await Staff.findById(id).lean();
  return d ? ofDoc(d) : undefined;
}

/** The member's role field: undefined without such a member, null without a role. */
export async function storedRoleOf(store: Store, id: string): Promise<string | null | undefined> {
  const { Staff } = modelsOf(store);
  const d = await Staff.findById(id, { role: 1 }).lean();
  return d ? ((d as { role?: string | null }).role ?? null) : undefined;
}

/** Every member's role field (null without one): to count the supervisors. */
export async function storedRoles(store: Store): Promise<(string | null)[]> {
  const { Staff } = modelsOf(store);
  return (await Staff.find({}, { role: 1 }).lean()).map((d) => (d as { role?: string | null }).role ?? null);
}

/** Every member without the password hash, by _id. */
export async function staffMembers(store: Store): Promise<Omit<StoredStaff, 'passwordHash'>[]> {
  const { Staff } = modelsOf(store);
  const docs = await Staff.find({}, { name: 1, role: 1, createdAt: 1, lastSignInAt: 1 })
    .sort({ _id: 1 })
    .lean();
  return docs.map((d) => {
    const { passwordHash: _, ...rest } = ofDoc(d);
    return rest;
  });
}

/** Names a ticket can be assigned to, by _id (at most `limit`). */
export async function staffNames(store: Store, limit = 500): Promise<string[]> {
  const { Staff } = modelsOf(store);
  return (await Staff.find({}, { name: 1 }).sort({ _id: 1 }).limit(limit).lean()).map((x) => x.name);
}

export async function staffCount(store: Store): Promise<number> {
  const { Staff } = modelsOf(store);
  return Staff.countDocuments({});
}

/** false when there is no such member. */
export async function setStoredPasswordHash(
  store: Store,
  id: string,
  passwordHash: string,
): Promise<boolean> {
  const { Staff } = modelsOf(store);
  return (await Staff.updateOne({ _id: id }, { $set: { passwordHash } })).matchedCount > 0;
}

export async function setStoredRole(store: Store, id: string, role: 'agent' | 'supervisor'): Promise<void> {
  const { Staff } = modelsOf(store);
  await Staff.updateOne({ _id: id }, { $set: { role } });
}

/** A successful sign-in, and the rehashed password when its parameters were old. */
export async function recordSignIn(store: Store, id: string, newPasswordHash?: string): Promise<void> {
  const { Staff } = modelsOf(store);
  await Staff.updateOne(
    { _id: id },
    { $set: { lastSignInAt: new Date(), ...(newPasswordHash ? { passwordHash: newPasswordHash } : {}) } },
  );
}

/** false when there was no such member. */
export async function deleteStaff(store: Store, id: string): Promise<boolean> {
  const { Staff } = modelsOf(store);
  return (await Staff.deleteOne({ _id: id })).deletedCount > 0;
}
