// Issue 13 in the console over real HTTP: mentions kept out of the queue (spam, chatter…) are
// listed with their reason, and staff restore one to a ticket through the queue's functions.
import { Client, PASSWORD, shippedRules, startTestConsole, type ConsoleFixture } from './support/console';
import { explainTweet } from '../src/console/playground/explain';

let fx: ConsoleFixture;
beforeAll(async () => {
  fx = await startTestConsole('residents_console');
});
afterAll(async () => {
  await fx?.stop();
});

test('spam is listed with its reason and restored to a ticket once, however often staff click', async () => {
  const M = fx.db.models;
  const id = '1999000000000000001';
  await M.Mention.create({
    _id: id,
    text: 'زيادة متابعين حقيقيين بأسعار رمزية، للطلب واتساب',
    authorId: 'u-spam',
    authorUsername: 'followers_shop',
    status: 'processed',
    outcome: 'spam',
    classification: { lang: 'ar', outcomeReason: 'spam: زيادة متابعين, واتساب' },
    processedAt: new Date(),
    fetchedAt: new Date(),
  });
  await M.Mention.create({
    _id: '1999000000000000002',
    text: 'صباح الخير يا أهل الواحة',
    authorId: 'u-chat',
    status: 'processed',
    outcome: 'chatter',
    processedAt: new Date(),
    fetchedAt: new Date(),
  });
  const c = new Client(fx.console.url);
  expect((await c.signIn('sara', PASSWORD)).status).toBe(303);

  const spamOnly = await c.get('/not-complaints?outcome=spam');
  expect(spamOnly.status).toBe(200);
  expect(spamOnly.text).toContain('زيادة متابعين حقيقيين');
  expect(spamOnly.text).toContain('spam: زيادة متابعين');
  expect(spamOnly.text).not.toContain('صباح الخير يا أهل الواحة');
  expect((await c.get('/not-complaints')).text).toContain('صباح الخير يا أهل الواحة');

  const restore = () =>
    c.request('POST', `/not-complaints/${id}/restore`, {
      form: { _csrf: Client.csrfFrom(spamOnly.text), back: '/not-complaints?outcome=spam' },
      headers: { origin: fx.console.url },
    });
  expect((await restore()).status).toBe(303);
  expect((await restore()).status).toBe(303);
  const m = await M.Mention.findById(id).lean();
  expect(m?.outcome).toBe('restored');
  const tickets = await M.Ticket.find({ mentionId: id }).lean();
  expect(tickets).toHaveLength(1);
  expect(tickets[0]!._id).toBe(m!.ticketRef);
  expect(tickets[0]!.status).toBe('open');
  expect(tickets[0]!.history[0]!.detail).toMatch(/restored from spam by sara/);
  // Restored, it leaves the list.
  expect((await c.get('/not-complaints?outcome=spam')).text).not.toContain('زيادة متابعين حقيقيين');
});

test('the playground shows the outcome and the referral reply that would go out, no ticket', async () => {
  const rules = await shippedRules();
  const r = explainTweet(rules, 'فاتورة الكهرباء هالشهر خيالية وش السالفة');
  expect(r.plan.outcome).toBe('referral');
  expect(r.plan.action).toBe('ignore');
  expect(r.reply?.text).toContain('933');
  expect(r.reply?.text).not.toMatch(/@|https?:/);
  const spam = explainTweet(rules, 'زيادة متابعين حقيقيين بأسعار رمزية، للطلب واتساب 0551234567');
  expect(spam.plan.outcome).toBe('spam');
  expect(spam.reply).toBeUndefined();
}, 60_000);
