// The database goes away mid-run (its own FerretDB, stopped and started again on the same
// port and data): the bot keeps running, never moves the cursor past unstored mentions, and
// answers everything once the database is back.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startFerretDB, type RunningFerretDB } from '../src/store/ferretdb';
import { openDatabase } from '../src/store/db';
import { loadConfig } from '../src/config';
import { startRuntime, type Runtime } from '../src/app/runtime';
import { startTestEmulator, type TestEmulator } from './support/emulator';
import { MODEL_DIR, RULES_DIR, tickUntil } from './support/bot';
import { quietLog } from './support/db';

let db: RunningFerretDB;
let emu: TestEmulator;
let rt: Runtime;
let conn: Awaited<ReturnType<typeof openDatabase>>;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mujib-outage-'));

afterAll(async () => {
  await rt?.stop();
  await conn?.close(); // the runtime does not close a connection it was given
  await emu?.stop();
  await db?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('a database outage pauses the bot; it resumes by itself and nothing is lost or doubled', async () => {
  db = await startFerretDB({ dataDir });
  emu = await startTestEmulator();
  conn = await openDatabase(db.uri, { dbName: 'outage', log: quietLog });
  rt = await startRuntime({
    cfg: loadConfig({ MUJIB_DATA_DIR: MODEL_DIR, RULES_DIR, LOG_LEVEL: 'error' }),
    log: quietLog,
    db: { ...conn, description: 'outage test' },
    emulator: emu,
    feed: false,
    watchRules: false,
    forceSandbox: true,
    autoStart: false,
  });
  const before = emu.injectMention({ text: 'حفرة كبيرة في شارع العليا', author: 'outage_1' });
  await tickUntil(rt, () => emu.posts().some((p) => p.inReplyToId === before.id));

  // The database goes down; citizens keep tweeting.
  const port = db.port;
  await db.stop();
  const during = [1, 2, 3].map((i) =>
    emu.injectMention({ text: `طفح مجاري في حي السويدي ${i}`, author: `outage_${i + 1}` }),
  );
  for (let i = 0; i < 3; i++) await rt.bot.tick(); // must not throw or exit
  expect(rt.ctx.health.database).toBe('failing');
  expect(emu.posts().filter((p) => during.some((t) => t.id === p.inReplyToId))).toHaveLength(0);

  // It comes back on the same port with the same data.
  db = await startFerretDB({ dataDir, port });
  await tickUntil(rt, () => during.every((t) => emu.posts().some((p) => p.inReplyToId === t.id)), 90_000);
  for (const t of [before, ...during])
    expect(emu.posts().filter((p) => p.inReplyToId === t.id)).toHaveLength(1);
  expect(rt.ctx.health.database).toBe('ok');
}, 180_000);
