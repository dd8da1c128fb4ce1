// End to end over real HTTP (twitter-api-v2 → our emulator) and the real database: the
// bot never misses a complaint and never replies twice.
import { startTestBot, tickUntil, useBotHarness } from './support/bot';
import { startTestEmulator } from './support/emulator';
import { getState } from '../src/store/state';
import { claimOnce } from '../src/store/claims';
import { pollMentions, CURSOR_KEY } from '../src/bot/poller';
import { processPending } from '../src/bot/pipeline';
import { decide } from '../src/decide';
import { openTicket } from '../src/queue';

const h = useBotHarness('bot');

const repliesTo = (id: string) => h.emu.posts().filter((p) => p.inReplyToId === id);

// Distinct citizens: the same citizen repeating a complaint would (rightly) attach to their
// open ticket instead of getting a new acknowledgement.
let authors = 0;
function inject(n: number, prefix = 'حفرة كبيرة في شارع') {
  return Array.from({ length: n }, (_, i) =>
    h.emu.injectMention({ text: `${prefix} رقم ${i + 1} في حي النرجس`, author: `citizen_${++authors}` }),
  );
}

test('a stream across several pages: every mention stored and acknowledged exactly once, oldest first', async () => {
  h.rt = await startTestBot(h.emu, h.dbName, {}, { pageSize: 20 });
  const tweets = inject(70);
  await tickUntil(h.rt, () => h.emu.posts().length >= 70, 60_000);
  for (const t of tweets) expect(repliesTo(t.id)).toHaveLength(1);
  // Several pages were needed (20 per page).
  const pages = h.emu.requests().filter((r) => r.path.includes('/mentions'));
  expect(pages.length).toBeGreaterThanOrEqual(4);
  // Oldest first: ticket numbers follow tweet order.
  const refs = tweets.map((t) => /AM-\d{4}-(\d+)/.exec(repliesTo(t.id)[0]!.text)![1]!).map(Number);
  expect(refs).toEqual([...refs].sort((a, b) => a - b));
  expect(await h.rt.db.models.Mention.countDocuments()).toBe(70);
  const cursor = await getState<{ sinceId: string }>(h.rt.ctx.store, CURSOR_KEY);
  expect(cursor?.sinceId).toBe(tweets.at(-1)!.id);
}, 90_000);

test('restart resumes from the cursor without re-replying', async () => {
  h.rt = await startTestBot(h.emu, h.dbName);
  const first = inject(5);
  await tickUntil(h.rt, () => h.emu.posts().length === 5);
  await h.rt.stop();
  const second = inject(3, 'الإنارة طافية');
  h.rt = await startTestBot(h.emu, h.dbName);
  await tickUntil(h.rt, () => h.emu.posts().length === 8);
  await h.rt.bot.tick();
  for (const t of [...first, ...second]) expect(repliesTo(t.id)).toHaveLength(1);
  // The second run started from the stored cursor: nothing was stored twice.
  expect(await h.rt.db.models.Mention.countDocuments()).toBe(8);
  expect((await getState<{ sinceId: string }>(h.rt.ctx.store, CURSOR_KEY))?.sinceId).toBe(second.at(-1)!.id);
});

test('a crash between "planned" and "posted" ends with exactly one reply', async () => {
  h.rt = await startTestBot(h.emu, h.dbName);
  const [a, b] = inject(2);
  // Fetch and process, but do not post: both replies are planned.
  await pollMentions(h.rt.ctx);
  await processPending(h.rt.ctx);
  const planned = await h.rt.db.models.Reply.find({ status: 'planned' }).lean();
  expect(planned).toHaveLength(2);
  // What a kill mid-post leaves behind: both attempts claimed and counted; A's request
  // reached X, B's never left the process.
  for (const r of planned) {
    expect(await claimOnce(h.rt.ctx.store, `post:${r._id}:1`, 'killed-instance')).toBe(true);
    await h.rt.db.models.Reply.updateOne({ _id: r._id }, { $set: { attempts: 1 } });
  }
  const ra = planned.find((r) => r.inReplyToTweetId === a!.id)!;
  await h.emu.client().reply(ra.text, a!.id);
  await h.rt.stop();

  h.rt = await startTestBot(h.emu, h.dbName);
  await tickUntil(h.rt, async () => (await h.rt!.db.models.Reply.countDocuments({ status: 'posted' })) === 2);
  await h.rt.bot.tick();
  expect(repliesTo(a!.id)).toHaveLength(1);
  expect(repliesTo(b!.id)).toHaveLength(1);
  const posted = await h.rt.db.models.Reply.findOne({ inReplyToTweetId: a!.id }).lean();
  expect(posted?.postedTweetId).toBe(repliesTo(a!.id)[0]!.id);
});

