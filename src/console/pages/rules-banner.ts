// Shown on every page to every signed-in member while the rules on disk cannot be used: the
// bot keeps answering with the last good rules, and whoever edited them sees where to fix.
import type { Ctx } from '../context';
import { timeZone } from '../context';
import { formatDateTime } from '../format';
import { markup, type Html } from '../html';

export function rulesBanner(ctx: Ctx): Html | '' {
  if (!ctx.session) return '';
  let status;
  try {
    status = ctx.app.rulesStatus?.();
  } catch {
    return '';
  }
  if (!status || status.ok) return '';
  const since = status.invalidSince ? formatDateTime(ctx.lang, status.invalidSince, timeZone(ctx.app)) : '';
  return markup`<div class="banner rules-invalid" role="alert" data-rules-invalid>
    <strong>${ctx.t('rulesInvalidTitle')}</strong>
    <p>${ctx.t('rulesInvalidSince', { since })}</p>
    <ul dir="ltr">
      ${status.problems.map((p) => markup`<li><code>${p}</code></li>`)}
    </ul>
  </div>`;
}
