// One ticket as staff see it: reference, state badges, the citizen's tweet (escaped, with a
// link to it on X), why it was classified so, and (expanded) notes and history.
import type { Ctx } from '../context';
import { categoryName, timeZone } from '../context';
import { formatDateTime, formatPercent, isoTime } from '../format';
import { markup, type Html } from '../html';
import { historyActionLabel, type MsgKey } from '../i18n';
import type { TicketView } from '../queue/data';
import { BOT } from '../../queue';
import { csrfField } from './layout';
import { historyDetail } from '../history-text';
import { textDir } from '../bidi';

const STATUS_KEY: Record<TicketView['status'], MsgKey> = {
  open: 'statusOpen',
  claimed: 'statusClaimed',
  resolved: 'statusResolved',
};

export const statusLabel = (ctx: Ctx, s: TicketView['status']) => ctx.t(STATUS_KEY[s] ?? 'statusOpen');

export function priorityLabel(ctx: Ctx, p: number): string {
  return ctx.t(
    (['priority1', 'priority2', 'priority3', 'priority4'] as const)[Math.min(4, Math.max(1, p)) - 1]!,
  );
}

export function time(ctx: Ctx, d: Date | undefined | null): Html {
  if (!d) return markup``;
  // <bdi>: a date next to a Latin name must not be reordered by the bidi algorithm.
  return markup`<bdi><time datetime="${isoTime(d)}">${formatDateTime(ctx.lang, d, timeZone(ctx.app))}</time></bdi>`;
}

/** Who did it: the bot by its Arabic/English name, staff as written, isolated for bidi. */
export function who(ctx: Ctx, by: string): Html {
  return markup`<bdi>${by === BOT ? ctx.t('botName') : by}</bdi>`;
}

/** "rule “pothole”" / "model, confidence 82%" / "nothing confident — needs triage". */
export function whyText(
  ctx: Ctx,
  v: Pick<TicketView, 'source' | 'rule' | 'confidence' | 'urgentTerm'>,
): string {
  const p = formatPercent(ctx.lang, v.confidence ?? 0);
  let s: string;
  if (v.source === 'rule' && v.rule) s = ctx.t('whyRule', { rule: v.rule });
  else if (v.source === 'model') s = ctx.t('whyModel', { p });
  else if (v.source === 'fallback') s = ctx.t('whyFallback', { p });
  else s = v.source ?? ctx.t('whyUnknown');
  return v.urgentTerm ? `${s} · ${ctx.t('urgentTerm', { term: v.urgentTerm })}` : s;
}

export function badges(ctx: Ctx, v: TicketView): Html {
  const { t } = ctx;
  return markup`<span class="badge prio p${v.priority}">${priorityLabel(ctx, v.priority)}</span>
    <span class="badge status ${v.status}" data-status="${v.status}">${statusLabel(ctx, v.status)}</span>
    <span class="badge cat">${categoryName(ctx.app, v.category, ctx.lang)}</span>
    ${v.urgent ? markup`<span class="badge urgent" data-urgent-badge>${t('urgent')}</span>` : ''}
    ${v.escalated && !v.urgent ? markup`<span class="badge escalated" data-escalated>${t('escalated')}</span>` : ''}
    ${v.reopened ? markup`<span class="badge reopened" data-reopened>${t('reopenedBadge')}</span>` : ''}
    ${v.overdue ? markup`<span class="badge overdue">${t('overdue')}</span>` : ''}
    ${v.breached && !v.overdue ? markup`<span class="badge overdue">${t('breached')}</span>` : ''}`;
}

export function tweetBlock(ctx: Ctx, v: TicketView): Html {
  const { t } = ctx;
  return markup`<figure class="tweet">
    <blockquote dir="${textDir(v.tweetText)}" data-tweet>${v.tweetText ?? t('tweetMissing')}</blockquote>
    ${mediaBlock(ctx, v)}
    <figcaption>
      ${v.place ? markup`<span data-place>${t('place')}: <bdi>${v.place}</bdi></span> · ` : ''}
      ${v.authorUsername ? markup`<bdi dir="ltr">@${v.authorUsername}</bdi> · ` : ''}${time(ctx, v.tweetCreatedAt ?? v.createdAt)}
      ${v.tweetUrl ? markup` · <a href="${v.tweetUrl}" target="_blank" rel="noopener noreferrer" data-tweet-link>${t('openOnX')}</a>` : ''}
    </figcaption>
  </figure>`;
}

