// "Exactly one of us does this": claims are inserts of a unique key, the one primitive that is
// atomic on MongoDB and FerretDB alike. (A conditional updateOne is NOT: measured on FerretDB
// v1.24, six concurrent updateOne({_id, attempts: 0}, {$inc}) calls all reported
// modifiedCount 1 in 26 of 30 trials.)
import { isDuplicateKey } from './duplicate-key';
import { modelsOf, type Store } from './store';

/** True when this call inserted `key` first; false when anyone (ever) claimed it before. */
export async function claimOnce(
  store: Store,
  key: string,
  holder: string,
  extra: { expiresAt?: Date; value?: unknown } = {},
): Promise<boolean> {
  try {
    await modelsOf(store).State.create({ _id: key, holder, updatedAt: new Date(), ...extra });
    return true;
  } catch (e) {
    if (isDuplicateKey(e)) return false;
    throw e;
  }
}

/** When `key` was claimed, if it was: a claim older than any real attempt was abandoned by a
 *  crashed instance. */
export async function claimedAt(store: Store, key: string): Promise<Date | undefined> {
  const c = await modelsOf(store).State.findById(key, { updatedAt: 1 }).lean<{ updatedAt?: Date }>();
  return c?.updatedAt ? new Date(c.updatedAt) : undefined;
}
