// Where the poller is in X's mentions timeline: the newest tweet id stored with everything
// before it (bot/cursor-hold.ts decides when it may move). Kept in `state` under one key.
import { modelsOf, type Store } from './store';

export const MENTIONS_CURSOR_KEY = 'cursor:mentions';

export interface MentionsCursor {
  sinceId: string;
  at: string;
}

export async function readMentionsCursor(store: Store): Promise<MentionsCursor | undefined> {
  const doc = await modelsOf(store).State.findById(MENTIONS_CURSOR_KEY).lean();
  return (doc?.value as MentionsCursor | undefined) ?? undefined;
}

export async function writeMentionsCursor(store: Store, c: MentionsCursor): Promise<void> {
  await modelsOf(store).State.updateOne(
    { _id: MENTIONS_CURSOR_KEY },
    { $set: { value: c, updatedAt: new Date() } },
    { upsert: true },
  );
}
