// One ticket per problem: thread replies and repeats attach to the open ticket; the SLA sweep
// flags what is overdue exactly once; a change whose writer died is rolled forward.
import type { Decision } from '../src/classify/types';
import { decide } from '../src/decide';
import {
  attachFollowUp,
  claim,
  countRecentTickets,
  findOpenTicketForThread,
  findRepeat,
  getTicket,
  openTicket,
  resolve,
  sweepSla,
  type Ticket,
} from '../src/queue';
import { loadAgency } from '../src/rules/agency';
import { loadEscalation } from '../src/rules/escalation';
import { openTestDatabase } from './support/db';

let db: Awaited<ReturnType<typeof openTestDatabase>>;
beforeAll(async () => {
  db = await openTestDatabase('queue_threads');
});
afterAll(async () => {
  await db.drop();
});

const agency = loadAgency('rules');
const escalation = loadEscalation('rules');
const T0 = new Date('2026-11-22T07:00:00Z'); // Sunday 10:00 in Riyadh
const hours = (n: number) => new Date(T0.getTime() + n * 3_600_000);
let seq = 0;

async function newTicket(
  o: { author?: string; conversation?: string; now?: Date } & Partial<Decision> = {},
): Promise<Ticket> {
  const { author, conversation, now = T0, ...over } = o;
  const d: Decision = {
    lang: 'ar',
    category: 'roads',
    confidence: 1,
    source: 'rule',
    urgent: false,
    needsTriage: false,
    ...over,
  };
  const id = `tw-${++seq}`;
  const outcome = decide(d, { agency, escalation, now, recentTicketsByAuthor: 0 });
  const { ticket } = await openTicket(db.store, {
    mention: { id, authorId: author ?? `a-${seq}`, conversationId: conversation ?? id },
    decision: d,
    outcome,
    prefix: 'AM',
    timeZone: agency.timeZone,
    now,
  });
  return ticket;
}

test('a reply in the thread of an open ticket finds that ticket and attaches once', async () => {
  const t = await newTicket({ conversation: 'conv-1' });
  const found = await findOpenTicketForThread(db.store, 'conv-1');
  expect(found?._id).toBe(t._id);
  const first = await attachFollowUp(db.store, t._id, {
    tweetId: 'tw-reply-1',
    text: 'ما زالت الحفرة موجودة',
    at: hours(1),
  });
  expect(first.attached).toBe(true);
  const again = await attachFollowUp(db.store, t._id, {
    tweetId: 'tw-reply-1',
    text: 'ما زالت الحفرة موجودة',
    at: hours(1),
  });
  expect(again.attached).toBe(false);
  const after = await getTicket(db.store, t._id);
  expect(after.followUps).toEqual([{ tweetId: 'tw-reply-1', at: hours(1), text: 'ما زالت الحفرة موجودة' }]);
  expect(after.history.at(-1)).toMatchObject({
    by: 'mujib',
    action: 'follow-up',
    detail: 'tweet tw-reply-1',
  });
});

test('a resolved ticket no longer catches its thread; an unknown thread finds nothing', async () => {
  const t = await newTicket({ conversation: 'conv-2' });
  await resolve(db.store, t._id, { as: 'huda', now: hours(1) });
  expect(await findOpenTicketForThread(db.store, 'conv-2')).toBeNull();
  expect(await findOpenTicketForThread(db.store, 'conv-none')).toBeNull();
  expect(await findOpenTicketForThread(db.store, undefined)).toBeNull();
});

test('the same citizen repeating the same complaint within the window is a repeat', async () => {
  const t = await newTicket({ author: 'citizen-r', category: 'lighting' });
  const window = escalation.repeat.attachWithinHours * 3_600_000;
  const q = { authorId: 'citizen-r', category: 'lighting', withinMs: window };
  expect((await findRepeat(db.store, { ...q, now: hours(24) }))?._id).toBe(t._id);
  // Another category, another citizen, or after the window: not a repeat.
  expect(await findRepeat(db.store, { ...q, category: 'waste', now: hours(24) })).toBeNull();
  expect(await findRepeat(db.store, { ...q, authorId: 'someone-else', now: hours(24) })).toBeNull();
  expect(await findRepeat(db.store, { ...q, now: hours(73) })).toBeNull();
  expect(await findRepeat(db.store, { ...q, withinMs: 0, now: hours(1) })).toBeNull();
});

