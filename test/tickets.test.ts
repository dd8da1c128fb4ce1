// Ticket references and opening tickets, on the real database (FerretDB).
import type { Decision } from '../src/classify/types';
import { decide } from '../src/decide';
import { openTicket } from '../src/queue';
import { loadAgency } from '../src/rules/agency';
import { loadEscalation } from '../src/rules/escalation';
import { allocateTicketRef, canonicalTicketRef, formatTicketRef, parseTicketRef } from '../src/tickets';
import { openTestDatabase } from './support/db';

let db: Awaited<ReturnType<typeof openTestDatabase>>;
beforeAll(async () => {
  db = await openTestDatabase('tickets');
});
afterAll(async () => {
  await db.drop();
});

const agency = loadAgency('rules');
const escalation = loadEscalation('rules');
const tz = 'Asia/Riyadh';

test('references are PREFIX-YYMM-NNNN and count up within the month', async () => {
  const now = new Date('2026-11-15T09:00:00Z');
  const a = await allocateTicketRef(db.store, { prefix: 'AM', now, timeZone: tz });
  const b = await allocateTicketRef(db.store, { prefix: 'AM', now, timeZone: tz });
  expect(a).toBe('AM-2611-0001');
  expect(b).toBe('AM-2611-0002');
});

test("the month is the agency's: 00:30 on 1 December in Riyadh is a December ticket", async () => {
  const ref = await allocateTicketRef(db.store, {
    prefix: 'AM',
    now: new Date('2026-11-30T21:30:00Z'),
    timeZone: tz,
  });
  expect(ref).toBe('AM-2612-0001');
  // Still November in UTC; another zone's agency would number it in November.
  const utc = await allocateTicketRef(db.store, {
    prefix: 'XY',
    now: new Date('2026-11-30T21:30:00Z'),
    timeZone: 'UTC',
  });
  expect(utc).toBe('XY-2611-0001');
});

test('concurrent allocations never share a number', async () => {
  const now = new Date('2027-01-10T09:00:00Z');
  const refs = await Promise.all(
    Array.from({ length: 12 }, () => allocateTicketRef(db.store, { prefix: 'RM', now, timeZone: tz })),
  );
  expect(new Set(refs).size).toBe(12);
  for (const r of refs) expect(r).toMatch(/^RM-2701-\d{4,}$/);
});

test('numbers grow past four digits instead of wrapping', () => {
  expect(formatTicketRef({ prefix: 'AM', year: 2026, month: 11, number: 12345 })).toBe('AM-2611-12345');
  expect(parseTicketRef('AM-2611-12345')).toEqual({ prefix: 'AM', year: 2026, month: 11, number: 12345 });
});

test('parseTicketRef forgives staff typing and refuses what is not a reference', () => {
  expect(parseTicketRef(' am-2611-0042 ')).toEqual({ prefix: 'AM', year: 2026, month: 11, number: 42 });
  expect(canonicalTicketRef('am-٢٦١١-٠٠٤٢')).toBe('AM-2611-0042');
  expect(parseTicketRef('AM-2613-0042')).toBeUndefined(); // month 13
  expect(parseTicketRef('AM-2611-42')).toBeUndefined();
  expect(parseTicketRef('hello')).toBeUndefined();
});

const decision = (over: Partial<Decision> = {}): Decision => ({
  lang: 'ar',
  category: 'roads',
  confidence: 1,
  source: 'rule',
  rule: 'roads-potholes',
  urgent: false,
  needsTriage: false,
  ...over,
});

test('openTicket stores the decision, the SLA and an "opened" history entry', async () => {
  const now = new Date('2026-11-22T07:00:00Z'); // Sunday 10:00 Riyadh
  const d = decision();
  const outcome = decide(d, { agency, escalation, now, recentTicketsByAuthor: 0 });
  const { ticket, created } = await openTicket(db.store, {
    mention: { id: 't-100', authorId: 'u1', authorUsername: 'citizen1', conversationId: 't-100' },
    decision: d,
    outcome,
    prefix: 'AM',
    timeZone: tz,
    now,
  });
  expect(created).toBe(true);
  expect(ticket._id).toMatch(/^AM-2611-\d{4}$/);
  expect(ticket).toMatchObject({
    status: 'open',
    category: 'roads',
    priority: 2,
    mentionId: 't-100',
    rule: 'roads-potholes',
  });
  expect(ticket.dueAt).toEqual(outcome.dueAt);
  expect(ticket.history).toEqual([
    expect.objectContaining({ by: 'mujib', action: 'opened', detail: outcome.reason }),
  ]);
});

test('the same mention never gets two tickets, even when processed concurrently', async () => {
  const now = new Date('2026-11-22T07:00:00Z');
  const d = decision({ category: 'waste', rule: 'waste-bins' });
  const outcome = decide(d, { agency, escalation, now, recentTicketsByAuthor: 0 });
  const input = {
    mention: { id: 't-200', authorId: 'u2' },
    decision: d,
    outcome,
    prefix: 'AM',
    timeZone: tz,
    now,
  };
  const results = await Promise.all(Array.from({ length: 6 }, () => openTicket(db.store, input)));
  expect(new Set(results.map((r) => r.ticket._id)).size).toBe(1);
  expect(results.filter((r) => r.created)).toHaveLength(1);
  expect(await db.models.Ticket.countDocuments({ mentionId: 't-200' })).toBe(1);
  // A retry after a crash gets the same ticket back.
  const again = await openTicket(db.store, input);
  expect(again).toEqual({ ticket: expect.objectContaining({ _id: results[0]!.ticket._id }), created: false });
});

test('praise is recorded as a ticket the bot resolved itself', async () => {
  const now = new Date('2026-11-22T07:00:00Z');
  const d = decision({ category: 'praise', rule: 'praise-thanks' });
  const outcome = decide(d, { agency, escalation, now, recentTicketsByAuthor: 0 });
  const { ticket } = await openTicket(db.store, {
    mention: { id: 't-300', authorId: 'u3' },
    decision: d,
    outcome,
    prefix: 'AM',
    timeZone: tz,
    now,
  });
  expect(ticket.status).toBe('resolved');
  expect(ticket.resolvedAt).toEqual(now);
  expect(ticket.dueAt ?? undefined).toBeUndefined();
  expect(ticket.history.map((h) => h.action)).toEqual(['opened', 'resolved']);
});
