// Issue 11 over the real pipeline (X emulator over HTTP, FerretDB): urgency by each source,
// crisis replies (self-harm with the crisis line, threats neutral or none as the agency sets),
// the integrity route, all at priority 1, escalated at once, due within hours.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RULES_DIR, startTestBot, tickUntil, useBotHarness } from './support/bot';
import { loadAgency } from '../src/rules/agency';
import { loadEscalation } from '../src/rules/escalation';

const h = useBotHarness('safety');
const urgentHours = loadAgency(RULES_DIR).sla.urgentHours;
const crisisLine = loadEscalation(RULES_DIR).routes.crisis.selfHarm.crisisLine;
let authors = 0;

/** The shipped rules with escalation.yml edited. */
function rulesWith(edit: (yaml: string) => string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mujib-safety-rules-'));
  fs.cpSync(RULES_DIR, dir, { recursive: true });
  const f = path.join(dir, 'escalation.yml');
  const before = fs.readFileSync(f, 'utf8');
  const after = edit(before);
  if (after === before) throw new Error('the edit changed nothing');
  fs.writeFileSync(f, after);
  return dir;
}

async function run(texts: string[], env: Record<string, string> = {}) {
  h.rt = await startTestBot(h.emu, h.dbName, env);
  const tweets = texts.map((text) => h.emu.injectMention({ text, author: `resident_${++authors}` }));
  await tickUntil(
    h.rt,
    async () => (await h.rt!.db.models.Mention.countDocuments({ status: 'processed' })) >= texts.length,
  );
  await h.rt.bot.tick(); // post what was planned
  return Promise.all(
    tweets.map(async (t) => {
      const mention = await h.rt!.db.models.Mention.findById(t.id).lean();
      const ticket = await h.rt!.db.models.Ticket.findOne({ mentionId: t.id }).lean();
      const replies = h.emu.posts().filter((p) => p.inReplyToId === t.id);
      return { t, mention, ticket, replies };
    }),
  );
}

const hoursUntil = (due: Date | undefined | null, from: Date | undefined | null) =>
  due && from ? (new Date(due).getTime() - new Date(from).getTime()) / 3_600_000 : Infinity;

test('a danger told with ordinary verbs is urgent by a staff signal: priority 1, escalated, the emergency reply, the reason on the ticket', async () => {
  const [r] = await run(['ولدي انزلق في حفرة المقاول المكشوفة قدام المدرسة ورجله تنزف']);
  expect(r!.ticket).toMatchObject({ urgent: true, priority: 1, escalated: true });
  expect(hoursUntil(r!.ticket!.dueAt, r!.ticket!.createdAt)).toBeLessThanOrEqual(urgentHours);
  expect(r!.replies).toHaveLength(1);
  expect(r!.replies[0]!.text).toContain('911');
  const cls = r!.mention!.classification as { urgency?: { reason: string }; route?: string };
  expect(cls.route).toBe('emergency');
  expect(cls.urgency?.reason).toMatch(/^emergency: signal /);
  expect(r!.ticket!.history[0]!.detail).toMatch(/emergency route/);
}, 90_000);

test('a danger no signal names is urgent by the learned model when the agency trusts it (threshold in escalation.yml)', async () => {
  const text = 'الحقونا الطفل داخل الخزان الأرضي المفتوح ومو قادرين نطلعه';
  const dir = rulesWith((y) => y.replace(/modelThreshold: [\d.]+/, 'modelThreshold: 0.5'));
  const [r] = await run([text], { RULES_DIR: dir });
  expect(r!.ticket).toMatchObject({ urgent: true, priority: 1, escalated: true });
  const cls = r!.mention!.classification as { urgency?: { reason: string; signals: unknown[] } };
  expect(cls.urgency?.signals).toEqual([]);
  expect(cls.urgency?.reason).toMatch(/^emergency: model 0\.\d\d ≥ 0\.5$/);
  fs.rmSync(dir, { recursive: true, force: true });
}, 90_000);

test('self-harm and threats: top priority at once, their own replies (crisis line; neutral, no apology), never a due date of days', async () => {
  const [self, threat] = await run([
    'إذا هدمتوا محلي والله لأنهي حياتي، ما عندي غيره',
    'I will come to the municipality tomorrow with a knife for the clerk who refused me',
  ]);
  for (const r of [self!, threat!]) {
    expect(r.ticket).toMatchObject({ urgent: true, priority: 1, escalated: true });
    expect(hoursUntil(r.ticket!.dueAt, r.ticket!.createdAt)).toBeLessThanOrEqual(urgentHours);
    expect(r.replies).toHaveLength(1);
  }
  expect(self!.replies[0]!.text).toContain(crisisLine);
  expect(self!.replies[0]!.text).not.toMatch(/نسعى لمعالجته/);
  expect(threat!.replies[0]!.text).not.toMatch(/sorry|apolog|911|resolve it by/i);
  expect(self!.ticket!.history[0]!.detail).toMatch(/crisis route/);
  // Staff are told it is a crisis, not just another urgent ticket.
  for (const r of [self!, threat!]) {
    expect(r.ticket!.route).toBe('crisis');
    const events = await h
      .rt!.db.models.Notification.find({ kind: 'event', ticketRef: r.ticket!._id })
      .lean();
    expect(events.map((e) => e.event)).toEqual(['crisis']);
  }
}, 90_000);

test('a threat gets no reply at all when escalation.yml says routes.crisis.threat.reply: none, and still reaches staff at once', async () => {
  const dir = rulesWith((y) => y.replace('reply: neutral', 'reply: none'));
  const [r, ordinary] = await run(
    ['والله لأذبح المراقب اللي خالفني، أعرف بيته', 'حفرة صغيرة قدام بيتنا في حي الربوة'],
    { RULES_DIR: dir },
  );
  expect(r!.ticket).toMatchObject({ urgent: true, priority: 1, escalated: true });
  expect(r!.replies).toHaveLength(0);
  expect(await h.rt!.db.models.Reply.countDocuments({ inReplyToTweetId: r!.t.id })).toBe(0);
  // The other citizen is answered as usual.
  expect(ordinary!.replies).toHaveLength(1);
  fs.rmSync(dir, { recursive: true, force: true });
}, 90_000);

test('bribery told without the word goes to the integrity route with its own reply, not the 911 one', async () => {
  const [r] = await run(['The inspector wanted money to drop the fine on my shop, he said cash only']);
  expect(r!.ticket).toMatchObject({ urgent: true, priority: 1, escalated: true, category: 'staff_conduct' });
  expect(r!.replies).toHaveLength(1);
  expect(r!.replies[0]!.text).not.toContain('911');
  expect(r!.replies[0]!.text).toMatch(/integrity/);
  expect((r!.mention!.classification as { route?: string }).route).toBe('integrity');
}, 90_000);
