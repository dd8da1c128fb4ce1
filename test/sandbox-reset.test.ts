// `mujib start` without credentials: the emulated X is new on every start, so the sandbox's
// embedded database starts its world afresh too (staff accounts stay). A returning sample
// citizen is acknowledged again, not attached to a ticket from a world that is gone.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config';
import { startRuntime, type Runtime } from '../src/app/runtime';
import { RULES_DIR, tickUntil } from './support/bot';
import { quietLog } from './support/db';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mujib-sandbox-reset-'));
let rt: Runtime | undefined;

afterEach(async () => {
  await rt?.stop();
  rt = undefined;
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

async function startSandbox(): Promise<Runtime> {
  // No X credentials and no MONGODB_URI: the sandbox with its embedded FerretDB in dataDir.
  const cfg = loadConfig({ MUJIB_DATA_DIR: dataDir, RULES_DIR, LOG_LEVEL: 'error', HEALTH_PORT: '0' });
  return startRuntime({ cfg, log: quietLog, feed: false, watchRules: false, autoStart: false });
}

test('each sandbox start clears the previous run’s mentions and tickets, keeps staff, and answers again', async () => {
  rt = await startSandbox();
  expect(rt.mode).toBe('sandbox');
  const first = rt.emulator!.injectMention({ text: 'حفرة كبيرة في شارع التخصصي', author: 'abu_faisal88' });
  await tickUntil(rt, () => rt!.emulator!.posts().some((p) => p.inReplyToId === first.id));
  await rt.db.models.Staff.create({ _id: 'sara', name: 'Sara', passwordHash: 'x' });
  expect(await rt.db.models.Ticket.countDocuments()).toBe(1);
  await rt.stop();

  rt = await startSandbox();
  expect(await rt.db.models.Mention.countDocuments()).toBe(0);
  expect(await rt.db.models.Ticket.countDocuments()).toBe(0);
  expect(await rt.db.models.Staff.countDocuments()).toBe(1);
  // The same citizen complains again in the new world: a new acknowledgement, not a "repeat".
  const again = rt.emulator!.injectMention({ text: 'حفرة كبيرة في شارع التخصصي', author: 'abu_faisal88' });
  await tickUntil(rt, () => rt!.emulator!.posts().some((p) => p.inReplyToId === again.id));
  const ticket = await rt.db.models.Ticket.findOne({ mentionId: again.id }).lean();
  expect(ticket?.followUps ?? []).toHaveLength(0);
}, 60_000);
