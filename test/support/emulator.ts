// Starts a fresh X API emulator on a free 127.0.0.1 port, with a client already pointed at it.
import { createXClient, type XClient, type XClientOptions } from '../../src/x';
import { startEmulator, type Emulator, type EmulatorOptions } from '../../src/x/emulator';

export interface TestEmulator extends Emulator {
  /** A new XClient against this emulator (sandbox bearer token unless `auth` is given). */
  client(opts?: Partial<XClientOptions>): XClient;
}

export async function startTestEmulator(opts: EmulatorOptions = {}): Promise<TestEmulator> {
  const emu = await startEmulator({ ...opts, port: opts.port ?? 0 });
  return {
    ...emu,
    client: (o = {}) =>
      createXClient({
        baseUrl: emu.url,
        auth: { kind: 'bearer-sandbox', token: emu.token },
        timeoutMs: 5000,
        ...o,
      }),
  };
}
