// The frame every signed-in page shares: header with navigation, the signed-in name, sign-out
// and the language toggle; the flash message; the page body.
import type { Ctx } from '../context';
import { markup, type Html } from '../html';
import type { MsgKey } from '../i18n';
import type { UiLang } from '../ui-lang';
import { CSRF_FIELD } from '../auth/csrf';
import { rulesBanner } from './rules-banner';

/** The same URL in the other language (the server remembers the choice in a cookie). */
export function langToggleHref(ctx: Ctx): string {
  const q = new URLSearchParams(ctx.url.search);
  q.set('lang', ctx.lang === 'ar' ? 'en' : 'ar');
  return `${ctx.url.pathname}?${q.toString()}`;
}

export function csrfField(ctx: Ctx): Html {
  return markup`<input type="hidden" name="${CSRF_FIELD}" value="${ctx.session?.csrf ?? ''}" />`;
}

export interface PageOptions {
  title: string;
  page: 'queue' | 'ticket' | 'playground' | 'dashboard' | 'not-complaints' | 'staff' | 'signin' | 'error';
  body: Html;
  /** JSON endpoint the page polls for changes. */
  poll?: string;
}

const NAV: { page: PageOptions['page']; href: string; key?: MsgKey; label?: Record<UiLang, string> }[] = [
  { page: 'queue', href: '/queue', key: 'navQueue' },
  // Mentions kept out of the queue (issue 13; pages/not-complaints.ts has its own words).
  { page: 'not-complaints', href: '/not-complaints', label: { ar: 'ليست بلاغات', en: 'Not complaints' } },
  { page: 'playground', href: '/playground', key: 'navPlayground' },
  { page: 'dashboard', href: '/dashboard', key: 'navDashboard' },
  // Supervisors manage accounts and read the audit there; agents are told it is not for them.
  { page: 'staff', href: '/staff', key: 'navStaff' },
];

export function document(ctx: Ctx, o: PageOptions): Html {
  const { t, lang } = ctx;
  const dir = lang === 'ar' ? 'rtl' : 'ltr';
  const flash = ctx.session?.flash;
  const signedIn = Boolean(ctx.session);
  return markup`<!doctype html>
    <html dir="${dir}" lang="${lang}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${o.title} · ${t('brand')}</title>
        <link rel="stylesheet" href="/static/console.css" />
        ${signedIn ? markup`<script src="/static/console.js" defer></script>` : ''}
      </head>
      <body
        data-page="${o.page}"
        ${o.poll ? markup` data-poll="${o.poll}" data-poll-ms="${ctx.app.pollMs}"` : ''}
        ${signedIn ? markup` data-alerts="/api/alerts" data-alerts-ms="${Math.max(3000, ctx.app.pollMs * 2)}"` : ''}
      >
        <a class="skip" href="#main">${t('skipToContent')}</a>
        <header class="top">
          <a class="brand" href="/queue">${t('brand')}</a>
          ${
            signedIn
              ? markup`<nav aria-label="${t('appName')}">
                    ${NAV.map(
                      (n) =>
                        markup`<a
                          href="${n.href}"
                          ${n.page === o.page || (o.page === 'ticket' && n.page === 'queue') ? markup` aria-current="page"` : ''}
                          >${n.key ? t(n.key) : n.label![lang]}</a
                        >`,
                    )}
                  </nav>
                  <div class="who">
                    <span class="muted">${t('signedInAs')}</span>
                    <strong data-staff>${ctx.session!.staffName}</strong>
                    <button
                      type="button"
                      class="link bell"
                      data-alerts-bell
                      aria-pressed="false"
                      title="${t('alertsEnable')}"
                      data-blocked="${t('alertsBlocked')}"
                    >
                      <span aria-hidden="true">🔔</span><span class="sr-only">${t('alertsEnable')}</span
                      ><b class="alert-count" data-alerts-count hidden></b>
                    </button>
                    <form method="post" action="/signout" class="inline">
                      ${csrfField(ctx)}<button type="submit" class="link">${t('signOut')}</button>
                    </form>
                  </div>`
              : ''
          }
          <a
            class="lang"
            href="${langToggleHref(ctx)}"
            hreflang="${lang === 'ar' ? 'en' : 'ar'}"
            lang="${lang === 'ar' ? 'en' : 'ar'}"
            >${t('otherLang')}</a
          >
        </header>
        <main id="main">
          ${rulesBanner(ctx)}
          ${flash ? markup`<p class="flash ${flash.kind}" role="${flash.kind === 'error' ? 'alert' : 'status'}">${flash.text}</p>` : ''}
          ${o.body}
        </main>
      </body>
    </html>`;
}
