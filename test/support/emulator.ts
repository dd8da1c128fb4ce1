// Starts a fresh, strict X API emulator on a free 127.0.0.1 port, with a client already pointed
// at it. Strict: OAuth 1.0a signatures and timestamps are verified against these test
// credentials (the bot and the default client sign with them), unknown fields and body keys
// are refused like X refuses them.
import { createXClient, type XClient, type XClientOptions } from '../../src/x';
import { startEmulator, type Emulator, type EmulatorOptions } from '../../src/x/emulator';

export const TEST_OAUTH1 = {
  consumerKey: 'app-key-1',
  consumerSecret: 'app-secret-1',
  accessToken: 'acc-tok-1',
  accessSecret: 'acc-sec-1',
};

export interface TestEmulator extends Emulator {
  /** A new XClient against this emulator (OAuth 1.0a, signed, unless `auth` is given). */
  client(opts?: Partial<XClientOptions>): XClient;
}

export async function startTestEmulator(opts: EmulatorOptions = {}): Promise<TestEmulator> {
  const emu = await startEmulator({ oauth1: TEST_OAUTH1, ...opts, port: opts.port ?? 0 });
  const o1 = emu.oauth1;
  return {
    ...emu,
    client: (o = {}) =>
      createXClient({
        baseUrl: emu.url,
        auth: o1
          ? {
              kind: 'oauth1',
              appKey: o1.consumerKey,
              appSecret: o1.consumerSecret,
              accessToken: o1.accessToken,
              accessSecret: o1.accessSecret,
            }
          : { kind: 'bearer-sandbox', token: emu.token },
        timeoutMs: 5000,
        ...o,
      }),
  };
}
