// The queue: filters, counts per category, the ticket list. The list part is also served as
// a fragment for the page's polling (see /api/queue), so both render through one function.
import { createHash } from 'node:crypto';
import type { Ctx } from '../context';
import { categoryIds, categoryName } from '../context';
import { formatNumber } from '../format';
import { attr, markup, type Html } from '../html';
import { filtersToQuery, STATUS_FILTERS, type QueueData, type QueueFilters } from '../queue/data';
import type { MsgKey } from '../i18n';
import { document } from './layout';
import { ticketCard } from './ticket-card';
import { counted } from '../plural';
import { bulkForm, exportForm, pager, searchForm, shortcutsHelp, viewsNav } from './queue-find';

const STATUS_KEYS: Record<(typeof STATUS_FILTERS)[number], MsgKey> = {
  active: 'statusActive',
  open: 'statusOpen',
  claimed: 'statusClaimed',
  resolved: 'statusResolved',
  all: 'any',
};

function filtersForm(ctx: Ctx, f: QueueFilters, data: QueueData): Html {
  const { t } = ctx;
  const cats = [...new Set([...categoryIds(ctx.app), ...data.counts.map((c) => c.category)])];
  return markup`<form method="get" action="/queue" class="filters" aria-label="${t('filters')}">
    ${f.view ? markup`<input type="hidden" name="view" value="${f.view}" />` : ''}
    ${f.q ? markup`<input type="hidden" name="q" value="${f.q}" />` : ''}
    <label
      >${t('status')}<select name="status">
        ${STATUS_FILTERS.map(
          (s) =>
            markup`<option value="${s}" ${attr('selected', f.status === s)}>${t(STATUS_KEYS[s])}</option>`,
        )}
      </select></label
    >
    <label
      >${t('category')}<select name="category">
        <option value="">${t('any')}</option>
        ${cats.map(
          (c) =>
            markup`<option value="${c}" ${attr('selected', f.category === c)}>
              ${categoryName(ctx.app, c, ctx.lang)}
            </option>`,
        )}
      </select></label
    >
    <label
      >${t('priority')}<select name="priority">
        <option value="">${t('any')}</option>
        ${[1, 2, 3, 4].map(
          (p) =>
            markup`<option value="${p}" ${attr('selected', f.priority === p)}>
              ${t(`priority${p}` as MsgKey)}
            </option>`,
        )}
      </select></label
    >
    <label class="check"
      ><input type="checkbox" name="overdue" value="1" ${attr('checked', f.overdue)} />
      ${t('overdueOnly')}</label
    >
    <div class="row buttons">
      <button type="submit" class="primary">${t('apply')}</button>
      <a href="/queue" class="button">${t('clear')}</a>
    </div>
  </form>`;
}

function counts(ctx: Ctx, f: QueueFilters, data: QueueData): Html {
  return markup`<ul class="counts" aria-label="${ctx.t('countsByCategory')}">
    ${data.counts.map(
      (c) =>
        markup`<li${f.category === c.category ? markup` class="current"` : ''}><a href="/queue${filtersToQuery({ ...f, category: c.category })}" data-count="${c.category}">${categoryName(ctx.app, c.category, ctx.lang)} <b>${formatNumber(ctx.lang, c.n)}</b></a></li>`,
    )}
  </ul>`;
}

/** The part that polling replaces: counts and list. */
export function queueFragment(ctx: Ctx, f: QueueFilters, data: QueueData): Html {
  const back = `/queue${filtersToQuery(f)}`;
  return markup`<h2 class="sr-only">${ctx.t('countsByCategory')}</h2>
    ${counts(ctx, f, data)}
    <p class="muted" data-total="${data.total}">
      ${ctx.t('showing', { n: counted(ctx.lang, 'ticket', data.tickets.length) })}${
        data.total > data.tickets.length
          ? markup` ${ctx.t('sampleOf', { n: formatNumber(ctx.lang, data.total) })}`
          : ''
      }
    </p>
    ${pager(ctx, f, data)}
    ${
      data.tickets.length
        ? markup`<ol class="tickets">
            ${data.tickets.map((v) => ticketCard(ctx, v, back))}
          </ol>`
        : markup`<p class="empty">${ctx.t('noTickets')}</p>`
    }`;
}

/** Changes whenever anything the fragment shows changes (and not otherwise). */
export function stampOf(fragment: Html): string {
  return createHash('sha1').update(fragment.value).digest('base64url').slice(0, 16);
}

export function queuePage(ctx: Ctx, f: QueueFilters, data: QueueData): Html {
  const { t } = ctx;
  const fragment = queueFragment(ctx, f, data);
  const body = markup`<h1>${t('queueTitle')}</h1>
    ${viewsNav(ctx, f)} ${searchForm(ctx, f)}
    ${filtersForm(ctx, f, data)}
    <div class="row">${bulkForm(ctx, `/queue${filtersToQuery(f)}`)} ${exportForm(ctx)}</div>
    <p class="live muted" aria-live="polite"><span class="dot"></span>${t('liveUpdates')}</p>
    <section id="queue-list" data-stamp="${stampOf(fragment)}" aria-live="polite">${fragment}</section>
    ${shortcutsHelp(ctx)}`;
  return document(ctx, {
    title: t('queueTitle'),
    page: 'queue',
    body,
    poll: `/api/queue${filtersToQuery(f)}`,
  });
}
