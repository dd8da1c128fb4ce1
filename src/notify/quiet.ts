// Quiet hours: when a delivery may go out. Pure, in the agency's time zone.
import type { QuietHours } from '../pack/notifications';
import type { NotifyEvent } from '../store/notify-events';
import { addDays, fromLocal, toLocal } from '../sla/zone';

/** undefined: send now; a Date: hold until then (the end of the quiet hours). */
export function holdUntil(
  q: QuietHours | undefined,
  event: NotifyEvent,
  now: Date,
  timeZone: string,
): Date | undefined {
  if (!q || q.from === q.to || q.except.includes(event)) return undefined;
  const l = toLocal(now, timeZone);
  const m = l.hour * 60 + l.minute;
  const overnight = q.from > q.to; // 22:00 → 07:00
  const inside = overnight ? m >= q.from || m < q.to : m >= q.from && m < q.to;
  if (!inside) return undefined;
  // The end is today, unless the quiet hours run overnight and it is still evening.
  const day = overnight && m >= q.from ? addDays(l, 1) : l;
  return fromLocal(day, q.to, timeZone);
}