/** Thumbnails of the post's photos, each a link to the post on X (the browser loads them from X). */
function mediaBlock(ctx: Ctx, v: TicketView): Html {
  if (!v.media?.length) return markup``;
  const href = v.tweetUrl ?? '#';
  return markup`<div class="tweet-media" data-media>
    ${v.media.map((m) =>
      m.url
        ? markup`<a href="${href}" target="_blank" rel="noopener noreferrer"><img src="${m.url}" alt="${m.altText ?? ctx.t('attachment')}" loading="lazy" referrerpolicy="no-referrer" width="96" height="72"></a>`
        : markup`<a href="${href}" target="_blank" rel="noopener noreferrer">${ctx.t('attachment')} (${m.type})</a>`,
    )}
  </div>`;
}

export function facts(ctx: Ctx, v: TicketView): Html {
  const { t } = ctx;
  return markup`<dl class="facts">
    <div>
      <dt>${t('why')}</dt>
      <dd data-why>${whyText(ctx, v)}</dd>
    </div>
    ${
      v.dueAt
        ? markup`<div>
            <dt>${t('due')}</dt>
            <dd>${time(ctx, v.dueAt)}</dd>
          </div>`
        : ''
    }
    ${
      v.claimedBy
        ? markup`<div>
            <dt>${t('claimedBy')}</dt>
            <dd data-claimed-by>${v.claimedBy}</dd>
          </div>`
        : ''
    }
    ${
      v.claimedBy && v.leaseUntil && v.status === 'claimed'
        ? markup`<div>
            <dt>${t('leaseUntil')}</dt>
            <dd>${time(ctx, v.leaseUntil)}</dd>
          </div>`
        : ''
    }
  </dl>`;
}

export function notesList(ctx: Ctx, v: TicketView): Html {
  if (!v.notes.length) return markup`<p class="muted">${ctx.t('noNotes')}</p>`;
  return markup`<ol class="notes">
    ${v.notes.map(
      (n) =>
        markup`<li>
          <p dir="auto">${n.text}</p>
          <small><strong>${who(ctx, n.by)}</strong> · ${time(ctx, n.at)}</small>
        </li>`,
    )}
  </ol>`;
}

function detailText(ctx: Ctx, action: string, detail: string): string {
  return historyDetail(
    {
      lang: ctx.lang,
      timeZone: timeZone(ctx.app),
      categoryName: (id) => categoryName(ctx.app, id, ctx.lang),
    },
    action,
    detail,
  );
}

export function historyList(ctx: Ctx, v: TicketView): Html {
  return markup`<ol class="history">
    ${[...v.history].reverse().map(
      (h) =>
        markup`<li>
            <strong>${historyActionLabel(ctx.lang, h.action)}</strong> — ${who(ctx, h.by)} ·
            ${time(ctx, h.at)}${h.detail ? markup`<br /><span class="muted" dir="auto">${detailText(ctx, h.action, h.detail)}</span>` : ''}
          </li>`,
    )}
  </ol>`;
}

export function followUpsList(ctx: Ctx, v: TicketView): Html {
  if (!v.followUps.length) return markup``;
  return markup`<h3>${ctx.t('followUps')}</h3>
    <ol class="notes">
      ${v.followUps.map(
        (f) =>
          markup`<li>
            <p dir="auto">${f.text ?? ''}</p>
            <small>${time(ctx, f.at)}</small>
          </li>`,
      )}
    </ol>`;
}

/** The compact card of the queue list (with a quick Claim for open tickets). */
export function ticketCard(ctx: Ctx, v: TicketView, back: string): Html {
  const { t } = ctx;
  return markup`<li
    class="ticket p${v.priority} ${v.status}${v.overdue ? ' is-overdue' : ''}"
    data-ref="${v.ref}"
  >
    <div class="ticket-head">
      <input type="checkbox" form="bulk" name="ref_${v.ref}" value="1" aria-label="${t('tick', { ref: v.ref })}" data-tick />
      <a class="ref" href="/tickets/${encodeURIComponent(v.ref)}"><bdi dir="ltr">${v.ref}</bdi></a>
      ${badges(ctx, v)}
    </div>
    ${tweetBlock(ctx, v)} ${facts(ctx, v)}
    <details data-details="${v.ref}">
      <summary>${t('details')} (${t('notes')}: ${v.notes.length})</summary>
      <h3>${t('notes')}</h3>
      ${notesList(ctx, v)} ${followUpsList(ctx, v)}
      <h3>${t('history')}</h3>
      ${historyList(ctx, v)}
    </details>
    ${
      v.status === 'open'
        ? markup`<form method="post" action="/tickets/${encodeURIComponent(v.ref)}/claim" class="inline quick">
            ${csrfField(ctx)}<input type="hidden" name="back" value="${back}" />
            <button type="submit" class="primary small">${t('claim')}</button>
          </form>`
        : ''
    }
  </li>`;
}
