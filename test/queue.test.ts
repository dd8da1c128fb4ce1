// Staff transitions on the escalation queue, on the real database (FerretDB): every action,
// every refusal (which must change nothing), leases that expire, and races between staff.
import type { Decision } from '../src/classify/types';
import { decide } from '../src/decide';
import {
  QueueError,
  claim,
  getTicket,
  listTickets,
  note,
  openTicket,
  planResolvedReply,
  release,
  reopen,
  resolve,
  type Ticket,
} from '../src/queue';
import { loadAgency } from '../src/rules/agency';
import { loadEscalation } from '../src/rules/escalation';
import { loadTemplates } from '../src/pack/templates';
import { openTestDatabase } from './support/db';

let db: Awaited<ReturnType<typeof openTestDatabase>>;
beforeAll(async () => {
  db = await openTestDatabase('queue');
});
afterAll(async () => {
  await db.drop();
});

const agency = loadAgency('rules');
const escalation = loadEscalation('rules');
const templates = loadTemplates('rules');
const T0 = new Date('2026-11-22T07:00:00Z'); // Sunday 10:00 in Riyadh
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);
let seq = 0;

async function newTicket(over: Partial<Decision> = {}, now = T0): Promise<Ticket> {
  const d: Decision = {
    lang: 'ar',
    category: 'roads',
    confidence: 1,
    source: 'rule',
    urgent: false,
    needsTriage: false,
    ...over,
  };
  const id = `m-${++seq}`;
  const outcome = decide(d, { agency, escalation, now, recentTicketsByAuthor: 0 });
  const { ticket } = await openTicket(db.store, {
    mention: { id, authorId: `author-${seq}`, conversationId: id },
    decision: d,
    outcome,
    prefix: 'AM',
    timeZone: agency.timeZone,
    now,
  });
  return ticket;
}

/** Runs an action expected to be refused; checks the code and that the ticket is unchanged. */
async function refused(ref: string, code: string, action: () => Promise<unknown>): Promise<string> {
  const before = await db.models.Ticket.findById(ref).lean();
  const err = await action().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(QueueError);
  expect((err as QueueError).code).toBe(code);
  expect(await db.models.Ticket.findById(ref).lean()).toEqual(before);
  return (err as QueueError).message;
}

test('claim → note → resolve records who did what when', async () => {
  const t = await newTicket();
  const claimed = await claim(db.store, t._id, { as: 'huda', leaseMs: 30 * 60_000, now: minutes(1) });
  expect(claimed).toMatchObject({ status: 'claimed', claimedBy: 'huda', leaseUntil: minutes(31) });
  const noted = await note(db.store, t._id, { as: 'huda', text: 'فريق الصيانة في الطريق', now: minutes(2) });
  expect(noted.notes).toEqual([{ at: minutes(2), by: 'huda', text: 'فريق الصيانة في الطريق' }]);
  const done = await resolve(db.store, t._id, { as: 'huda', note: 'تم ردم الحفرة', now: minutes(3) });
  expect(done).toMatchObject({ status: 'resolved', resolvedAt: minutes(3) });
  expect(done.claimedBy ?? undefined).toBeUndefined();
  expect(done.notes.map((n) => n.text)).toEqual(['فريق الصيانة في الطريق', 'تم ردم الحفرة']);
  expect(done.history.map((h) => [h.by, h.action])).toEqual([
    ['mujib', 'opened'],
    ['huda', 'claimed'],
    ['huda', 'noted'],
    ['huda', 'resolved'],
  ]);
  expect(done.history[3]!.at).toEqual(minutes(3));
});

test('an open ticket can be resolved directly', async () => {
  const t = await newTicket();
  expect((await resolve(db.store, t._id, { as: 'omar', now: minutes(5) })).status).toBe('resolved');
});

test('resolving what someone else holds is refused', async () => {
  const t = await newTicket();
  await claim(db.store, t._id, { as: 'huda', leaseMs: 60 * 60_000, now: minutes(1) });
  const msg = await refused(t._id, 'held_by_other', () =>
    resolve(db.store, t._id, { as: 'omar', now: minutes(10) }),
  );
  expect(msg).toBe(`${t._id} is claimed by huda until 2026-11-22T08:01:00Z; only they can resolve it`);
  await refused(t._id, 'held_by_other', () => claim(db.store, t._id, { as: 'omar', now: minutes(10) }));
  await refused(t._id, 'held_by_other', () => release(db.store, t._id, { as: 'omar', now: minutes(10) }));
});

