// The whole bot (real runtime, real database) against the strict X emulator: every request is
// OAuth-signed and checked, and X behaves as it does in production — long posts, edits, odd
// 403s, caps, expiring OAuth 2 tokens, textless posts, media and places, deletions.
import { startTestBot, tickUntil, useBotHarness } from './support/bot';
import { startTestEmulator } from './support/emulator';
import { pollMentions, CURSOR_KEY } from '../src/bot/poller';
import { processPending } from '../src/bot/pipeline';
import { getState } from '../src/store/state';
import { loadTicket } from '../src/console/queue/data';
import { OAUTH2_TOKENS_KEY } from '../src/x/oauth2-db';

const h = useBotHarness('xreal');
const repliesTo = (...ids: string[]) => h.emu.posts().filter((p) => ids.includes(p.inReplyToId ?? ''));

const ROUTINE = 'الشارع الرئيسي في حي النرجس يحتاج إلى صيانة والأرصفة متكسرة من فترة ';
const URGENT = 'غطاء منهل مفتوح جنب المدرسة والأطفال يمرون عنده';

test('a long post whose urgent words come after character 270 is urgent (full text from note_tweet)', async () => {
  h.rt = await startTestBot(h.emu, h.dbName);
  const text = `${ROUTINE.repeat(4)}${URGENT}`;
  const cls = h.rt.ctx.classifier();
  // The guard: what the old client saw (the first 270 characters) is not urgent.
  expect(cls.classify([...text].slice(0, 270).join('')).urgent).toBe(false);
  const t = h.emu.injectMention({ text, author: 'long_citizen' });
  await tickUntil(h.rt, () => repliesTo(t.id).length === 1);
  const m = await h.rt.db.models.Mention.findById(t.id).lean();
  expect(m?.long).toBe(true);
  expect(m?.text).toContain(URGENT);
  const ticket = await h.rt.db.models.Ticket.findOne({ mentionId: t.id }).lean();
  expect(ticket?.urgent).toBe(true);
  expect(ticket?.priority).toBe(1);
});

test('an edit that makes a complaint urgent: the same ticket, escalated; exactly one acknowledgement', async () => {
  h.rt = await startTestBot(h.emu, h.dbName);
  const t = h.emu.injectMention({ text: 'الرصيف متكسر قدام البيت في حي الورود', author: 'editing_citizen' });
  await tickUntil(h.rt, () => repliesTo(t.id).length === 1);
  const edit = h.emu.editTweet(t.id, `الرصيف متكسر قدام البيت في حي الورود، و${URGENT}`);
  await tickUntil(
    h.rt,
    async () => (await h.rt!.db.models.Mention.findById(edit.id).lean())?.status === 'processed',
  );
  for (let i = 0; i < 3; i++) await h.rt.bot.tick();
  expect(repliesTo(t.id, edit.id)).toHaveLength(1);
  const tickets = await h.rt.db.models.Ticket.find({}).lean();
  expect(tickets).toHaveLength(1);
  expect(tickets[0]!.urgent).toBe(true);
  expect(tickets[0]!.escalated).toBe(true);
  expect(tickets[0]!.priority).toBe(1);
  expect(tickets[0]!.followUps.map((f) => f.tweetId)).toEqual([edit.id]);
  // Staff hear of it as of any urgent ticket (review: the edit path recorded no event).
  const events = await h.rt.db.models.Notification.find({
    kind: 'event',
    ticketRef: tickets[0]!._id,
  }).lean();
  expect(events.map((e) => e.event)).toContain('urgent');
  expect(tickets[0]!.followUps[0]!.text).toContain(URGENT);
  const m = await h.rt.db.models.Mention.findById(edit.id).lean();
  expect(m?.editOf).toBe(t.id);
  expect(m?.ticketRef).toBe(tickets[0]!._id);
  // A crash after the edit was bound, before it was marked processed: running it again changes nothing.
  await h.rt.db.models.Mention.updateOne({ _id: edit.id }, { $set: { status: 'new' } });
  await h.rt.bot.tick();
  expect(await h.rt.db.models.Ticket.countDocuments()).toBe(1);
  expect((await h.rt.db.models.Ticket.findById(tickets[0]!._id).lean())!.followUps).toHaveLength(1);
  expect(repliesTo(t.id, edit.id)).toHaveLength(1);
});

test('an urgent edit seen in the same poll as its original (urgent-first): still one ticket, one acknowledgement', async () => {
  h.rt = await startTestBot(h.emu, h.dbName);
  const t = h.emu.injectMention({ text: 'الإنارة طافية في شارعنا من أسبوع', author: 'quick_editor' });
  await pollMentions(h.rt.ctx); // the original is stored, not processed yet
  const edit = h.emu.editTweet(t.id, `الإنارة طافية في شارعنا من أسبوع، و${URGENT}`);
  await tickUntil(h.rt, () => repliesTo(t.id, edit.id).length === 1);
  for (let i = 0; i < 3; i++) await h.rt.bot.tick();
  expect(repliesTo(t.id, edit.id)).toHaveLength(1);
  const tickets = await h.rt.db.models.Ticket.find({}).lean();
  expect(tickets).toHaveLength(1);
  expect(tickets[0]!.urgent).toBe(true);
});

