// Named values that survive restarts (the mentions cursor, the model's content hash, …).
import type { Models } from './models';

export async function getState<T>(models: Pick<Models, 'State'>, key: string): Promise<T | undefined> {
  const doc = await models.State.findById(key).lean();
  return (doc?.value as T | undefined) ?? undefined;
}

export async function setState<T>(models: Pick<Models, 'State'>, key: string, value: T): Promise<void> {
  await models.State.updateOne({ _id: key }, { $set: { value, updatedAt: new Date() } }, { upsert: true });
}
