// Finding and sharing work on the queue page: saved views, the search box, paging, bulk
// claim/close of the ticked tickets, the CSV export and the keyboard help.
import type { Ctx } from '../context';
import { timeZone } from '../context';
import { addDays, dateKey, toLocal } from '../../sla/zone';
import { formatNumber } from '../format';
import { attr, markup, type Html } from '../html';
import type { MsgKey } from '../i18n';
import { filtersToQuery, PAGE_SIZE, type QueueData, type QueueFilters } from '../queue/data';
import { VIEWS } from '../queue/search';
import { csrfField } from './layout';

export function viewsNav(ctx: Ctx, f: QueueFilters): Html {
  const { t } = ctx;
  const all: { key: MsgKey; href: string; on: boolean; view?: string }[] = [
    { key: 'viewAll', href: '/queue', on: !f.view && !f.q },
    ...VIEWS.map((v) => ({
      key: `view_${v}` as MsgKey,
      href: `/queue?view=${v}`,
      on: f.view === v,
      view: v,
    })),
  ];
  return markup`<nav class="views" aria-label="${t('savedViews')}">
    ${all.map(
      (v) =>
        markup`<a href="${v.href}" ${v.view ? markup`data-view="${v.view}"` : ''} ${v.on ? markup`aria-current="page"` : ''}>${t(v.key)}</a>`,
    )}
  </nav>`;
}

export function searchForm(ctx: Ctx, f: QueueFilters): Html {
  const { t } = ctx;
  return markup`<form method="get" action="/queue" class="search" role="search">
    ${f.view ? markup`<input type="hidden" name="view" value="${f.view}" />` : ''}
    <label class="sr-only" for="q">${t('search')}</label>
    <input type="search" id="q" name="q" value="${f.q ?? ''}" placeholder="${t('searchHint')}" dir="auto" data-search />
    <button type="submit">${t('search')}</button>
  </form>`;
}

export function pager(ctx: Ctx, f: QueueFilters, data: QueueData): Html {
  const { t } = ctx;
  const from = data.tickets.length ? data.offset + 1 : 0;
  const to = data.offset + data.tickets.length;
  const more = data.total > to;
  const page = f.page ?? 1;
  if (page === 1 && !more) return markup``;
  const href = (page: number) => `/queue${filtersToQuery({ ...f, page })}`;
  return markup`<nav class="pager" aria-label="${t('pages')}">
    ${page > 1 ? markup`<a href="${href(page - 1)}" rel="prev" data-page-prev>${t('prevPage')}</a>` : ''}
    <span data-range
      >${t('rangeOf', {
        from: formatNumber(ctx.lang, from),
        to: formatNumber(ctx.lang, to),
        total: formatNumber(ctx.lang, data.total),
      })}</span
    >
    ${more ? markup`<a href="${href(page + 1)}" rel="next" data-page-next>${t('nextPage')}</a>` : ''}
  </nav>`;
}

/** The bulk form; the cards' tick boxes belong to it (form="bulk"). */
export function bulkForm(ctx: Ctx, back: string): Html {
  const { t } = ctx;
  return markup`<form method="post" action="/queue/bulk" id="bulk" class="bulk row" data-bulk>
    ${csrfField(ctx)}<input type="hidden" name="back" value="${back}" />
    <span class="muted">${t('bulkTicked')}</span>
    <button type="submit" name="action" value="claim">${t('bulkClaim')}</button>
    <button type="submit" name="action" value="resolve">${t('bulkClose')}</button>
  </form>`;
}

export function exportForm(ctx: Ctx): Html {
  const { t } = ctx;
  // Agency days, as the export counts them.
  const local = toLocal(new Date(), timeZone(ctx.app));
  const today = dateKey(local);
  const weekAgo = dateKey(addDays(local, -6));
  return markup`<details class="export">
    <summary>${t('exportCsv')}</summary>
    <form method="get" action="/queue/export.csv" class="row" data-export>
      <label>${t('from')} <input type="date" name="from" value="${weekAgo}" required /></label>
      <label>${t('to')} <input type="date" name="to" value="${today}" required /></label>
      <button type="submit">${t('download')}</button>
    </form>
  </details>`;
}

export const PER_PAGE = PAGE_SIZE;

export function shortcutsHelp(ctx: Ctx): Html {
  const { t } = ctx;
  const keys: [string, MsgKey][] = [
    ['j / k', 'keyNextPrev'],
    ['o', 'keyOpen'],
    ['c', 'keyClaim'],
    ['x', 'keyTick'],
    ['/', 'keySearch'],
    ['g q', 'keyQueue'],
    ['?', 'keyHelp'],
  ];
  return markup`<dialog id="shortcuts" data-shortcuts aria-labelledby="shortcuts-title">
    <h2 id="shortcuts-title">${t('shortcuts')}</h2>
    <dl class="keys">
      ${keys.map(([k, d]) => markup`<div><dt><kbd dir="ltr">${k}</kbd></dt><dd>${t(d)}</dd></div>`)}
    </dl>
    <form method="dialog"><button type="submit" ${attr('autofocus', true)}>${t('close')}</button></form>
  </dialog>`;
}
