// The parts of a ticket page for working it (issue 16): the conversation with the citizen
// (their tweets, everything the bot and staff sent, with its status), triage, the public reply
// (outbox, length counter, templates, language), the internal note (visibly internal), claim
// renewal warnings and release.
import { randomBytes } from 'node:crypto';
import type { Ctx } from '../context';
import { activeRules, categoryIds, categoryName } from '../context';
import { attr, markup, type Html } from '../html';
import type { MsgKey } from '../i18n';
import type { TicketView } from '../queue/data';
import { textDir } from '../bidi';
import { renderReply } from '../../reply';
import { type ReplyLang } from '../../text/lang';
import { weightedLength } from '../../reply/length';
import { csrfField } from './layout';
import { priorityLabel, time } from './ticket-card';

/** Minutes before the end of one's own claim when the page warns (and offers to renew). */
export const LEASE_WARN_MS = 15 * 60_000;

interface Item {
  at: Date;
  side: 'citizen' | 'ours';
  html: Html;
  cls: string;
}

export function conversation(ctx: Ctx, v: TicketView): Html {
  const { t } = ctx;
  const items: Item[] = [];
  const tweet = (text: string | undefined, at: Date | undefined, label: string, cls: string) =>
    items.push({
      at: at ?? new Date(0),
      side: 'citizen',
      cls,
      html: markup`<p dir="${textDir(text)}">${text ?? t('tweetMissing')}</p>
        <small><strong>${label}</strong> · ${time(ctx, at)}</small>`,
    });
  tweet(v.tweetText, v.tweetCreatedAt ?? v.createdAt, t('fromCitizen'), 'citizen');
  for (const f of v.followUps) tweet(f.text, f.at, t('fromCitizen'), 'citizen follow-up');
  for (const r of v.replies ?? []) {
    const from = r.kind === 'staff' ? t('fromStaff', { who: r.by ?? '?' }) : t('fromBot');
    items.push({
      at: r.postedAt ?? r.at,
      side: 'ours',
      cls: `ours ${r.status}`,
      html: markup`<p dir="${textDir(r.text)}">${r.text}</p>
        <small
          ><strong>${from}</strong> · ${t(`replyKind_${r.kind}` as MsgKey)} ·
          <span class="reply-status" data-reply-status="${r.status}">${t(`reply_${r.status}` as MsgKey)}</span>
          · ${time(ctx, r.postedAt ?? r.at)}</small
        >`,
    });
  }
  items.sort((a, b) => a.at.getTime() - b.at.getTime());
  return markup`<h2>${t('conversation')}</h2>
    <ol class="conversation" data-conversation>
      ${items.map((i) => markup`<li class="${i.cls}">${i.html}</li>`)}
    </ol>`;
}

/** Starting points for a staff reply: the rule pack's own texts for this ticket, both languages. */
function templateOptions(ctx: Ctx, v: TicketView): { lang: ReplyLang; label: string; text: string }[] {
  const rules = activeRules(ctx.app);
  if (!rules) return [];
  const out: { lang: ReplyLang; label: string; text: string }[] = [];
  for (const lang of ['ar', 'en'] as const)
    for (const kind of ['resolved', 'ack'] as const) {
      try {
        const text = renderReply({
          templates: rules.policy.templates,
          kind,
          category: v.category,
          lang,
          vars: { ticket: v.ref, ...(v.dueAt ? { due: v.dueAt } : {}) },
          agency: rules.policy.agency,
        });
        out.push({ lang, label: `${ctx.t(`replyKind_${kind}` as MsgKey)} (${lang})`, text });
      } catch {
        // a template that cannot render for this ticket is simply not offered
      }
    }
  return out;
}

export function replyForm(ctx: Ctx, v: TicketView, action: (n: string) => string, back: Html): Html {
  const { t } = ctx;
  const lang: ReplyLang = v.lang === 'en' ? 'en' : 'ar';
  const options = templateOptions(ctx, v);
  return markup`<form method="post" action="${action('reply')}" class="stack" data-action="reply">
    <fieldset class="public-reply">
      <legend>${t('staffReply')}</legend>
      ${csrfField(ctx)}${back}
      <input type="hidden" name="actionId" value="${randomBytes(12).toString('base64url')}" />
      <p class="muted">${t('staffReplyHint')}</p>
      <div class="row">
        <label
          >${t('replyLang')}
          <select name="lang" data-reply-lang>
            <option value="ar" ${attr('selected', lang === 'ar')}>العربية</option>
            <option value="en" ${attr('selected', lang === 'en')}>English</option>
          </select></label
        >
        <label
          >${t('template')}
          <select data-template>
            <option value="">${t('noTemplate')}</option>
            ${options.map(
              (o) =>
                markup`<option value="${o.text}" data-lang="${o.lang}" ${attr('hidden', o.lang !== lang)}>${o.label}</option>`,
            )}
          </select></label
        >
      </div>
      <textarea
        name="text"
        rows="4"
        required
        maxlength="1000"
        dir="${lang === 'ar' ? 'rtl' : 'ltr'}"
        data-reply-text
        aria-describedby="reply-counter-${v.ref}"
      ></textarea>
      <p class="counter muted" id="reply-counter-${v.ref}" data-counter data-max="280" data-label="${t('lengthCounter', { n: '{n}' })}">
        ${t('lengthCounter', { n: 0 })}
      </p>
      <button type="submit" class="primary">${t('sendReply')}</button>
    </fieldset>
  </form>`;
}

