// "Not complaints" (issue 13): mentions the bot kept out of the queue — spam, chatter, insults
// only, other agencies' matters — each with the reason, and a restore button that opens a
// ticket when the bot was wrong. Its own words (ar/en) live here to keep the shared i18n small.
import type { Ctx } from '../context';
import { markup, type Html } from '../html';
import { document, csrfField } from './layout';
import { formatDateTime } from '../format';
import type { NotComplaintRow, NotComplaint } from '../../queue/not-complaints';
import { NOT_COMPLAINTS } from '../../queue/not-complaints';

const WORDS = {
  ar: {
    title: 'إشارات ليست بلاغات',
    intro:
      'إشارات لم يُفتح لها بلاغ: دعاية، ودردشة بلا طلب، وإساءة فقط، وما هو من اختصاص جهة أخرى (أُحيل صاحبه). إن أخطأ البوت فاستعيدوها بلاغًا.',
    all: 'الكل',
    spam: 'دعاية',
    chatter: 'دردشة',
    abuse: 'إساءة فقط',
    referral: 'جهة أخرى',
    restore: 'استعادة كبلاغ',
    none: 'لا شيء هنا.',
    why: 'السبب',
  },
  en: {
    title: 'Not complaints',
    intro:
      "Mentions that opened no ticket: spam, chatter with nothing asked, insults only, and other agencies' matters (referred). If the bot was wrong, restore one to a ticket.",
    all: 'All',
    spam: 'Spam',
    chatter: 'Chatter',
    abuse: 'Insults only',
    referral: 'Other agency',
    restore: 'Restore as a ticket',
    none: 'Nothing here.',
    why: 'Why',
  },
} as const;

export function notComplaintsPage(
  ctx: Ctx,
  o: { outcome?: NotComplaint; rows: NotComplaintRow[]; timeZone: string },
): Html {
  const w = WORDS[ctx.lang];
  const tabs = [undefined, ...NOT_COMPLAINTS].map((k) => {
    const href = k ? `/not-complaints?outcome=${k}` : '/not-complaints';
    const label = k ? w[k] : w.all;
    return markup`<a href="${href}" ${k === o.outcome ? markup`aria-current="page"` : ''}>${label}</a>`;
  });
  const back = o.outcome ? `/not-complaints?outcome=${o.outcome}` : '/not-complaints';
  const rows = o.rows.map(
    (r) => markup`<li class="card" data-mention="${r.id}" data-outcome="${r.outcome}">
      <p><strong>${w[r.outcome as NotComplaint] ?? r.outcome}</strong>
        ${r.authorUsername ? markup` · <span dir="ltr">@${r.authorUsername}</span>` : ''}
        ${r.processedAt ? markup` · <time>${formatDateTime(ctx.lang, r.processedAt, o.timeZone)}</time>` : ''}</p>
      <blockquote dir="auto">${r.text}</blockquote>
      ${r.reason ? markup`<p class="muted">${w.why}: ${r.reason}</p>` : ''}
      <form method="post" action="/not-complaints/${r.id}/restore">
        ${csrfField(ctx)}<input type="hidden" name="back" value="${back}" />
        <button type="submit">${w.restore}</button>
      </form>
    </li>`,
  );
  return document(ctx, {
    title: w.title,
    page: 'not-complaints',
    body: markup`<h1>${w.title}</h1>
      <p class="muted">${w.intro}</p>
      <nav class="filters" aria-label="${w.title}">${tabs}</nav>
      ${o.rows.length ? markup`<ul class="cards" data-not-complaints>${rows}</ul>` : markup`<p>${w.none}</p>`}`,
  });
}
