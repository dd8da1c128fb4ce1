// One ticket in full, with the actions staff take on it. The info part re-renders when
// someone else acts (polling /api/tickets/:ref); the forms are left alone while in use.
import type { Ctx } from '../context';
import { timeZone } from '../context';
import { formatDateTime } from '../format';
import { markup, type Html } from '../html';
import type { TicketView } from '../queue/data';
import { csrfField, document } from './layout';
import { badges, facts, historyList, notesList, tweetBlock } from './ticket-card';
import {
  assignForm,
  conversation,
  leaseWarning,
  noteForm,
  otherTickets,
  replyForm,
  triageForm,
} from './ticket-work';
import { stampOf } from './queue';

export function ticketInfo(ctx: Ctx, v: TicketView): Html {
  const { t } = ctx;
  return markup`<div class="ticket-head">${badges(ctx, v)}</div>
    ${tweetBlock(ctx, v)} ${facts(ctx, v)}
    <section class="card">${conversation(ctx, v)}</section>
    ${otherTickets(ctx, v)}
    <div class="columns">
      <section>
        <h2>${t('notes')} <span class="tag-internal">🔒 ${t('internal')}</span></h2>
        ${notesList(ctx, v)}
      </section>
      <section>
        <h2>${t('history')}</h2>
        ${historyList(ctx, v)}
      </section>
    </div>`;
}

export function ticketActions(ctx: Ctx, v: TicketView, now = new Date()): Html {
  const { t } = ctx;
  const action = (name: string) => `/tickets/${encodeURIComponent(v.ref)}/${name}`;
  const back = markup`<input type="hidden" name="back" value="/tickets/${encodeURIComponent(v.ref)}" />`;
  const me = ctx.session?.staffName;
  const resolved = v.status === 'resolved';
  const leaseLive = v.status === 'claimed' && !!v.leaseUntil && v.leaseUntil > now;
  const heldByOther = leaseLive && v.claimedBy !== me;
  // Open, or held by someone whose hold ran out (the queue lets anyone take those over).
  const claimable = v.status === 'open' || (v.status === 'claimed' && !leaseLive);
  const mine = v.status === 'claimed' && v.claimedBy === me;
  const simple = (name: string, label: string, primary = false) =>
    markup`<form method="post" action="${action(name)}" data-action="${name}">
      ${csrfField(ctx)}${back} <button type="submit"${primary ? markup` class="primary"` : ''}>${label}</button>
    </form>`;
  return markup`<h2>${t('actions')}</h2>
    ${leaseWarning(ctx, v, action, back, now)}
    <div class="actions">
      <div class="stack">
        ${claimable ? simple('claim', t('claim'), true) : ''} ${mine ? simple('release', t('release')) : ''}
        ${heldByOther ? '' : assignForm(ctx, v, action, back)}
        ${
          resolved
            ? simple('reopen', t('reopen'))
            : heldByOther
              ? markup`<p class="muted" data-resolve-held>
                  ${t('resolveHeldByOther', {
                    who: v.claimedBy ?? '?',
                    until: formatDateTime(ctx.lang, v.leaseUntil, timeZone(ctx.app)),
                  })}
                </p>`
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
        ${triageForm(ctx, v, action, back)}
      </div>
      ${replyForm(ctx, v, action, back)} ${noteForm(ctx, action, back)}
    </div>`;
}

export function ticketStamp(ctx: Ctx, v: TicketView): string {
  // The action id in the reply form is fresh on every render: leave it out of the stamp.
  return stampOf(
    markup`${ticketInfo(ctx, v)}${ticketActions(ctx, v).value.replace(/name="actionId" value="[^"]*"/, '')}`,
  );
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