export function noteForm(ctx: Ctx, action: (n: string) => string, back: Html): Html {
  const { t } = ctx;
  return markup`<form method="post" action="${action('note')}" class="stack" data-action="note">
    <fieldset class="internal-note">
      <legend>🔒 ${t('internalNote')}</legend>
      ${csrfField(ctx)}${back}
      <label class="sr-only" for="note-text">${t('noteLabel')}</label>
      <textarea id="note-text" name="text" rows="3" required maxlength="2000" dir="auto"></textarea>
      <button type="submit">${t('addNote')}</button>
    </fieldset>
  </form>`;
}

export function triageForm(ctx: Ctx, v: TicketView, action: (n: string) => string, back: Html): Html {
  const { t } = ctx;
  const cats = [...new Set([...categoryIds(ctx.app), v.category])];
  return markup`<form method="post" action="${action('triage')}" class="triage-form" data-action="triage">
    <h3>${t('triage')}${v.source === 'fallback' ? markup` <span class="badge escalated">${t('needsTriage')}</span>` : ''}</h3>
    <p class="muted">${t('triageIntro')}</p>
    ${csrfField(ctx)}${back}
    <label
      >${t('category')}
      <select name="category">
        ${cats.map(
          (c) =>
            markup`<option value="${c}" ${attr('selected', c === v.category)}>${categoryName(ctx.app, c, ctx.lang)}</option>`,
        )}
      </select></label
    >
    <label
      >${t('priority')}
      <select name="priority">
        ${[1, 2, 3, 4].map((p) => markup`<option value="${p}" ${attr('selected', p === v.priority)}>${priorityLabel(ctx, p)}</option>`)}
      </select></label
    >
    <label
      >${t('urgency')}
      <select name="urgent">
        <option value="no" ${attr('selected', !v.urgent)}>${t('urgentNo')}</option>
        <option value="yes" ${attr('selected', v.urgent)}>${t('urgentYes')}</option>
      </select></label
    >
    <label>${t('reason')}<input type="text" name="reason" required maxlength="300" dir="auto" /></label>
    <button type="submit">${t('saveTriage')}</button>
  </form>`;
}

/** "Your claim ends in 9 minutes — renew": shown to the holder near the end of the claim. */
export function leaseWarning(
  ctx: Ctx,
  v: TicketView,
  action: (n: string) => string,
  back: Html,
  now = new Date(),
): Html {
  const me = ctx.session?.staffName;
  if (v.status !== 'claimed' || !v.leaseUntil || v.claimedBy !== me) return markup``;
  const left = v.leaseUntil.getTime() - now.getTime();
  if (left > LEASE_WARN_MS) return markup``;
  const minutes = Math.max(0, Math.ceil(left / 60_000));
  return markup`<form method="post" action="${action('claim')}" class="banner lease-warning" data-lease-warning>
    ${csrfField(ctx)}${back}
    ${ctx.t('leaseEnding', { minutes })}
    <button type="submit" class="small">${ctx.t('renewClaim')}</button>
  </form>`;
}

export const replyLength = weightedLength;

export function otherTickets(ctx: Ctx, v: TicketView): Html {
  if (!v.others?.length) return markup``;
  return markup`<section class="card" data-other-tickets>
    <h2>${ctx.t('citizenTickets')}</h2>
    <ul>
      ${v.others.map(
        (o) =>
          markup`<li>
            <a href="/tickets/${encodeURIComponent(o.ref)}"><bdi dir="ltr">${o.ref}</bdi></a> ·
            ${categoryName(ctx.app, o.category, ctx.lang)} · ${time(ctx, o.at)}
            ${o.status ? markup` · ${ctx.t(o.status === 'resolved' ? 'statusResolved' : o.status === 'claimed' ? 'statusClaimed' : 'statusOpen')}` : ''}
          </li>`,
      )}
    </ul>
  </section>`;
}

export function assignForm(ctx: Ctx, v: TicketView, action: (n: string) => string, back: Html): Html {
  if (v.status === 'resolved' || !v.staff?.length) return markup``;
  return markup`<form method="post" action="${action('assign')}" class="row" data-action="assign">
    ${csrfField(ctx)}${back}
    <label
      >${ctx.t('assignTo')}
      <select name="to">
        ${v.staff.map((n) => markup`<option value="${n}" ${attr('selected', n === v.claimedBy)}>${n}</option>`)}
      </select></label
    >
    <button type="submit">${ctx.t('assign')}</button>
  </form>`;
}
