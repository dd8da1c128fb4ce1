// Unique, never-repeating numbers per series (e.g. tickets of one month), safe under
// concurrent allocation by several processes: see models/counter.ts for why inserts.
import type { Models } from './models';
import { isDuplicateKey } from './db';

export async function nextNumber(models: Pick<Models, 'Counter'>, series: string): Promise<number> {
  const { Counter } = models;
  for (let tries = 0; tries < 1000; tries++) {
    const top = await Counter.findOne({ series }).sort({ n: -1 }).select({ n: 1 }).lean();
    // Under contention, jump past the numbers other allocators are racing for.
    const n = (top?.n ?? 0) + 1 + (tries > 3 ? Math.floor(Math.random() * tries) : 0);
    try {
      await Counter.create({ _id: `${series}:${n}`, series, n });
      return n;
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
    }
  }
  throw new Error(`Could not allocate a number in series ${series} after 1000 tries`);
}
