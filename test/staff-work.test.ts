// Staff work on a ticket through the queue functions the console uses, end to end over the
// real pipeline (emulator + FerretDB): a staff reply goes through the bot's outbox and is posted
// exactly once across a crash mid-post and a restart; triage corrects a classification with a
// reason (in the history, exported as training examples for review, never written to rules/).
import { startTestBot, tickUntil, useBotHarness } from './support/bot';
import { claimOnce } from '../src/store/claims';
import { planStaffReply, checkStaffReply, triage, QueueError } from '../src/queue';
import { correctedTickets, correctionsAsTrainingYaml } from '../src/queue/corrections';
import { storeOf } from '../src/store/store';

const h = useBotHarness('staff_work');

async function ticketFor(text: string, author: string) {
  const m = h.emu.injectMention({ text, author });
  await tickUntil(h.rt!, () => h.emu.posts().some((p) => p.inReplyToId === m.id));
  const t = (await h.rt!.db.models.Ticket.findOne({ mentionId: m.id }).lean())!;
  return { m, t };
}

test('a staff reply is posted exactly once: resubmitted form, crash after X took it, restart', async () => {
  h.rt = await startTestBot(h.emu, h.dbName);
  const { m, t } = await ticketFor('الإنارة طافية في شارع الأمير سلطان من أسبوع', 'citizen_light');
  const text = `تم رفع بلاغكم ${t._id} لفرقة الإنارة، وسيتم الإصلاح خلال يومين بإذن الله.`;
  const first = await planStaffReply(h.rt.ctx.store, t._id, {
    as: 'sara',
    text,
    actionId: 'act-0001-abcdef',
  });
  const again = await planStaffReply(h.rt.ctx.store, t._id, {
    as: 'sara',
    text,
    actionId: 'act-0001-abcdef',
  });
  expect(first).toEqual({ id: `staff:${t._id}:act-0001-abcdef`, planned: true });
  expect(again.planned).toBe(false);
  const replied = (await h.rt.db.models.Ticket.findById(t._id).lean())!.history.filter(
    (x) => x.action === 'replied',
  );
  expect(replied).toHaveLength(1);
  expect(replied[0]!.by).toBe('sara');

  // What a kill mid-post leaves: the attempt claimed and counted, the request reached X.
  expect(await claimOnce(h.rt.ctx.store, `post:${first.id}:1`, 'killed-instance')).toBe(true);
  await h.rt.db.models.Reply.updateOne({ _id: first.id }, { $set: { attempts: 1 } });
  await h.emu.client().reply(text, m.id);
  await h.rt.stop();

  h.rt = await startTestBot(h.emu, h.dbName);
  await tickUntil(
    h.rt,
    async () => (await h.rt!.db.models.Reply.findById(first.id).lean())?.status === 'posted',
  );
  await h.rt.bot.tick();
  const posts = h.emu.posts().filter((p) => p.text === text);
  expect(posts).toHaveLength(1);
  expect(posts[0]!.inReplyToId).toBe(m.id);
  expect((await h.rt.db.models.Reply.findById(first.id).lean())!.postedTweetId).toBe(posts[0]!.id);

  // A second, different reply (new action id) dropped on the wire: retried after a look at the
  // timeline, posted once.
  h.emu.injectFault({ kind: 'drop', route: 'post', count: 1 });
  const text2 = `Update on ${t._id}: the crew is on site today.`;
  const second = await planStaffReply(h.rt.ctx.store, t._id, {
    as: 'omar',
    text: text2,
    actionId: 'act-0002-abcdef',
  });
  await tickUntil(
    h.rt,
    async () => ((await h.rt!.db.models.Reply.findById(second.id).lean())?.attempts ?? 0) >= 1,
  );
  await h.rt.db.models.Reply.updateMany({}, { $unset: { nextAttemptAt: 1 } });
  await tickUntil(
    h.rt,
    async () => (await h.rt!.db.models.Reply.findById(second.id).lean())?.status === 'posted',
  );
  expect(h.emu.posts().filter((p) => p.text === text2)).toHaveLength(1);
}, 120_000);

