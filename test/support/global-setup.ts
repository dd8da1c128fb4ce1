// One MongoDB-wire server for the whole test run: MONGODB_URI when given (e.g. a real
// MongoDB), otherwise FerretDB built from source and started on a free port.
import { startFerretDB } from '../../src/store/ferretdb';

export default async function globalSetup(): Promise<void> {
  if (process.env.MONGODB_URI) {
    process.env.MUJIB_TEST_MONGODB_URI = process.env.MONGODB_URI;
    return;
  }
  const db = await startFerretDB({ onProgress: (line) => console.log(`\n[test setup] ${line}`) });
  process.env.MUJIB_TEST_MONGODB_URI = db.uri;
  (globalThis as { __MUJIB_FERRETDB__?: typeof db }).__MUJIB_FERRETDB__ = db;
}
