// The address a request comes from, for the sign-in limiter. Behind a TLS proxy every request
// has the proxy's address: then, and only then, X-Forwarded-For says who the browser is.
// The header is trusted only from an address named in CONSOLE_TRUST_PROXY (anyone else could
// write any address in it to dodge the per-address limit), read from the right: the last
// entry not itself a trusted proxy is the one our proxy saw.
import net from 'node:net';
import type { IncomingMessage } from 'node:http';

/** "127.0.0.1" and "::ffff:127.0.0.1" are one address. */
export function normalizeIp(ip: string): string {
  const a = ip
    .trim()
    .replace(/^\[|\]$/g, '')
    .toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(a);
  return mapped ? mapped[1]! : a;
}

export function clientIp(req: IncomingMessage, trustedProxies: readonly string[] = []): string {
  const peer = normalizeIp(req.socket.remoteAddress ?? 'unknown');
  const trusted = new Set(trustedProxies.map(normalizeIp));
  if (!trusted.has(peer)) return peer;
  const header = req.headers['x-forwarded-for'];
  const hops = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map(normalizeIp)
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!;
    if (!net.isIP(hop)) return peer; // garbage in the header: count it against the proxy
    if (!trusted.has(hop)) return hop;
  }
  return peer;
}