test('an expired claim can be taken over by someone else, and the history says so', async () => {
  const t = await newTicket();
  await claim(db.store, t._id, { as: 'huda', leaseMs: 15 * 60_000, now: minutes(0) });
  const taken = await claim(db.store, t._id, { as: 'omar', leaseMs: 15 * 60_000, now: minutes(20) });
  expect(taken).toMatchObject({ claimedBy: 'omar', leaseUntil: minutes(35) });
  expect(taken.history.at(-1)).toMatchObject({
    by: 'omar',
    action: 'claimed',
    detail: expect.stringContaining('took over from huda'),
  });
  // Huda's lease is gone: she can no longer resolve it over Omar.
  await refused(t._id, 'held_by_other', () => resolve(db.store, t._id, { as: 'huda', now: minutes(21) }));
});

test('an expired claim nobody took can still be resolved by anyone', async () => {
  const t = await newTicket();
  await claim(db.store, t._id, { as: 'huda', leaseMs: 15 * 60_000, now: minutes(0) });
  expect((await resolve(db.store, t._id, { as: 'omar', now: minutes(30) })).status).toBe('resolved');
});

test('claiming again renews one’s own lease', async () => {
  const t = await newTicket();
  await claim(db.store, t._id, { as: 'huda', leaseMs: 10 * 60_000, now: minutes(0) });
  const renewed = await claim(db.store, t._id, { as: 'huda', leaseMs: 10 * 60_000, now: minutes(5) });
  expect(renewed.leaseUntil).toEqual(minutes(15));
  expect(renewed.history.at(-1)!.detail).toMatch(/^renewed/);
});

test('claiming a resolved ticket, resolving twice and reopening an open ticket are refused', async () => {
  const t = await newTicket();
  await refused(t._id, 'not_resolved', () => reopen(db.store, t._id, { as: 'huda' }));
  await resolve(db.store, t._id, { as: 'huda', now: minutes(1) });
  await refused(t._id, 'already_resolved', () => claim(db.store, t._id, { as: 'omar', now: minutes(2) }));
  await refused(t._id, 'already_resolved', () => resolve(db.store, t._id, { as: 'huda', now: minutes(2) }));
  await refused(t._id, 'not_claimed', () => release(db.store, t._id, { as: 'huda', now: minutes(2) }));
});

test('reopen puts a resolved ticket back in the queue', async () => {
  const t = await newTicket();
  await claim(db.store, t._id, { as: 'huda', now: minutes(1) });
  await resolve(db.store, t._id, { as: 'huda', now: minutes(2) });
  const again = await reopen(db.store, t._id, {
    as: 'omar',
    reason: 'citizen: still broken',
    now: minutes(3),
  });
  expect(again.status).toBe('open');
  expect(again.resolvedAt ?? undefined).toBeUndefined();
  expect(again.history.at(-1)).toMatchObject({
    by: 'omar',
    action: 'reopened',
    detail: 'citizen: still broken',
  });
  // And it can be claimed again.
  expect((await claim(db.store, t._id, { as: 'omar', now: minutes(4) })).claimedBy).toBe('omar');
});

test('release gives the ticket back to the queue', async () => {
  const t = await newTicket();
  await claim(db.store, t._id, { as: 'huda', now: minutes(1) });
  const released = await release(db.store, t._id, { as: 'huda', now: minutes(2) });
  expect(released.status).toBe('open');
  expect(released.claimedBy ?? undefined).toBeUndefined();
  expect((await claim(db.store, t._id, { as: 'omar', now: minutes(3) })).claimedBy).toBe('omar');
});

test('unknown tickets, a missing name and an empty note are refused', async () => {
  const e1 = await claim(db.store, 'AM-2611-9999', { as: 'huda' }).catch((e: QueueError) => e);
  expect(e1).toMatchObject({ code: 'not_found', message: 'no ticket AM-2611-9999' });
  const t = await newTicket();
  await refused(t._id, 'invalid', () => claim(db.store, t._id, { as: '  ' }));
  await refused(t._id, 'invalid', () => note(db.store, t._id, { as: 'huda', text: ' ' }));
});

