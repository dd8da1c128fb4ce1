// A private database per test file on the shared test server, dropped afterwards.
import { randomBytes } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { openDatabase, type Database } from '../../src/store/db';
import { createLogger } from '../../src/log';

export function testUri(): string {
  const uri = process.env.MUJIB_TEST_MONGODB_URI;
  if (!uri) throw new Error('MUJIB_TEST_MONGODB_URI is not set: run the tests through jest (global setup)');
  return uri;
}

export function uniqueDbName(label: string): string {
  return `t_${label.replace(/[^a-z0-9]/gi, '_').slice(0, 30)}_${randomBytes(4).toString('hex')}`;
}

/** A logger that writes nowhere, for code under test that wants one. */
export const quietLog = createLogger({ level: 'error', format: 'json', stream: new PassThrough() });

export async function openTestDatabase(
  label: string,
): Promise<Database & { dbName: string; drop(): Promise<void> }> {
  const dbName = uniqueDbName(label);
  const db = await openDatabase(testUri(), { dbName, attempts: 3, log: quietLog });
  return {
    ...db,
    dbName,
    async drop() {
      await db.conn.dropDatabase().catch(() => undefined);
      await db.close();
    },
  };
}
