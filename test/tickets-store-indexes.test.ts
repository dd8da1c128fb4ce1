// The tickets store's per-mention look-ups (a thread's ticket, a tweet's ticket, a citizen's
// tickets, a mention's binding) must each be answered from a declared index: the pipeline asks
// them for every mention, so a scan would make a tick grow with the whole history. Every
// query the driver sends while they run is captured and explained on the real server.
import type { CommandStartedEvent } from 'mongodb';
import { openDatabase, type Database } from '../src/store/db';
import { authorTickets, boundTicketRef, threadTicketRef, ticketRefOfTweet } from '../src/store/tickets';
import {
  attachFollowUp,
  countRecentTickets,
  findOpenTicketForThread,
  findRepeat,
  findTicketOfTweet,
  openTicket,
} from '../src/queue';
import { quietLog, testUri, uniqueDbName } from './support/db';

let db: Database;
const seen: { collection: string; filter: object }[] = [];
let watching = false;

beforeAll(async () => {
  db = await openDatabase(testUri(), {
    dbName: uniqueDbName('tickets-indexes'),
    log: quietLog,
    monitorCommands: true,
  });
  db.conn.getClient().on('commandStarted', (e: CommandStartedEvent) => {
    if (!watching) return;
    const c = e.command as Record<string, unknown>;
    const first = (k: string) => ((c[k] as { q?: object }[] | undefined) ?? [])[0]?.q;
    const filter =
      e.commandName === 'find' || e.commandName === 'count'
        ? (c.filter ?? c.query)
        : e.commandName === 'update'
          ? first('updates')
          : e.commandName === 'delete'
            ? first('deletes')
            : e.commandName === 'findAndModify'
              ? c.query
              : undefined;
    if (filter) seen.push({ collection: String(c[e.commandName]), filter: filter as object });
  });
});
afterAll(async () => {
  await db.conn.dropDatabase().catch(() => undefined);
  await db.close();
});

const T0 = new Date('2026-12-01T09:00:00Z');
const decision = {
  lang: 'ar' as const,
  category: 'roads',
  confidence: 0.9,
  source: 'model' as const,
  urgent: false,
};
const outcome = {
  action: 'acknowledge' as const,
  escalate: false,
  priority: 3,
  autoResolve: false,
  template: 'ack',
  reason: 'test',
};

async function open(id: string, conversationId: string) {
  const { ticket } = await openTicket(db.store, {
    mention: { id, authorId: 'citizen-1', authorUsername: 'noura', conversationId },
    decision: decision as never,
    outcome: outcome as never,
    prefix: 'AM',
    timeZone: 'Asia/Riyadh',
    now: T0,
  });
  return ticket;
}

test('opening a ticket and every thread look-up read and write only through indexes', async () => {
  watching = true;
  const t = await open('tw-100', 'conv-100');
  await open('tw-200', 'conv-200');
  await attachFollowUp(db.store, t._id, { tweetId: 'tw-101', text: 'أي جديد؟', at: T0 });
  // What each look-up answers (so a broken one cannot pass by reading nothing).
  expect(await threadTicketRef(db.store, 'conv-100')).toBe(t._id);
  expect(await ticketRefOfTweet(db.store, 'tw-100')).toBe(t._id);
  expect(await ticketRefOfTweet(db.store, 'tw-101')).toBe(t._id);
  expect(await ticketRefOfTweet(db.store, 'tw-unknown')).toBeUndefined();
  expect(await boundTicketRef(db.store, 'tw-100')).toBe(t._id);
  expect((await authorTickets(db.store, 'citizen-1')).map((x) => x.ref)).toContain(t._id);
  expect((await findOpenTicketForThread(db.store, 'conv-100'))?._id).toBe(t._id);
  expect((await findTicketOfTweet(db.store, 'tw-101'))?._id).toBe(t._id);
  expect(
    await findRepeat(db.store, { authorId: 'citizen-1', category: 'roads', withinMs: 86_400_000, now: T0 }),
  ).not.toBeNull();
  expect(await countRecentTickets(db.store, 'citizen-1', 7, T0)).toBe(2);
  watching = false;

  const shapes = new Map<string, { collection: string; filter: object }>();
  for (const q of seen) shapes.set(`${q.collection} ${JSON.stringify(Object.keys(q.filter))}`, q);
  // tickets by _id and mentionId, state by _id, counters by _id and series.
  expect([...shapes.keys()].sort()).toEqual(
    expect.arrayContaining(['state ["_id"]', 'tickets ["_id"]', 'tickets ["mentionId"]']),
  );
  for (const [shape, q] of shapes) {
    const res = await db.conn.db!.command({ explain: { find: q.collection, filter: q.filter } });
    const plan = JSON.stringify(res.queryPlanner);
    expect({
      shape,
      indexed:
        /USING INDEX|USING PRIMARY KEY|IXSCAN|IDHACK|EXPRESS/.test(plan) && !/"SCAN |COLLSCAN/.test(plan),
    }).toEqual({ shape, indexed: true });
  }
});