test('staff replies are checked before the outbox: empty, too long, links and handles', async () => {
  expect(checkStaffReply('  ').problem).toBe('empty');
  expect(checkStaffReply('ب'.repeat(281)).problem).toBe('too_long');
  expect(checkStaffReply('ب'.repeat(280)).problem).toBeUndefined();
  // X weighs CJK double: 141 of them are over the limit although only 141 characters.
  expect(checkStaffReply('漢'.repeat(141)).problem).toBe('too_long');
  expect(checkStaffReply('راجع https://example.com').problem).toBe('link_or_handle');
  expect(checkStaffReply('تواصل مع @other_agency').problem).toBe('link_or_handle');
  expect(checkStaffReply('زوروا balady.gov.sa').problem).toBe('link_or_handle');
});

test('triage: a ticket staff make urgent goes to priority 1, due within the urgent hours, never later', async () => {
  h.rt = await startTestBot(h.emu, h.dbName);
  const { models } = h.rt.db;
  const agency = h.rt.rules.current().policy.agency;
  const { t } = await ticketFor('الرصيف متكسر قدام البيت من شهر', 'citizen_walk');
  expect(t.urgent).toBeFalsy();
  expect(t.priority).toBeGreaterThan(1);
  const now = new Date();
  // The form sends the priority it showed; urgent wins over it.
  const after = await triage(storeOf(models), t._id, {
    as: 'sara',
    priority: t.priority,
    urgent: true,
    reason: 'حفرة عميقة',
    agency,
    now,
  });
  expect(after).toMatchObject({ urgent: true, escalated: true, priority: 1 });
  expect(after.dueAt!.getTime()).toBe(now.getTime() + agency.sla.urgentHours * 3_600_000);
  expect(after.dueAt!.getTime()).toBeLessThan(t.dueAt!.getTime());
  expect(after.history.at(-1)!.detail).toBe(`priority ${t.priority} → 1; urgent no → yes — حفرة عميقة`);
  // Back to routine: the priority staff choose stands, and the due time is not pushed out.
  const calm = await triage(storeOf(models), t._id, {
    as: 'sara',
    urgent: false,
    priority: 3,
    reason: 'سطحية',
    agency,
  });
  expect(calm).toMatchObject({ urgent: false, priority: 3 });
  expect(calm.dueAt).toEqual(after.dueAt);
}, 90_000);

test('triage: category, priority and urgency corrected with a reason; exported for review', async () => {
  h.rt = await startTestBot(h.emu, h.dbName);
  const { models } = h.rt.db;
  const { m, t } = await ticketFor('الحاوية عند بيتنا ما انشالت من ٣ ايام', 'citizen_bin');
  const categories = h.rt.rules.current().pack.categories.map((c) => c.id);
  await expect(
    triage(storeOf(models), t._id, { as: 'sara', category: 'roads', reason: ' ', categories }),
  ).rejects.toThrow(QueueError);
  await expect(
    triage(storeOf(models), t._id, { as: 'sara', category: 'potholes', reason: 'x', categories }),
  ).rejects.toThrow(/unknown category/);
  const to = t.category === 'lighting' ? 'roads' : 'lighting';
  const after = await triage(storeOf(models), t._id, {
    as: 'sara',
    category: to,
    priority: 1,
    urgent: true,
    reason: 'عمود ساقط',
    categories,
  });
  expect(after).toMatchObject({ category: to, priority: 1, urgent: true, escalated: true, source: 'staff' });
  const h1 = after.history.at(-1)!;
  expect(h1).toMatchObject({ action: 'triaged', by: 'sara' });
  expect(h1.detail).toBe(
    `category ${t.category} → ${to}; priority ${t.priority} → 1; urgent no → yes — عمود ساقط`,
  );
  await expect(
    triage(storeOf(models), t._id, { as: 'sara', category: to, reason: 'again', categories }),
  ).rejects.toThrow(/nothing to change/);
  // Made urgent by staff: supervisors are told like any urgent ticket.
  expect(await models.Notification.countDocuments({ _id: `event:urgent:${t._id}` })).toBe(1);

  const list = await correctedTickets(storeOf(models), new Date(Date.now() - 3_600_000));
  expect(list).toEqual([
    expect.objectContaining({
      ref: t._id,
      category: to,
      originalCategory: t.category,
      by: 'sara',
      text: m.text,
    }),
  ]);
  const yaml = correctionsAsTrainingYaml(list);
  expect(yaml).toContain(`category: ${to}\nexamples:\n`);
  expect(yaml).toContain(JSON.stringify(m.text));
  expect(yaml).toContain(`was ${t.category}`);
}, 90_000);
