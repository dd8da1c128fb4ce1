// Unique, never-repeating numbers per series (e.g. tickets of one month), safe under
// concurrent allocation by several processes: see models/counter.ts for why inserts.
import type { Models } from './models';
import { isDuplicateKey } from './db';

// The last number this process handed out per series. Starting from it makes allocation one
// insert by _id (an index lookup on FerretDB v1 with our build's fix; the highest-number query
// scans the collection). Another process may have moved on: the insert then reports a
// duplicate and we look the top up again.
const lastSeen = new WeakMap<object, Map<string, number>>();

export async function nextNumber(models: Pick<Models, 'Counter'>, series: string): Promise<number> {
  const { Counter } = models;
  let hints = lastSeen.get(Counter);
  if (!hints) lastSeen.set(Counter, (hints = new Map()));
  for (let tries = 0; tries < 1000; tries++) {
    let top = tries === 0 ? hints.get(series) : undefined;
    if (top === undefined) {
      const doc = await Counter.findOne({ series }).sort({ n: -1 }).select({ n: 1 }).lean();
      top = doc?.n ?? 0;
    }
    // Under contention, jump past the numbers other allocators are racing for.
    const n = top + 1 + (tries > 3 ? Math.floor(Math.random() * tries) : 0);
    try {
      await Counter.create({ _id: `${series}:${n}`, series, n });
      hints.set(series, n);
      return n;
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
    }
  }
  throw new Error(`Could not allocate a number in series ${series} after 1000 tries`);
}
