// GET /open311/v2/services.json, /requests.json and /requests/{id}.json: public and read-only,
// served beside /healthz (put the path behind the TLS proxy to publish it). Rate-limited per
// client address; JSON only (GeoReport's XML is optional). Errors follow GeoReport's
// [{code, description}] shape.
import type http from 'node:http';
import type { Store } from '../store/store';
import type { Category } from '../rules/pack';
import { placesOf, publicTickets } from '../store/open311';
import { serviceRequest, services } from './georeport';
import { canonicalTicketRef } from '../tickets/ref';

export interface Open311Deps {
  store: Store;
  categories: () => Category[];
  /** The agency's name in that language (agency_responsible). */
  agency: (lang: 'ar' | 'en') => string;
  /** Requests per minute per client address (default 60). */
  perMinute?: number;
}

const DAY = 86_400_000;
const MAX = 1000;

export function createOpen311(d: Open311Deps) {
  const hits = new Map<string, { n: number; since: number }>();
  const limited = (ip: string, now: number) => {
    const h = hits.get(ip);
    if (!h || now - h.since >= 60_000) {
      if (hits.size > 10_000) hits.clear(); // bounded memory under a scan from many addresses
      hits.set(ip, { n: 1, since: now });
      return false;
    }
    return ++h.n > (d.perMinute ?? 60);
  };
  const send = (
    res: http.ServerResponse,
    status: number,
    body: unknown,
    extra: Record<string, string> = {},
  ) =>
    res
      .writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        'access-control-allow-origin': '*',
        'cache-control': 'public, max-age=60',
        ...extra,
      })
      .end(JSON.stringify(body));
  const error = (res: http.ServerResponse, status: number, description: string) =>
    send(res, status, [{ code: status, description }]);

  /** Handles the request when its path is under /open311/v2/; false otherwise. */
  return async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<boolean> {
    const url = new URL(req.url ?? '/', 'http://x');
    if (!url.pathname.startsWith('/open311/v2/')) return false;
    if (limited(req.socket.remoteAddress ?? '?', Date.now())) {
      error(res, 429, 'too many requests: at most 60 a minute');
      return true;
    }
    const lang = url.searchParams.get('locale')?.startsWith('en') ? 'en' : 'ar';
    const cats = d.categories();
    const byId = new Map(cats.map((c) => [c.id, c]));
    const sub = url.pathname.slice('/open311/v2/'.length);
    try {
      if (sub === 'services.json') return (send(res, 200, services(cats, lang)), true);
      const one = /^requests\/([^/]+)\.json$/.exec(sub);
      if (sub !== 'requests.json' && !one)
        return (error(res, 404, 'not found: services.json, requests.json, requests/{id}.json'), true);
      const p = url.searchParams;
      const date = (k: string) => {
        const v = p.get(k);
        if (!v) return undefined;
        const t = new Date(v);
        if (Number.isNaN(t.getTime()))
          throw new BadParam(`${k} must be a W3C date-time, e.g. 2026-12-01T00:00:00Z`);
        return t;
      };
      const end = date('end_date') ?? new Date();
      const start = date('start_date') ?? new Date(end.getTime() - 90 * DAY);
      if (end.getTime() - start.getTime() > 90 * DAY)
        throw new BadParam('start_date and end_date may be at most 90 days apart');
      const status = p.get('status');
      if (status && !['open', 'closed'].includes(status)) throw new BadParam('status must be open or closed');
      const ids = one
        ? [canonicalTicketRef(decodeURIComponent(one[1]!))]
        : p
            .get('service_request_id')
            ?.split(',')
            .map((s) => canonicalTicketRef(s.trim()))
            .slice(0, MAX);
      const tickets = await publicTickets(d.store, {
        ids,
        categories: p
          .get('service_code')
          ?.split(',')
          .map((s) => s.trim()),
        statuses: status ? (status === 'closed' ? ['resolved'] : ['open', 'claimed']) : undefined,
        start,
        end,
        limit: MAX,
      });
      if (one && !tickets.length) return (error(res, 404, `no service request ${one[1]}`), true);
      const places = await placesOf(
        d.store,
        tickets.map((t) => t.mentionId),
      );
      const agency = d.agency(lang);
      send(
        res,
        200,
        tickets.map((t) =>
          serviceRequest(t, { categories: byId, lang, agency, place: places.get(t.mentionId) }),
        ),
      );
    } catch (e) {
      if (e instanceof BadParam) error(res, 400, e.message);
      else error(res, 500, 'the service requests are not available right now');
    }
    return true;
  };
}

class BadParam extends Error {}
