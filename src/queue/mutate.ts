// Every change to a ticket goes through here, because FerretDB v1 (our test and demo server)
// does not apply even a conditional updateOne atomically: five concurrent
// updateOne({_id, status: 'open'}) all report modifiedCount 1 and the last write wins
// (measured on v1.24 with the SQLite backend). Unique inserts ARE atomic there, so each change is won first by
// inserting a token `ticket-tx:<ref>:<version>` (version = history length; every change adds
// one entry). The winner then writes the ticket with $set of whole fields (history and notes
// included), which makes the write idempotent: if a winner dies between token and write, the
// next actor rolls its stored write forward. Losers wait for the winner's write and re-decide
// from the new state, which normally turns into a refusal naming who won.
import type { Models } from '../store/models';
import { isDuplicateKey } from '../store/duplicate-key';
import { canonicalTicketRef } from '../tickets/ref';
import { QueueError } from './errors';
import type { HistoryEntry, Ticket } from './types';

export interface Change {
  set?: Record<string, unknown>;
  unset?: string[];
  history: Omit<HistoryEntry, 'at' | 'by'>;
  note?: { text: string };
  followUp?: { tweetId: string; at: Date; text?: string };
}

interface Write {
  set: Record<string, unknown>;
  unset: string[];
}

/** A winner's write not seen after this long is taken for dead and rolled forward. */
const ROLL_FORWARD_AFTER_MS = 5_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Applies `plan` to the ticket's current state. `plan` throws a QueueError to refuse, or
 * returns null when there is nothing to do. Returns the ticket after the change.
 */
export async function mutateTicket(
  models: Models,
  refText: string,
  by: string,
  now: Date,
  plan: (t: Ticket) => Change | null,
): Promise<Ticket> {
  const ref = canonicalTicketRef(refText);
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    const t = await models.Ticket.findById(ref).lean<Ticket>();
    if (!t) throw new QueueError('not_found', `no ticket ${ref}`);
    const version = t.history.length;
    const change = plan(t);
    if (!change) return t;
    const write = toWrite(t, change, by, now);
    const key = `ticket-tx:${ref}:${version}`;
    try {
      await models.State.create({ _id: key, value: write, holder: by, updatedAt: new Date() });
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
      // Someone else changes this version: wait for their write, then decide again.
      await waitOrRollForward(models, ref, key, version);
      if (Date.now() - started > 4 * ROLL_FORWARD_AFTER_MS)
        throw new QueueError('conflict', `ticket ${ref} keeps changing under us; try again`);
      continue;
    }
    await applyWrite(models, ref, version, write);
    return (await models.Ticket.findById(ref).lean<Ticket>())!;
  }
}

function toWrite(t: Ticket, c: Change, by: string, at: Date): Write {
  const set: Record<string, unknown> = { ...(c.set ?? {}) };
  set.history = [...t.history, { at, by, ...c.history }];
  if (c.note) set.notes = [...t.notes, { at, by, text: c.note.text }];
  if (c.followUp) set.followUps = [...t.followUps, c.followUp];
  set.updatedAt = at;
  return { set, unset: c.unset ?? [] };
}

async function applyWrite(models: Models, ref: string, version: number, w: Write): Promise<void> {
  const update: Record<string, unknown> = { $set: w.set };
  if (w.unset.length) update.$unset = Object.fromEntries(w.unset.map((k) => [k, '']));
  // The version filter makes this exact on MongoDB; on FerretDB the token already decided.
  await models.Ticket.updateOne({ _id: ref, history: { $size: version } }, update, { timestamps: false });
}

async function waitOrRollForward(models: Models, ref: string, key: string, version: number): Promise<void> {
  for (let i = 0; ; i++) {
    await sleep(Math.min(200, 10 * 2 ** i));
    const t = await models.Ticket.findById(ref).select({ history: 1 }).lean<Ticket>();
    if (!t || t.history.length !== version) return;
    const token = await models.State.findById(key).lean();
    const age = Date.now() - new Date(token?.updatedAt ?? 0).getTime();
    if (token && age > ROLL_FORWARD_AFTER_MS) {
      await applyWrite(models, ref, version, token.value as Write);
      return;
    }
  }
}
