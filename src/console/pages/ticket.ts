// One ticket in full, with the actions staff take on it. The info part re-renders when
// someone else acts (polling /api/tickets/:ref); the forms are left alone while in use.
import type { Ctx } from '../context';
import { markup, type Html } from '../html';
import type { TicketView } from '../queue/data';
import { csrfField, document } from './layout';
import { badges, facts, followUpsList, historyList, notesList, tweetBlock } from './ticket-card';
import { stampOf } from './queue';

export function ticketInfo(ctx: Ctx, v: TicketView): Html {
  const { t } = ctx;
  return markup`<div class="ticket-head">${badges(ctx, v)}</div>
    ${tweetBlock(ctx, v)} ${facts(ctx, v)}
    <div class="columns">
      <section>
        <h2>${t('notes')}</h2>
        ${notesList(ctx, v)}${followUpsList(ctx, v)}
      </section>
      <section>
        <h2>${t('history')}</h2>
        ${historyList(ctx, v)}
      </section>
    </div>`;
}

export function ticketActions(ctx: Ctx, v: TicketView): Html {
  const { t } = ctx;
  const action = (name: string) => `/tickets/${encodeURIComponent(v.ref)}/${name}`;
  const back = markup`<input type="hidden" name="back" value="/tickets/${encodeURIComponent(v.ref)}" />`;
  const resolved = v.status === 'resolved';
  // Open, or held by someone whose hold ran out (the queue lets anyone take those over).
  const claimable =
    v.status === 'open' || (v.status === 'claimed' && (!v.leaseUntil || v.leaseUntil < new Date()));
  return markup`<h2>${t('actions')}</h2>
    <div class="actions">
      ${
        claimable
          ? markup`<form method="post" action="${action('claim')}" data-action="claim">
              ${csrfField(ctx)}${back} <button type="submit" class="primary">${t('claim')}</button>
            </form>`
          : ''
      }
      <form method="post" action="${action('note')}" class="stack" data-action="note">
        ${csrfField(ctx)}${back}
        <label
          >${t('noteLabel')}<textarea name="text" rows="3" required maxlength="2000" dir="auto"></textarea>
        </label>
        <button type="submit">${t('addNote')}</button>
      </form>
      ${
        resolved
          ? markup`<form method="post" action="${action('reopen')}" data-action="reopen">
              ${csrfField(ctx)}${back} <button type="submit">${t('reopen')}</button>
            </form>`
          : markup`<form method="post" action="${action('resolve')}" class="stack" data-action="resolve">
              ${csrfField(ctx)}${back}
              <label
                >${t('resolveNote')}<textarea name="note" rows="2" maxlength="2000" dir="auto"></textarea>
              </label>
              <label class="check"
                ><input type="checkbox" name="reply" value="1" /> ${t('replyToCitizen')}</label
              >
              <button type="submit" class="primary">${t('resolve')}</button>
            </form>`
      }
    </div>`;
}

export function ticketStamp(ctx: Ctx, v: TicketView): string {
  return stampOf(markup`${ticketInfo(ctx, v)}${ticketActions(ctx, v)}`);
}

export function ticketPage(ctx: Ctx, v: TicketView): Html {
  const { t } = ctx;
  const body = markup`<p><a href="/queue">${t('backToQueue')}</a></p>
    <h1><bdi dir="ltr">${v.ref}</bdi></h1>
    <p
      class="banner"
      id="changed-banner"
      hidden
      data-msg-updated="${t('updatedBanner')}"
      data-msg-typing="${t('updatedKeepTyping')}"
    ></p>
    <article class="ticket-full" id="ticket" data-ref="${v.ref}" data-stamp="${ticketStamp(ctx, v)}">
      <div id="ticket-info">${ticketInfo(ctx, v)}</div>
      <section id="ticket-actions" class="card">${ticketActions(ctx, v)}</section>
    </article>`;
  return document(ctx, {
    title: v.ref,
    page: 'ticket',
    body,
    poll: `/api/tickets/${encodeURIComponent(v.ref)}`,
  });
}
