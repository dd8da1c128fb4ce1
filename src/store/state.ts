// Named values that survive restarts (the mentions cursor, the model's content hash, …).
import { modelsOf, type Store } from './store';

export async function getState<T>(store: Store, key: string): Promise<T | undefined> {
  const doc = await modelsOf(store).State.findById(key).lean();
  return (doc?.value as T | undefined) ?? undefined;
}

export async function setState<T>(store: Store, key: string, value: T): Promise<void> {
  await modelsOf(store).State.updateOne(
    { _id: key },
    { $set: { value, updatedAt: new Date() } },
    { upsert: true },
  );
}
