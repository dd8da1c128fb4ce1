// Answers shared by the routes: pages vs JSON, flash-and-redirect, refusals.
import type { Ctx } from './context';
import { markup } from './html';
import { redirect, safeLocalPath, sendHtml, sendJson } from './http';
import type { MsgKey } from './i18n';
import { setFlash, type Flash } from './auth/sessions';
import { document } from './pages/layout';

export const wantsJson = (ctx: Ctx) =>
  ctx.url.pathname.startsWith('/api/') || /application\/json/.test(ctx.req.headers.accept ?? '');

export function errorPage(ctx: Ctx, status: number, key: MsgKey, detail?: string): void {
  if (wantsJson(ctx)) return sendJson(ctx.res, status, { error: detail ?? ctx.t(key) });
  const body = markup`<section class="card">
    <h1>${ctx.t(key)}</h1>
    ${detail ? markup`<p>${detail}</p>` : ''}
    <p><a href="/queue">${ctx.t('backToQueue')}</a></p>
  </section>`;
  sendHtml(ctx.res, status, document(ctx, { title: ctx.t(key), page: 'error', body }));
}

/** Post/redirect/get: the message shows once on the page we go back to. */
export async function flashAndBack(ctx: Ctx, flash: Flash, fallback: string): Promise<void> {
  if (ctx.session) await setFlash(ctx.app.store, ctx.session.key, flash);
  redirect(ctx.res, safeLocalPath(ctx.body.back, fallback));
}
