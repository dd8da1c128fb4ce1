// Wall-clock arithmetic in a named IANA time zone through Intl alone: offsets are looked up
// for each instant, never assumed (Riyadh has no DST, but another agency's zone may).

export interface LocalDate {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
}

export interface LocalTime extends LocalDate {
  hour: number;
  minute: number;
  second: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The time zone of an agency that names none (agency.yml `timeZone`): the one place it is written. */
export const DEFAULT_TIME_ZONE = 'Asia/Riyadh';

/** True when the runtime knows the zone (e.g. 'Asia/Riyadh'). */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock reading of `date` in `timeZone`. */
export function toLocal(date: Date, timeZone: string): LocalTime {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(date)) parts[p.type] = p.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: WEEKDAYS[parts.weekday!] ?? 0,
  };
}

/** Milliseconds the zone is ahead of UTC at `date`. */
export function zoneOffsetMs(date: Date, timeZone: string): number {
  const l = toLocal(date, timeZone);
  const asUtc = Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute, l.second);
  return asUtc - Math.floor(date.getTime() / 1000) * 1000;
}

/** The instant when the zone's clocks read the given wall time (minutes past midnight). In a
 *  DST gap the time is pushed forward by the gap, as clocks do. */
export function fromLocal(d: LocalDate, minuteOfDay: number, timeZone: string): Date {
  const wall = Date.UTC(d.year, d.month - 1, d.day) + minuteOfDay * 60_000;
  let t = wall - zoneOffsetMs(new Date(wall), timeZone);
  // Second pass: the offset at the first guess can differ near a transition.
  t = wall - zoneOffsetMs(new Date(t), timeZone);
  return new Date(t);
}

export function dateKey(d: LocalDate): string {
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

export function addDays(d: LocalDate, n: number): LocalDate & { weekday: number } {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + n));
  return {
    year: t.getUTCFullYear(),
    month: t.getUTCMonth() + 1,
    day: t.getUTCDate(),
    weekday: t.getUTCDay(),
  };
}
