// What becomes of a reply that cannot go out: X refuses it (replies restricted) → the ticket is
// escalated to staff; it is too old → it is not posted and the ticket stays in the queue.
// Either is written on the ticket once, however often the poster looks at it again.
import { startTestBot, useBotHarness } from './support/bot';
import { pollMentions } from '../src/bot/poller';
import { processPending } from '../src/bot/pipeline';
import { recordStaleReply, escalateByBot } from '../src/queue';

const h = useBotHarness('poster');

const ticketOf = async (tweetId: string) => h.rt!.db.models.Ticket.findOne({ mentionId: tweetId }).lean();

test('a reply X refuses (replies restricted) escalates its ticket once, with the reason', async () => {
  h.rt = await startTestBot(h.emu, h.dbName);
  const t = h.emu.injectMention({
    text: 'حفرة كبيرة في شارع التخصصي',
    author: 'restricted_1',
    repliesRestricted: true,
  });
  for (let i = 0; i < 3; i++) await h.rt.bot.tick();
  expect(h.emu.posts()).toHaveLength(0);
  const ticket = await ticketOf(t.id);
  expect(ticket?.escalated).toBe(true);
  expect(ticket?.status).toBe('open');
  const escalations = ticket!.history.filter((h) => h.action === 'escalated');
  expect(escalations).toHaveLength(1);
  expect(escalations[0]!.by).toBe('mujib');
  expect(escalations[0]!.detail).toMatch(/reply could not be posted/);
  // Recording the same refusal again (a retry after a crash) adds nothing.
  await escalateByBot(h.rt.ctx.store, ticket!._id, escalations[0]!.detail!, new Date());
  expect((await ticketOf(t.id))!.history).toHaveLength(ticket!.history.length);
});

test('an acknowledgement gone stale is not posted; its ticket says so once and stays open', async () => {
  h.rt = await startTestBot(h.emu, h.dbName, {}, { staleReplyMs: 1 });
  const t = h.emu.injectMention({ text: 'الإنارة طافية في حي الملقا', author: 'stale_1' });
  await pollMentions(h.rt.ctx);
  await processPending(h.rt.ctx);
  await new Promise((r) => setTimeout(r, 20));
  for (let i = 0; i < 3; i++) await h.rt.bot.tick();
  expect(h.emu.posts()).toHaveLength(0);
  expect((await h.rt.db.models.Reply.findById(`ack:${t.id}`).lean())?.status).toBe('stale');
  const ticket = await ticketOf(t.id);
  expect(ticket?.status).toBe('open');
  expect(ticket!.history.filter((h) => h.action === 'reply-stale')).toHaveLength(1);
  await recordStaleReply(h.rt.ctx.store, ticket!._id, new Date());
  expect((await ticketOf(t.id))!.history).toHaveLength(ticket!.history.length);
});
