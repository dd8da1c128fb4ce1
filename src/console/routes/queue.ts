// Queue pages, their polling endpoints and the ticket actions.
import type { Ctx } from '../context';
import { activeRules, categoryIds, timeZone } from '../context';
import { HttpError, redirect, sendHtml, sendJson } from '../http';
import type { MsgKey } from '../i18n';
import { canonicalTicketRef } from '../../tickets/ref';
import { loadQueue, loadTicket, parseFilters } from '../queue/data';
import { ACTIONS, NoTemplatesError, QueueError, refusalText, runAction, type Action } from '../queue/actions';
import { queueFragment, queuePage, stampOf } from '../pages/queue';
import { ticketActions, ticketInfo, ticketPage, ticketStamp } from '../pages/ticket';
import { errorPage, flashAndBack, wantsJson } from '../respond';
import type { Route } from '../router';
import { recordAccess } from '../../store/access-log';

async function ticketOr404(ctx: Ctx) {
  const ref = canonicalTicketRef(ctx.params.ref ?? '');
  const v = await loadTicket(ctx.app.store, ref);
  if (!v) throw new HttpError(404, ctx.t('ticketNotFound'));
  return v;
}

/** The triage form's fields (empty selects mean "leave as it is"). */
function triageInput(ctx: Ctx) {
  const b = ctx.body;
  const priority = Number(b.priority);
  return {
    ...(b.category ? { category: b.category } : {}),
    ...(priority >= 1 && priority <= 4 ? { priority } : {}),
    ...(b.urgent === 'yes' ? { urgent: true } : b.urgent === 'no' ? { urgent: false } : {}),
    ...(b.reason !== undefined ? { reason: b.reason } : {}),
    categories: categoryIds(ctx.app),
  };
}

export const queueRoutes: Route[] = [
  {
    method: 'GET',
    path: '/queue',
    async handle(ctx) {
      const f = parseFilters(ctx.url.searchParams);
      sendHtml(
        ctx.res,
        200,
        queuePage(ctx, f, await loadQueue(ctx.app.store, f, new Date(), ctx.session?.staffName)),
      );
    },
  },
  {
    method: 'GET',
    path: '/api/queue',
    api: true,
    async handle(ctx) {
      const f = parseFilters(ctx.url.searchParams);
      const data = await loadQueue(ctx.app.store, f, new Date(), ctx.session?.staffName);
      const fragment = queueFragment(ctx, f, data);
      sendJson(ctx.res, 200, {
        stamp: stampOf(fragment),
        total: data.total,
        counts: data.counts,
        refs: data.tickets.map((t) => ({ ref: t.ref, status: t.status, claimedBy: t.claimedBy ?? null })),
        html: fragment.value,
      });
    },
  },
  {
    method: 'GET',
    path: '/tickets/:ref',
    async handle(ctx) {
      const v = await ticketOr404(ctx);
      // The staff access log (PDPL): who opened which citizen's ticket.
      await recordAccess(ctx.app.store, {
        staff: ctx.session!.staffName,
        ticket: v.ref,
        action: 'view',
        via: 'console',
      });
      sendHtml(ctx.res, 200, ticketPage(ctx, v));
    },
  },
  {
    method: 'GET',
    path: '/api/tickets/:ref',
    api: true,
    async handle(ctx) {
      const v = await ticketOr404(ctx);
      sendJson(ctx.res, 200, {
        ref: v.ref,
        status: v.status,
        claimedBy: v.claimedBy ?? null,
        stamp: ticketStamp(ctx, v),
        info: ticketInfo(ctx, v).value,
        actions: ticketActions(ctx, v).value,
      });
    },
  },
  {
    method: 'POST',
    path: '/tickets/:ref/:action',
    async handle(ctx) {
      const action = ctx.params.action as Action;
      if (!ACTIONS.includes(action)) return errorPage(ctx, 404, 'notFound');
      const ref = canonicalTicketRef(ctx.params.ref ?? '');
      const { store, log } = ctx.app;
      const as = ctx.session!.staffName;
      const back = `/tickets/${encodeURIComponent(ref)}`;
      await recordAccess(store, { staff: as, ticket: ref, action, via: 'console' });
      const reply = ctx.body.reply === '1' || ctx.body.reply === 'true' || ctx.body.reply === 'on';
      let result;
      try {
        result = await runAction(
          store,
          action,
          ref,
          {
            as,
            text: ctx.body.text,
            note: ctx.body.note,
            reply,
            ...triageInput(ctx),
            ...(ctx.body.actionId ? { actionId: ctx.body.actionId } : {}),
            ...(ctx.body.to ? { to: ctx.body.to } : {}),
          },
          activeRules(ctx.app)?.policy,
        );
      } catch (e) {
        if (e instanceof NoTemplatesError) {
          const text = ctx.t('refused', { reason: ctx.t('replyNeedsRules') });
          if (wantsJson(ctx)) return sendJson(ctx.res, 409, { error: text, code: 'no_templates' });
          return flashAndBack(ctx, { kind: 'error', text }, back);
        }
        if (!(e instanceof QueueError)) throw e;
        const text = await refusalText(store, e, ref, ctx.lang, ctx.t, timeZone(ctx.app));
        log.info(`console: ${as} ${action} ${ref} refused: ${e.message}`);
        if (wantsJson(ctx))
          return sendJson(ctx.res, e.code === 'not_found' ? 404 : 409, { error: text, code: e.code });
        return flashAndBack(ctx, { kind: 'error', text }, back);
      }
      log.info(`console: ${as} ${action} ${ref}${result.replyPlanned ? ' (resolved reply queued)' : ''}`);
      let text = ctx.t(`done_${action}` as MsgKey, { ref });
      if (action === 'reply') text = result.replyPlanned ? text : ctx.t('replyAlreadySent');
      else if (result.replyPlanned !== undefined)
        text += ` ${ctx.t(result.replyPlanned ? 'replyQueued' : 'replyAlreadyQueued')}`;
      if (wantsJson(ctx)) return sendJson(ctx.res, 200, { ok: true, message: text });
      return flashAndBack(ctx, { kind: 'ok', text }, back);
    },
  },
  {
    method: 'GET',
    path: '/',
    handle(ctx) {
      redirect(ctx.res, '/queue', 302);
    },
  },
];
