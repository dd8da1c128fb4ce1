// A mention the pipeline cannot process is retried, then handed to staff as a ticket to
// triage by hand: given up on by the bot, never lost to the agency, never answered blindly.
import { startTestBot, useBotHarness } from './support/bot';
import { processPending } from '../src/bot/pipeline';

const h = useBotHarness('failures');

const BROKEN = '1900000000000000001';
const GOOD = '1900000000000000002';

/** Stores a record the pipeline cannot handle, as something bypassing the schema might. */
async function storeBroken(fields: Record<string, unknown>): Promise<void> {
  await h.rt!.db.models.Mention.collection.insertOne({
    _id: BROKEN,
    text: 'حفرة عميقة في شارع العليا',
    authorId: 'u-broken',
    tweetCreatedAt: new Date(),
    fetchedAt: new Date(),
    status: 'new',
    attempts: 0,
    ...fields,
  } as never);
  await h.rt!.db.models.Mention.create({ _id: GOOD, text: 'حفرة في شارع الأمير سلطان', authorId: 'u-good' });
}

async function failFourTimes(): Promise<void> {
  for (let i = 1; i <= 4; i++) {
    await processPending(h.rt!.ctx);
    const m = await h.rt!.db.models.Mention.findById(BROKEN).lean();
    expect({ i, status: m?.status, attempts: m?.attempts }).toEqual({ i, status: 'new', attempts: i });
  }
  // The good mention beside it was not held up.
  expect((await h.rt!.db.models.Mention.findById(GOOD).lean())?.status).toBe('processed');
}

test('a mention failing 5 times is handed to staff: its ticket is escalated and no reply is sent', async () => {
  h.rt = await startTestBot(h.emu, h.dbName);
  const { Mention, Ticket, Reply } = h.rt.db.models;
  // A display name that is not text: the ticket opens, planning the reply throws every time.
  await storeBroken({ authorName: 42 });
  await failFourTimes();
  const early = await Ticket.findOne({ mentionId: BROKEN }).lean();
  expect(early?.escalated).toBe(false);

  await processPending(h.rt.ctx);
  const m = await Mention.findById(BROKEN).lean();
  expect(m?.status).toBe('error');
  expect(m?.lastError).toMatch(/normalize/);
  expect(m?.ticketRef).toBe(early!._id);
  const t = await Ticket.findById(m!.ticketRef).lean();
  expect(t).toMatchObject({ escalated: true, status: 'open', category: 'roads' });
  const escalations = t!.history.filter((h) => h.action === 'escalated');
  expect(escalations).toHaveLength(1);
  expect(escalations[0]!.detail).toMatch(/could not process it \(5 attempts\)/);
  expect(await Reply.countDocuments({ ticketRef: t!._id })).toBe(0);
  // Given up on: not picked up again.
  await processPending(h.rt.ctx);
  expect((await Mention.findById(BROKEN).lean())?.attempts).toBe(5);
  expect(h.emu.posts()).toHaveLength(0);
});

test('when not even a ticket can be opened, the mention stays stored with status error', async () => {
  h.rt = await startTestBot(h.emu, h.dbName);
  // An author id that is not a string: no ticket can be written for it.
  await storeBroken({ authorId: { id: 7 } });
  await failFourTimes();
  await processPending(h.rt.ctx);
  const m = await h.rt.db.models.Mention.findById(BROKEN).lean();
  expect(m).toMatchObject({ status: 'error', attempts: 5 });
  expect(m?.ticketRef).toBeUndefined();
  expect(await h.rt.db.models.Ticket.countDocuments({ mentionId: BROKEN })).toBe(0);
});
