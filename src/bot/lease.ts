// Many instances, one voice. The instance holding the lease polls and posts; the others
// stand by and take over within two lease periods of the holder dying.
//
// Built on unique inserts only (see store/claims.ts): leadership is a series of numbered
// terms, `lease:<name>:<term>`. Taking over means inserting term N+1 — only one contender
// can. The holder renews by moving its own term's expiry; it stops acting as soon as its
// term is superseded or its expiry passes without a renewal, so two holders never overlap
// by more than one renewal round-trip (and the outbox's per-attempt claims still prevent
// a double post inside that window).
import type { Models } from '../store/models';
import { claimOnce } from '../store/claims';

export interface LeaseOptions {
  name: string;
  holder: string;
  periodMs: number;
  now?: () => Date;
}

export interface Lease {
  /** Acquire or renew; true while this instance holds the lease. */
  heartbeat(): Promise<boolean>;
  held(): boolean;
  release(): Promise<void>;
  term(): number | undefined;
}

interface TermDoc {
  _id: string;
  holder?: string;
  expiresAt?: Date;
}

export function createLease(models: Pick<Models, 'State'>, o: LeaseOptions): Lease {
  const now = o.now ?? (() => new Date());
  const prefix = `lease:${o.name}:`;
  // Where the latest term was last seen. Only a hint: it never runs ahead of the real latest
  // term (written after a term is won), and terms are contiguous and never deleted, so probing
  // forward from it by _id always ends at the latest. (On FerretDB v1 an _id-prefix query
  // reads the whole `state` collection: 1.2 s at 20,000 documents, on every heartbeat.)
  const hintKey = `lease-latest:${o.name}`;
  let myTerm: number | undefined;
  let myExpiry = 0;
  let seen = 0;

  const key = (term: number) => `${prefix}${String(term).padStart(12, '0')}`;
  const termOf = (id: string) => Number(id.slice(prefix.length));
  const find = async (term: number) =>
    term > 0 ? ((await models.State.findById(key(term)).lean()) as TermDoc | null) : null;

  async function startingPoint(): Promise<number> {
    if (seen > 0) return seen;
    const hint = await models.State.findById(hintKey).lean();
    if (typeof hint?.value === 'number') return hint.value;
    // A database from before the hint existed: look once the slow way.
    const doc = (await models.State.findOne({ _id: { $regex: `^${prefix}` } })
      .sort({ _id: -1 })
      .lean()) as TermDoc | null;
    return doc ? termOf(doc._id) : 0;
  }

  async function latest(): Promise<{ term: number; doc?: TermDoc }> {
    let term = await startingPoint();
    let doc = await find(term);
    for (let next = await find(term + 1); next; next = await find(term + 1)) {
      term++;
      doc = next;
    }
    if (term > seen) {
      seen = term;
      await models.State.updateOne(
        { _id: hintKey },
        { $set: { value: term, updatedAt: now() } },
        { upsert: true },
      );
    }
    return { term, doc: doc ?? undefined };
  }

  return {
    async heartbeat() {
      const t = now().getTime();
      const { term, doc } = await latest();
      if (myTerm !== undefined && term === myTerm && doc?.holder === o.holder && t < myExpiry) {
        const expiresAt = new Date(t + o.periodMs);
        await models.State.updateOne({ _id: key(myTerm) }, { $set: { expiresAt, updatedAt: now() } });
        myExpiry = expiresAt.getTime();
        return true;
      }
      myTerm = undefined;
      const expired = !doc || !doc.expiresAt || new Date(doc.expiresAt).getTime() < t;
      if (!expired) return false;
      const expiresAt = new Date(t + o.periodMs);
      if (await claimOnce(models, key(term + 1), o.holder, { expiresAt })) {
        myTerm = term + 1;
        myExpiry = expiresAt.getTime();
        await latest(); // records the new term in the hint
        return true;
      }
      return false;
    },
    held: () => myTerm !== undefined && now().getTime() < myExpiry,
    async release() {
      if (myTerm === undefined) return;
      // Expire our term now so a standby takes over at its next heartbeat.
      await models.State.updateOne({ _id: key(myTerm) }, { $set: { expiresAt: new Date(0) } });
      myTerm = undefined;
    },
    term: () => myTerm,
  };
}
