// Storing mentions: inserting by tweet id is idempotent; a second insert reports the
// duplicate and changes nothing.
import type { Models, MentionDoc } from './models';
import { isDuplicateKey } from './duplicate-key';

export type NewMention = Omit<MentionDoc, 'status' | 'attempts' | 'fetchedAt' | 'isRetweet'> &
  Partial<Pick<MentionDoc, 'status' | 'fetchedAt' | 'isRetweet'>> & { _id: string };

export interface InsertResult {
  inserted: boolean;
  duplicate: boolean;
}

export async function insertMention(models: Pick<Models, 'Mention'>, m: NewMention): Promise<InsertResult> {
  try {
    await models.Mention.create(m);
    return { inserted: true, duplicate: false };
  } catch (e) {
    if (isDuplicateKey(e)) return { inserted: false, duplicate: true };
    throw e;
  }
}
