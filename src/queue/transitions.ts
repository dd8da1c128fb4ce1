// Staff actions on a ticket. Each is decided from the ticket's current state and applied
// through mutateTicket, so two people acting at once cannot both win: the loser re-decides
// from the winner's state and gets a refusal saying who holds the ticket. A refusal changes
// nothing. Claims are leases: once expired, anyone may take the ticket over.
import type { Store } from '../store/store';
import { QueueError } from './errors';
import { mutateTicket } from './mutate';
import type { Ticket } from './types';

export const DEFAULT_LEASE_MS = 2 * 3_600_000;

function staff(as: string | undefined): string {
  const name = (as ?? '').trim();
  if (!name) throw new QueueError('invalid', 'say who you are: --as NAME');
  return name;
}

const leaseValid = (t: Ticket, now: Date) =>
  t.status === 'claimed' && t.leaseUntil != null && t.leaseUntil > now;
const until = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Takes a ticket (or renews one's own lease). An expired claim can be taken by anyone. */
export async function claim(
  store: Store,
  ref: string,
  o: { as: string; leaseMs?: number; now?: Date },
): Promise<Ticket> {
  const as = staff(o.as);
  const now = o.now ?? new Date();
  const leaseUntil = new Date(now.getTime() + (o.leaseMs ?? DEFAULT_LEASE_MS));
  return mutateTicket(store, ref, as, now, (t) => {
    if (t.status === 'resolved')
      throw new QueueError('already_resolved', `${t._id} is resolved; reopen it first`);
    if (leaseValid(t, now) && t.claimedBy !== as)
      throw new QueueError(
        'held_by_other',
        `${t._id} is claimed by ${t.claimedBy} until ${until(t.leaseUntil!)}`,
      );
    const detail =
      t.status === 'open'
        ? `lease until ${until(leaseUntil)}`
        : t.claimedBy === as
          ? `renewed, lease until ${until(leaseUntil)}`
          : `took over from ${t.claimedBy} (lease expired ${until(t.leaseUntil!)}), lease until ${until(leaseUntil)}`;
    return {
      set: { status: 'claimed', claimedBy: as, leaseUntil },
      history: { action: 'claimed', detail },
    };
  });
}

/** Gives a claimed ticket back to the queue. */
export async function release(store: Store, ref: string, o: { as: string; now?: Date }): Promise<Ticket> {
  const as = staff(o.as);
  const now = o.now ?? new Date();
  return mutateTicket(store, ref, as, now, (t) => {
    if (t.status !== 'claimed') throw new QueueError('not_claimed', `${t._id} is ${t.status}, not claimed`);
    if (t.claimedBy !== as && leaseValid(t, now))
      throw new QueueError('held_by_other', `${t._id} is claimed by ${t.claimedBy}, not by ${as}`);
    return {
      set: { status: 'open' },
      unset: ['claimedBy', 'leaseUntil'],
      history: {
        action: 'released',
        detail: t.claimedBy === as ? undefined : `expired claim of ${t.claimedBy}`,
      },
    };
  });
}

/** Adds a note; anyone may note any ticket, whoever holds it. */
export async function note(
  store: Store,
  ref: string,
  o: { as: string; text: string; now?: Date },
): Promise<Ticket> {
  const as = staff(o.as);
  const text = (o.text ?? '').trim();
  if (!text) throw new QueueError('invalid', 'the note is empty');
  const now = o.now ?? new Date();
  return mutateTicket(store, ref, as, now, () => ({
    note: { text },
    history: { action: 'noted', detail: text.length > 80 ? `${text.slice(0, 79)}…` : text },
  }));
}

/** Resolves an open ticket, one's own claim, or a claim whose lease expired. */
export async function resolve(
  store: Store,
  ref: string,
  o: { as: string; note?: string; now?: Date },
): Promise<Ticket> {
  const as = staff(o.as);
  const now = o.now ?? new Date();
  const text = o.note?.trim();
  return mutateTicket(store, ref, as, now, (t) => {
    if (t.status === 'resolved') throw new QueueError('already_resolved', `${t._id} is already resolved`);
    if (t.status === 'claimed' && t.claimedBy !== as && leaseValid(t, now))
      throw new QueueError(
        'held_by_other',
        `${t._id} is claimed by ${t.claimedBy} until ${until(t.leaseUntil!)}; only they can resolve it`,
      );
    return {
      set: { status: 'resolved', resolvedAt: now },
      unset: ['claimedBy', 'leaseUntil'],
      ...(text ? { note: { text } } : {}),
      history: { action: 'resolved', ...(text ? { detail: text } : {}) },
    };
  });
}

/** Puts a resolved ticket back in the queue (the citizen says it is not fixed). */
export async function reopen(
  store: Store,
  ref: string,
  o: { as: string; reason?: string; now?: Date },
): Promise<Ticket> {
  const as = staff(o.as);
  const now = o.now ?? new Date();
  return mutateTicket(store, ref, as, now, (t) => {
    if (t.status !== 'resolved')
      throw new QueueError('not_resolved', `${t._id} is ${t.status}, not resolved: nothing to reopen`);
    return {
      set: { status: 'open', reopenedAt: now, reopenCount: (t.reopenCount ?? 0) + 1 },
      unset: ['resolvedAt', 'claimedBy', 'leaseUntil'],
      history: { action: 'reopened', ...(o.reason ? { detail: o.reason } : {}) },
    };
  });
}
