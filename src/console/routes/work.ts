// Queue-wide staff actions: bulk claim/close of ticked tickets (each through the queue's own
// functions, refusals counted, not fatal) and the CSV export over a date range.
import { timeZone } from '../context';
import { HttpError } from '../http';
import { claim, QueueError, resolve } from '../../queue';
import { ticketsCsv } from '../queue/export';
import { flashAndBack } from '../respond';
import type { Route } from '../router';

const MAX_BULK = 100;

export const workRoutes: Route[] = [
  {
    method: 'POST',
    path: '/queue/bulk',
    async handle(ctx) {
      const as = ctx.session!.staffName;
      const refs = Object.keys(ctx.body)
        .filter((k) => k.startsWith('ref_') && ctx.body[k])
        .map((k) => k.slice(4))
        .slice(0, MAX_BULK);
      const action = ctx.body.action;
      if (action !== 'claim' && action !== 'resolve') throw new HttpError(400, 'unknown bulk action');
      if (!refs.length) return flashAndBack(ctx, { kind: 'error', text: ctx.t('bulkNone') }, '/queue');
      let done = 0;
      let refused = 0;
      for (const ref of refs) {
        try {
          if (action === 'claim') await claim(ctx.app.store, ref, { as });
          else await resolve(ctx.app.store, ref, { as });
          done++;
        } catch (e) {
          if (!(e instanceof QueueError)) throw e;
          refused++;
        }
      }
      ctx.app.log.info(
        `console: ${as} bulk ${action} on ${refs.length} ticket(s): ${done} done, ${refused} refused`,
      );
      return flashAndBack(
        ctx,
        { kind: refused ? 'error' : 'ok', text: ctx.t('bulkDone', { done, refused }) },
        '/queue',
      );
    },
  },
  {
    method: 'GET',
    path: '/queue/export.csv',
    async handle(ctx) {
      const day = /^\d{4}-\d{2}-\d{2}$/;
      const from = ctx.url.searchParams.get('from') ?? '';
      const to = ctx.url.searchParams.get('to') ?? '';
      if (!day.test(from) || !day.test(to)) throw new HttpError(400, 'from and to are dates (YYYY-MM-DD)');
      const csv = await ticketsCsv(ctx.app.store, { from, to, timeZone: timeZone(ctx.app) });
      ctx.res.statusCode = 200;
      ctx.res.setHeader('content-type', 'text/csv; charset=utf-8');
      ctx.res.setHeader('content-disposition', `attachment; filename="mujib-tickets-${from}-${to}.csv"`);
      ctx.res.setHeader('cache-control', 'no-store');
      ctx.res.end(csv);
    },
  },
];