test('countRecentTickets counts the citizen’s tickets within the last N days', async () => {
  await newTicket({ author: 'citizen-c', now: hours(-24 * 10) });
  await newTicket({ author: 'citizen-c', now: hours(-24 * 2) });
  await newTicket({ author: 'citizen-c', now: hours(-1) });
  expect(await countRecentTickets(db.store, 'citizen-c', 7, T0)).toBe(2);
  expect(await countRecentTickets(db.store, 'citizen-c', 30, T0)).toBe(3);
  expect(await countRecentTickets(db.store, 'nobody', 7, T0)).toBe(0);
});

test('the SLA sweep flags breached tickets once and raises them one step', async () => {
  const fresh = await openTestDatabase('queue_sweep');
  const saved = db;
  db = fresh;
  try {
    const urgent = await newTicket({ urgent: true, category: 'water_sewage' }); // p1, due +4 h
    const waste = await newTicket({ category: 'waste' }); // p3, due in 14 working hours (Monday 14:30)
    const roads = await newTicket({ category: 'roads' }); // p2, due next Sunday
    const done = await newTicket({ category: 'waste' });
    await resolve(db.store, done._id, { as: 'huda', now: hours(1) });
    const claimed = await newTicket({ category: 'lighting' }); // p3, 21 working hours: Wednesday 10:00
    await claim(db.store, claimed._id, { as: 'omar', now: hours(1) });

    expect(await sweepSla(db.store, hours(3))).toEqual({ checked: 0, breached: 0, raised: 0 });
    expect(await sweepSla(db.store, hours(5))).toEqual({ checked: 1, breached: 1, raised: 0 }); // urgent stays at 1
    const threeDays = hours(73); // Wednesday 11:00: waste (Mon 14:30) and lighting (Wed 10:00) are late
    expect(await sweepSla(db.store, threeDays)).toEqual({ checked: 2, breached: 2, raised: 2 });
    expect(await sweepSla(db.store, threeDays)).toEqual({ checked: 0, breached: 0, raised: 0 });

    expect(await getTicket(db.store, urgent._id)).toMatchObject({ breached: true, priority: 1 });
    expect(await getTicket(db.store, waste._id)).toMatchObject({ breached: true, priority: 2 });
    expect(await getTicket(db.store, claimed._id)).toMatchObject({
      breached: true,
      priority: 2,
      status: 'claimed',
    });
    expect(await getTicket(db.store, roads._id)).toMatchObject({ breached: false, priority: 2 });
    expect(await getTicket(db.store, done._id)).toMatchObject({ breached: false });
    expect((await getTicket(db.store, waste._id)).history.at(-1)).toMatchObject({
      by: 'mujib',
      action: 'sla-breached',
      detail: expect.stringContaining('priority 3 → 2'),
    });
  } finally {
    db = saved;
    await fresh.drop();
  }
});

test('concurrent sweeps raise a ticket only once', async () => {
  const t = await newTicket({ category: 'waste' });
  const results = await Promise.all([1, 2, 3].map(() => sweepSla(db.store, hours(24 * 30))));
  expect(results.reduce((n, r) => n + r.breached, 0)).toBeGreaterThanOrEqual(1);
  const after = await getTicket(db.store, t._id);
  expect(after.priority).toBe(2);
  expect(after.history.filter((h) => h.action === 'sla-breached')).toHaveLength(1);
});

test('a change whose writer died after winning is rolled forward by the next actor', async () => {
  const t = await newTicket();
  const version = t.history.length;
  // A worker won the token to claim, then crashed before writing the ticket.
  const write = {
    set: {
      status: 'claimed',
      claimedBy: 'ghost',
      leaseUntil: hours(2),
      history: [...t.history, { at: hours(0), by: 'ghost', action: 'claimed' }],
      updatedAt: hours(0),
    },
    unset: [],
  };
  await db.models.State.create({
    _id: `ticket-tx:${t._id}:${version}`,
    value: write,
    updatedAt: new Date(Date.now() - 60_000),
  });
  // Huda's claim finds the dead winner's change, applies it, then is refused: ghost holds it.
  const err = await claim(db.store, t._id, { as: 'huda', now: hours(1) }).catch((e: Error) => e);
  expect(err).toMatchObject({ code: 'held_by_other', message: expect.stringContaining('claimed by ghost') });
  expect(await getTicket(db.store, t._id)).toMatchObject({ status: 'claimed', claimedBy: 'ghost' });
  // Once ghost's lease runs out, Huda takes over.
  expect((await claim(db.store, t._id, { as: 'huda', now: hours(3) })).claimedBy).toBe('huda');
}, 20_000);
