// The stylesheet (public: the sign-in page needs it) and the script (signed-in pages only).
import { createHash } from 'node:crypto';
import type { Ctx } from '../context';
import { CONSOLE_CSS } from '../static/console-css';
import { CONSOLE_JS } from '../static/console-js';
import { ALERTS_JS } from '../static/alerts-js';
import { TICKET_JS } from '../static/ticket-js';
import { KEYS_JS } from '../static/keys-js';
import { WORK_CSS } from '../static/work-css';
import type { Route } from '../router';

function asset(body: string, type: string) {
  const etag = `"${createHash('sha1').update(body).digest('base64url').slice(0, 20)}"`;
  return (ctx: Ctx): void => {
    ctx.res.setHeader('content-type', type);
    ctx.res.setHeader('etag', etag);
    ctx.res.setHeader('cache-control', 'no-cache');
    if (ctx.req.headers['if-none-match'] === etag) {
      ctx.res.statusCode = 304;
      ctx.res.end();
      return;
    }
    ctx.res.statusCode = 200;
    ctx.res.end(ctx.req.method === 'HEAD' ? undefined : body);
  };
}

export const staticRoutes: Route[] = [
  {
    method: 'GET',
    path: '/static/console.css',
    public: true,
    handle: asset(CONSOLE_CSS + WORK_CSS, 'text/css; charset=utf-8'),
  },
  {
    method: 'GET',
    path: '/static/console.js',
    handle: asset(CONSOLE_JS + ALERTS_JS + TICKET_JS + KEYS_JS, 'text/javascript; charset=utf-8'),
  },
];
