// A bot killed between claiming a notification attempt and counting it must not leave staff
// untold: the abandoned claim is passed over once it is old, and the delivery goes out once.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RULES_DIR, startTestBot, tickUntil, useBotHarness } from './support/bot';
import { startWebhookSink } from './support/notify-sinks';

const h = useBotHarness('notify-abandoned');

test('an attempt claimed by a crashed instance is passed over; the urgent ticket still reaches staff, once', async () => {
  const hook = await startWebhookSink();
  hook.status = 503;
  const rules = fs.mkdtempSync(path.join(os.tmpdir(), 'mujib-notify-abandoned-'));
  fs.cpSync(RULES_DIR, rules, { recursive: true });
  fs.writeFileSync(
    path.join(rules, 'notifications.yml'),
    `recipients:\n  - name: ops\n    events: [urgent]\n    webhook: ${hook.url}/ops\n`,
  );
  try {
    h.rt = await startTestBot(h.emu, h.dbName, { RULES_DIR: rules });
    h.emu.injectMention({
      text: 'أسلاك كهرباء مكشوفة عند باب المدرسة والطلاب يمرون جنبها',
      author: 'citizen_k',
    });
    const models = h.rt.db.models;
    await tickUntil(
      h.rt,
      async () => (await models.Notification.countDocuments({ kind: 'delivery', attempts: 1 })) > 0,
    );
    const d = (await models.Notification.findOne({ kind: 'delivery' }).lean())!;
    // Attempt 2 claimed ten minutes ago by an instance that died before counting it.
    await models.State.create({
      _id: `notify-try:${d._id}:2`,
      holder: 'dead-instance',
      updatedAt: new Date(Date.now() - 10 * 60_000),
    });
    hook.status = 200;
    await models.Notification.updateOne({ _id: d._id }, { $set: { notBefore: new Date(0) } });
    await tickUntil(h.rt, () => hook.calls.length >= 1, 20_000);
    for (let i = 0; i < 2; i++) await h.rt.bot.tick();
    expect(hook.calls).toHaveLength(1);
    expect((await models.Notification.findById(d._id).lean())!.status).toBe('sent');
  } finally {
    await hook.stop();
    fs.rmSync(rules, { recursive: true, force: true });
  }
}, 90_000);
