// A stored mention as the bot's steps read it (the `mentions` document, keyed by tweet id).
import type { MentionDoc } from './models';

export type StoredMention = MentionDoc & { _id: string };
