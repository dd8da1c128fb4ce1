// The real runtime for a benchmark: a fresh FerretDB (or MONGODB_URI), an emulator, the
// shipped rules, no cron unless asked, and one stop() for all of it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/log';
import { startRuntime, type Runtime, type RuntimeOptions } from '../src/app/runtime';
import { openDatabase, type Database } from '../src/store/db';
import { startFerretDB, type RunningFerretDB } from '../src/store/ferretdb';
import { startEmulator, type Emulator, type EmulatorOptions } from '../src/x/emulator';

export interface BenchBot {
  rt: Runtime;
  db: Database;
  emu: Emulator;
  config: ReturnType<typeof loadConfig>;
  /** Where the database server is (MONGODB_URI or the embedded one). */
  uri: string;
  /** The embedded server, when no MONGODB_URI was given (its data folder, its pid). */
  ferret?: RunningFerretDB;
  stop(): Promise<void>;
}

export async function startBenchBot(o: {
  label: string;
  emulator?: EmulatorOptions;
  runtime?: Partial<RuntimeOptions>;
  monitorCommands?: boolean;
}): Promise<BenchBot> {
  const config = loadConfig({
    MUJIB_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), `mujib-${o.label}-`)),
    HEALTH_PORT: '0',
  });
  const log = createLogger({ level: 'error' });
  const uri = process.env.MONGODB_URI;
  const ferret = uri ? undefined : await startFerretDB({ onProgress: (l) => console.error(l) });
  const db = await openDatabase(uri ?? ferret!.uri, {
    dbName: `${o.label}_${Date.now()}`,
    log,
    monitorCommands: o.monitorCommands,
  });
  const emu = await startEmulator(o.emulator);
  const rt = await startRuntime({
    cfg: config,
    log,
    db: { ...db, description: 'bench' },
    emulator: emu,
    feed: false,
    forceSandbox: true,
    watchRules: false,
    ...o.runtime,
  });
  return {
    rt,
    db,
    emu,
    config,
    uri: uri ?? ferret!.uri,
    ferret,
    async stop() {
      await rt.stop();
      await db.conn.dropDatabase().catch(() => undefined);
      await db.close();
      await emu.stop();
      await ferret?.stop();
    },
  };
}