test('posting goes on after a 403 nobody here has seen; that ticket is escalated and the wording logged once', async () => {
  h.rt = await startTestBot(h.emu, h.dbName);
  const odd = h.emu.injectMention({
    text: 'الحفريات في حي الملقا ما انتهت',
    author: 'odd_reply',
    replyRefusal: 'This post cannot be replied to for reasons we will not tell you.',
  });
  const odd2 = h.emu.injectMention({
    text: 'الحاوية ممتلئة في حي الياسمين',
    author: 'odd_reply_2',
    replyRefusal: 'This post cannot be replied to for reasons we will not tell you.',
  });
  const quote = h.emu.injectMention({
    text: 'مياه الصرف طافحة في حي العليا',
    author: 'quote_rule',
    replyRefusal: 'You can only reply to or quote posts where you are mentioned or are the author.',
  });
  const fine = h.emu.injectMention({ text: 'الرصيف متكسر في حي السليمانية', author: 'fine_citizen' });
  await tickUntil(h.rt, () => repliesTo(fine.id).length === 1);
  await h.rt.bot.tick();
  expect(h.rt.ctx.health.credentials).not.toBe('failing');
  for (const t of [odd, odd2, quote]) {
    const r = await h.rt.db.models.Reply.findOne({ inReplyToTweetId: t.id }).lean();
    expect(r?.status).toBe('failed');
    const ticket = await h.rt.db.models.Ticket.findOne({ mentionId: t.id }).lean();
    expect(ticket?.escalated).toBe(true);
    expect(
      ticket?.history.some((e) => e.action === 'escalated' && /could not be posted/.test(e.detail ?? '')),
    ).toBe(true);
  }
  // A mention arriving after the refusals is still answered.
  const later = h.emu.injectMention({ text: 'الإنارة طافية في حي الربيع', author: 'later_citizen' });
  await tickUntil(h.rt, () => repliesTo(later.id).length === 1);
});

test('a mention X sends without text is stored as such and never holds back newer ones', async () => {
  h.rt = await startTestBot(h.emu, h.dbName);
  const broken = h.emu.injectMention({ text: 'ستصل بلا نص', author: 'textless', textless: true });
  const newer = [
    h.emu.injectMention({ text: 'حفرة كبيرة في شارع التخصصي', author: 'newer_1' }),
    h.emu.injectMention({ text: 'الإنارة طافية في حي الصحافة', author: 'newer_2' }),
  ];
  await h.rt.bot.tick();
  // One poll: all three stored (the old code threw on the textless one and stored none).
  expect(h.rt.ctx.health.lastPollOk).toBe(true);
  expect(await h.rt.db.models.Mention.countDocuments()).toBe(3);
  const m = await h.rt.db.models.Mention.findById(broken.id).lean();
  expect(m?.status).toBe('skipped');
  expect(m?.skipReason).toBe('malformed');
  await tickUntil(h.rt, () => repliesTo(...newer.map((t) => t.id)).length === 2);
  expect(repliesTo(broken.id)).toHaveLength(0);
  // After a few refetches in the hope of a whole copy, the cursor passes it.
  for (let i = 0; i < 4; i++) await h.rt.bot.tick();
  const cursor = await getState<{ sinceId: string }>(h.rt.ctx.store, CURSOR_KEY);
  expect(BigInt(cursor!.sinceId)).toBeGreaterThanOrEqual(BigInt(newer[1]!.id));
});

