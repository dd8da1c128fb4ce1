// The rules playground. POST only because it carries a pasted tweet (kept out of URLs and
// logs); it changes nothing, but like every POST it needs the session's CSRF token.
import { activeRules } from '../context';
import { sendHtml } from '../http';
import { explainTweet, MAX_PLAYGROUND_CHARS } from '../playground/explain';
import { runRuleTests } from '../playground/rule-tests';
import { playgroundPage } from '../pages/playground';
import type { Route } from '../router';

export function playgroundRoutes(o: { ticketPrefix?: string }): Route[] {
  return [
    {
      method: 'GET',
      path: '/playground',
      handle(ctx) {
        sendHtml(ctx.res, 200, playgroundPage(ctx, { rulesLoaded: Boolean(activeRules(ctx.app)) }));
      },
    },
    {
      method: 'POST',
      path: '/playground',
      handle(ctx) {
        const rules = activeRules(ctx.app);
        const text = (ctx.body.text ?? '').slice(0, MAX_PLAYGROUND_CHARS);
        const result =
          rules && text.trim()
            ? explainTweet(rules, text, { ...(o.ticketPrefix ? { prefix: o.ticketPrefix } : {}) })
            : undefined;
        sendHtml(
          ctx.res,
          200,
          playgroundPage(ctx, { text, rulesLoaded: Boolean(rules), ...(result ? { result } : {}) }),
        );
      },
    },
    {
      method: 'POST',
      path: '/playground/tests',
      handle(ctx) {
        const rules = activeRules(ctx.app);
        const tests = rules ? runRuleTests(rules) : undefined;
        sendHtml(
          ctx.res,
          200,
          playgroundPage(ctx, { rulesLoaded: Boolean(rules), ...(tests ? { tests } : {}) }),
        );
      },
    },
  ];
}
