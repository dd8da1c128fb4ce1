// Recording that something staff must be told of happened. Called where it happens (a ticket
// opened urgent, escalated, past its SLA; the X channel stopped); idempotent, so a retry after
// a crash records nothing twice. Delivery is src/notify's job, from the bot loop.
import { isDuplicateKey } from './duplicate-key';
import { modelsOf, type Store } from './store';

export const NOTIFY_EVENTS = ['urgent', 'crisis', 'escalated', 'sla-breach', 'channel-stopped'] as const;
export type NotifyEvent = (typeof NOTIFY_EVENTS)[number];

export const eventKey = (event: NotifyEvent, subject: string) => `event:${event}:${subject}`;

/** True when this call recorded it; false when it was already recorded. */
export async function recordNotifyEvent(
  store: Store,
  e: { event: NotifyEvent; subject: string; ticketRef?: string; detail?: string; at: Date },
): Promise<boolean> {
  try {
    await modelsOf(store).Notification.create({
      _id: eventKey(e.event, e.subject),
      kind: 'event',
      event: e.event,
      subject: e.subject,
      ...(e.ticketRef ? { ticketRef: e.ticketRef } : {}),
      ...(e.detail ? { detail: e.detail.slice(0, 300) } : {}),
      status: 'new',
      at: e.at,
    });
    return true;
  } catch (err) {
    if (isDuplicateKey(err)) return false;
    throw err;
  }
}

/** What a new or changed ticket is worth telling: the most specific event only. */
export function ticketEvent(t: {
  category: string;
  urgent?: boolean | null;
  escalated?: boolean | null;
  route?: string | null;
}): NotifyEvent | undefined {
  // Threats and self-harm take the crisis route (decide/routes.ts); they are also urgent.
  if (t.route === 'crisis') return 'crisis';
  if (t.urgent) return 'urgent';
  if (t.escalated) return 'escalated';
  return undefined;
}

/** Records the ticket's event (urgent, crisis or escalated), if it has one. */
export async function recordTicketEvent(
  store: Store,
  t: {
    _id: string;
    category: string;
    urgent?: boolean | null;
    escalated?: boolean | null;
    route?: string | null;
    status?: string;
  },
  at: Date,
  detail?: string,
): Promise<void> {
  if (t.status === 'resolved') return;
  const event = ticketEvent(t);
  if (event)
    await recordNotifyEvent(store, {
      event,
      subject: t._id,
      ticketRef: t._id,
      at,
      ...(detail ? { detail } : {}),
    });
}

/** Events recorded after `since`, newest first (the console's alerts). */
export async function recentNotifyEvents(
  store: Store,
  since: Date,
  limit = 20,
): Promise<{ id: string; event: NotifyEvent; ticketRef?: string; at: Date }[]> {
  const docs = await modelsOf(store)
    .Notification.find({ kind: 'event', at: { $gt: since } }, { event: 1, ticketRef: 1, at: 1 })
    .sort({ at: -1 })
    .limit(limit)
    .lean();
  return docs.map((d) => ({
    id: d._id,
    event: d.event as NotifyEvent,
    ...(d.ticketRef ? { ticketRef: d.ticketRef } : {}),
    at: d.at,
  }));
}
