// Sign-in and sign-out. A fresh session id on every sign-in (no fixation); the sign-in form
// has its own CSRF token (double-submit cookie) since there is no session yet.
import { randomBytes } from 'node:crypto';
import type { Ctx } from '../context';
import { addCookie, cookie, redirect, safeLocalPath, sendHtml } from '../http';
import { checkCredentials } from '../auth/staff';
import { clientIp as requestIp } from '../auth/client-ip';
import { createSession, destroySession, SESSION_COOKIE, SESSION_MAX_AGE_MS } from '../auth/sessions';
import { signInPage } from '../pages/signin';
import type { Route } from '../router';

export const PRE_COOKIE = 'mujib_pre';

function preToken(ctx: Ctx): string {
  const existing = ctx.req.headers.cookie
    ? /(?:^|;\s*)mujib_pre=([A-Za-z0-9_-]{20,})/.exec(ctx.req.headers.cookie)?.[1]
    : undefined;
  if (existing) return existing;
  const token = randomBytes(24).toString('base64url');
  addCookie(ctx.res, cookie(PRE_COOKIE, token, { secure: ctx.secure }));
  return token;
}

const clientIp = (ctx: Ctx) => requestIp(ctx.req, ctx.app.trustProxy ?? []);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const authRoutes: Route[] = [
  {
    method: 'GET',
    path: '/signin',
    public: true,
    handle(ctx) {
      if (ctx.session) return redirect(ctx.res, safeLocalPath(ctx.url.searchParams.get('next')));
      const q = ctx.url.searchParams;
      const error = q.has('out') ? ctx.t('signedOut') : q.has('expired') ? ctx.t('sessionEnded') : undefined;
      const next = q.get('next') ?? undefined;
      sendHtml(
        ctx.res,
        200,
        signInPage(ctx, { preToken: preToken(ctx), ...(error ? { error } : {}), ...(next ? { next } : {}) }),
      );
    },
  },
  {
    method: 'POST',
    path: '/signin',
    public: true,
    async handle(ctx) {
      // Shown back in the form as typed; the limiter and the lookup normalise it the same way.
      const name = (ctx.body.name ?? '').trim().slice(0, 100);
      const password = ctx.body.password ?? '';
      const next = safeLocalPath(ctx.body.next);
      const { limiter, store, log } = ctx.app;
      const again = (status: number, error: string) =>
        sendHtml(ctx.res, status, signInPage(ctx, { preToken: preToken(ctx), name, error, next }));

      const wait = limiter.retryAfter(name, clientIp(ctx));
      if (wait > 0) {
        ctx.res.setHeader('retry-after', String(Math.ceil(wait / 1000)));
        log.warn(`console: sign-in for "${name}" refused, too many failures`, { ip: clientIp(ctx) });
        return again(429, ctx.t('tooManyTries', { minutes: Math.ceil(wait / 60_000) }));
      }
      // While failures pour in from everywhere, every sign-in waits a little: slow guessing,
      // nobody locked out.
      const delay = limiter.globalDelay();
      if (delay > 0) await sleep(delay);
      const staff = await checkCredentials(store, name, password);
      if (!staff) {
        limiter.fail(name, clientIp(ctx));
        log.warn(`console: failed sign-in for "${name}"`, { ip: clientIp(ctx) });
        return again(401, ctx.t('badCredentials'));
      }
      limiter.succeed(name);
      if (ctx.session) await destroySession(store, ctx.session.key);
      const { cookieValue } = await createSession(store, staff);
      addCookie(
        ctx.res,
        cookie(SESSION_COOKIE, cookieValue, { secure: ctx.secure, maxAgeSeconds: SESSION_MAX_AGE_MS / 1000 }),
      );
      log.info(`console: ${staff.name} signed in`);
      redirect(ctx.res, next);
    },
  },
  {
    method: 'POST',
    path: '/signout',
    async handle(ctx) {
      await destroySession(ctx.app.store, ctx.session!.key);
      addCookie(ctx.res, cookie(SESSION_COOKIE, '', { secure: ctx.secure, maxAgeSeconds: 0 }));
      ctx.app.log.info(`console: ${ctx.session!.staffName} signed out`);
      redirect(ctx.res, '/signin?out=1');
    },
  },
];
