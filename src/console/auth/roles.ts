// Roles: an `agent` works tickets; a `supervisor` also manages staff accounts and reads the
// audit of who did what. Decided for upgrades: an account without a role (made before roles
// existed, when every account could do everything) is a supervisor, so nobody loses access.
// New accounts are agents, except the very first one (someone must be able to manage staff).
import type { Store } from '../../store/store';
import { setStoredRole, staffCount, staffMembers, storedRoleOf, storedRoles } from '../../store/staff';
import { addStaff, staffId, StaffError } from './staff';

export const ROLES = ['agent', 'supervisor'] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (v: unknown): v is Role => v === 'agent' || v === 'supervisor';

const roleOfDoc = (d: { role?: string | null } | null | undefined): Role =>
  d?.role === 'agent' ? 'agent' : 'supervisor';

export async function roleOf(store: Store, name: string): Promise<Role | undefined> {
  const role = await storedRoleOf(store, staffId(name));
  return role === undefined ? undefined : roleOfDoc({ role });
}

/** Adds an account with a role (default: agent, or supervisor for the first account). */
export async function addStaffWithRole(
  store: Store,
  name: string,
  password: string,
  role?: Role,
): Promise<{ name: string; role: Role }> {
  const first = (await staffCount(store)) === 0;
  const added = await addStaff(store, name, password);
  const r: Role = role ?? (first ? 'supervisor' : 'agent');
  await setStoredRole(store, staffId(added.name), r);
  return { name: added.name, role: r };
}

/** Changes a role; the last supervisor cannot be made an agent (nobody could undo it). */
export async function setRole(store: Store, name: string, role: Role): Promise<void> {
  const id = staffId(name);
  const current = await storedRoleOf(store, id);
  if (current === undefined) throw new StaffError(`no staff member named "${name}"`);
  if (role === 'agent' && roleOfDoc({ role: current }) === 'supervisor') {
    const all = await storedRoles(store);
    if (all.filter((r) => roleOfDoc({ role: r }) === 'supervisor').length <= 1)
      throw new StaffError('this is the last supervisor: make someone else a supervisor first');
  }
  await setStoredRole(store, id, role);
}

export async function staffWithRoles(
  store: Store,
): Promise<{ name: string; role: Role; createdAt: Date; lastSignInAt?: Date | null }[]> {
  const docs = await staffMembers(store);
  return docs.map((d) => ({
    name: d.name,
    role: roleOfDoc(d),
    createdAt: d.createdAt,
    lastSignInAt: d.lastSignInAt ?? null,
  }));
}
