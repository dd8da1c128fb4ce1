// Where the poller is in X's mentions timeline: the newest tweet id stored with everything
// before it (bot/cursor-hold.ts decides when it may move). One `state` document, whose key the
// registry declares (state-keys.ts mentionsCursor).
import { getState, setState } from './state';
import { mentionsCursor } from './state-keys';
import type { Store } from './store';

export const MENTIONS_CURSOR_KEY = mentionsCursor.key();

export interface MentionsCursor {
  sinceId: string;
  at: string;
}

export function readMentionsCursor(store: Store): Promise<MentionsCursor | undefined> {
  return getState<MentionsCursor>(store, MENTIONS_CURSOR_KEY);
}

export function writeMentionsCursor(store: Store, c: MentionsCursor): Promise<void> {
  return setState(store, MENTIONS_CURSOR_KEY, c);
}
