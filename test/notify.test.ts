// Staff are told: an urgent tweet through the real pipeline (emulator + FerretDB) reaches a
// supervisor's webhook (signed) and inbox (a local SMTP server) within a minute, exactly once,
// across a restart of the bot; a failing receiver is retried, not dropped.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RULES_DIR, startTestBot, tickUntil, useBotHarness } from './support/bot';
import { startSmtpSink, startWebhookSink } from './support/notify-sinks';
import { sign, holdUntil } from '../src/notify';
import { closeTransports } from '../src/notify/send';

const h = useBotHarness('notify');
const SECRET = 'supervisors-hook-key-ٍ٢٠٢٦';
const ENV_SECRET = 'catch-all-key';

function rulesWith(notifications: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mujib-notify-rules-'));
  fs.cpSync(RULES_DIR, dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'notifications.yml'), notifications);
  return dir;
}

afterAll(() => closeTransports());

test('an urgent tweet: webhook + e-mail to the supervisor within a minute, exactly once across a restart', async () => {
  const hook = await startWebhookSink();
  const smtp = await startSmtpSink();
  process.env.NOTIFY_TEST_SUPERVISORS_SECRET = SECRET;
  const rules = rulesWith(`recipients:
  - name: supervisors
    events: [urgent, crisis, escalated, sla-breach, channel-stopped]
    email: [supervisor@agency.example]
    webhook: ${hook.url}/supervisors
    secretEnv: NOTIFY_TEST_SUPERVISORS_SECRET
    quietHours: none
`);
  const env = {
    RULES_DIR: rules,
    SMTP_URL: smtp.url,
    NOTIFY_EMAIL_FROM: 'mujib@agency.example',
    NOTIFY_WEBHOOK_URL: `${hook.url}/catch-all`,
    NOTIFY_WEBHOOK_SECRET: ENV_SECRET,
    CONSOLE_PUBLIC_URL: 'https://mujib.agency.example',
  };
  try {
    h.rt = await startTestBot(h.emu, h.dbName, env);
    const injectedAt = Date.now();
    const tweet = h.emu.injectMention({
      text: 'غرفة تفتيش مفتوحة بدون غطاء قدام المدرسة والأطفال حولها، خطر',
      author: 'umm_salem',
    });
    // A plain complaint at the same time: not urgent, not escalated, so nobody is told of it.
    h.emu.injectMention({ text: 'الحاوية عند البيت ما انشالت من يومين', author: 'abu_nasser' });
    await tickUntil(h.rt, () => hook.calls.length >= 2 && smtp.mails.length >= 1, 60_000);
    const latency = Math.max(...hook.calls.map((c) => c.at), smtp.mails[0]!.at) - injectedAt;
    console.log(`urgent tweet → webhook and e-mail: ${latency} ms`);
    expect(latency).toBeLessThan(60_000);

    const ticket = (await h.rt.db.models.Ticket.findOne({ mentionId: tweet.id }).lean())!;
    expect(ticket.urgent).toBe(true);
    const sup = hook.calls.find((c) => c.path === '/supervisors')!;
    expect(sup.body).toMatchObject({
      event: 'urgent',
      ticket: ticket._id,
      priority: 1,
      category: ticket.category,
      url: `https://mujib.agency.example/tickets/${ticket._id}`,
    });
    expect(String(sup.body.text)).toContain(ticket._id);
    // Signed with the recipient's key; the catch-all with NOTIFY_WEBHOOK_SECRET.
    expect(sup.headers['x-mujib-signature-256']).toBe(sign(SECRET, sup.raw));
    const all = hook.calls.find((c) => c.path === '/catch-all')!;
    expect(all.headers['x-mujib-signature-256']).toBe(sign(ENV_SECRET, all.raw));
    expect(all.headers['x-mujib-delivery']).not.toBe(sup.headers['x-mujib-delivery']);

    const mail = smtp.mails[0]!;
    expect(mail.to).toEqual(['supervisor@agency.example']);
    expect(mail.raw).toContain(ticket._id);
    expect(mail.raw).toContain(`https://mujib.agency.example/tickets/${ticket._id}`);

    // Restart: a new bot on the same database ticks again; nothing is sent a second time.
    await h.rt.stop();
    h.rt = await startTestBot(h.emu, h.dbName, env);
    for (let i = 0; i < 3; i++) await h.rt.bot.tick();
    expect(hook.calls.filter((c) => c.path === '/supervisors')).toHaveLength(1);
    expect(hook.calls.filter((c) => c.path === '/catch-all')).toHaveLength(1);
    expect(smtp.mails).toHaveLength(1);
    expect(hook.calls.every((c) => c.body.ticket === ticket._id)).toBe(true);
  } finally {
    await hook.stop();
    await smtp.stop();
    fs.rmSync(rules, { recursive: true, force: true });
  }
}, 120_000);

test('a receiver that fails is retried until it takes the call; quiet hours hold the rest', async () => {
  const hook = await startWebhookSink();
  hook.status = 503;
  const rules = rulesWith(`recipients:
  - name: ops
    events: [urgent]
    webhook: ${hook.url}/ops
`);
  try {
    h.rt = await startTestBot(h.emu, h.dbName, { RULES_DIR: rules });
    h.emu.injectMention({ text: 'أسلاك كهرباء مكشوفة في الحديقة والأطفال يلعبون', author: 'citizen_w' });
    await tickUntil(
      h.rt,
      async () =>
        (await h.rt!.db.models.Notification.countDocuments({ kind: 'delivery', lastError: /503/ })) > 0,
      30_000,
    );
    expect(hook.calls).toHaveLength(0);
    hook.status = 200;
    // The retry is due after its back-off; bring it forward instead of waiting.
    await h.rt.db.models.Notification.updateMany({ kind: 'delivery' }, { $set: { notBefore: new Date(0) } });
    await tickUntil(h.rt, () => hook.calls.length >= 1, 20_000);
    expect(hook.calls).toHaveLength(1);
    const d = (await h.rt.db.models.Notification.findOne({ kind: 'delivery' }).lean())!;
    expect(d.status).toBe('sent');
    expect(d.attempts).toBe(2);
  } finally {
    await hook.stop();
    fs.rmSync(rules, { recursive: true, force: true });
  }

  // Quiet hours (22:00-07:00 Riyadh): an escalation at 23:30 waits until 07:00; urgent does not.
  const q = { from: 22 * 60, to: 7 * 60, except: ['urgent' as const] };
  const at2330 = new Date('2026-12-01T20:30:00Z'); // 23:30 in Riyadh (UTC+3)
  expect(holdUntil(q, 'escalated', at2330, 'Asia/Riyadh')?.toISOString()).toBe('2026-12-02T04:00:00.000Z');
  expect(holdUntil(q, 'urgent', at2330, 'Asia/Riyadh')).toBeUndefined();
  expect(holdUntil(q, 'escalated', new Date('2026-12-01T09:00:00Z'), 'Asia/Riyadh')).toBeUndefined();
  expect(holdUntil(q, 'escalated', new Date('2026-12-02T02:00:00Z'), 'Asia/Riyadh')?.toISOString()).toBe(
    '2026-12-02T04:00:00.000Z',
  );
}, 120_000);
