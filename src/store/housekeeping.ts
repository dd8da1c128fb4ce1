// Single-winner decisions are unique inserts into `state` (see claims.ts), so `state` gains a
// small document per decision: post-attempt claims and ticket-change tokens. Once a decision
// can no longer be contested they are dead weight (and on FerretDB v1 every non-_id query over
// `state` reads them all). Run daily; removes only what is provably done, as the namespaces
// declared in state-keys.ts say (lifetime 'settled-claim'):
//   post:<reply>:<n>       the reply is posted, failed or stale (or gone)
//   ticket-tx:<ref>:<v>    the ticket has moved past version v (the change was applied)
// and only when older than a day, so nothing a live process is still deciding is touched.
// Everything else stays (lease terms: one per takeover, and the lease relies on them being
// contiguous; lookups and bindings are data).
import type { Models } from './models';
import type { Store } from './store';
import { modelsOf } from './store';
import {
  DAY_MS,
  settledClaimNamespaces,
  type ClaimParts,
  type SettledBy,
  type StateNamespaceName,
} from './state-keys';

export const KEEP_MS = DAY_MS;
const CHUNK = 500;

export interface HousekeepingResult {
  claims: number;
  tokens: number;
}

interface StateRow {
  _id: string;
  updatedAt?: Date;
}

type Claim = ClaimParts & { _id: string };

/** For each way a claim settles: which of these claims are settled. */
const SETTLED: Record<SettledBy, (models: Models, claims: Claim[]) => Promise<Claim[]>> = {
  async 'reply-not-planned'(models, claims) {
    const replyIds = [...new Set(claims.map((c) => c.subject))];
    const open = new Set<string>();
    for (const ids of chunks(replyIds))
      for (const r of await models.Reply.find({ _id: { $in: ids }, status: 'planned' }, { _id: 1 }).lean())
        open.add(String(r._id));
    return claims.filter((c) => !open.has(c.subject));
  },
  async 'ticket-past-version'(models, tokens) {
    const versions = new Map<string, number>();
    const refs = [...new Set(tokens.map((t) => t.subject))];
    for (const ids of chunks(refs))
      for (const t of await models.Ticket.find({ _id: { $in: ids } }, { history: 1 }).lean())
        versions.set(String(t._id), t.history.length);
    return tokens.filter((t) => (versions.get(t.subject) ?? Infinity) > t.n);
  },
};

export async function removeSettledClaims(store: Store, now = new Date()): Promise<HousekeepingResult> {
  const models = modelsOf(store);
  const removed: Partial<Record<StateNamespaceName, number>> = {};
  const dead: string[][] = [];
  for (const { name, ns, settledBy, olderThanMs } of settledClaimNamespaces()) {
    const before = new Date(now.getTime() - olderThanMs);
    const rows = (await models.State.find(
      { _id: { $regex: `^${ns.prefix}` } },
      { _id: 1, updatedAt: 1 },
    ).lean()) as StateRow[];
    const claims: Claim[] = [];
    for (const r of rows) {
      const parts = ns.parse(r._id);
      if (parts && new Date(r.updatedAt ?? 0) < before) claims.push({ _id: r._id, ...parts });
    }
    const settled = await SETTLED[settledBy](models, claims);
    dead.push(settled.map((c) => c._id));
    removed[name] = settled.length;
  }
  for (const ids of dead)
    for (const chunk of chunks(ids)) await models.State.deleteMany({ _id: { $in: chunk } });
  return { claims: removed.postAttempt ?? 0, tokens: removed.ticketChange ?? 0 };
}

function chunks<T>(xs: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += CHUNK) out.push(xs.slice(i, i + CHUNK));
  return out;
}