test('a post that dies on the wire is checked on the timeline before it is retried', async () => {
  h.rt = await startTestBot(h.emu, h.dbName);
  h.emu.injectFault({ kind: 'drop', route: 'post', count: 1 });
  const [a] = inject(1);
  await tickUntil(h.rt, async () => (await h.rt!.db.models.Reply.countDocuments({ attempts: 1 })) === 1);
  await h.rt.db.models.Reply.updateMany({}, { $unset: { nextAttemptAt: 1 } });
  await tickUntil(h.rt, () => repliesTo(a!.id).length === 1);
  await h.rt.bot.tick();
  expect(repliesTo(a!.id)).toHaveLength(1);
  // The retry looked at the agency's own timeline first.
  expect(h.emu.requests().some((r) => r.endpoint === 'timeline')).toBe(true);
});

test('429 on posting waits for the reset; nothing is lost', async () => {
  await h.emu.stop();
  h.emu = await startTestEmulator({ limits: { post: { limit: 3, windowMs: 3000 } } });
  h.rt = await startTestBot(h.emu, h.dbName);
  const tweets = inject(5);
  await tickUntil(h.rt, () => h.rt!.ctx.health.postPausedUntil !== undefined);
  expect(h.emu.posts()).toHaveLength(3);
  await h.rt.bot.tick();
  expect(h.emu.posts()).toHaveLength(3); // waiting, not hammering X
  const waitMs = h.rt.ctx.health.postPausedUntil!.getTime() - Date.now();
  await new Promise((r) => setTimeout(r, Math.max(0, waitMs) + 200));
  await tickUntil(h.rt, () => h.emu.posts().length === 5);
  for (const t of tweets) expect(repliesTo(t.id)).toHaveLength(1);
});

test('5xx backs off and then succeeds; the cursor does not move past unstored mentions', async () => {
  h.rt = await startTestBot(h.emu, h.dbName);
  const tweets = inject(3);
  h.emu.injectFault({ kind: '5xx', route: 'mentions', count: 1 });
  await h.rt.bot.tick();
  expect(await h.rt.db.models.Mention.countDocuments()).toBe(0);
  expect(await getState(h.rt.ctx.store, CURSOR_KEY)).toBeUndefined();
  h.emu.injectFault({ kind: '503', route: 'post', count: 1 });
  // Polling resumes after its back-off; the failed post is retried after its own.
  await tickUntil(h.rt, () => h.emu.posts().length === 3, 60_000);
  for (const t of tweets) expect(repliesTo(t.id)).toHaveLength(1);
  expect(h.rt.ctx.health.counts.errors_transient).toBeGreaterThanOrEqual(2);
}, 90_000);

test('401 stops the bot with a clear message that holds no token', async () => {
  h.rt = await startTestBot(h.emu, h.dbName);
  let fatal = '';
  h.rt.bot.onFatal = (m) => (fatal = m);
  h.emu.injectFault({ kind: '401', route: 'mentions', count: 1 });
  inject(1);
  await h.rt.bot.tick();
  expect(fatal).toMatch(/401/);
  expect(fatal).not.toContain(h.emu.token);
  expect(h.rt.ctx.health.credentials).toBe('failing');
});

test('retweets and our own tweets are stored but ignored; a thread reply attaches to its ticket', async () => {
  h.rt = await startTestBot(h.emu, h.dbName);
  const complaint = h.emu.injectMention({ text: 'طفح مجاري في حي السويدي من يومين', author: 'hind' });
  const rtw = h.emu.injectMention({
    text: 'طفح مجاري في حي السويدي',
    author: 'fan',
    isRetweet: true,
    retweetOfId: complaint.id,
  });
  const own = h.emu.injectOwnTweet(`@${h.emu.agency.username} تنبيه: أعمال صيانة الليلة`);
  await tickUntil(h.rt, () => repliesTo(complaint.id).length === 1);
  const followUp = h.emu.injectMention({
    text: 'وللحين ما أحد جاء!',
    author: 'hind',
    inReplyToId: complaint.id,
  });
  await h.rt.bot.tick();
  await h.rt.bot.tick();
  expect(repliesTo(rtw.id)).toHaveLength(0);
  expect(repliesTo(own.id)).toHaveLength(0);
  // "Still nobody came" on an open ticket is answered with its status and due time (issue 11).
  expect(repliesTo(followUp.id)).toHaveLength(1);
  const M = h.rt.db.models.Mention;
  expect((await M.findById(rtw.id).lean())?.skipReason).toBe('retweet');
  expect((await M.findById(own.id).lean())?.skipReason).toBe('own-tweet');
  const ticket = await h.rt.db.models.Ticket.findOne({ mentionId: complaint.id }).lean();
  expect(ticket?.followUps.map((f) => f.tweetId)).toEqual([followUp.id]);
  expect(repliesTo(followUp.id)[0]!.text).toContain(ticket!._id);
  expect((await M.findById(followUp.id).lean())?.ticketRef).toBe(ticket?._id);
});

