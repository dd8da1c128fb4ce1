// The "not complaints" list and its restore action (issue 13), through the queue's functions.
import { timeZone } from '../context';
import { HttpError, sendHtml } from '../http';
import {
  listNotComplaints,
  restoreMention,
  NOT_COMPLAINTS,
  type NotComplaint,
} from '../../queue/not-complaints';
import { notComplaintsPage } from '../pages/not-complaints';
import { flashAndBack } from '../respond';
import type { Route } from '../router';
import { legacyModels } from '../../store/legacy-models';

export function notComplaintsRoutes(o: { ticketPrefix?: string }): Route[] {
  return [
    {
      method: 'GET',
      path: '/not-complaints',
      async handle(ctx) {
        const want = ctx.url.searchParams.get('outcome') ?? '';
        const outcome = (NOT_COMPLAINTS as readonly string[]).includes(want)
          ? (want as NotComplaint)
          : undefined;
        const rows = await listNotComplaints(legacyModels(ctx.app.store), {
          ...(outcome ? { outcome } : {}),
        });
        sendHtml(
          ctx.res,
          200,
          notComplaintsPage(ctx, { ...(outcome ? { outcome } : {}), rows, timeZone: timeZone(ctx.app) }),
        );
      },
    },
    {
      method: 'POST',
      path: '/not-complaints/:id/restore',
      async handle(ctx) {
        const id = ctx.params.id ?? '';
        if (!/^\d{1,25}$/.test(id)) throw new HttpError(404, 'no such mention');
        const ref = await restoreMention(legacyModels(ctx.app.store), {
          mentionId: id,
          staff: ctx.session?.staffName ?? 'staff',
          prefix: o.ticketPrefix ?? 'AM',
          timeZone: timeZone(ctx.app),
        }).catch((e: Error) => {
          throw new HttpError(404, e.message);
        });
        await flashAndBack(ctx, { kind: 'ok', text: ref }, '/not-complaints');
      },
    },
  ];
}
