// What becomes of a reply that cannot go out: X refuses it (replies restricted) → the ticket is
// escalated to staff; it is too old → it is not posted and the ticket stays in the queue.
// Either is written on the ticket once, however often the poster looks at it again.
import { startTestEmulator, type TestEmulator } from './support/emulator';
import { startTestBot } from './support/bot';
import { uniqueDbName, openTestDatabase } from './support/db';
import type { Runtime } from '../src/bot/runtime';
import { pollMentions } from '../src/bot/poller';
import { processPending } from '../src/bot/pipeline';
import { recordStaleReply, escalateByBot } from '../src/queue';

let emu: TestEmulator;
let rt: Runtime | undefined;
let dbName: string;

beforeEach(async () => {
  emu = await startTestEmulator();
  dbName = uniqueDbName('poster');
});
afterEach(async () => {
  await rt?.stop();
  rt = undefined;
  await emu.stop();
  const db = await openTestDatabase('cleanup');
  await db.conn.useDb(dbName).dropDatabase();
  await db.drop();
});

const ticketOf = async (tweetId: string) => rt!.ctx.models.Ticket.findOne({ mentionId: tweetId }).lean();

test('a reply X refuses (replies restricted) escalates its ticket once, with the reason', async () => {
  rt = await startTestBot(emu, dbName);
  const t = emu.injectMention({
    text: 'حفرة كبيرة في شارع التخصصي',
    author: 'restricted_1',
    repliesRestricted: true,
  });
  for (let i = 0; i < 3; i++) await rt.bot.tick();
  expect(emu.posts()).toHaveLength(0);
  const ticket = await ticketOf(t.id);
  expect(ticket?.escalated).toBe(true);
  expect(ticket?.status).toBe('open');
  const escalations = ticket!.history.filter((h) => h.action === 'escalated');
  expect(escalations).toHaveLength(1);
  expect(escalations[0]!.by).toBe('mujib');
  expect(escalations[0]!.detail).toMatch(/reply could not be posted/);
  // Recording the same refusal again (a retry after a crash) adds nothing.
  await escalateByBot(rt.ctx.models, ticket!._id, escalations[0]!.detail!, new Date());
  expect((await ticketOf(t.id))!.history).toHaveLength(ticket!.history.length);
});

test('an acknowledgement gone stale is not posted; its ticket says so once and stays open', async () => {
  rt = await startTestBot(emu, dbName, {}, { staleReplyMs: 1 });
  const t = emu.injectMention({ text: 'الإنارة طافية في حي الملقا', author: 'stale_1' });
  await pollMentions(rt.ctx);
  await processPending(rt.ctx);
  await new Promise((r) => setTimeout(r, 20));
  for (let i = 0; i < 3; i++) await rt.bot.tick();
  expect(emu.posts()).toHaveLength(0);
  expect((await rt.ctx.models.Reply.findById(`ack:${t.id}`).lean())?.status).toBe('stale');
  const ticket = await ticketOf(t.id);
  expect(ticket?.status).toBe('open');
  expect(ticket!.history.filter((h) => h.action === 'reply-stale')).toHaveLength(1);
  await recordStaleReply(rt.ctx.models, ticket!._id, new Date());
  expect((await ticketOf(t.id))!.history).toHaveLength(ticket!.history.length);
});
