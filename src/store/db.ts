// Opening the database: retry with exponential back-off, clear (redacted) errors, models
// bound to the connection and their indexes created.
import mongoose, { type Connection } from 'mongoose';
import { redact } from '../log/redact';
import { log as defaultLog, type Logger } from '../log';
import { modelsFor, ensureIndexes, type Models } from './models';
import { runMigrations, SchemaError } from './migrations';
import { storeOf, type Store } from './store';

export interface Database {
  conn: Connection;
  models: Models;
  /** The opaque handle everything outside src/store/ uses (see store.ts). */
  store: Store;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Database name (overrides the one in the URI). */
  dbName?: string;
  /** Connection attempts before giving up; Infinity retries forever. */
  attempts?: number;
  /** First back-off delay; doubles up to maxDelayMs. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  serverSelectionTimeoutMS?: number;
  log?: Logger;
  /** Emit the driver's command events (benchmarks profile the database with them). */
  monitorCommands?: boolean;
}

export class DatabaseError extends Error {
  constructor(message: string) {
    super(redact(message));
    this.name = 'DatabaseError';
  }
}

/** Hides the password of a connection string for messages. */
export function describeUri(uri: string): string {
  return redact(uri).replace(/\?.*$/, '');
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function openDatabase(uri: string, opts: OpenOptions = {}): Promise<Database> {
  const log = opts.log ?? defaultLog;
  const attempts = opts.attempts ?? 8;
  const maxDelay = opts.maxDelayMs ?? 10_000;
  let delay = opts.baseDelayMs ?? 500;
  for (let attempt = 1; ; attempt++) {
    const conn = mongoose.createConnection();
    try {
      await conn.openUri(uri, {
        dbName: opts.dbName,
        serverSelectionTimeoutMS: opts.serverSelectionTimeoutMS ?? 5000,
        // The bot buffers nothing silently: an operation on a lost connection fails fast
        // and the caller (poller, poster) decides to retry.
        bufferCommands: false,
        monitorCommands: opts.monitorCommands ?? false,
        // Acknowledged by a majority of a replica set, journaled: a failover cannot roll back
        // a stored mention, a planned reply or a claim the bot has acted on. A standalone
        // server or FerretDB treats it as an ordinary acknowledged write.
        writeConcern: { w: 'majority', journal: true },
      });
      const models = modelsFor(conn);
      await ensureIndexes(models);
      await runMigrations({ conn, models }, { log: (line) => log.info(line) });
      return { conn, models, store: storeOf(models), close: () => conn.close() };
    } catch (e) {
      await conn.close().catch(() => undefined);
      // A database newer than this code: retrying cannot help.
      if (e instanceof SchemaError) throw e;
      const reason = e instanceof Error ? e.message : String(e);
      if (attempt >= attempts) {
        throw new DatabaseError(
          `Cannot reach the database at ${describeUri(uri)} after ${attempt} attempt(s): ${reason}`,
        );
      }
      log.warn(
        `Database at ${describeUri(uri)} not reachable (attempt ${attempt}/${attempts}): ${redact(reason)}; retrying in ${delay} ms`,
      );
      await sleep(delay);
      delay = Math.min(delay * 2, maxDelay);
    }
  }
}
