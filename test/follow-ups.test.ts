// Issue 11 items 3-5 over the real pipeline (X emulator over HTTP, FerretDB): a repeat is the
// same problem and is answered; a danger escalates the earlier ticket; replies in a ticket's
// thread get its status (once per window, across restarts), reopen it when it is not fixed,
// and thanks gets no answer. Every mention gets at most one reply, ever.
import { startTestBot, tickUntil, useBotHarness } from './support/bot';
import { resolve } from '../src/queue';
import { pollMentions } from '../src/bot/poller';
import { processPending } from '../src/bot/pipeline';
import type { Ticket } from '../src/queue';

const h = useBotHarness('followups');

const repliesTo = (id: string) => h.emu.posts().filter((p) => p.inReplyToId === id);
const ticketOf = async (mentionId: string) =>
  (await h.rt!.db.models.Ticket.findOne({ mentionId }).lean()) as Ticket | null;
const refOf = async (mentionId: string) =>
  (await h.rt!.db.models.Mention.findById(mentionId).lean())?.ticketRef as string | undefined;
/** Ticks until every mention is processed and nothing is left to post. */
async function settle(ids: string[]): Promise<void> {
  const { Mention, Reply } = h.rt!.db.models;
  await tickUntil(h.rt!, async () => {
    const done = await Mention.countDocuments({ _id: { $in: ids }, status: { $ne: 'new' } });
    return done === ids.length && (await Reply.countDocuments({ status: 'planned' })) === 0;
  });
}

test('a repeat is the same problem: another pothole on another street is a new ticket; the same one again attaches and is answered', async () => {
  h.rt = await startTestBot(h.emu, h.dbName);
  const first = h.emu.injectMention({
    text: 'حفرة كبيرة في شارع الأمير سلطان قدام البنك الأهلي، السيارات تنحرف عشان تتفاداها',
    author: 'fahad',
  });
  const other = h.emu.injectMention({
    text: 'وفيه حفرة ثانية عميقة في شارع التخصصي عند الإشارة، كسرت جنط سيارتي',
    author: 'fahad',
  });
  await settle([first.id, other.id]);
  const a = (await refOf(first.id))!;
  const b = (await refOf(other.id))!;
  expect(a).toMatch(/^AM-/);
  expect(b).toMatch(/^AM-/);
  expect(b).not.toBe(a); // same citizen, same category, other street: its own ticket
  expect(repliesTo(other.id)).toHaveLength(1);
  expect(repliesTo(other.id)[0]!.text).toContain(b);

  const again = h.emu.injectMention({
    text: 'للمرة الثانية: الحفرة اللي في شارع الأمير سلطان قدام البنك للحين ما انردمت',
    author: 'fahad',
  });
  const thirdTime = h.emu.injectMention({
    text: 'الحفرة في شارع الأمير سلطان قدام البنك كبرت مع المطر والسيارات تطيح فيها',
    author: 'fahad',
  });
  await settle([again.id, thirdTime.id]);
  // Attached to the first ticket, and told so, naming it; each reply unique (X refuses duplicates).
  expect(await refOf(again.id)).toBe(a);
  expect(await refOf(thirdTime.id)).toBe(a);
  const [r1] = repliesTo(again.id);
  const [r2] = repliesTo(thirdTime.id);
  expect(r1!.text).toContain(a);
  expect(r1!.text).toMatch(/أضفنا تغريدتكم إلى بلاغكم السابق/);
  expect(r2!.text).toContain(a);
  expect(r2!.text).not.toBe(r1!.text);
  const t = (await ticketOf(first.id))!;
  expect(t.followUps.map((f) => f.tweetId)).toEqual([again.id, thirdTime.id]);
  expect(t.history.find((x) => x.action === 'follow-up')?.detail).toMatch(/repeat: same problem/);
  // No mention was answered twice, none left without an answer.
  for (const m of [first, other, again, thirdTime]) expect(repliesTo(m.id)).toHaveLength(1);
});

test('a danger told in the thread of a routine ticket escalates that ticket, with the urgent reply', async () => {
  h.rt = await startTestBot(h.emu, h.dbName);
  const routine = h.emu.injectMention({ text: 'إنارة شارع الأمير نايف طافية من أسبوع', author: 'salma' });
  await settle([routine.id]);
  const before = (await ticketOf(routine.id))!;
  expect(before.urgent).toBe(false);
  const dangerText = 'صعق كهربائي لطفل عند عمود الإنارة المكشوف في نفس الشارع، الحقونا';
  expect(h.rt.ctx.classifier().classify(dangerText).urgent).toBe(true);
  const danger = h.emu.injectMention({ text: dangerText, author: 'salma', inReplyToId: routine.id });
  await settle([danger.id]);
  const after = (await ticketOf(routine.id))!;
  expect(after).toMatchObject({ urgent: true, priority: 1, escalated: true });
  expect(after.history.find((x) => x.action === 'escalated')?.detail).toMatch(
    new RegExp(`urgent follow-up \\(tweet ${danger.id}\\)`),
  );
  expect(new Date(after.dueAt!).getTime()).toBeLessThan(new Date(before.dueAt!).getTime());
  const [reply] = repliesTo(danger.id);
  expect(reply!.text).toContain(after._id);
  expect(repliesTo(danger.id)).toHaveLength(1);
});

