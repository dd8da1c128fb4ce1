// Staff accounts and the audit (supervisors only): who may sign in, with which role, and who
// viewed or changed which ticket (the access log), newest first.
import type { Ctx } from '../context';
import { timeZone } from '../context';
import { formatDateTime } from '../format';
import { attr, markup, type Html } from '../html';
import type { AccessEntry } from '../../store/access-log';
import { ROLES, type Role } from '../auth/roles';
import { csrfField, document } from './layout';

export interface StaffRow {
  name: string;
  role: Role;
  lastSignInAt?: Date | null;
}

export function staffPage(ctx: Ctx, rows: StaffRow[], audit: AccessEntry[], who?: string): Html {
  const { t } = ctx;
  const when = (d?: Date | null) => (d ? formatDateTime(ctx.lang, d, timeZone(ctx.app)) : t('never'));
  const roleSelect = (sel: Role) =>
    markup`<select name="role">
      ${ROLES.map((r) => markup`<option value="${r}" ${attr('selected', r === sel)}>${t(`role_${r}`)}</option>`)}
    </select>`;
  const body = markup`<h1>${t('staffTitle')}</h1>
    <section class="card">
      <h2>${t('staffAccounts')}</h2>
      <table class="staff" data-staff-table>
        <thead>
          <tr><th>${t('name')}</th><th>${t('role')}</th><th>${t('lastSignIn')}</th><th></th></tr>
        </thead>
        <tbody>
          ${rows.map(
            (r) => markup`<tr data-staff-row="${r.name}">
              <td><bdi>${r.name}</bdi></td>
              <td>
                <form method="post" action="/staff/role" class="row">
                  ${csrfField(ctx)}<input type="hidden" name="name" value="${r.name}" />${roleSelect(r.role)}
                  <button type="submit" class="small">${t('save')}</button>
                </form>
              </td>
              <td>${when(r.lastSignInAt)}</td>
              <td>
                <form method="post" action="/staff/remove">
                  ${csrfField(ctx)}<input type="hidden" name="name" value="${r.name}" />
                  <button type="submit" class="small">${t('removeAccount')}</button>
                </form>
              </td>
            </tr>`,
          )}
        </tbody>
      </table>
      <h3>${t('addAccount')}</h3>
      <form method="post" action="/staff/add" class="row" data-add-staff>
        ${csrfField(ctx)}
        <label>${t('name')} <input name="name" required maxlength="40" dir="auto" /></label>
        <label>${t('password')} <input name="password" type="password" required minlength="10" autocomplete="new-password" /></label>
        <label>${t('role')} ${roleSelect('agent')}</label>
        <button type="submit" class="primary">${t('addAccount')}</button>
      </form>
    </section>
    <section class="card">
      <h2>${t('auditTitle')}${who ? markup` — <bdi>${who}</bdi>` : ''}</h2>
      <form method="get" action="/staff" class="row">
        <label>${t('name')} <input name="who" value="${who ?? ''}" dir="auto" /></label>
        <button type="submit">${t('apply')}</button>
      </form>
      ${
        audit.length
          ? markup`<table class="audit" data-audit>
              <thead><tr><th>${t('when')}</th><th>${t('name')}</th><th>${t('ticket')}</th><th>${t('action')}</th></tr></thead>
              <tbody>
                ${audit.map(
                  (a) => markup`<tr>
                    <td>${when(a.at)}</td><td><bdi>${a.staff}</bdi></td>
                    <td><a href="/tickets/${encodeURIComponent(a.ticket)}"><bdi dir="ltr">${a.ticket}</bdi></a></td>
                    <td>${a.action} (${a.via})</td>
                  </tr>`,
                )}
              </tbody>
            </table>`
          : markup`<p class="muted">${t('noData')}</p>`
      }
    </section>`;
  return document(ctx, { title: t('staffTitle'), page: 'staff', body });
}
