// Who is told: the recipients of rules/notifications.yml, plus the catch-all webhook of
// NOTIFY_WEBHOOK_URL (every event, any hour). Pure.
import type { Recipient } from '../pack/notifications';
import { NOTIFY_EVENTS, type NotifyEvent } from '../store/notify-events';

export interface Channel {
  /** '<recipient>.webhook' / '<recipient>.email': part of the "sent once" key. */
  id: string;
  recipient: Recipient;
  kind: 'webhook' | 'email';
}

export const CATCH_ALL = 'env';

export function channelsFor(
  event: NotifyEvent,
  recipients: readonly Recipient[],
  catchAllUrl?: string,
): Channel[] {
  const all: Recipient[] = [...recipients];
  if (catchAllUrl)
    all.push({
      name: CATCH_ALL,
      events: [...NOTIFY_EVENTS],
      webhook: catchAllUrl,
      secretEnv: 'NOTIFY_WEBHOOK_SECRET',
    });
  const out: Channel[] = [];
  for (const r of all) {
    if (!r.events.includes(event)) continue;
    if (r.webhook) out.push({ id: `${r.name}.webhook`, recipient: r, kind: 'webhook' });
    if (r.email?.length) out.push({ id: `${r.name}.email`, recipient: r, kind: 'email' });
  }
  return out;
}
