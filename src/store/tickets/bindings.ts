// Which ticket a mention belongs to, decided once: the mention → reference binding
// `ticket-for-mention:<tweet id>` is a unique insert in `state` (atomic on every MongoDB
// server, FerretDB v1 included), made before the ticket itself exists, so a retry after a
// crash, a racing worker or an edit of the post all reuse the same reference.
import { isDuplicateKey } from '../duplicate-key';
import { modelsOf, type Store } from '../store';
import { ticketForMention } from '../state-keys';

const bindingKey = (mentionId: string) => ticketForMention.key(mentionId);

/** The reference bound to this mention, if one is (its ticket may not be written yet). */
export async function boundTicketRef(store: Store, mentionId: string): Promise<string | undefined> {
  // By _id: FerretDB v1 scans the whole collection for a mentionId query.
  const bound = (await modelsOf(store).State.findById(bindingKey(mentionId)).lean())?.value;
  return typeof bound === 'string' ? bound : undefined;
}

/**
 * Binds the mention to `ref` unless it is bound already: returns the reference that won (ours,
 * or a racing winner's).
 */
export async function bindTicket(store: Store, mentionId: string, ref: string): Promise<string> {
  const { State } = modelsOf(store);
  const key = bindingKey(mentionId);
  try {
    await State.create({ _id: key, value: ref, updatedAt: new Date() });
    return ref;
  } catch (e) {
    if (!isDuplicateKey(e)) throw e;
    const winner = (await State.findById(key).lean())?.value;
    return typeof winner === 'string' ? winner : ref;
  }
}
