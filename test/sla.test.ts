// Working-hours SLA deadlines in the agency's zone, on the shipped rules/agency.yml.
import { loadAgency, type Agency } from '../src/rules/agency';
import { addWorkingHours, dueDate, isWorkingTime } from '../src/sla';

const agency = loadAgency('rules');
// Riyadh is UTC+3 all year: 10:00 local = 07:00Z.
const riyadh = (iso: string) => new Date(`${iso}+03:00`);

test('10:00 Sunday with a 4 h SLA is due 14:00 the same Sunday', () => {
  expect(addWorkingHours(riyadh('2026-11-22T10:00:00'), 4, agency)).toEqual(riyadh('2026-11-22T14:00:00'));
});

test('a Thursday-evening complaint is due in the next working week', () => {
  const due = addWorkingHours(riyadh('2026-11-26T19:45:00'), 7, agency);
  // Friday and Saturday are off: the whole Sunday is the first working day.
  expect(due).toEqual(riyadh('2026-11-29T14:30:00'));
  const longer = addWorkingHours(riyadh('2026-11-26T19:45:00'), 24, agency);
  expect(longer).toEqual(riyadh('2026-12-02T10:30:00')); // Sun 7 + Mon 7 + Tue 7 + Wed 3
});

test('hours left at the end of a day carry over to the next working morning', () => {
  expect(addWorkingHours(riyadh('2026-11-25T13:30:00'), 2, agency)).toEqual(riyadh('2026-11-26T08:30:00'));
});

test('holidays are skipped: National Day 2027 falls on a Thursday', () => {
  // Wed 22 Sep 2027 14:00 + 1 h: 30 min on Wednesday, Thursday is National Day, then Sunday.
  expect(addWorkingHours(riyadh('2027-09-22T14:00:00'), 1, agency)).toEqual(riyadh('2027-09-26T08:00:00'));
  expect(isWorkingTime(riyadh('2027-09-23T10:00:00'), agency)).toBe(false);
});

test('multi-day Eid ranges are skipped whole', () => {
  // Eid al-Adha 1448 is listed as 14-19 May 2027; Thursday 13 May 13:30 + 2 h → Thursday 20 May.
  expect(addWorkingHours(riyadh('2027-05-13T13:30:00'), 2, agency)).toEqual(riyadh('2027-05-20T08:30:00'));
});

test('Ramadan hours replace the ordinary ones', () => {
  expect(isWorkingTime(riyadh('2027-02-14T08:00:00'), agency)).toBe(false);
  expect(isWorkingTime(riyadh('2027-02-14T14:45:00'), agency)).toBe(true);
  expect(addWorkingHours(riyadh('2027-02-14T09:00:00'), 5, agency)).toEqual(riyadh('2027-02-14T15:00:00'));
});

test('isWorkingTime: boundaries, weekend and night', () => {
  expect(isWorkingTime(riyadh('2026-11-22T07:29:00'), agency)).toBe(false);
  expect(isWorkingTime(riyadh('2026-11-22T07:30:00'), agency)).toBe(true);
  expect(isWorkingTime(riyadh('2026-11-22T14:29:59'), agency)).toBe(true);
  expect(isWorkingTime(riyadh('2026-11-22T14:30:00'), agency)).toBe(false);
  expect(isWorkingTime(riyadh('2026-11-27T10:00:00'), agency)).toBe(false); // Friday
});

test('offsets come from the zone, not a fixed +3: a DST zone works too', () => {
  const berlin: Agency = { ...agency, timeZone: 'Europe/Berlin', holidays: [], specialHours: [] };
  // Thursday 26 Mar 2026 14:00 CET (+1) + 2 h: 30 min on Thursday, then 1.5 h on Sunday (Saudi
  // week), after the clocks moved to CEST (+2) that very night.
  const start = new Date('2026-03-26T13:00:00Z'); // Thu 14:00 CET
  expect(addWorkingHours(start, 2, berlin)).toEqual(new Date('2026-03-29T07:00:00Z')); // Sun 09:00 CEST
});

test('urgent tickets are due in clock hours, others by category in working hours', () => {
  const opened = riyadh('2026-11-26T22:00:00'); // Thursday night
  expect(dueDate(opened, 'water_sewage', true, agency)).toEqual(riyadh('2026-11-27T02:00:00'));
  expect(dueDate(opened, 'inquiry', false, agency)).toEqual(riyadh('2026-11-29T14:30:00'));
  expect(dueDate(opened, 'unknown-category', false, agency)).toEqual(riyadh('2026-12-03T14:30:00'));
});

test('fractional hours and zero hours', () => {
  expect(addWorkingHours(riyadh('2026-11-22T10:00:00'), 0.5, agency)).toEqual(riyadh('2026-11-22T10:30:00'));
  // Zero hours after hours: the next moment staff are at work.
  expect(addWorkingHours(riyadh('2026-11-26T20:00:00'), 0, agency)).toEqual(riyadh('2026-11-29T07:30:00'));
});
