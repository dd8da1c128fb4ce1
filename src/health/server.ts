// /healthz and /metrics on 127.0.0.1 (by default): for the agency's monitoring, not the public.
import http from 'node:http';
import type { Observed } from './observed';
import { channelOf, createMetrics } from './metrics';
import { redactDeep } from '../log/redact';
import { hostAllowed } from './host-allow';

export interface HealthServer {
  url: string;
  stop(): Promise<void>;
}

export async function startHealthServer(
  ctx: Observed,
  opts: {
    port: number;
    host?: string;
    extra?: () => Record<string, unknown>;
    /** CONSOLE_PUBLIC_URL: its host is accepted besides IP addresses and localhost. */
    publicUrl?: string;
    /** Open311 GeoReport v2 under /open311/v2/ (src/open311): public, read-only. */
    open311?: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<boolean>;
  },
): Promise<HealthServer> {
  const registry = createMetrics(ctx);
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    // DNS rebinding: a page on evil.example resolving to 127.0.0.1 must not read us.
    if (!hostAllowed(req.headers.host, opts.publicUrl)) {
      res.writeHead(421, { 'content-type': 'text/plain' }).end('unknown host');
      return;
    }
    if (opts.open311 && req.method === 'GET' && path?.startsWith('/open311/')) {
      void opts.open311(req, res).then((done) => done || res.writeHead(404).end());
      return;
    }
    if (req.method !== 'GET') {
      res.writeHead(405).end();
      return;
    }
    if (path === '/healthz') {
      const h = ctx.health;
      // Why it fails, in words and stable codes (health/channel.ts), for people and monitors.
      const channel = channelOf(ctx);
      const ok = channel.ok;
      const body = {
        status: ok ? 'ok' : 'failing',
        lastPollAt: h.lastPollAt?.toISOString() ?? null,
        lastPollOk: h.lastPollOk ?? null,
        database: h.database,
        credentials: h.credentials,
        postingPausedUntil: h.postPausedUntil?.toISOString() ?? null,
        budget: h.budget
          ? { status: h.budget.status, why: h.budget.why, until: h.budget.until.toISOString() }
          : null,
        lastError: h.lastError ?? null,
        problems: channel.problems,
        ...opts.extra?.(),
      };
      // lastError is an upstream's text: it may echo a token back (encoded or not).
      res
        .writeHead(ok ? 200 : 503, { 'content-type': 'application/json' })
        .end(JSON.stringify(redactDeep(body)));
      return;
    }
    if (path === '/metrics') {
      registry
        .metrics()
        .then((text) => res.writeHead(200, { 'content-type': registry.contentType }).end(text))
        .catch((e: Error) =>
          res.writeHead(500, { 'content-type': 'text/plain' }).end(`metrics failed: ${e.message}`),
        );
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found: try /healthz or /metrics');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host ?? '127.0.0.1', resolve);
  });
  const addr = server.address() as { port: number };
  return {
    url: `http://${opts.host ?? '127.0.0.1'}:${addr.port}`,
    stop: () => new Promise<void>((r) => server.close(() => r())),
  };
}
