// Blanking a ticket's personal fields through mutateTicket (the one way tickets change):
// the handle, the follow-ups' copies of the citizen's text, and — for an erasure — the author
// id. One 'redacted' history entry records it; a second run finds it and does nothing.
import type { Store } from '../store/store';
import { mutateTicket } from '../queue/mutate';
import { ERASED } from '../store/privacy';

export async function redactTicket(
  store: Store,
  ref: string,
  now: Date,
  o: { by: string; why: string; erase?: boolean },
): Promise<boolean> {
  let changed = false;
  await mutateTicket(store, ref, o.by, now, (t) => {
    if (t.history.some((h) => h.action === 'redacted') && (!o.erase || t.authorId === ERASED)) return null;
    changed = true;
    return {
      set: {
        followUps: t.followUps.map((f) => ({ tweetId: f.tweetId, at: f.at })),
        ...(o.erase ? { authorId: ERASED } : {}),
      },
      unset: ['authorUsername'],
      history: { action: 'redacted', detail: `${o.why}: the citizen's text, name and handle were removed` },
    };
  });
  return changed;
}