test('an OAuth 2.0 bot survives its access token expiring; the rotated tokens are stored encrypted', async () => {
  await h.emu.stop();
  h.emu = await startTestEmulator({
    oauth1: undefined,
    oauth2: { clientId: 'mujib-client', accessTtlMs: 3600_000, refreshToken: 'initial-refresh-token' },
  });
  const env = {
    X_OAUTH2_CLIENT_ID: 'mujib-client',
    X_OAUTH2_REFRESH_TOKEN: 'initial-refresh-token',
    MUJIB_SECRET_KEY: '3f1c0a5e9b7d2c4e6a8b0d1f3e5c7a9b2d4f6e8a0c1b3d5f7e9a2c4b6d8f0e1a',
  };
  h.rt = await startTestBot(h.emu, h.dbName, env);
  const a = h.emu.injectMention({ text: 'حفرة في شارع العروبة', author: 'o2_a' });
  await tickUntil(h.rt, () => repliesTo(a.id).length === 1);
  h.emu.expireAccessTokens(); // two hours later, as far as X is concerned
  const b = h.emu.injectMention({ text: 'الإنارة طافية في شارع التحلية', author: 'o2_b' });
  await tickUntil(h.rt, () => repliesTo(b.id).length === 1);
  expect(h.rt.ctx.health.credentials).not.toBe('failing');
  const doc = await h.rt.db.models.State.findById(`${OAUTH2_TOKENS_KEY}:mujib-client`).lean();
  const stored = JSON.stringify(doc?.value);
  expect((doc?.value as { alg?: string }).alg).toBe('aes-256-gcm');
  expect(stored).not.toContain('initial-refresh-token');
  expect(stored).not.toMatch(/access_token|refreshToken|accessToken/);
  // A restart uses the stored (rotated) pair: the initial refresh token is long spent.
  await h.rt.stop();
  h.rt = await startTestBot(h.emu, h.dbName, env);
  h.emu.expireAccessTokens();
  const c = h.emu.injectMention({ text: 'الحاوية ممتلئة في حي الروضة', author: 'o2_c' });
  await tickUntil(h.rt, () => repliesTo(c.id).length === 1);
});

