// SLA deadlines counted in working hours: "24 working hours" from Thursday evening lands in
// the next working week, and holidays do not count.
import type { WorkingCalendar } from './types';
import { workingIntervals } from './calendar';
import { addDays, fromLocal, toLocal } from './zone';

// A rule pack with no working day at all is refused at load; this only stops a runaway loop.
const MAX_DAYS = 3 * 366;

export function addWorkingHours(start: Date, hours: number, agency: WorkingCalendar): Date {
  if (!(hours >= 0)) throw new RangeError(`hours must be >= 0 (got ${hours})`);
  const l = toLocal(start, agency.timeZone);
  let remaining = hours * 60; // minutes, fractional allowed
  // Seconds within the starting minute are carried through so 10:00:30 + 4 h = 14:00:30.
  const startMinute = l.hour * 60 + l.minute + l.second / 60;
  const day0 = { year: l.year, month: l.month, day: l.day };
  for (let d = 0; d < MAX_DAYS; d++) {
    const day = addDays(day0, d);
    for (const [a, b] of workingIntervals(day, agency)) {
      const from = d === 0 ? Math.max(a, startMinute) : a;
      if (from >= b) continue;
      if (remaining === 0) return d === 0 && from === startMinute ? start : at(day, from);
      const available = b - from;
      if (remaining <= available) return at(day, from + remaining);
      remaining -= available;
    }
  }
  throw new Error(`no working time within ${MAX_DAYS} days of ${start.toISOString()}: check workingHours`);

  function at(day: { year: number; month: number; day: number }, minute: number): Date {
    const whole = Math.floor(minute);
    return new Date(fromLocal(day, whole, agency.timeZone).getTime() + Math.round((minute - whole) * 60_000));
  }
}

/** When a ticket of this category is due: urgent in clock hours, others in working hours. */
export function dueDate(opened: Date, category: string, urgent: boolean, agency: WorkingCalendar): Date {
  if (urgent) return new Date(opened.getTime() + agency.sla.urgentHours * 3_600_000);
  return addWorkingHours(opened, agency.sla.categories[category] ?? agency.sla.defaultHours, agency);
}
