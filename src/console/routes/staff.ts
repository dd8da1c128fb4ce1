// Staff accounts and the audit in the console, for supervisors (agents get a 403 page).
import type { Ctx } from '../context';
import { sendHtml } from '../http';
import { accessLog } from '../../store/access-log';
import { addStaffWithRole, isRole, roleOf, setRole, staffWithRoles } from '../auth/roles';
import { removeStaff, StaffError } from '../auth/staff';
import { staffPage } from '../pages/staff';
import { errorPage, flashAndBack } from '../respond';
import type { Route } from '../router';

async function supervisor(ctx: Ctx): Promise<boolean> {
  if ((await roleOf(ctx.app.store, ctx.session!.staffName)) === 'supervisor') return true;
  errorPage(ctx, 403, 'supervisorsOnly');
  return false;
}

async function change(ctx: Ctx, what: string, fn: () => Promise<unknown>, done: string): Promise<void> {
  if (!(await supervisor(ctx))) return;
  try {
    await fn();
  } catch (e) {
    if (!(e instanceof StaffError)) throw e;
    return flashAndBack(ctx, { kind: 'error', text: ctx.t('refused', { reason: e.message }) }, '/staff');
  }
  ctx.app.log.info(`console: ${ctx.session!.staffName} ${what}`);
  return flashAndBack(ctx, { kind: 'ok', text: done }, '/staff');
}

export const staffRoutes: Route[] = [
  {
    method: 'GET',
    path: '/staff',
    async handle(ctx) {
      if (!(await supervisor(ctx))) return;
      const who = ctx.url.searchParams.get('who')?.trim() || undefined;
      const [rows, audit] = await Promise.all([
        staffWithRoles(ctx.app.store),
        accessLog(ctx.app.store, { limit: 200, ...(who ? { staff: who } : {}) }),
      ]);
      sendHtml(ctx.res, 200, staffPage(ctx, rows, audit, who));
    },
  },
  {
    method: 'POST',
    path: '/staff/add',
    handle(ctx) {
      const { name = '', password = '', role } = ctx.body;
      return change(
        ctx,
        `added staff account ${name} (${role})`,
        () => addStaffWithRole(ctx.app.store, name, password, isRole(role) ? role : 'agent'),
        ctx.t('staffAdded', { name }),
      );
    },
  },
  {
    method: 'POST',
    path: '/staff/role',
    handle(ctx) {
      const { name = '', role } = ctx.body;
      return change(
        ctx,
        `set the role of ${name} to ${role}`,
        () =>
          isRole(role) ? setRole(ctx.app.store, name, role) : Promise.reject(new StaffError('unknown role')),
        ctx.t('staffRoleSet', { name }),
      );
    },
  },
  {
    method: 'POST',
    path: '/staff/remove',
    handle(ctx) {
      const name = ctx.body.name ?? '';
      return change(
        ctx,
        `removed staff account ${name}`,
        async () => {
          if (name.toLowerCase() === ctx.session!.staffName.toLowerCase())
            throw new StaffError('you cannot remove your own account');
          if ((await roleOf(ctx.app.store, name)) === 'supervisor')
            await setRole(ctx.app.store, name, 'agent'); // refuses for the last supervisor
          if (!(await removeStaff(ctx.app.store, name)))
            throw new StaffError(`no staff member named "${name}"`);
        },
        ctx.t('staffRemoved', { name }),
      );
    },
  },
];
