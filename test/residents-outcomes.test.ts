// Issue 13 through the real pipeline (X emulator over HTTP + FerretDB): spam, chatter and
// insult-only tweets open no ticket and get no reply, yet each mention records its outcome;
// another agency's matter gets a referral reply (its name and contact line, no handle, no
// link) and no ticket; a water main flooding a street stays a municipal ticket; sarcasm is
// never thanked; Urdu is answered in English, Arabizi in Arabic.
import { startTestBot, tickUntil, useBotHarness } from './support/bot';

const h = useBotHarness('residents');

test('each outcome is recorded on its mention; only complaints and referrals are answered', async () => {
  h.rt = await startTestBot(h.emu, h.dbName);
  const cases = {
    spam: 'زيادة متابعين حقيقيين بأسعار رمزية، للطلب واتساب 0551234567',
    chatter: 'صباح الخير يا أهل الواحة ☀️',
    abuse: 'يا كلاب يا فاشلين',
    referral: 'الكهرباء مقطوعة عندنا من الصبح وفاتورة الكهرباء غالية',
    municipal: 'تسرب مياه من الخط الرئيسي أغرق الشارع كله',
    sarcasm: 'Well done on the asphalt, it lasted a whole week 👏',
    urdu: 'ہماری گلی میں سڑک بہت خراب ہے، جگہ جگہ گڑھے ہیں',
    arabizi: 'el share3 kolo 7ofar w mafi a7ad yesale7',
  };
  const ids: Record<string, string> = {};
  let n = 0;
  for (const [k, text] of Object.entries(cases))
    ids[k] = h.emu.injectMention({ text, author: `resident_${++n}` }).id;
  const M = h.rt.db.models;
  await tickUntil(h.rt, async () => (await M.Mention.countDocuments({ status: 'processed' })) === n);
  // Replies: 5 (referral, municipal, sarcasm, urdu, arabizi), posted on a later tick.
  await tickUntil(h.rt, () => h.emu.posts().length === 5);
  await h.rt.bot.tick();

  const mention = async (k: string) => (await M.Mention.findById(ids[k]).lean())!;
  const repliesTo = (k: string) => h.emu.posts().filter((p) => p.inReplyToId === ids[k]);

  for (const k of ['spam', 'chatter', 'abuse']) {
    const m = await mention(k);
    expect({ k, outcome: m.outcome, ticket: m.ticketRef ?? null }).toEqual({ k, outcome: k, ticket: null });
    expect(repliesTo(k)).toHaveLength(0);
  }
  expect(
    await M.Ticket.countDocuments({
      mentionId: { $in: [ids.spam!, ids.chatter!, ids.abuse!, ids.referral!] },
    }),
  ).toBe(0);

  const ref = await mention('referral');
  expect(ref.outcome).toBe('referral');
  expect(ref.ticketRef ?? null).toBeNull();
  const [referral] = repliesTo('referral');
  expect(referral!.text).toContain('الشركة السعودية للكهرباء');
  expect(referral!.text).toContain('933');
  expect(referral!.text).not.toMatch(/@|https?:/);

  const water = await mention('municipal');
  expect(water.outcome).toBe('complaint');
  expect(water.ticketRef).toBeTruthy();
  expect((await M.Ticket.findById(water.ticketRef).lean())!.category).toBe('water_sewage');

  const sarcasm = await mention('sarcasm');
  expect(sarcasm.outcome).toBe('complaint');
  const t = (await M.Ticket.findById(sarcasm.ticketRef).lean())!;
  expect(t.category).not.toBe('praise');
  expect(t.status).toBe('open');
  expect(repliesTo('sarcasm')[0]!.text).not.toMatch(/thank you for your kind words|appreciate/i);

  const urdu = await mention('urdu');
  expect((await M.Ticket.findById(urdu.ticketRef).lean())!.category).toBe('roads');
  expect(repliesTo('urdu')[0]!.text).toMatch(/^Hello/);
  const arabizi = await mention('arabizi');
  expect((await M.Ticket.findById(arabizi.ticketRef).lean())!.category).toBe('roads');
  expect(repliesTo('arabizi')[0]!.text).toMatch(/[\u0600-\u06FF]/);
  expect(h.rt.ctx.health.counts.mentions_spam).toBe(1);
  expect(h.rt.ctx.health.counts.mentions_referral).toBe(1);
}, 90_000);
