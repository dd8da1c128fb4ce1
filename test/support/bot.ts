// A complete bot for end-to-end tests: the shipped rules, a private database on the test
// server, a private X emulator, and the real runtime (no cron: tests call tick()).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { startRuntime, type Runtime } from '../../src/app/runtime';
import { openDatabase } from '../../src/store/db';
import type { Emulator } from '../../src/x/emulator';
import { openTestDatabase, quietLog, testUri, uniqueDbName } from './db';
import { startTestEmulator, type TestEmulator } from './emulator';

export const RULES_DIR = path.resolve(__dirname, '..', '..', 'rules');

/** One model per test run: training the shipped pack once is enough. */
export const MODEL_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'mujib-model-'));

export async function startTestBot(
  emulator: Emulator,
  dbName: string,
  env: Record<string, string> = {},
  settings: Partial<Runtime['ctx']['settings']> = {},
  runtime: { watchRules?: boolean } = {},
): Promise<Runtime> {
  const cfg = loadConfig({ MUJIB_DATA_DIR: MODEL_DIR, RULES_DIR, LOG_LEVEL: 'error', ...env });
  const db = await openDatabase(testUri(), { dbName, log: quietLog });
  const rt = await startRuntime({
    cfg,
    log: quietLog,
    db: { ...db, description: 'test' },
    emulator,
    feed: false,
    watchRules: runtime.watchRules ?? false,
    forceSandbox: true,
    autoStart: false,
    settings,
  });
  const stop = rt.stop;
  return {
    ...rt,
    async stop() {
      await stop();
      await db.close();
    },
  };
}

/** Ticks (a full poll → process → post each) until the predicate holds. */
export async function tickUntil(
  rt: Runtime,
  done: () => Promise<boolean> | boolean,
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await rt.bot.tick();
    if (await done()) return;
    if (Date.now() > deadline) throw new Error(`condition not reached within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export interface BotHarness {
  /** A fresh emulator for each test. */
  emu: TestEmulator;
  /** The bot under test, if started; stopped after each test. */
  rt: Runtime | undefined;
  /** A private database name for each test, dropped afterwards. */
  dbName: string;
}

/** Registers the per-test lifecycle of a bot test file: fresh emulator and database, clean stop. */
export function useBotHarness(label: string): BotHarness {
  const h = { rt: undefined, dbName: '' } as unknown as BotHarness;
  beforeEach(async () => {
    h.emu = await startTestEmulator();
    h.dbName = uniqueDbName(label);
  });
  afterEach(async () => {
    await h.rt?.stop();
    h.rt = undefined;
    await h.emu.stop();
    const db = await openTestDatabase('cleanup');
    await db.conn.useDb(h.dbName).dropDatabase();
    await db.drop();
  });
  return h;
}
