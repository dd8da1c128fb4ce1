// What signed-in pages poll for alerts (browser notification, sound, count in the tab title):
// notification events recorded since the browser last looked. Reads the small notifications
// collection only, never the tickets.
import { sendJson } from '../http';
import type { MsgKey } from '../i18n';
import { recentNotifyEvents } from '../../store/notify-events';
import type { Route } from '../router';
import { legacyModels } from '../../store/legacy-models';

const MAX_LOOKBACK_MS = 24 * 3_600_000;

export const alertsRoutes: Route[] = [
  {
    method: 'GET',
    path: '/api/alerts',
    api: true,
    async handle(ctx) {
      const now = new Date();
      const given = new Date(ctx.url.searchParams.get('since') ?? '');
      // First look (or a bad value): nothing is "new" yet, the browser starts counting now.
      if (Number.isNaN(given.getTime()))
        return sendJson(ctx.res, 200, { now: now.toISOString(), events: [] });
      const since = new Date(Math.max(given.getTime(), now.getTime() - MAX_LOOKBACK_MS));
      const events = await recentNotifyEvents(legacyModels(ctx.app.store), since);
      sendJson(ctx.res, 200, {
        now: now.toISOString(),
        events: events.map((e) => ({
          id: e.id,
          event: e.event,
          ticket: e.ticketRef ?? null,
          at: e.at.toISOString(),
          title: `${ctx.t(`event_${e.event}` as MsgKey)}${e.ticketRef ? ` ${e.ticketRef}` : ''}`,
          url: e.ticketRef ? `/tickets/${encodeURIComponent(e.ticketRef)}` : '/queue',
        })),
      });
    },
  },
];