test('"any update?" gets the status and due time once per window, also across a restart; after the window, again', async () => {
  h.rt = await startTestBot(h.emu, h.dbName);
  const complaint = h.emu.injectMention({ text: 'الزبالة ما انشالت من حي النسيم من أسبوع', author: 'noura' });
  await settle([complaint.id]);
  const ref = (await refOf(complaint.id))!;
  const ack = repliesTo(complaint.id)[0]!;
  // The citizen answers our acknowledgement.
  const ask = h.emu.injectMention({ text: 'وش صار على البلاغ؟', author: 'noura', inReplyToId: ack.id });
  await settle([ask.id]);
  const [status] = repliesTo(ask.id);
  expect(status!.text).toContain(ref);
  expect(status!.text).toMatch(/قيد المعالجة/);
  expect((await h.rt.db.models.Ticket.findById(ref).lean())?.lastThreadReply?.tweetId).toBe(ask.id);

  const askAgain = h.emu.injectMention({
    text: 'Any update please?',
    author: 'noura',
    inReplyToId: complaint.id,
  });
  await settle([askAgain.id]);
  expect(repliesTo(askAgain.id)).toHaveLength(0);

  // A restarted bot remembers the window (it is on the ticket, not in memory).
  await h.rt.stop();
  h.rt = await startTestBot(h.emu, h.dbName);
  const third = h.emu.injectMention({ text: 'متى بتشيلونها؟', author: 'noura', inReplyToId: complaint.id });
  await settle([third.id]);
  expect(repliesTo(third.id)).toHaveLength(0);

  // Once the window has passed, a status request is answered again (with another text).
  const hours = h.rt.ctx.policy().escalation.followUps.statusReplyEveryHours;
  await h.rt.db.models.Ticket.updateOne(
    { _id: ref },
    { $set: { 'lastThreadReply.at': new Date(Date.now() - (hours + 1) * 3_600_000) } },
  );
  const later = h.emu.injectMention({ text: 'أي جديد؟', author: 'noura', inReplyToId: complaint.id });
  await settle([later.id]);
  const [again] = repliesTo(later.id);
  expect(again!.text).toContain(ref);
  expect(again!.text).not.toBe(status!.text);
  const t = (await h.rt.db.models.Ticket.findById(ref).lean())!;
  expect(t.followUps.map((f) => f.tweetId)).toEqual([ask.id, askAgain.id, third.id, later.id]);
  expect(t.history.filter((x) => x.action === 'thread-reply')).toHaveLength(2);
}, 60_000);

test('"still broken" on a resolved ticket reopens it (history names who resolved it) and is answered; thanks gets no reply', async () => {
  h.rt = await startTestBot(h.emu, h.dbName);
  const complaint = h.emu.injectMention({ text: 'تسريب مويه من ماسورة مكسورة في حي الشفا', author: 'omar' });
  await settle([complaint.id]);
  const ref = (await refOf(complaint.id))!;
  await resolve(h.rt.ctx.store, ref, { as: 'huda', note: 'أصلح الفريق الماسورة' });

  const notFixed = h.emu.injectMention({
    text: 'لسه خربانة والمويه تطلع',
    author: 'omar',
    inReplyToId: complaint.id,
  });
  await settle([notFixed.id]);
  const t = (await h.rt.db.models.Ticket.findById(ref).lean())!;
  expect(t).toMatchObject({ status: 'open', escalated: true, reopenCount: 1 });
  expect(t.reopenedAt).toBeTruthy();
  expect(t.resolvedAt).toBeFalsy();
  const reopened = t.history.find((x) => x.action === 'reopened')!;
  expect(reopened.by).toBe('mujib');
  expect(reopened.detail).toMatch(/not fixed/);
  expect(reopened.detail).toMatch(/resolved by huda/);
  const [ack] = repliesTo(notFixed.id);
  expect(ack!.text).toContain(ref);
  expect(ack!.text).toMatch(/أعدنا فتح بلاغكم/);

  // Resolved again; this time the citizen just thanks us: no reply, the ticket stays resolved.
  await resolve(h.rt.ctx.store, ref, { as: 'huda' });
  const thanks = h.emu.injectMention({
    text: 'شكرًا لكم ما قصرتوا 🌹',
    author: 'omar',
    inReplyToId: complaint.id,
  });
  await settle([thanks.id]);
  expect(repliesTo(thanks.id)).toHaveLength(0);
  expect((await h.rt.db.models.Ticket.findById(ref).lean())?.status).toBe('resolved');
  expect(await refOf(thanks.id)).toBe(ref);
  for (const m of [complaint, notFixed]) expect(repliesTo(m.id)).toHaveLength(1);
});

test('a crash after the status reply was claimed, before it was planned: the retry still answers once', async () => {
  h.rt = await startTestBot(h.emu, h.dbName);
  const complaint = h.emu.injectMention({
    text: 'Street lights on Exit 9 service road are all out',
    author: 'dan',
  });
  await settle([complaint.id]);
  const ask = h.emu.injectMention({ text: 'Any update on this?', author: 'dan', inReplyToId: complaint.id });
  await pollMentions(h.rt.ctx);
  await processPending(h.rt.ctx);
  const { Mention, Reply, Ticket } = h.rt.db.models;
  const ref = (await refOf(ask.id))!;
  expect((await Ticket.findById(ref).lean())?.lastThreadReply?.tweetId).toBe(ask.id);
  // The crash: the window is claimed for this tweet, but its reply never reached the outbox.
  await Reply.deleteOne({ _id: `ack:${ask.id}` });
  await Mention.updateOne({ _id: ask.id }, { $set: { status: 'new' } });
  await settle([ask.id]);
  await h.rt.bot.tick();
  expect(repliesTo(ask.id)).toHaveLength(1);
  expect(repliesTo(ask.id)[0]!.text).toContain(ref);
  const t = (await Ticket.findById(ref).lean())!;
  expect(t.followUps.filter((f) => f.tweetId === ask.id)).toHaveLength(1);
  expect(t.history.filter((x) => x.action === 'thread-reply')).toHaveLength(1);
});
