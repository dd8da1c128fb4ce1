// `mujib x auth` end to end against the strict emulator's OAuth 2.0: the consent URL is
// printed, the pasted redirect is exchanged, the tokens land sealed in the database, and a
// wrong MUJIB_SECRET_KEY cannot read them back.
import { runConsent } from '../src/x/consent';
import { dbTokenStore, OAUTH2_TOKENS_KEY } from '../src/x/oauth2-db';
import { SealedStateError } from '../src/store/sealed-state';
import { startTestEmulator, type TestEmulator } from './support/emulator';
import { openTestDatabase } from './support/db';

let emu: TestEmulator;
let db: Awaited<ReturnType<typeof openTestDatabase>>;

beforeAll(async () => {
  emu = await startTestEmulator({
    oauth1: undefined,
    oauth2: { clientId: 'cli-client', clientSecret: 'cli-secret' },
  });
  db = await openTestDatabase('xauth');
});
afterAll(async () => {
  await emu.stop();
  await db.drop();
});

const KEY = 'a'.repeat(64);

test('mujib x auth: prints the consent URL, takes the redirect back, stores the tokens encrypted', async () => {
  const printed: string[] = [];
  const cfg = {
    apiBaseUrl: emu.url,
    authorizeUrl: `${emu.url}/i/oauth2/authorize`,
    redirectUri: 'http://127.0.0.1:8723/callback',
    clientId: 'cli-client',
    clientSecret: 'cli-secret',
    secretKey: KEY,
  };
  const { username } = await runConsent(cfg, db.store, {
    print: (l) => void printed.push(l),
    // The operator opens the URL, approves, and pastes the address the browser landed on.
    readLine: async () => {
      const url = printed.find((l) => l.startsWith('http'))!;
      const r = await fetch(url, { redirect: 'manual' });
      return r.headers.get('location')!;
    },
  });
  expect(username).toBe(emu.agency.username);
  const doc = await db.models.State.findById(`${OAUTH2_TOKENS_KEY}:cli-client`).lean();
  const raw = JSON.stringify(doc?.value);
  expect(raw).toMatch(/aes-256-gcm/);
  const tokens = await dbTokenStore(db.store, KEY, 'cli-client').load();
  expect(tokens?.refreshToken).toBeTruthy();
  expect(raw).not.toContain(tokens!.refreshToken);
  expect(raw).not.toContain(tokens!.accessToken!);
  // Another key cannot read them (and says why, without the token).
  const err = await dbTokenStore(db.store, 'b'.repeat(64), 'cli-client')
    .load()
    .catch((e: Error) => e);
  expect(err).toBeInstanceOf(SealedStateError);
  expect((err as Error).message).toMatch(/MUJIB_SECRET_KEY/);
  expect((err as Error).message).not.toContain(tokens!.refreshToken);
});
