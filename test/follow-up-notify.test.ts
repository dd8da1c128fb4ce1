// A danger told in a follow-up (a thread reply or a repeat) makes the existing ticket urgent:
// staff must hear of it like of any new urgent ticket, once, however often it is retried.
import type { Decision } from '../src/classify/types';
import { decide } from '../src/decide';
import { openTicket, type Ticket } from '../src/queue';
import { escalateForDanger } from '../src/queue/follow-ups';
import { loadAgency } from '../src/rules/agency';
import { loadEscalation } from '../src/rules/escalation';
import { openTestDatabase } from './support/db';

let db: Awaited<ReturnType<typeof openTestDatabase>>;
beforeAll(async () => {
  db = await openTestDatabase('follow_up_notify');
});
afterAll(async () => {
  await db.drop();
});

const agency = loadAgency('rules');
const escalation = loadEscalation('rules');
const T0 = new Date('2026-11-22T07:00:00Z');

async function routineTicket(id: string): Promise<Ticket> {
  const d: Decision = {
    lang: 'ar',
    category: 'roads',
    confidence: 1,
    source: 'rule',
    urgent: false,
    needsTriage: false,
  };
  const outcome = decide(d, { agency, escalation, now: T0, recentTicketsByAuthor: 0 });
  const { ticket } = await openTicket(db.store, {
    mention: { id, authorId: 'a-1', conversationId: id },
    decision: d,
    outcome,
    prefix: 'AM',
    timeZone: agency.timeZone,
    now: T0,
  });
  return ticket;
}

test('a danger told in a follow-up records one urgent event for staff, across retries', async () => {
  const t = await routineTicket('tw-routine');
  const events = () => db.models.Notification.find({ kind: 'event', ticketRef: t._id }).lean();
  expect(await events()).toHaveLength(0); // a routine ticket tells nobody

  const now = new Date(T0.getTime() + 3_600_000);
  const o = { tweetId: 'tw-danger', reason: 'urgent term', now };
  const { ticket: after } = await escalateForDanger(db.store, t._id, o);
  expect(after.urgent).toBe(true);
  await escalateForDanger(db.store, t._id, o); // a retry after a crash

  const recorded = await events();
  expect(recorded.map((e) => e.event)).toEqual(['urgent']);
});
