// Many instances, one voice. The instance holding the lease polls and posts; the others
// stand by and take over within two lease periods of the holder dying.
//
// Built on unique inserts only (see store/leases.ts): leadership is a series of numbered
// terms, `lease:<name>:<term>`. Taking over means inserting term N+1 — only one contender
// can. The holder renews by moving its own term's expiry; it stops acting as soon as its
// term is superseded or its expiry passes without a renewal, so two holders never overlap
// by more than one renewal round-trip (and the outbox's per-attempt claims still prevent
// a double post inside that window).
import type { Store } from '../store/store';
import {
  acquireLeaseTerm,
  latestLeaseTerm,
  recordLeaseHint,
  releaseLeaseTerm,
  renewLeaseTerm,
  type LeaseTerm,
} from '../store/leases';

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

export function createLease(store: Store, o: LeaseOptions): Lease {
  const now = o.now ?? (() => new Date());
  let myTerm: number | undefined;
  let myExpiry = 0;
  // The latest term seen (store/leases.ts probes forward from it; 0: start from the hint).
  let seen = 0;

  async function latest(): Promise<LeaseTerm> {
    const found = await latestLeaseTerm(store, o.name, seen);
    if (found.term > seen) {
      seen = found.term;
      await recordLeaseHint(store, o.name, found.term, now());
    }
    return found;
  }

  return {
    async heartbeat() {
      const t = now().getTime();
      const doc = await latest();
      if (myTerm !== undefined && doc.term === myTerm && doc.holder === o.holder && t < myExpiry) {
        const expiresAt = new Date(t + o.periodMs);
        await renewLeaseTerm(store, o.name, myTerm, expiresAt, now());
        myExpiry = expiresAt.getTime();
        return true;
      }
      myTerm = undefined;
      const expired = !doc.expiresAt || doc.expiresAt.getTime() < t;
      if (!expired) return false;
      const expiresAt = new Date(t + o.periodMs);
      if (await acquireLeaseTerm(store, o.name, doc.term + 1, o.holder, expiresAt)) {
        myTerm = doc.term + 1;
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
      await releaseLeaseTerm(store, o.name, myTerm);
      myTerm = undefined;
    },
    term: () => myTerm,
  };
}
