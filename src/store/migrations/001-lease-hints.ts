// 0 → 1. Mujib 0.1.0 found the latest lease term with an _id-prefix query on every
// heartbeat (a full scan of `state` on FerretDB v1: 1.2 s at 20,000 documents). Since then the
// lease keeps a `lease-latest:<name>` hint and probes forward from it by _id. This writes the
// hint for every lease a 0.1.0 database holds, so no heartbeat ever needs the slow path.
// Idempotent: $max never moves a hint backwards, and the lease itself only reads it as a start.
import type { Migration } from './types';
import type { Models } from '../models';
import { isDuplicateKey } from '../duplicate-key';
import { leaseHint, leaseTerm } from '../state-keys';

export const leaseHints: Migration = {
  version: 1,
  name: 'lease hints for the terms of Mujib 0.1.0',
  async up({ models }) {
    const terms = await models.State.find({ _id: { $regex: `^${leaseTerm.prefix}` } }, { _id: 1 }).lean();
    const latest = new Map<string, number>();
    for (const { _id } of terms) {
      const t = leaseTerm.parse(String(_id));
      if (t) latest.set(t.subject, Math.max(latest.get(t.subject) ?? 0, t.n));
    }
    for (const [name, term] of latest) await raiseHint(models, leaseHint.key(name), term);
  },
};

async function raiseHint(models: Models, _id: string, term: number): Promise<void> {
  const write = () =>
    models.State.updateOne(
      { _id },
      { $max: { value: term }, $set: { updatedAt: new Date() } },
      { upsert: true },
    );
  try {
    await write();
  } catch (e) {
    // Two instances upserting the same new hint at once: one insert loses (E11000, on MongoDB
    // as on FerretDB). The hint exists now, so the same write is a plain update.
    if (!isDuplicateKey(e)) throw e;
    await write();
  }
}