test('media and place are stored on the mention and shown on the ticket card; a quoted complaint is classified with it', async () => {
  h.rt = await startTestBot(h.emu, h.dbName);
  const original = h.emu.injectMention({ text: URGENT, author: 'first_reporter' });
  const q = h.emu.injectMention({
    text: 'شوفوا هذا البلاغ',
    author: 'quoting_citizen',
    quoteOfId: original.id,
    media: [{ type: 'photo', altText: 'غطاء المنهل' }],
    place: { fullName: 'حي النرجس، الرياض' },
  });
  expect(h.rt.ctx.classifier().classify('شوفوا هذا البلاغ').urgent).toBe(false);
  await tickUntil(h.rt, () => repliesTo(q.id).length === 1);
  const m = await h.rt.db.models.Mention.findById(q.id).lean();
  expect(m?.quoted).toMatchObject({ id: original.id, text: original.text });
  expect((m?.media as Array<{ url: string }>)[0]!.url).toMatch(/^https:\/\/pbs\.twimg\.com\//);
  expect(m?.place).toMatchObject({ fullName: 'حي النرجس، الرياض' });
  const ticket = await h.rt.db.models.Ticket.findOne({ mentionId: q.id }).lean();
  expect(ticket?.urgent).toBe(true); // the quoted words count
  const view = await loadTicket(h.rt.ctx.store, ticket!._id);
  expect(view?.place).toBe('حي النرجس، الرياض');
  expect(view?.media).toEqual([
    { type: 'photo', url: (m?.media as Array<{ url: string }>)[0]!.url, altText: 'غطاء المنهل' },
  ]);
  // The card (HTML) has the thumbnail linking to the post on X and the place.
  const { tweetBlock } = await import('../src/console/pages/ticket-card');
  const ctx = { t: (k: string) => k, lang: 'ar', app: {} } as unknown as Parameters<typeof tweetBlock>[0];
  const html = String(tweetBlock(ctx, view!));
  expect(html).toContain(`href="${view!.tweetUrl}"`);
  expect(html).toMatch(/<img src="https:\/\/pbs\.twimg\.com\/media\/[^"]+" alt="غطاء المنهل"/);
  expect(html).toContain('حي النرجس، الرياض');
});

test('out of budget (monthly cap, then 402): health says so, nothing is dropped, posting resumes by itself', async () => {
  h.rt = await startTestBot(h.emu, h.dbName, {}, { budgetProbeMs: 1500 });
  const a = h.emu.injectMention({ text: 'حفرة في شارع الملك فهد', author: 'budget_a' });
  h.emu.setBudget({ monthlyCapExceeded: true });
  await h.rt.bot.tick();
  expect(h.rt.ctx.health.budget).toMatchObject({ status: 'out of budget', why: 'monthly-cap' });
  expect(h.rt.ctx.health.budget!.until.getTime()).toBeGreaterThan(Date.now());
  const calls = h.emu.requests().length;
  await h.rt.bot.tick();
  expect(h.emu.requests().length).toBe(calls); // polling throttled, not hammering X
  h.emu.setBudget({ monthlyCapExceeded: false });
  await tickUntil(h.rt, () => repliesTo(a.id).length === 1);
  expect(h.rt.ctx.health.budget).toBeUndefined();

  const b = h.emu.injectMention({ text: 'الإنارة طافية في حي الملز', author: 'budget_b' });
  await pollMentions(h.rt.ctx);
  await processPending(h.rt.ctx);
  h.emu.setBudget({ paymentRequired: true });
  await h.rt.bot.tick();
  expect(h.rt.ctx.health.budget?.why).toBe('payment');
  expect((await h.rt.db.models.Reply.findOne({ inReplyToTweetId: b.id }).lean())?.status).toBe('planned');
  h.emu.setBudget({ paymentRequired: false }); // credits topped up
  await tickUntil(h.rt, () => repliesTo(b.id).length === 1);
});

test("the app's 24-hour post cap: out of budget until X's reset, the rest stays planned", async () => {
  h.emu.setBudget({ appDailyPostCap: 1 });
  h.rt = await startTestBot(h.emu, h.dbName);
  const [a, b] = [
    h.emu.injectMention({ text: 'حفرة في شارع الأمير محمد', author: 'cap_a' }),
    h.emu.injectMention({ text: 'الحاوية ممتلئة في حي النسيم', author: 'cap_b' }),
  ];
  await tickUntil(h.rt, () => h.rt!.ctx.health.budget?.why === 'app-24h');
  expect(repliesTo(a.id, b.id)).toHaveLength(1);
  expect(h.rt.ctx.health.budget!.until.getTime()).toBeGreaterThan(Date.now() + 23 * 3600_000);
  expect(await h.rt.db.models.Reply.countDocuments({ status: 'planned' })).toBe(1);
  expect(h.rt.ctx.health.credentials).not.toBe('failing');
});

test('a reply refused because the post was deleted purges its text and media; the ticket keeps a note', async () => {
  h.rt = await startTestBot(h.emu, h.dbName);
  const t = h.emu.injectMention({
    text: 'حفرة عميقة في شارع الستين',
    author: 'deleter_1',
    media: [{ type: 'photo' }],
  });
  await pollMentions(h.rt.ctx);
  await processPending(h.rt.ctx);
  h.emu.deleteTweet(t.id);
  await tickUntil(
    h.rt,
    async () => (await h.rt!.db.models.Reply.findOne({ inReplyToTweetId: t.id }).lean())?.status === 'failed',
  );
  const m = await h.rt.db.models.Mention.findById(t.id).lean();
  expect(m?.text).toBe('');
  expect(m?.media).toBeUndefined();
  expect(m?.raw).toBeUndefined();
  expect(m?.deletedOnXAt).toBeInstanceOf(Date);
  const ticket = await h.rt.db.models.Ticket.findOne({ mentionId: t.id }).lean();
  expect(ticket?.history.some((e) => e.action === 'deleted-on-x')).toBe(true);
  expect(ticket?.notes.some((n) => /deleted on X/.test(n.text))).toBe(true);
  expect(JSON.stringify(ticket)).not.toContain('حفرة عميقة');
});

test('an earlier version processed after its edit already has a ticket joins it, with no second acknowledgement', async () => {
  h.rt = await startTestBot(h.emu, h.dbName);
  const t = h.emu.injectMention({ text: 'ستصل ناقصة', author: 'late_orig', textless: true });
  await h.rt.bot.tick(); // stored broken (malformed, skipped)
  const edit = h.emu.editTweet(t.id, 'الرصيف متكسر قدام المسجد في حي القدس');
  await tickUntil(h.rt, () => repliesTo(edit.id).length === 1);
  // Later the original arrives whole (what the poller's repair of a malformed tweet does).
  await h.rt.db.models.Mention.updateOne(
    { _id: t.id },
    { $set: { text: t.text, status: 'new' }, $unset: { skipReason: 1 } },
  );
  await processPending(h.rt.ctx);
  for (let i = 0; i < 2; i++) await h.rt.bot.tick();
  expect(repliesTo(t.id, edit.id)).toHaveLength(1);
  expect(await h.rt.db.models.Ticket.countDocuments()).toBe(1);
  const orig = await h.rt.db.models.Mention.findById(t.id).lean();
  const ticket = await h.rt.db.models.Ticket.findOne({}).lean();
  expect(orig?.status).toBe('processed');
  expect(orig?.ticketRef).toBe(ticket!._id);
});

test('a bot restarted while X says the monthly cap is reached still starts (remembered account) and waits', async () => {
  h.rt = await startTestBot(h.emu, h.dbName);
  await h.rt.stop();
  h.emu.setBudget({ monthlyCapExceeded: true });
  h.rt = await startTestBot(h.emu, h.dbName, {}, { budgetProbeMs: 1000 });
  expect(h.rt.ctx.account.username).toBe(h.emu.agency.username);
  const t = h.emu.injectMention({ text: 'حفرة في شارع الأربعين', author: 'restart_cap' });
  await h.rt.bot.tick();
  expect(h.rt.ctx.health.budget?.why).toBe('monthly-cap');
  h.emu.setBudget({ monthlyCapExceeded: false });
  await tickUntil(h.rt, () => repliesTo(t.id).length === 1);
});
