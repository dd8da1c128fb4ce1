// The staff console: a small node:http server. Every request goes through one gate here:
// session lookup, "signed in or nothing" (302 to sign-in for pages, 401 for JSON), and the
// CSRF checks on every POST. Handlers only ever see requests that passed.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import type { Logger } from '../log';
import type { ActiveRules, RulesStatus } from '../policy/runtime';
import type { Store } from '../store/store';
import { prepareDashboard } from '../store/dashboard';
import { hostAllowed } from '../health/host-allow';
import { SignInLimiter, type LimiterOptions } from './auth/limiter';
import { clearFlash, findSession, SESSION_COOKIE, sweepSessions } from './auth/sessions';
import { CSRF_FIELD, CSRF_HEADER, sameOrigin, tokenMatches } from './auth/csrf';
import type { ConsoleApp, Ctx } from './context';
import {
  addCookie,
  cookie,
  HttpError,
  parseCookies,
  readBody,
  redirect,
  securityHeaders,
  sendJson,
} from './http';
import { translator } from './i18n';
import { isUiLang, type UiLang } from './ui-lang';
import { errorPage, wantsJson } from './respond';
import { Router, type Route } from './router';
import { allRoutes } from './routes';
import { PRE_COOKIE } from './routes/auth';

export interface ConsoleOptions {
  store: Store;
  /** The bot's live rules (playground, category names, agency time zone). */
  rules?: () => ActiveRules;
  port: number;
  host?: string;
  log: Logger;
  /** Mark cookies Secure even on plain http (TLS ends at a proxy in front). */
  secureCookies?: boolean;
  /** For the playground's example reference (TICKET_PREFIX). */
  ticketPrefix?: string;
  pollMs?: number;
  limiter?: LimiterOptions;
  /** CONSOLE_TRUST_PROXY: proxies whose X-Forwarded-For names the client. */
  trustProxy?: string[];
  /** CONSOLE_PUBLIC_URL: the host staff reach the console at; https makes cookies Secure. */
  publicUrl?: string;
  /** The rules' state, for the banner on every page. */
  rulesStatus?: () => RulesStatus;
}

export interface RunningConsole {
  url: string;
  stop(): Promise<void>;
}

export const LANG_COOKIE = 'mujib_lang';

function chooseLang(
  req: IncomingMessage,
  url: URL,
  cookies: Record<string, string>,
): { lang: UiLang; remember: boolean } {
  const q = url.searchParams.get('lang');
  if (isUiLang(q)) return { lang: q, remember: q !== cookies[LANG_COOKIE] };
  const c = cookies[LANG_COOKIE];
  return { lang: isUiLang(c) ? c : 'ar', remember: false };
}

