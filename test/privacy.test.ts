// Citizens' data (PDPL) on the real test server, filled by the real bot over real HTTP: export
// and erase by @handle, retention from rules/privacy.yml, the staff access log.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestBot, tickUntil, useBotHarness } from './support/bot';
import { exportCitizen, eraseCitizen, ERASED } from '../src/privacy/citizen';
import { applyRetention } from '../src/privacy/retention';
import { DEFAULT_PRIVACY, loadPrivacyPolicy } from '../src/privacy/policy';
import { accessLog, recordAccess } from '../src/store/access-log';
import { resolve } from '../src/queue';

const h = useBotHarness('privacy');
const RULES = path.resolve(__dirname, '..', 'rules');

async function twoCitizens() {
  h.rt = await startTestBot(h.emu, h.dbName);
  const noura = h.emu.injectMention({
    text: 'حفرة كبيرة أمام بيتي في حي الملقا',
    author: 'Noura_K',
    authorName: 'نورة الخالد',
  });
  const fahad = h.emu.injectMention({
    text: 'الإنارة طافية في شارع التخصصي',
    author: 'fahad_77',
    authorName: 'فهد',
  });
  await tickUntil(h.rt, () => h.emu.posts().length >= 2);
  return { models: h.rt.db.models, store: h.rt.ctx.store, noura, fahad };
}

test('export gives everything stored about a handle (any case), and nothing of anyone else', async () => {
  const { store, noura } = await twoCitizens();
  const x = await exportCitizen(store, '@noura_k');
  expect(x.mentions.map((m) => m._id)).toEqual([noura.id]);
  expect(x.mentions[0]!.text).toContain('حفرة كبيرة');
  expect(x.tickets).toHaveLength(1);
  expect(x.replies).toHaveLength(1);
  expect(JSON.stringify(x)).not.toContain('fahad');
  expect((await exportCitizen(store, '@nobody_here')).authorIds).toEqual([]);
});

test('erase blanks the citizen everywhere, keeps the ticket record, and the bot never answers again', async () => {
  const { models, store, noura, fahad } = await twoCitizens();
  const before = (await exportCitizen(store, 'Noura_K')).tickets[0]!;
  const r = await eraseCitizen(store, 'Noura_K', { by: 'sara' });
  expect(r).toMatchObject({ mentions: 1, tickets: 1, replies: 1 });
  const m = (await models.Mention.findById(noura.id).lean())!;
  expect(m).toMatchObject({ text: '', authorId: ERASED });
  expect(m.authorUsername).toBeUndefined();
  expect(m.authorName).toBeUndefined();
  expect(m.raw).toBeUndefined();
  const t = (await models.Ticket.findById(before._id).lean())!;
  expect(t).toMatchObject({ category: before.category, status: before.status, authorId: ERASED });
  expect(t.authorUsername).toBeUndefined();
  expect(t.history.at(-1)).toMatchObject({ action: 'redacted', by: 'sara' });
  const everything =
    JSON.stringify(await models.Mention.find({}).lean()) +
    JSON.stringify(await models.Ticket.find({}).lean()) +
    JSON.stringify(await models.Reply.find({}).lean());
  expect(everything).not.toMatch(/noura|نورة|الملقا/i);
  // The other citizen is untouched.
  expect((await models.Mention.findById(fahad.id).lean())!.text).toContain('الإنارة');
  expect((await exportCitizen(store, 'noura_k')).authorIds).toEqual([]);
  // Erasing twice finds nothing; the bot does not answer the erased post again.
  expect((await eraseCitizen(store, 'Noura_K', { by: 'sara' })).authorIds).toEqual([]);
  const posts = h.emu.posts().length;
  await h.rt!.bot.tick();
  expect(h.emu.posts()).toHaveLength(posts);
});

test('retention blanks posts of tickets resolved longer ago than privacy.yml says; recent ones stay', async () => {
  const { models, store, noura, fahad } = await twoCitizens();
  const tickets = await models.Ticket.find({}).lean();
  const nouraTicket = tickets.find((t) => t.mentionId === noura.id)!;
  const fahadTicket = tickets.find((t) => t.mentionId === fahad.id)!;
  const now = new Date();
  const longAgo = new Date(now.getTime() - 400 * 86_400_000);
  await resolve(store, nouraTicket._id, { as: 'sara', now: longAgo });
  await resolve(store, fahadTicket._id, { as: 'sara' });
  await recordAccess(store, {
    staff: 'sara',
    ticket: nouraTicket._id,
    action: 'view',
    via: 'console',
    at: new Date(now.getTime() - 900 * 86_400_000),
  });
  await recordAccess(store, { staff: 'sara', ticket: fahadTicket._id, action: 'view', via: 'console' });

  const policy = { ...DEFAULT_PRIVACY, resolvedTicketMonths: 12 };
  const r = await applyRetention(store, policy, now);
  expect(r).toMatchObject({ tickets: 1, mentions: 1, accessLog: 1 });
  expect((await models.Mention.findById(noura.id).lean())!.text).toBe('');
  // Retention keeps the author id (repeat complaints still group); only an erasure drops it.
  expect((await models.Mention.findById(noura.id).lean())!.authorId).not.toBe(ERASED);
  expect((await models.Mention.findById(fahad.id).lean())!.text).toContain('الإنارة');
  expect((await models.Ticket.findById(nouraTicket._id).lean())!.status).toBe('resolved');
  expect((await accessLog(store, {})).map((e) => e.ticket)).toEqual([fahadTicket._id]);
  // A second night finds nothing more.
  expect(await applyRetention(store, policy, now)).toEqual({
    tickets: 0,
    mentions: 0,
    replies: 0,
    accessLog: 0,
  });
});

test('the shipped privacy.yml is valid; a wrong value is reported at file:line:col', () => {
  expect(loadPrivacyPolicy(RULES)).toEqual({
    policy: expect.objectContaining({ resolvedTicketMonths: 12 }),
    problems: [],
  });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mujib-privacy-'));
  fs.writeFileSync(path.join(dir, 'privacy.yml'), 'retention:\n  resolvedTicketMonths: 0\n  forever: true\n');
  const { policy, problems } = loadPrivacyPolicy(dir);
  expect(policy).toBeUndefined();
  expect(problems.map((p) => `${p.line}:${p.col}`)).toEqual(expect.arrayContaining(['2:25']));
  expect(problems.some((p) => /forever/.test(p.message))).toBe(true);
  fs.rmSync(dir, { recursive: true, force: true });
});
