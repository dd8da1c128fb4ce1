// The notifier's storage (src/notify/deliver.ts): events fan out into one delivery per
// recipient (a unique insert: never two), and each delivery attempt is claimed before it is
// made (a unique insert in `state`, as the poster's post attempts are).
import type { NotifyEvent } from './notify-events';
import { claimedAt, claimOnce } from './claims';
import { isDuplicateKey } from './duplicate-key';
import { notifyAttempt } from './state-keys';
import { modelsOf, type Store } from './store';

/** A recorded event not fanned out yet. */
export interface PendingEvent {
  _id: string;
  event: string;
  subject: string;
  ticketRef?: string | null;
  detail?: string | null;
  at: Date;
}

/** One recipient's copy of an event. */
export interface Delivery {
  _id: string;
  event: string;
  subject: string;
  ticketRef?: string | null;
  detail?: string | null;
  recipient?: string | null;
  attempts: number;
  at: Date;
}

/** `notify:<event>:<subject>:<recipient>`: the unique key that makes a fan-out exactly-once. */
export const deliveryKey = (event: NotifyEvent, subject: string, recipient: string) =>
  `notify:${event}:${subject}:${recipient}`;

/** Events waiting to be fanned out, oldest first. */
export async function newNotifyEvents(store: Store, limit: number): Promise<PendingEvent[]> {
  return (await modelsOf(store)
    .Notification.find({ kind: 'event', status: 'new' })
    .sort({ at: 1 })
    .limit(limit)
    .lean()) as PendingEvent[];
}

/** True when this call added the delivery; false when a run before a crash already did. */
export async function addDelivery(
  store: Store,
  e: PendingEvent,
  recipient: string,
  notBefore: Date | undefined,
): Promise<boolean> {
  const event = e.event as NotifyEvent;
  try {
    await modelsOf(store).Notification.create({
      _id: deliveryKey(event, e.subject, recipient),
      kind: 'delivery',
      event,
      subject: e.subject,
      ...(e.ticketRef ? { ticketRef: e.ticketRef } : {}),
      ...(e.detail ? { detail: e.detail } : {}),
      recipient,
      status: 'pending',
      at: e.at,
      ...(notBefore ? { notBefore } : {}),
    });
    return true;
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    return false;
  }
}

export async function markEventFanned(store: Store, eventId: string): Promise<void> {
  await modelsOf(store).Notification.updateOne({ _id: eventId }, { $set: { status: 'fanned' } });
}

/** Pending deliveries whose time has come (no quiet-hours hold, or one that has passed). */
export async function dueDeliveries(store: Store, now: Date, limit: number): Promise<Delivery[]> {
  return (await modelsOf(store)
    .Notification.find({
      kind: 'delivery',
      status: 'pending',
      $or: [{ notBefore: null }, { notBefore: { $lte: now } }],
    })
    .sort({ at: 1 })
    .limit(limit)
    .lean()) as Delivery[];
}

export async function skipDelivery(store: Store, id: string, why: string): Promise<void> {
  await modelsOf(store).Notification.updateOne({ _id: id }, { $set: { status: 'skipped', lastError: why } });
}

/** Claims attempt `attempt` of a delivery: true for exactly one caller, ever. */
export function claimDeliveryAttempt(
  store: Store,
  deliveryId: string,
  attempt: number,
  holder: string,
): Promise<boolean> {
  return claimOnce(store, notifyAttempt.key(deliveryId, attempt), holder);
}

/** When attempt `attempt` was claimed, if it was. */
export function deliveryAttemptClaimedAt(
  store: Store,
  deliveryId: string,
  attempt: number,
): Promise<Date | undefined> {
  return claimedAt(store, notifyAttempt.key(deliveryId, attempt));
}

/** Counts the claimed attempt on the delivery before it is made. */
export async function countDeliveryAttempt(store: Store, id: string, attempt: number): Promise<void> {
  await modelsOf(store).Notification.updateOne({ _id: id }, { $set: { attempts: attempt } });
}

/** Counts an attempt an instance claimed and died before counting (if nobody counted it since). */
export async function countAbandonedAttempt(
  store: Store,
  id: string,
  seen: number,
  attempt: number,
): Promise<void> {
  await modelsOf(store).Notification.updateOne({ _id: id, attempts: seen }, { $set: { attempts: attempt } });
}

export async function markDeliverySent(store: Store, id: string, at: Date): Promise<void> {
  await modelsOf(store).Notification.updateOne(
    { _id: id },
    { $set: { status: 'sent', sentAt: at }, $unset: { lastError: 1 } },
  );
}

/** A failed attempt: retried from `retryAt`, or given up for good when there is none. */
export async function markDeliveryFailed(
  store: Store,
  id: string,
  message: string,
  retryAt: Date | undefined,
): Promise<void> {
  await modelsOf(store).Notification.updateOne(
    { _id: id },
    {
      $set: {
        lastError: message,
        ...(retryAt ? { notBefore: retryAt } : { status: 'failed' }),
      },
    },
  );
}

/** What a notification says about its ticket: the ticket's facts and the citizen's words. */
export async function ticketForNotice(
  store: Store,
  ref: string,
): Promise<
  | {
      priority: number;
      category: string;
      status?: string | null;
      dueAt?: Date | null;
      text?: string;
    }
  | undefined
> {
  const { Ticket, Mention } = modelsOf(store);
  const t = await Ticket.findById(ref, {
    priority: 1,
    category: 1,
    status: 1,
    dueAt: 1,
    mentionId: 1,
  }).lean();
  if (!t) return undefined;
  const m = await Mention.findById(t.mentionId, { text: 1 }).lean();
  return {
    priority: t.priority,
    category: t.category,
    status: t.status,
    dueAt: t.dueAt,
    ...(typeof m?.text === 'string' ? { text: m.text } : {}),
  };
}
