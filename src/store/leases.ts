// The storage of a lease (src/bot/lease.ts decides when to renew or take over): a series of
// numbered terms `lease:<name>:<term>` in `state`, built on unique inserts only (see
// claims.ts). Taking over means inserting term N+1 — only one contender can. Terms are
// contiguous and never deleted, so probing forward from any term seen by _id always ends at
// the latest; a `lease-latest:<name>` hint remembers where to start. (On FerretDB v1 an
// _id-prefix query reads the whole `state` collection: 1.2 s at 20,000 documents, on every
// heartbeat; probing by _id is indexed.)
import { claimOnce } from './claims';
import { leaseHint, leaseTerm } from './state-keys';
import { modelsOf, type Store } from './store';

export interface LeaseTerm {
  term: number;
  holder?: string;
  expiresAt?: Date;
}

interface TermDoc {
  _id: string;
  holder?: string;
  expiresAt?: Date;
}

async function readTerm(store: Store, name: string, term: number): Promise<TermDoc | null> {
  if (term <= 0) return null;
  return (await modelsOf(store).State.findById(leaseTerm.key(name, term)).lean()) as TermDoc | null;
}

/** Where to start probing: the hint, or (a database from before it existed) one slow look. */
async function startingPoint(store: Store, name: string): Promise<number> {
  const { State } = modelsOf(store);
  const hint = await State.findById(leaseHint.key(name)).lean();
  if (typeof hint?.value === 'number') return hint.value;
  const doc = (await State.findOne({ _id: { $regex: `^${leaseTerm.prefix}${name}:` } })
    .sort({ _id: -1 })
    .lean()) as TermDoc | null;
  return doc ? (leaseTerm.parse(doc._id)?.n ?? 0) : 0;
}

/**
 * The latest term of lease `name` (term 0 and no holder: never held), probing forward from
 * `seen` (a term known to exist; 0 when none is known, which reads the hint).
 */
export async function latestLeaseTerm(store: Store, name: string, seen: number): Promise<LeaseTerm> {
  let term = seen > 0 ? seen : await startingPoint(store, name);
  let doc = await readTerm(store, name, term);
  for (let next = await readTerm(store, name, term + 1); next; next = await readTerm(store, name, term + 1)) {
    term++;
    doc = next;
  }
  return {
    term,
    ...(doc?.holder !== undefined ? { holder: doc.holder } : {}),
    ...(doc?.expiresAt ? { expiresAt: new Date(doc.expiresAt) } : {}),
  };
}

/** Remembers the latest term seen (only ever called with a term that exists). */
export async function recordLeaseHint(store: Store, name: string, term: number, at: Date): Promise<void> {
  await modelsOf(store).State.updateOne(
    { _id: leaseHint.key(name) },
    { $set: { value: term, updatedAt: at } },
    { upsert: true },
  );
}

/** Inserts term `term` for `holder`: true for exactly one contender, ever. */
export function acquireLeaseTerm(
  store: Store,
  name: string,
  term: number,
  holder: string,
  expiresAt: Date,
): Promise<boolean> {
  return claimOnce(store, leaseTerm.key(name, term), holder, { expiresAt });
}

/** The holder moves its own term's expiry. */
export async function renewLeaseTerm(
  store: Store,
  name: string,
  term: number,
  expiresAt: Date,
  at: Date,
): Promise<void> {
  await modelsOf(store).State.updateOne(
    { _id: leaseTerm.key(name, term) },
    { $set: { expiresAt, updatedAt: at } },
  );
}

/** Expires the term now, so a standby takes over at its next heartbeat. */
export async function releaseLeaseTerm(store: Store, name: string, term: number): Promise<void> {
  await modelsOf(store).State.updateOne(
    { _id: leaseTerm.key(name, term) },
    { $set: { expiresAt: new Date(0) } },
  );
}