test('a bot restarted more often than X allows /users/me still starts: it remembers its account', async () => {
  h.emu.setLimits({ me: { limit: 1, windowMs: 600_000 } });
  h.rt = await startTestBot(h.emu, h.dbName);
  await h.rt.stop();
  h.rt = await startTestBot(h.emu, h.dbName); // /users/me now answers 429
  expect(h.rt.ctx.account.username).toBe(h.emu.agency.username);
  const [t] = inject(1);
  await tickUntil(h.rt, () => repliesTo(t!.id).length === 1);
});

test('an attempt claimed by an instance killed before counting it is adopted later, not lost', async () => {
  h.rt = await startTestBot(h.emu, h.dbName);
  const [t] = inject(1);
  await pollMentions(h.rt.ctx);
  await processPending(h.rt.ctx);
  const reply = (await h.rt.db.models.Reply.findOne({ inReplyToTweetId: t!.id }).lean())!;
  // The killed instance claimed attempt 1 a moment ago and died before counting it.
  await claimOnce(h.rt.ctx.store, `post:${reply._id}:1`, 'killed-instance');
  await h.rt.bot.tick();
  await h.rt.bot.tick();
  // While its owner might still be posting, nobody else touches it.
  expect(repliesTo(t!.id)).toHaveLength(0);
  expect((await h.rt.db.models.Reply.findById(reply._id).lean())?.status).toBe('planned');
  // Once the claim is old enough, it is adopted and the reply goes out exactly once.
  await h.rt.db.models.State.updateOne(
    { _id: `post:${reply._id}:1` },
    { $set: { updatedAt: new Date(Date.now() - 120_000) } },
  );
  await tickUntil(h.rt, () => repliesTo(t!.id).length === 1);
  await h.rt.bot.tick();
  expect(repliesTo(t!.id)).toHaveLength(1);
});

test('in a backlog, urgent complaints are triaged and answered before older routine ones', async () => {
  h.emu.setLimits({ post: { limit: 100, windowMs: 900_000 } });
  h.rt = await startTestBot(h.emu, h.dbName);
  const routine = inject(6, 'الزبالة متكدسة عند الحاوية');
  const urgent = h.emu.injectMention({
    text: 'غطاء منهل مفتوح جنب المدرسة والأطفال يمرون عنده',
    author: 'urgent_parent',
  });
  await tickUntil(h.rt, () => h.emu.posts().length >= 7);
  const order = h.emu.posts().map((p) => p.inReplyToId);
  expect(order.indexOf(urgent.id)).toBeLessThan(Math.min(...routine.map((t) => order.indexOf(t.id))));
  const ticket = await h.rt.db.models.Ticket.findOne({ mentionId: urgent.id }).lean();
  expect(ticket?.priority).toBe(1);
  expect(ticket?.escalated).toBe(true);
  // Triaged first although it arrived last: its ticket number is the lowest.
  const num = (ref: string) => Number(ref.split('-').at(-1));
  const routineRefs = await h.rt.db.models.Ticket.find({
    mentionId: { $in: routine.map((t) => t.id) },
  }).lean();
  expect(routineRefs).toHaveLength(6);
  for (const r of routineRefs) expect(num(ticket!._id)).toBeLessThan(num(r._id));
});

test('a crash after the ticket was opened but before the reply was planned still ends with one reply', async () => {
  h.rt = await startTestBot(h.emu, h.dbName);
  const [t] = inject(1);
  await pollMentions(h.rt.ctx);
  // The crashed run got as far as opening the ticket.
  const m = (await h.rt.db.models.Mention.findById(t!.id).lean())!;
  const decision = h.rt.ctx.classifier().classify(m.text);
  const policy = h.rt.ctx.policy();
  const plan = decide(decision, {
    agency: policy.agency,
    escalation: policy.escalation,
    now: new Date(),
    recentTicketsByAuthor: 0,
  });
  await openTicket(h.rt.ctx.store, {
    mention: { id: m._id, authorId: m.authorId, conversationId: m._id },
    decision,
    outcome: plan,
    prefix: 'AM',
    timeZone: policy.agency.timeZone,
  });
  await tickUntil(h.rt, () => repliesTo(t!.id).length === 1);
  await h.rt.bot.tick();
  expect(repliesTo(t!.id)).toHaveLength(1);
  expect(await h.rt.db.models.Ticket.countDocuments({ mentionId: t!.id })).toBe(1);
});
