// Faults queued by tests and the chaos harness; each fires on the next matching requests.

import type { Endpoint } from './rate-limits';

// garbled: a 200 whose JSON body is cut off; malformed: a 200 whose first tweets lack `text`
// and `author_id` (both seen from real APIs under load).
export type FaultKind = '5xx' | '429' | 'latency' | 'drop' | '401' | '503' | 'garbled' | 'malformed';
export type FaultRoute = Endpoint | 'any';

export interface Fault {
  kind: FaultKind;
  /** How many requests it hits (default 1). */
  count?: number;
  /** latency: delay before answering; 429: seconds until the reported reset (default 60 s). */
  ms?: number;
  route?: FaultRoute;
}

const KINDS: FaultKind[] = ['5xx', '429', 'latency', 'drop', '401', '503', 'garbled', 'malformed'];
const ROUTES: FaultRoute[] = ['me', 'mentions', 'post', 'timeline', 'any'];

export function checkFault(f: Fault): Required<Fault> {
  if (!KINDS.includes(f.kind)) throw new Error(`fault kind must be one of ${KINDS.join(', ')}`);
  const route = f.route ?? 'any';
  if (!ROUTES.includes(route)) throw new Error(`fault route must be one of ${ROUTES.join(', ')}`);
  const count = f.count ?? 1;
  if (!Number.isInteger(count) || count < 1) throw new Error('fault count must be a whole number ≥ 1');
  const ms = f.ms ?? (f.kind === 'latency' ? 1000 : 60_000);
  if (!Number.isFinite(ms) || ms < 0) throw new Error('fault ms must be ≥ 0');
  return { kind: f.kind, count, ms, route };
}

export class FaultQueue {
  private pending: Array<Required<Fault>> = [];

  add(f: Fault): void {
    this.pending.push(checkFault(f));
  }

  /** The first queued fault for this endpoint, used up by one. */
  take(endpoint: Endpoint): Required<Fault> | undefined {
    const i = this.pending.findIndex((f) => f.route === 'any' || f.route === endpoint);
    if (i < 0) return undefined;
    const f = this.pending[i]!;
    f.count--;
    if (f.count <= 0) this.pending.splice(i, 1);
    return { ...f };
  }

  list(): Array<Required<Fault>> {
    return this.pending.map((f) => ({ ...f }));
  }

  clear(): void {
    this.pending = [];
  }
}
