// Roles: an `agent` works tickets; a `supervisor` also manages staff accounts and reads the
// audit of who did what. Decided for upgrades: an account without a role (made before roles
// existed, when every account could do everything) is a supervisor, so nobody loses access.
// New accounts are agents, except the very first one (someone must be able to manage staff).
import type { Models } from '../../store/models';
import { addStaff, staffId, StaffError } from './staff';

export const ROLES = ['agent', 'supervisor'] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (v: unknown): v is Role => v === 'agent' || v === 'supervisor';

const roleOfDoc = (d: { role?: string | null } | null | undefined): Role =>
  d?.role === 'agent' ? 'agent' : 'supervisor';

export async function roleOf(models: Models, name: string): Promise<Role | undefined> {
  const d = await models.Staff.findById(staffId(name), { role: 1 }).lean();
  return d ? roleOfDoc(d as { role?: string }) : undefined;
}

/** Adds an account with a role (default: agent, or supervisor for the first account). */
export async function addStaffWithRole(
  models: Models,
  name: string,
  password: string,
  role?: Role,
): Promise<{ name: string; role: Role }> {
  const first = (await models.Staff.countDocuments({})) === 0;
  const added = await addStaff(models, name, password);
  const r: Role = role ?? (first ? 'supervisor' : 'agent');
  await models.Staff.updateOne({ _id: staffId(added.name) }, { $set: { role: r } });
  return { name: added.name, role: r };
}

/** Changes a role; the last supervisor cannot be made an agent (nobody could undo it). */
export async function setRole(models: Models, name: string, role: Role): Promise<void> {
  const id = staffId(name);
  const doc = await models.Staff.findById(id, { role: 1 }).lean();
  if (!doc) throw new StaffError(`no staff member named "${name}"`);
  if (role === 'agent' && roleOfDoc(doc as { role?: string }) === 'supervisor') {
    const all = await models.Staff.find({}, { role: 1 }).lean();
    if (all.filter((d) => roleOfDoc(d as { role?: string }) === 'supervisor').length <= 1)
      throw new StaffError('this is the last supervisor: make someone else a supervisor first');
  }
  await models.Staff.updateOne({ _id: id }, { $set: { role } });
}

export async function staffWithRoles(
  models: Models,
): Promise<{ name: string; role: Role; createdAt: Date; lastSignInAt?: Date | null }[]> {
  const docs = await models.Staff.find({}, { name: 1, role: 1, createdAt: 1, lastSignInAt: 1 })
    .sort({ _id: 1 })
    .lean();
  return docs.map((d) => ({
    name: d.name,
    role: roleOfDoc(d as { role?: string }),
    createdAt: d.createdAt,
    lastSignInAt: d.lastSignInAt ?? null,
  }));
}
