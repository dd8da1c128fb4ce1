// The dashboard's "last 7 / 30 days" part: tickets and SLA compliance by category.
import type { Ctx } from '../context';
import { categoryName } from '../context';
import { formatNumber, formatPercent } from '../format';
import { markup, type Html } from '../html';
import { PERIODS, type PeriodStats } from '../dashboard/period';
import { counted } from '../plural';

export function periodSection(ctx: Ctx, p: PeriodStats): Html {
  const { t, lang } = ctx;
  const pct = (v?: number) => (v === undefined ? '—' : formatPercent(lang, v));
  return markup`<section class="card period" data-period="${p.days}">
    <h2>${t('periodTitle', { days: counted(lang, 'day', p.days) })}</h2>
    <nav class="views" aria-label="${t('period')}">
      ${PERIODS.map(
        (d) =>
          markup`<a href="/dashboard?days=${d}" ${d === p.days ? markup`aria-current="page"` : ''}>${counted(lang, 'day', d)}</a>`,
      )}
    </nav>
    <p>
      ${t('periodSummary', { n: counted(lang, 'ticket', p.tickets), pct: pct(p.compliance) })}
    </p>
    ${
      p.byCategory.length
        ? markup`<table class="staff sla" data-sla-table>
            <thead>
              <tr><th>${t('category')}</th><th>${t('tickets')}</th><th>${t('slaMet')}</th><th>${t('slaCompliance')}</th></tr>
            </thead>
            <tbody>
              ${p.byCategory.map(
                (c) => markup`<tr data-sla="${c.category}">
                  <td>${categoryName(ctx.app, c.category, lang)}</td>
                  <td>${formatNumber(lang, c.tickets)}</td>
                  <td>${formatNumber(lang, c.met)} / ${formatNumber(lang, c.judged)}</td>
                  <td><meter min="0" max="1" low="0.8" high="0.95" optimum="1" value="${c.compliance ?? 0}"></meter> ${pct(c.compliance)}</td>
                </tr>`,
              )}
            </tbody>
          </table>`
        : markup`<p class="muted">${t('noData')}</p>`
    }
  </section>`;
}
