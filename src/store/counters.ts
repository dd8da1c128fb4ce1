// Unique, never-repeating numbers per series (e.g. tickets of one month), safe under
// concurrent allocation by several processes: see models/counter.ts for why inserts.
import type { Models } from './models';
import { isDuplicateKey } from './duplicate-key';
import { modelsOf, type Store } from './store';

// The last number this process handed out per series. Starting from it makes allocation one
// insert by _id (an index lookup on FerretDB v1 with our build's fix). Another process may
// have moved on: the insert then reports a duplicate and we look the top up again.
const lastSeen = new WeakMap<object, Map<string, number>>();

// Where a series stands, for a process that starts (or lost a race): a hint document
// `top:<series>` raised after each allocation, then probed forward by _id, so finding the top
// never reads the series' numbers (a month of tickets). A hint that lags (a crash between
// the insert and the hint, two writers racing) only costs a few probes.
const topKey = (series: string) => `top:${series}`;
const MAX_PROBES = 64;

async function currentTop(Counter: Models['Counter'], series: string): Promise<number> {
  const hint = await Counter.findById(topKey(series), { n: 1 }).lean();
  if (hint) {
    let top = hint.n;
    for (let i = 0; i < MAX_PROBES; i++, top++)
      if (!(await Counter.exists({ _id: `${series}:${top + 1}` }))) return top;
  }
  // A series from before the hint existed (or probing ran long): the highest number held.
  const doc = await Counter.findOne({ series }).sort({ n: -1 }).select({ n: 1 }).lean();
  return doc?.n ?? 0;
}

export async function nextNumber(store: Store, series: string): Promise<number> {
  const { Counter } = modelsOf(store);
  let hints = lastSeen.get(Counter);
  if (!hints) lastSeen.set(Counter, (hints = new Map()));
  for (let tries = 0; tries < 1000; tries++) {
    let top = tries === 0 ? hints.get(series) : undefined;
    if (top === undefined) top = await currentTop(Counter, series);
    // Under contention, jump past the numbers other allocators are racing for.
    const n = top + 1 + (tries > 3 ? Math.floor(Math.random() * tries) : 0);
    try {
      await Counter.create({ _id: `${series}:${n}`, series, n });
      hints.set(series, n);
      // Only a hint: a failure here (even a racing upsert's duplicate key) loses nothing.
      await Counter.updateOne(
        { _id: topKey(series) },
        { $max: { n }, $setOnInsert: { series: topKey(series) } },
        { upsert: true },
      ).catch(() => undefined);
      return n;
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
    }
  }
  throw new Error(`Could not allocate a number in series ${series} after 1000 tries`);
}
