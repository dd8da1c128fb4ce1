// Handing a ticket to a colleague: it becomes claimed by them (a lease, as if they claimed it),
// recorded under who assigned it. Refused while someone else holds a live claim.
import type { Store } from '../store/store';
import { QueueError } from './errors';
import { mutateTicket } from './mutate';
import { DEFAULT_LEASE_MS } from './transitions';
import type { Ticket } from './types';

export async function assign(
  store: Store,
  ref: string,
  o: { as: string; to: string; leaseMs?: number; now?: Date },
): Promise<Ticket> {
  const as = (o.as ?? '').trim();
  const to = (o.to ?? '').trim();
  if (!as) throw new QueueError('invalid', 'say who you are: --as NAME');
  if (!to) throw new QueueError('invalid', 'say who takes it');
  const now = o.now ?? new Date();
  const leaseUntil = new Date(now.getTime() + (o.leaseMs ?? DEFAULT_LEASE_MS));
  return mutateTicket(store, ref, as, now, (t) => {
    if (t.status === 'resolved')
      throw new QueueError('already_resolved', `${t._id} is resolved; reopen it first`);
    const live = t.status === 'claimed' && t.leaseUntil != null && t.leaseUntil > now;
    if (live && t.claimedBy !== as && t.claimedBy !== to)
      throw new QueueError(
        'held_by_other',
        `${t._id} is claimed by ${t.claimedBy} until ${t.leaseUntil!.toISOString()}`,
      );
    if (live && t.claimedBy === to) return null;
    return {
      set: { status: 'claimed', claimedBy: to, leaseUntil },
      history: {
        action: 'assigned',
        detail: `to ${to}, lease until ${leaseUntil.toISOString().replace(/\.\d{3}Z$/, 'Z')}`,
      },
    };
  });
}
