// rules/agency.yml: the shipped settings, and mistakes refused at the line and column to fix.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadAgency, RuleFileError } from '../src/rules/agency';

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mujib-agency-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const cats = ['roads', 'other'].map((id) => ({ id, names: { ar: id, en: id } }));

function problemsOf(yaml: string): string[] {
  const dir = fs.mkdtempSync(path.join(tmp, 'case-'));
  fs.writeFileSync(path.join(dir, 'agency.yml'), yaml);
  try {
    loadAgency(dir, { categories: cats });
    return [];
  } catch (e) {
    if (!(e instanceof RuleFileError)) throw e;
    return e.problems.map((p) => `${p.line}:${p.col}: ${p.message}`);
  }
}

const minimal = (extra = '', hours = "['07:30-14:30']") => `handle: AlWahaAmana
displayName: { ar: أمانة, en: Municipality }
workingHours:
  sunday: ${hours}
sla:
  defaultHours: 35
${extra}`;

test('the shipped agency: Riyadh, Sunday-Thursday 07:30-14:30, the Saudi holidays', () => {
  const a = loadAgency('rules');
  expect(a.timeZone).toBe('Asia/Riyadh');
  expect(a.defaultLanguage).toBe('ar');
  expect(a.handle).toBe('AlWahaAmana');
  expect(a.week.map((d) => d.length)).toEqual([1, 1, 1, 1, 1, 0, 0]);
  expect(a.week[0]).toEqual([[450, 870]]);
  const days = a.holidays.map((h) => h.from);
  for (const day of ['2026-02-22', '2026-09-23', '2027-02-22', '2027-09-23']) expect(days).toContain(day);
  const eids = a.holidays.filter((h) => h.name.startsWith('Eid'));
  expect(eids).toHaveLength(4);
  for (const e of eids) expect(e).toMatchObject({ approximate: true });
  expect(a.ignoreAccounts).toEqual(['alwahaamana']);
  expect(a.sla.urgentHours).toBe(4);
});

test('a minimal file takes the documented defaults', () => {
  expect(problemsOf(minimal())).toEqual([]);
  const dir = fs.mkdtempSync(path.join(tmp, 'min-'));
  fs.writeFileSync(path.join(dir, 'agency.yml'), minimal());
  const a = loadAgency(dir);
  expect(a).toMatchObject({
    timeZone: 'Asia/Riyadh',
    defaultLanguage: 'ar',
    afterHours: { useAfterHoursTemplates: true },
    holidays: [],
  });
});

test('malformed hours, reversed hours and overlaps point at the entry', () => {
  expect(problemsOf(minimal('', "['7:30-14:30']"))).toEqual([
    '4:12: item 1 of \'sunday\': write working hours as "HH:MM-HH:MM" (24-hour clock), e.g. "07:30-14:30"',
  ]);
  expect(problemsOf(minimal('', "['14:30-07:30']"))).toEqual(["4:12: '14:30-07:30' ends before it starts"]);
  expect(problemsOf(minimal('', "['08:00-12:00', '11:00-15:00']"))).toEqual([
    '4:11: working periods of one day overlap',
  ]);
});

test('an unknown time zone and a week without working hours are refused', () => {
  expect(problemsOf(minimal('timeZone: Asia/Riyad\n'))).toEqual([
    "7:11: unknown time zone 'Asia/Riyad' (e.g. Asia/Riyadh)",
  ]);
  expect(problemsOf(minimal('', '[]'))).toEqual([
    '4:3: no working hours on any day: SLA deadlines could never be met',
  ]);
});

test('holidays need a date or a from/to range in order', () => {
  const problems = problemsOf(
    minimal(`holidays:
  - name: A
    date: '2026-09-23'
    from: '2026-09-23'
  - name: B
    from: '2026-03-24'
    to: '2026-03-18'
  - name: C
    date: '2026-9-23'`),
  );
  expect(problems).toEqual(["15:11: 'date': write a date as YYYY-MM-DD, e.g. 2026-09-23"]);
  const logic = problemsOf(
    minimal(`holidays:
  - name: A
    date: '2026-09-23'
    from: '2026-09-23'
  - name: B
    from: '2026-03-24'
    to: '2026-03-18'
  - name: D
    from: '2026-03-24'`),
  );
  expect(logic).toEqual([
    '8:5: give either date or from/to, not both',
    "13:9: 'to' (2026-03-18) is before 'from' (2026-03-24)",
    '14:5: a holiday needs a date, or both from and to',
  ]);
});

test('SLA categories must exist in the pack, with a did-you-mean', () => {
  expect(problemsOf(minimal('  categories:\n    road: 10\n'))).toEqual([
    "8:5: unknown category 'road' (did you mean 'roads'?); categories.yml defines: roads, other",
  ]);
});

test('unknown keys are refused, with a suggestion', () => {
  expect(problemsOf(minimal('timezone: Asia/Riyadh\n'))).toEqual([
    expect.stringMatching(/^7:1: unknown key 'timezone' \(did you mean 'timeZone'\?\)/),
  ]);
});
