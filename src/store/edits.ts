// What the edit path (src/bot/edits.ts) reads and writes: which version an edited post became
// (`edited-into:<id>`), the ticket each version is bound to (`ticket-for-mention:<id>`, the
// binding queue/open.ts reads before opening a ticket, so an edit bound here can never open a
// second one), and the versions' own mention documents. Every read is by _id: FerretDB v1
// scans the whole collection for anything else.
import { editedInto, ticketForMention } from './state-keys';
import { modelsOf, type Store } from './store';
import { bindTicket } from './tickets/bindings';

/** Remembers, on each earlier version, the edit it became (in case one is listed after it). */
export async function recordEditedInto(store: Store, earlierIds: string[], editId: string): Promise<void> {
  for (const id of earlierIds)
    await modelsOf(store).State.updateOne(
      { _id: editedInto.key(id) },
      { $set: { value: editId, updatedAt: new Date() } },
      { upsert: true },
    );
}

/** The edit this version became, if one was seen. */
export async function newerVersionOf(store: Store, id: string): Promise<string | undefined> {
  const v = (await modelsOf(store).State.findById(editedInto.key(id)).lean())?.value;
  return typeof v === 'string' ? v : undefined;
}

/** The stored mention's processing status (undefined: not stored). */
export async function mentionStatus(store: Store, id: string): Promise<string | undefined> {
  return (await modelsOf(store).Mention.findById(id, { status: 1 }).lean())?.status ?? undefined;
}

/** The ticket the stored mention names (a follow-up or repeat names the ticket that owns it). */
export async function mentionTicket(
  store: Store,
  id: string,
): Promise<{ ticketRef?: string; status?: string } | undefined> {
  const m = await modelsOf(store).Mention.findById(id, { ticketRef: 1, status: 1 }).lean();
  if (!m) return undefined;
  return {
    ...(m.ticketRef ? { ticketRef: m.ticketRef } : {}),
    ...(m.status ? { status: m.status } : {}),
  };
}

/** The ticket this mention is bound to, if the binding names a ticket that exists. */
export async function boundTicket(store: Store, mentionId: string): Promise<string | undefined> {
  const { State, Ticket } = modelsOf(store);
  const v = (await State.findById(ticketForMention.key(mentionId)).lean())?.value;
  if (typeof v !== 'string') return undefined;
  return (await Ticket.exists({ _id: v })) ? v : undefined;
}

/** The mention that opened the ticket. */
export async function openingMentionOf(store: Store, ref: string): Promise<string | undefined> {
  return (await modelsOf(store).Ticket.findById(ref, { mentionId: 1 }).lean())?.mentionId ?? undefined;
}

/** Binds the mention to `ref` (a unique insert: exactly once); a racing winner's ticket is
 *  returned instead. */
export async function bindMentionToTicket(store: Store, mentionId: string, ref: string): Promise<string> {
  return bindTicket(store, mentionId, ref);
}

/** The mention is handled: processed, on `ticketRef`, with why (its classification). */
export async function markMentionAttached(
  store: Store,
  id: string,
  o: { classification: Record<string, unknown>; ticketRef: string; processedAt: Date },
): Promise<void> {
  await modelsOf(store).Mention.updateOne(
    { _id: id },
    {
      $set: {
        status: 'processed',
        classification: o.classification,
        ticketRef: o.ticketRef,
        processedAt: o.processedAt,
      },
    },
  );
}
