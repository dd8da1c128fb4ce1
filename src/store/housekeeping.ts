// Single-winner decisions are unique inserts into `state` (see claims.ts), so `state` gains a
// small document per decision: post-attempt claims and ticket-change tokens. Once a decision
// can no longer be contested they are dead weight (and on FerretDB v1 every non-_id query over
// `state` reads them all). Run daily; removes only what is provably done:
//   post:<reply>:<n>       the reply is posted, failed or stale (or gone)
//   ticket-tx:<ref>:<v>    the ticket has moved past version v (the change was applied)
// and only when older than a day, so nothing a live process is still deciding is touched.
// Lease terms stay: one per takeover, and the lease relies on them being contiguous.
import type { Models } from './models';

export const KEEP_MS = 24 * 3_600_000;
const CHUNK = 500;

export interface HousekeepingResult {
  claims: number;
  tokens: number;
}

interface StateRow {
  _id: string;
  updatedAt?: Date;
}

export async function removeSettledClaims(
  models: Pick<Models, 'State' | 'Reply' | 'Ticket'>,
  now = new Date(),
): Promise<HousekeepingResult> {
  const before = new Date(now.getTime() - KEEP_MS);
  const old = async (prefix: string) =>
    (await models.State.find(
      { _id: { $regex: `^${prefix}` } },
      { _id: 1, updatedAt: 1 },
    ).lean()) as StateRow[];
  const isOld = (d: StateRow) => new Date(d.updatedAt ?? 0) < before;

  // Post claims of replies that are settled.
  const claims = (await old('post:')).filter(isOld);
  const replyIds = [...new Set(claims.map((c) => middle(c._id)))];
  const open = new Set<string>();
  for (const ids of chunks(replyIds))
    for (const r of await models.Reply.find({ _id: { $in: ids }, status: 'planned' }, { _id: 1 }).lean())
      open.add(String(r._id));
  const deadClaims = claims.filter((c) => !open.has(middle(c._id)));

  // Ticket-change tokens of versions the ticket has moved past.
  const tokens = (await old('ticket-tx:')).filter(isOld);
  const versions = new Map<string, number>();
  const refs = [...new Set(tokens.map((t) => middle(t._id)))];
  for (const ids of chunks(refs))
    for (const t of await models.Ticket.find({ _id: { $in: ids } }, { history: 1 }).lean())
      versions.set(String(t._id), t.history.length);
  const deadTokens = tokens.filter((t) => (versions.get(middle(t._id)) ?? Infinity) > last(t._id));

  for (const dead of [deadClaims, deadTokens])
    for (const ids of chunks(dead.map((d) => d._id))) await models.State.deleteMany({ _id: { $in: ids } });
  return { claims: deadClaims.length, tokens: deadTokens.length };
}

/** `post:ack:123:2` → `ack:123`; `ticket-tx:AM-2611-0001:4` → `AM-2611-0001`. */
const middle = (id: string) => id.slice(id.indexOf(':') + 1, id.lastIndexOf(':'));
/** The trailing attempt or version number. */
const last = (id: string) => Number(id.slice(id.lastIndexOf(':') + 1));

function chunks<T>(xs: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += CHUNK) out.push(xs.slice(i, i + CHUNK));
  return out;
}
