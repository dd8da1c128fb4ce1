// Which minutes of a local day are working time: the ordinary week, replaced by special
// periods (Ramadan hours) on working days, and nothing at all on holidays.
import type { Interval, WorkingCalendar } from './types';
import { addDays, dateKey, toLocal, type LocalDate } from './zone';

const inRange = (key: string, r: { from: string; to: string }) => key >= r.from && key <= r.to;

export function holidayOn(day: LocalDate, agency: WorkingCalendar): string | undefined {
  const key = dateKey(day);
  return agency.holidays.find((h) => inRange(key, h))?.name;
}

/** Working intervals of one local calendar day, sorted. */
export function workingIntervals(day: LocalDate, agency: WorkingCalendar): readonly Interval[] {
  const weekday = addDays(day, 0).weekday;
  const ordinary = agency.week[weekday] ?? [];
  if (ordinary.length === 0 || holidayOn(day, agency)) return [];
  const key = dateKey(day);
  return agency.specialHours.find((s) => inRange(key, s))?.hours ?? ordinary;
}

export function isWorkingTime(date: Date, agency: WorkingCalendar): boolean {
  const l = toLocal(date, agency.timeZone);
  const m = l.hour * 60 + l.minute;
  return workingIntervals(l, agency).some(([a, b]) => m >= a && m < b);
}