export function createConsoleHandler(app: ConsoleApp, routes: Route[]) {
  const router = new Router(routes);
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    securityHeaders(res);
    // DNS rebinding: a hostile page whose name resolves to us sends its own name as Host.
    if (!hostAllowed(req.headers.host, app.publicUrl)) {
      res.statusCode = 421;
      res.setHeader('content-type', 'text/plain; charset=utf-8');
      res.end('Unknown host name: set CONSOLE_PUBLIC_URL to the address staff use for the console.\n');
      return;
    }
    const secure = app.secureCookies || Boolean((req.socket as TLSSocket).encrypted);
    const url = new URL(req.url ?? '/', 'http://console.invalid');
    const cookies = parseCookies(req.headers.cookie);
    const { lang, remember } = chooseLang(req, url, cookies);
    if (remember) addCookie(res, cookie(LANG_COOKIE, lang, { secure, maxAgeSeconds: 365 * 86400 }));
    const ctx: Ctx = { req, res, url, params: {}, body: {}, lang, t: translator(lang), secure, app };
    try {
      const { route, params, allowed } = router.match(req.method ?? 'GET', url.pathname);
      ctx.params = params;
      if (!route?.public || route.path === '/signin') {
        const session = await findSession(app.store, cookies[SESSION_COOKIE]);
        if (session) ctx.session = session;
      }
      const isApi = route?.api ?? url.pathname.startsWith('/api/');
      // The gate: anything not public needs a session, whether or not the route exists.
      if (!route?.public && !ctx.session) {
        if (isApi) return sendJson(res, 401, { error: 'sign in first' });
        const next = req.method === 'GET' ? `?next=${encodeURIComponent(url.pathname + url.search)}` : '';
        return redirect(res, `/signin${next}`, 302);
      }
      if (!route) {
        if (allowed.length) res.setHeader('allow', allowed.join(', '));
        return errorPage(ctx, allowed.length ? 405 : 404, allowed.length ? 'badRequest' : 'notFound');
      }
      if (req.method === 'POST') {
        ctx.body = await readBody(req);
        const expected = ctx.session && route.path !== '/signin' ? ctx.session.csrf : cookies[PRE_COOKIE];
        const given = ctx.body[CSRF_FIELD] ?? req.headers[CSRF_HEADER];
        if (!sameOrigin(req) || !expected || !tokenMatches(expected, given)) {
          app.log.warn(`console: CSRF check failed for ${req.method} ${url.pathname}`, {
            staff: ctx.session?.staffName,
            origin: req.headers.origin,
          });
          return errorPage(ctx, 403, 'formExpired');
        }
      }
      // A flash message shows once: on the next page, not on the polls.
      if (ctx.session?.flash && req.method === 'GET' && !isApi) await clearFlash(app.store, ctx.session.key);
      await route.handle(ctx);
    } catch (e) {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (e instanceof HttpError) {
        if (e.status === 404 && !wantsJson(ctx)) return errorPage(ctx, 404, 'notFound', e.message);
        return wantsJson(ctx)
          ? sendJson(res, e.status, { error: e.message })
          : errorPage(ctx, e.status, 'badRequest', e.message);
      }
      app.log.error(`console: ${req.method} ${url.pathname} failed: ${(e as Error).stack ?? String(e)}`);
      errorPage(ctx, 500, 'serverError');
    }
  };
}

export async function startConsole(o: ConsoleOptions): Promise<RunningConsole> {
  const app: ConsoleApp = {
    store: o.store,
    ...(o.rules ? { rules: o.rules } : {}),
    log: o.log,
    limiter: new SignInLimiter(o.limiter),
    // Secure whenever staff reach the console over https, even though TLS ends at the proxy.
    secureCookies: (o.secureCookies ?? false) || /^https:/i.test(o.publicUrl ?? ''),
    pollMs: o.pollMs ?? 4000,
    ...(o.trustProxy?.length ? { trustProxy: o.trustProxy } : {}),
    ...(o.publicUrl ? { publicUrl: o.publicUrl } : {}),
    ...(o.rulesStatus ? { rulesStatus: o.rulesStatus } : {}),
  };
  const handler = createConsoleHandler(
    app,
    allRoutes({ ...(o.ticketPrefix ? { ticketPrefix: o.ticketPrefix } : {}) }),
  );
  const server = http.createServer((req, res) => void handler(req, res));
  server.headersTimeout = 20_000;
  server.requestTimeout = 30_000;
  const host = o.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  // No TTL indexes on FerretDB v1: expired sessions are swept here.
  const sweep = setInterval(() => void sweepSessions(o.store).catch(() => undefined), 10 * 60_000);
  sweep.unref();
  // The dashboard's snapshot, built once in the background (store/dashboard.ts), a little
  // after start so it does not compete with the bot's first tick.
  const warm = setTimeout(() => void prepareDashboard(o.store).catch(() => undefined), 5_000);
  warm.unref();
  const addr = server.address() as AddressInfo;
  const shownHost = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  const url = `http://${shownHost}:${addr.port}`;
  o.log.info(`Staff console on ${url}`);
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        clearInterval(sweep);
        clearTimeout(warm);
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
