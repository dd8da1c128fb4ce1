// The calendar the SLA clock runs on: the agency's time zone, working week, special hours and
// holidays (rules/agency.yml gives them; src/rules/agency.ts is the loader).

/** [startMinute, endMinute) past local midnight. */
export type Interval = readonly [number, number];

export interface DateRange {
  name: string;
  /** YYYY-MM-DD, inclusive. */
  from: string;
  to: string;
}

/** What the SLA clock needs of an agency. */
export interface WorkingCalendar {
  timeZone: string;
  /** Index 0 = Sunday … 6 = Saturday. */
  week: Interval[][];
  specialHours: (DateRange & { hours: Interval[] })[];
  holidays: (DateRange & { approximate: boolean })[];
  sla: { defaultHours: number; urgentHours: number; categories: Record<string, number> };
}
