// What most commands need first: .env read, config validated, logger set up, database open.
import dotenv from 'dotenv';
import path from 'node:path';
import { loadConfig, type Config } from '../config';
import { configureLogger, log } from '../log';
import { openDatabase, type Database } from '../store/db';
import { startFerretDB, type RunningFerretDB } from '../store/ferretdb';

let loaded: Config | undefined;

/** Reads .env (quietly: no banner on stdout) and validates the configuration once. */
export function loadEnvConfig(): Config {
  if (loaded) return loaded;
  dotenv.config({ quiet: true });
  loaded = loadConfig(process.env);
  configureLogger({
    level: loaded.LOG_LEVEL,
    format: loaded.LOG_FORMAT,
    production: loaded.NODE_ENV === 'production',
  });
  return loaded;
}

export interface OpenedDatabase extends Database {
  embedded?: RunningFerretDB;
  description: string;
}

/** MONGODB_URI when set; otherwise the embedded FerretDB with a persistent data folder. */
export async function openConfiguredDatabase(
  cfg: Config,
  opts: { quietBuild?: boolean } = {},
): Promise<OpenedDatabase> {
  if (cfg.MONGODB_URI) {
    const db = await openDatabase(cfg.MONGODB_URI, { attempts: 10 });
    return { ...db, description: 'MongoDB (MONGODB_URI)' };
  }
  const dataDir = path.resolve(cfg.MUJIB_DATA_DIR, 'data');
  const embedded = await startFerretDB({
    dataDir,
    onProgress: (line) => (opts.quietBuild ? log.debug(line) : log.info(line)),
  });
  const db = await openDatabase(embedded.uri, { dbName: 'mujib', attempts: 5 });
  return {
    ...db,
    embedded,
    description: `embedded FerretDB at ${embedded.uri} (data in ${dataDir})`,
    async close() {
      await db.close();
      await embedded.stop();
    },
  };
}
