// Every change to a ticket goes through here, because FerretDB v1 (our test and demo server)
// does not apply even a conditional updateOne atomically: five concurrent
// updateOne({_id, status: 'open'}) all report modifiedCount 1 and the last write wins
// (measured on v1.24 with the SQLite backend). Unique inserts ARE atomic there, so each change is won first by
// inserting a token `ticket-tx:<ref>:<version>` (version = history length; every change adds
// one entry). The winner then writes the ticket with $set of whole fields (history and notes
// included), which makes the write idempotent: if a winner dies between token and write, the
// next actor rolls its stored write forward. Losers wait for the winner's write and re-decide
// from the new state, which normally turns into a refusal naming who won.
//
// What a change is (and whether it is allowed) is the caller's decision: `plan`, from
// src/queue/. This file only makes one plan win per version.
import { isDuplicateKey } from '../duplicate-key';
import { modelsOf, type Store } from '../store';
import { ticketChange } from '../state-keys';
import type { HistoryEntry, Ticket } from './types';

export interface Change {
  set?: Record<string, unknown>;
  unset?: string[];
  history: Omit<HistoryEntry, 'at' | 'by'>;
  note?: { text: string };
  followUp?: { tweetId: string; at: Date; text?: string };
}

/** The ticket after the change, or why there is none: no such ticket, or it kept changing. */
export type Mutation = { ticket: Ticket } | { problem: 'not_found' | 'conflict' };

interface Write {
  set: Record<string, unknown>;
  unset: string[];
}

/** A winner's write not seen after this long is taken for dead and rolled forward. */
const ROLL_FORWARD_AFTER_MS = 5_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Applies `plan` to the ticket's current state (`ref` already canonical). `plan` may throw to
 * refuse (the error reaches the caller, nothing is written), or return null when there is
 * nothing to do (the ticket is returned as it is).
 */
export async function mutateTicket(
  store: Store,
  ref: string,
  by: string,
  now: Date,
  plan: (t: Ticket) => Change | null,
): Promise<Mutation> {
  const { Ticket, State } = modelsOf(store);
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    const t = await Ticket.findById(ref).lean<Ticket>();
    if (!t) return { problem: 'not_found' };
    const version = t.history.length;
    const change = plan(t);
    if (!change) return { ticket: t };
    const write = toWrite(t, change, by, now);
    const key = ticketChange.key(ref, version);
    try {
      await State.create({ _id: key, value: write, holder: by, updatedAt: new Date() });
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
      // Someone else changes this version: wait for their write, then decide again.
      await waitOrRollForward(store, ref, key, version);
      if (Date.now() - started > 4 * ROLL_FORWARD_AFTER_MS) return { problem: 'conflict' };
      continue;
    }
    await applyWrite(store, ref, version, write);
    return { ticket: (await Ticket.findById(ref).lean<Ticket>())! };
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

async function applyWrite(store: Store, ref: string, version: number, w: Write): Promise<void> {
  const update: Record<string, unknown> = { $set: w.set };
  if (w.unset.length) update.$unset = Object.fromEntries(w.unset.map((k) => [k, '']));
  // The version filter makes this exact on MongoDB; on FerretDB the token already decided.
  await modelsOf(store).Ticket.updateOne({ _id: ref, history: { $size: version } }, update, {
    timestamps: false,
  });
}

async function waitOrRollForward(store: Store, ref: string, key: string, version: number): Promise<void> {
  const { Ticket, State } = modelsOf(store);
  for (let i = 0; ; i++) {
    await sleep(Math.min(200, 10 * 2 ** i));
    const t = await Ticket.findById(ref).select({ history: 1 }).lean<Ticket>();
    if (!t || t.history.length !== version) return;
    const token = await State.findById(key).lean();
    const age = Date.now() - new Date(token?.updatedAt ?? 0).getTime();
    if (token && age > ROLL_FORWARD_AFTER_MS) {
      await applyWrite(store, ref, version, token.value as Write);
      return;
    }
  }
}
