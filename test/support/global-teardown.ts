import type { RunningFerretDB } from '../../src/store/ferretdb';

export default async function globalTeardown(): Promise<void> {
  const db = (globalThis as { __MUJIB_FERRETDB__?: RunningFerretDB }).__MUJIB_FERRETDB__;
  await db?.stop();
}