test('references typed in lower case or Arabic-Indic digits find the ticket', async () => {
  const t = await newTicket();
  const typed = t._id.toLowerCase().replace(/\d/g, (d) => String.fromCharCode(0x660 + Number(d)));
  expect((await claim(db.store, typed, { as: 'huda' }))._id).toBe(t._id);
  expect((await getTicket(db.store, typed))._id).toBe(t._id);
});

test('two staff claiming at once: exactly one wins, the other is told who has it', async () => {
  const t = await newTicket();
  const names = ['a1', 'a2', 'a3', 'a4', 'a5'];
  const results = await Promise.allSettled(
    names.map((as) => claim(db.store, t._id, { as, now: minutes(1) })),
  );
  const won = results.filter((r) => r.status === 'fulfilled');
  expect(won).toHaveLength(1);
  const winner = (won[0] as PromiseFulfilledResult<Ticket>).value.claimedBy;
  for (const r of results.filter((r) => r.status === 'rejected'))
    expect((r as PromiseRejectedResult).reason).toMatchObject({
      code: 'held_by_other',
      message: expect.stringContaining(`claimed by ${winner}`),
    });
  const after = await getTicket(db.store, t._id);
  expect(after.history.filter((h) => h.action === 'claimed')).toHaveLength(1);
});

test('resolve --reply plans one templated reply in the outbox, threaded under the mention', async () => {
  const t = await newTicket({ lang: 'en' });
  await db.models.Mention.create({
    _id: t.mentionId,
    text: 'pothole on King Fahd Rd',
    authorId: t.authorId,
    authorName: 'Sara @sara',
  });
  const done = await resolve(db.store, t._id, { as: 'huda', now: minutes(1) });
  const first = await planResolvedReply(db.store, done, { templates, agency });
  expect(first.planned).toBe(true);
  expect(first.id).toBe(`resolved:${t._id}`);
  const reply = await db.models.Reply.findById(first.id).lean();
  expect(reply).toMatchObject({
    kind: 'resolved',
    status: 'planned',
    inReplyToTweetId: t.mentionId,
    ticketRef: t._id,
    priority: t.priority,
  });
  expect(reply!.text).toContain(t._id);
  expect(reply!.text).toMatch(/^Hello Sara sara, your report/);
  expect(reply!.text).not.toContain('pothole');
  // Asking again plans nothing new.
  const second = await planResolvedReply(db.store, done, { templates, agency });
  expect(second.planned).toBe(false);
  expect(await db.models.Reply.countDocuments({ ticketRef: t._id })).toBe(1);
});

test('listTickets: urgent first, then the nearest deadline; filters by status, category, overdue', async () => {
  const fresh = await openTestDatabase('queue_list');
  const saved = db;
  db = fresh;
  try {
    const roads = await newTicket({ category: 'roads' }); // priority 2, due in 35 working hours
    const parks = await newTicket({ category: 'parks' }); // priority 4
    const urgent = await newTicket({ category: 'waste', urgent: true }); // priority 1, due in 4 h
    const waste = await newTicket({ category: 'waste' }); // priority 3, due in 14 working hours
    const lighting = await newTicket({ category: 'lighting' }); // priority 3, due in 21 working hours
    await claim(db.store, lighting._id, { as: 'huda', now: minutes(1) });
    await resolve(db.store, parks._id, { as: 'huda', now: minutes(1) });

    const ids = (ts: Ticket[]) => ts.map((t) => t._id);
    expect(ids(await listTickets(db.store, { now: minutes(2) }))).toEqual([
      urgent._id,
      roads._id,
      waste._id,
      lighting._id,
    ]);
    expect(ids(await listTickets(db.store, { status: 'claimed' }))).toEqual([lighting._id]);
    expect(ids(await listTickets(db.store, { status: 'resolved' }))).toEqual([parks._id]);
    expect(ids(await listTickets(db.store, { category: 'waste' }))).toEqual([urgent._id, waste._id]);
    expect(ids(await listTickets(db.store, { limit: 2 }))).toEqual([urgent._id, roads._id]);
    // Five hours later only the urgent one is overdue.
    expect(ids(await listTickets(db.store, { overdue: true, now: minutes(300) }))).toEqual([urgent._id]);
  } finally {
    db = saved;
    await fresh.drop();
  }
});
