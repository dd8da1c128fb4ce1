// The sign-in page: the only page (with its stylesheet) anyone can read without a session.
import type { Ctx } from '../context';
import { markup } from '../html';
import { CSRF_FIELD } from '../auth/csrf';
import { document } from './layout';

export function signInPage(ctx: Ctx, o: { preToken: string; name?: string; error?: string; next?: string }) {
  const { t } = ctx;
  const body = markup`<section class="card signin">
    <h1>${t('signInTitle')}</h1>
    <p class="muted">${t('signInIntro')}</p>
    ${o.error ? markup`<p class="flash error" role="alert">${o.error}</p>` : ''}
    <form method="post" action="/signin" class="stack">
      <input type="hidden" name="${CSRF_FIELD}" value="${o.preToken}" />
      ${o.next ? markup`<input type="hidden" name="next" value="${o.next}" />` : ''}
      <label
        >${t('name')}<input
          name="name"
          autocomplete="username"
          required
          maxlength="40"
          value="${o.name ?? ''}"
          dir="auto"
      /></label>
      <label
        >${t('password')}<input
          name="password"
          type="password"
          autocomplete="current-password"
          required
          maxlength="200"
      /></label>
      <button type="submit" class="primary">${t('signIn')}</button>
    </form>
  </section>`;
  return document(ctx, { title: t('signInTitle'), page: 'signin', body });
}
