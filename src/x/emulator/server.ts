// The HTTP front: auth → fault → rate limit → operation, every answer JSON with X's
// x-rate-limit-* headers. Nothing here knows about tweets; routes.ts and state.ts do.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleAdmin } from './admin';
import type { Caller } from './auth';
import * as problems from './problems';
import { findRoute, type Reply } from './routes';
import type { Endpoint } from './rate-limits';
import type { EmulatorState } from './state';

const MAX_BODY = 1024 * 1024;

function send(
  res: http.ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  // X serves RFC 7807 problems as application/problem+json, everything else as application/json.
  const isProblem = status >= 400 && !!body && typeof body === 'object' && 'title' in body && 'type' in body;
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': isProblem ? 'application/problem+json' : 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(payload)),
    ...headers,
  });
  res.end(payload);
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) reject(new Error('body too large'));
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Latency faults: wait, but give up when the caller hangs up (a client timeout). */
function delay(ms: number, res: http.ServerResponse): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(true), ms);
    timer.unref(); // a stopped emulator must not keep the process alive for a pending fault
    res.once('close', () => {
      clearTimeout(timer);
      resolve(false);
    });
  });
}

async function handle(
  state: EmulatorState,
  token: string,
  req: http.IncomingMessage,
  res: http.ServerResponse,
) {
  const url = new URL(req.url ?? '/', 'http://emulator');
  const method = req.method ?? 'GET';
  const path = url.pathname;
  const log = (status: number | 'dropped', endpoint?: Endpoint) =>
    state.record({ at: new Date(), method, path, status, ...(endpoint ? { endpoint } : {}) });

  let raw: string;
  try {
    raw = method === 'POST' || method === 'PUT' ? await readBody(req) : '';
  } catch {
    return send(res, 413, problems.invalidRequest('Request body too large').body);
  }
  const contentType = String(req.headers['content-type'] ?? '');
  const form = /application\/x-www-form-urlencoded/i.test(contentType) ? new URLSearchParams(raw) : undefined;
  let body: unknown;
  let badJson = false;
  if (raw && !form) {
    try {
      body = JSON.parse(raw);
    } catch {
      badJson = true;
    }
  }

  // OAuth 2.0: the token endpoint authenticates the client itself (Basic or client_id).
  if (method === 'POST' && path === '/2/oauth2/token') {
    const r = state.auth.token(req.headers.authorization, form ?? new URLSearchParams());
    log(r.status);
    return send(res, r.status, r.body);
  }
  // The consent page (x.com/i/oauth2/authorize on X): approves at once and redirects back.
  if (method === 'GET' && path === '/i/oauth2/authorize') {
    try {
      const { code, state: st, redirectUri } = state.auth.authorize(url.searchParams);
      const to = new URL(redirectUri);
      to.searchParams.set('code', code);
      if (st !== null) to.searchParams.set('state', st);
      log(302);
      res.writeHead(302, { location: to.toString() });
      return res.end();
    } catch (e) {
      log(400);
      return send(res, 400, { error: 'invalid_request', error_description: (e as Error).message });
    }
  }

  // What the caller signed: scheme, host with port, path (RFC 5849 §3.4.1.2).
  const caller: Caller = state.auth.check(
    req.headers.authorization,
    method,
    `http://${String(req.headers.host ?? '').toLowerCase()}${path}`,
    url.searchParams,
    form,
  );
  if (caller.kind === 'denied') {
    log(401);
    const p = problems.unauthorized();
    return send(res, p.status, p.body);
  }

  if (path.startsWith('/admin/')) {
    if (caller.kind !== 'sandbox')
      return send(res, 401, { error: 'the admin routes take the emulator token' });
    if (badJson) return send(res, 400, { error: 'body is not JSON' });
    const r = handleAdmin(state, method, path, body);
    return send(res, r.status, r.body);
  }

  const found = findRoute(method, path);
  if (!found) {
    log(404);
    const p = problems.notFound();
    return send(res, p.status, p.body);
  }
  const { endpoint } = found.route;
  // /2/users/me and POST /2/tweets are user context only (the spec's security lists).
  if (caller.kind === 'app' && (endpoint === 'me' || endpoint === 'post')) {
    log(403, endpoint);
    const p = problems.unsupportedAuthentication();
    return send(res, p.status, p.body);
  }

  const fault = state.faults.take(endpoint);
  if (fault?.kind === 'drop') {
    log('dropped', endpoint);
    req.socket.destroy();
    return;
  }
  if (fault?.kind === 'latency' && !(await delay(fault.ms, res))) {
    log('dropped', endpoint);
    return;
  }
  if (fault && fault.kind !== 'latency' && fault.kind !== 'garbled' && fault.kind !== 'malformed') {
    const p =
      fault.kind === '401'
        ? problems.unauthorized()
        : fault.kind === '429'
          ? problems.tooManyRequests()
          : fault.kind === '503'
            ? problems.serviceUnavailable()
            : problems.internalError();
    const headers = fault.kind === '429' ? state.limiter.exhausted(endpoint, fault.ms) : {};
    log(p.status, endpoint);
    return send(res, p.status, p.body, headers);
  }

  const verdict = state.limiter.take(endpoint);
  // Out of budget: every call fails the same way until the cap resets or credits are bought.
  if (verdict.allowed && (state.budget.paymentRequired || state.budget.monthlyCapExceeded)) {
    const p = state.budget.paymentRequired ? problems.paymentRequired() : problems.usageCapExceeded();
    log(p.status, endpoint);
    return send(res, p.status, p.body, verdict.headers);
  }
  if (!verdict.allowed) {
    log(429, endpoint);
    const p = problems.tooManyRequests();
    return send(res, p.status, p.body, verdict.headers);
  }
  let reply: Reply;
  if (badJson) reply = { status: 400, body: problems.invalidRequest('Request body is not valid JSON').body };
  else
    reply = found.route.handle(
      state.store,
      { method, path, query: url.searchParams, body, naming: state.naming },
      found.params,
    );
  const headers = { ...verdict.headers, ...reply.headers };
  if (endpoint === 'post' && reply.status === 201) Object.assign(headers, state.limiter.countPost());
  log(reply.status, endpoint);
  if (fault?.kind === 'garbled') {
    const cut = JSON.stringify(reply.body).slice(0, 40);
    res.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    return res.end(cut);
  }
  if (fault?.kind === 'malformed')
    breakTweets((reply = { ...reply, body: structuredClone(reply.body) }).body);
  send(res, reply.status, reply.body, headers);
}

export interface Listening {
  server: http.Server;
  port: number;
  close: () => Promise<void>;
}

export function listen(state: EmulatorState, token: string, host: string, port: number): Promise<Listening> {
  const server = http.createServer((req, res) => {
    handle(state, token, req, res).catch((e: Error) => {
      if (!res.headersSent) send(res, 500, { ...problems.internalError().body, detail: e.message });
      else res.destroy();
    });
  });
  // Keep-alive sockets would hold stop() open; X's edge closes idle ones quickly too.
  server.keepAliveTimeout = 2000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve({
        server,
        port: (server.address() as AddressInfo).port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

/** The 'malformed' fault: the first tweet loses its text, the second its author. */
function breakTweets(body: unknown): void {
  const data = (body as { data?: unknown })?.data;
  if (!Array.isArray(data)) return;
  if (data[0]) delete (data[0] as Record<string, unknown>).text;
  if (data[1]) delete (data[1] as Record<string, unknown>).author_id;
}
