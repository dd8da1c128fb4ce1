// Today at a glance: volume by category and by hour, SLA breaches, and how fast citizens
// are acknowledged and their tickets resolved — charts first, the key numbers above them.
import type { Ctx } from '../context';
import { categoryName, timeZone } from '../context';
import { columns, horizontalBars } from '../charts';
import { formatDate, formatNumber } from '../format';
import { markup, type Html } from '../html';
import type { Translate } from '../i18n';
import type { UiLang } from '../ui-lang';
import { ACK_BUCKETS, RESOLVE_BUCKETS, type DashboardStats } from '../dashboard/stats';
import { document } from './layout';
import { counted, zoneName } from '../plural';
import type { PeriodStats } from '../dashboard/period';
import { periodSection } from './dashboard-period';

export function formatDuration(lang: UiLang, t: Translate, ms: number | undefined): string {
  if (ms === undefined) return '—';
  const n = (v: number, digits = 0) => formatNumber(lang, v, { maximumFractionDigits: digits });
  if (ms < 60_000) return t('secondsShort', { n: n(ms / 1000) });
  if (ms < 3_600_000) return t('minutesShort', { n: n(ms / 60_000) });
  if (ms < 48 * 3_600_000) return t('hoursShort', { n: n(ms / 3_600_000, 1) });
  return counted(lang, 'day', Math.round(ms / 8_640_000) / 10);
}

function bucketLabels(lang: UiLang, t: Translate, bounds: number[]): string[] {
  const f = (ms: number) => formatDuration(lang, t, ms);
  return [
    t('lessThan', { d: f(bounds[0]!) }),
    ...bounds.slice(1).map((b, i) => `${f(bounds[i]!)}–${f(b)}`),
    t('atLeast', { d: f(bounds.at(-1)!) }),
  ];
}

const tile = (label: string, value: string, name: string, extra?: string) =>
  markup`<div class="tile">
    <span class="tile-label">${label}</span
    ><strong data-stat="${name}">${value}</strong>${extra ? markup`<small class="muted">${extra}</small>` : ''}
  </div>`;

export function dashboardFragment(ctx: Ctx, s: DashboardStats): Html {
  const { t, lang } = ctx;
  const cat = (id: string) => categoryName(ctx.app, id, lang);
  const hourLabel = (h: number) => formatNumber(lang, h, { minimumIntegerDigits: 2 });
  const noData = markup`<p class="muted">${t('noData')}</p>`;
  return markup`<p class="muted">
      ${t('todayIn', { date: formatDate(lang, s.dayStart, timeZone(ctx.app)), zone: zoneName(lang, timeZone(ctx.app)) })}
    </p>
    <div class="tiles">
      ${tile(t('ticketsToday'), formatNumber(lang, s.ticketsToday), 'tickets-today')}
      ${tile(t('openNow'), formatNumber(lang, s.openNow), 'open-now')}
      ${tile(t('breachesNow'), formatNumber(lang, s.breachesNow), 'breaches')}
      ${tile(t('medianAck'), formatDuration(lang, t, s.ack.medianMs), 'median-ack', t('sampleOf', { n: formatNumber(lang, s.ack.n) }))}
      ${tile(t('medianResolve'), formatDuration(lang, t, s.resolve.medianMs), 'median-resolve', t('sampleOf', { n: formatNumber(lang, s.resolve.n) }))}
    </div>
    <div class="charts">
      ${
        s.byCategory.length
          ? horizontalBars(
              lang,
              t('byCategory'),
              s.byCategory.map((c) => ({ label: cat(c.category), value: c.n })),
            )
          : markup`<h2>${t('byCategory')}</h2>
              ${noData}`
      }
      ${columns(
        lang,
        t('byHour'),
        s.byHour.map((n, h) => ({ label: hourLabel(h), value: n })),
        { labelEvery: 3 },
      )}
      ${
        s.breachesByCategory.length
          ? horizontalBars(
              lang,
              t('breachesByCategory'),
              s.breachesByCategory.map((c) => ({ label: cat(c.category), value: c.n, tone: 'warn' })),
            )
          : markup`<figure class="chart">
              <figcaption>${t('breachesByCategory')}</figcaption>
              ${noData}
            </figure>`
      }
      ${columns(
        lang,
        t('ackDistribution'),
        bucketLabels(lang, t, ACK_BUCKETS).map((label, i) => ({ label, value: s.ack.buckets[i] ?? 0 })),
      )}
      ${columns(
        lang,
        t('resolveDistribution'),
        bucketLabels(lang, t, RESOLVE_BUCKETS).map((label, i) => ({
          label,
          value: s.resolve.buckets[i] ?? 0,
        })),
      )}
    </div>`;
}

export function dashboardPage(ctx: Ctx, s: DashboardStats, stamp: string, period?: PeriodStats): Html {
  const body = markup`<h1>${ctx.t('dashboardTitle')}</h1>
    <section id="dashboard" data-live data-stamp="${stamp}">${dashboardFragment(ctx, s)}</section>
    ${period ? periodSection(ctx, period) : ''}`;
  return document(ctx, { title: ctx.t('dashboardTitle'), page: 'dashboard', body, poll: '/api/dashboard' });
}
