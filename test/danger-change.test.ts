// What a danger does to a ticket (pure, no database): told in a thread reply (reopens a
// resolved ticket, priority 1) or by an edit of the post (raises to the plan's priority, never
// reopens) — the two callers of escalateForDanger.
import { dangerChange, type DangerEscalation } from '../src/queue/follow-up-marks';
import type { Ticket } from '../src/queue';

const now = new Date('2026-12-01T09:00:00Z');
const hours = (h: number) => new Date(now.getTime() + h * 3_600_000);
const ticket = (t: Partial<Ticket>): Ticket =>
  ({
    _id: 'AM-2612-0001',
    status: 'open',
    priority: 3,
    urgent: false,
    escalated: false,
    history: [],
    ...t,
  }) as Ticket;
const followUp: DangerEscalation = { tweetId: 'tw-9', reason: 'urgent: collapse', dueAt: hours(2), now };
const edit: DangerEscalation = {
  ...followUp,
  reopen: false,
  priority: 2,
  history: "the citizen's edit tw-9 made it urgent",
};

test('a follow-up makes an open routine ticket urgent, priority 1, due sooner', () => {
  const c = dangerChange(ticket({ dueAt: hours(48) }), followUp);
  expect(c?.set).toEqual({ urgent: true, priority: 1, escalated: true, dueAt: hours(2) });
  expect(c?.unset).toEqual([]);
  expect(c?.history).toEqual({
    action: 'escalated',
    detail: 'urgent follow-up (tweet tw-9): urgent: collapse; priority 3 → 1',
  });
});

test('a follow-up keeps a sooner due time and leaves an urgent open ticket alone', () => {
  expect(dangerChange(ticket({ dueAt: hours(1) }), followUp)?.set).not.toHaveProperty('dueAt');
  expect(dangerChange(ticket({ urgent: true, priority: 2 }), followUp)).toBeNull();
});

test('a follow-up reopens a resolved ticket, even an urgent one, with the new due time', () => {
  const c = dangerChange(
    ticket({ status: 'resolved', urgent: true, priority: 1, dueAt: hours(-5), reopenCount: 1 }),
    followUp,
  );
  expect(c?.set).toMatchObject({
    status: 'open',
    reopenedAt: now,
    reopenCount: 2,
    breached: false,
    dueAt: hours(2),
  });
  expect(c?.unset).toEqual(['resolvedAt', 'claimedBy', 'leaseUntil']);
  expect(c?.history.detail).toBe('urgent follow-up (tweet tw-9): urgent: collapse; reopened; priority 1 → 1');
});

test('an edit raises to the plan priority without reopening, in its own words', () => {
  const c = dangerChange(ticket({ status: 'resolved', dueAt: hours(1) }), edit);
  expect(c?.set).toEqual({ urgent: true, priority: 2, escalated: true });
  expect(c?.unset).toEqual([]);
  expect(c?.history).toEqual({ action: 'escalated', detail: "the citizen's edit tw-9 made it urgent" });
});

test('an edit does nothing to an urgent escalated ticket already at that priority or higher', () => {
  expect(dangerChange(ticket({ urgent: true, escalated: true, priority: 2 }), edit)).toBeNull();
  expect(dangerChange(ticket({ urgent: true, escalated: true, priority: 1 }), edit)).toBeNull();
  // Urgent but lower, or urgent but never escalated: raised.
  expect(dangerChange(ticket({ urgent: true, escalated: true, priority: 3 }), edit)?.set).toMatchObject({
    priority: 2,
  });
  expect(dangerChange(ticket({ urgent: true, priority: 1 }), edit)?.set).toMatchObject({
    escalated: true,
    priority: 1,
  });
});
