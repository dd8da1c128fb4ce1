// The dashboard page and its polling endpoint.
import { timeZone } from '../context';
import { sendHtml, sendJson } from '../http';
import { dashboardStats } from '../dashboard/stats';
import { periodStats, type Period } from '../dashboard/period';
import { dashboardFragment, dashboardPage } from '../pages/dashboard';
import { stampOf } from '../pages/queue';
import type { Route } from '../router';

export const dashboardRoutes: Route[] = [
  {
    method: 'GET',
    path: '/dashboard',
    async handle(ctx) {
      const days: Period = ctx.url.searchParams.get('days') === '30' ? 30 : 7;
      const [s, period] = await Promise.all([
        dashboardStats(ctx.app.store, timeZone(ctx.app)),
        periodStats(ctx.app.store, days, timeZone(ctx.app)),
      ]);
      sendHtml(ctx.res, 200, dashboardPage(ctx, s, stampOf(dashboardFragment(ctx, s)), period));
    },
  },
  {
    method: 'GET',
    path: '/api/dashboard',
    api: true,
    async handle(ctx) {
      const s = await dashboardStats(ctx.app.store, timeZone(ctx.app));
      const fragment = dashboardFragment(ctx, s);
      sendJson(ctx.res, 200, { stamp: stampOf(fragment), html: fragment.value, stats: s });
    },
  },
];
