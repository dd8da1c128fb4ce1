// Issue 15 over real HTTP: the padded-name lockout bypass (finding 2), the proxy lockout,
// the global back-off, scrypt at OWASP's parameters with re-hash on sign-in, the tab redirect
// (finding 5), the Host allow-list and Secure cookies (finding 8), and the rules banner.
import http from 'node:http';
import { SESSION_COOKIE } from '../src/console/auth/sessions';
import { SignInLimiter } from '../src/console/auth/limiter';
import { addStaff } from '../src/console/auth/staff';
import { hashPassword, SCRYPT } from '../src/console/auth/password';
import { safeLocalPath } from '../src/console/http';
import { hostAllowed } from '../src/health/host-allow';
import { Client, OTHER_PASSWORD, PASSWORD, startTestConsole, type ConsoleFixture } from './support/console';

jest.setTimeout(180_000);

/** A raw request, so Host and X-Forwarded-For can be whatever a client sends. */
function raw(
  url: string,
  o: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: o.method ?? 'GET', headers: o.headers ?? {} }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, text }));
    });
    req.on('error', reject);
    req.end(o.body);
  });
}

/** A browser behind the proxy: every request comes from 127.0.0.1 with X-Forwarded-For. */
class ProxiedClient extends Client {
  constructor(
    base: string,
    readonly forwardedFor: string,
  ) {
    super(base);
  }
  override request(method: string, p: string, o: Parameters<Client['request']>[2] = {}) {
    return super.request(method, p, {
      ...o,
      headers: { 'x-forwarded-for': this.forwardedFor, ...o.headers },
    });
  }
}

describe('sign-in limiter', () => {
  let fx: ConsoleFixture;
  beforeAll(async () => {
    fx = await startTestConsole('console_hardening', {
      console: { trustProxy: ['127.0.0.1'], limiter: { maxPerName: 3, maxPerIp: 6 } },
    });
    await addStaff(fx.db.store, 'layla', OTHER_PASSWORD);
  });
  afterAll(() => fx?.stop());

  test('a locked name stays locked however it is padded, cased or written', async () => {
    const c = new ProxiedClient(fx.console.url, '203.0.113.1');
    for (let i = 0; i < 3; i++) expect((await c.signIn('layla', `wrong ${i}`)).status).toBe(401);
    for (const variant of [
      `layla${' '.repeat(35)}x`,
      `layla${' '.repeat(36)}`,
      '  LAYLA ',
      'ｌａｙｌａ',
      'Layla\t',
    ]) {
      const other = new ProxiedClient(fx.console.url, `203.0.113.${2 + variant.length}`);
      const r = await other.signIn(variant, OTHER_PASSWORD);
      expect([variant, r.status]).toEqual([variant, variant.includes('x') ? 401 : 429]);
      expect(other.cookies.has(SESSION_COOKIE)).toBe(false);
    }
  });

  test('behind the trusted proxy, one guesser does not lock everyone else out', async () => {
    const guesser = new ProxiedClient(fx.console.url, '198.51.100.66');
    for (let i = 0; i < 6; i++) expect((await guesser.signIn(`nobody${i}`, 'guess')).status).toBe(401);
    expect((await guesser.signIn('omar', OTHER_PASSWORD)).status).toBe(429); // that address is locked
    const colleague = new ProxiedClient(fx.console.url, '192.0.2.10');
    expect((await colleague.signIn('omar', OTHER_PASSWORD)).status).toBe(303);
  });

  test('X-Forwarded-For from anyone but the trusted proxy is ignored', async () => {
    const untrusted = await startTestConsole('console_hardening_untrusted', {
      console: { limiter: { maxPerName: 3, maxPerIp: 4 } },
    });
    try {
      for (let i = 0; i < 4; i++) {
        const c = new ProxiedClient(untrusted.console.url, `10.9.8.${i}`); // a new "address" each time
        expect((await c.signIn(`nobody${i}`, 'guess')).status).toBe(401);
      }
      const next = new ProxiedClient(untrusted.console.url, '10.9.8.200');
      expect((await next.signIn('sara', PASSWORD)).status).toBe(429);
    } finally {
      await untrusted.stop();
    }
  });
});

describe('passwords', () => {
  let fx: ConsoleFixture;
  beforeAll(async () => (fx = await startTestConsole('console_scrypt')));
  afterAll(() => fx?.stop());

  test('new hashes use N=2^17, r=8, p=1; an older, weaker hash is replaced at sign-in', async () => {
    expect(SCRYPT).toEqual({ N: 131072, r: 8, p: 1 });
    const fresh = await fx.db.models.Staff.findById('sara').lean();
    expect(fresh!.passwordHash).toMatch(/^scrypt\$131072\$8\$1\$/);
    const old = await hashPassword(OTHER_PASSWORD, { N: 1 << 15, r: 8, p: 1 });
    await fx.db.models.Staff.updateOne({ _id: 'omar' }, { $set: { passwordHash: old } });
    const c = new Client(fx.console.url);
    expect((await c.signIn('omar', OTHER_PASSWORD)).status).toBe(303);
    const after = await fx.db.models.Staff.findById('omar').lean();
    expect(after!.passwordHash).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect((await new Client(fx.console.url).signIn('omar', OTHER_PASSWORD)).status).toBe(303);
  });
});

describe('redirects after sign-in stay on the console', () => {
  const vectors = [
    '/%09/evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    '/%0a/evil.example',
    '/%250909/evil.example',
    '//evil.example',
    '/\\evil.example',
    '/%5cevil.example',
    '/%2F%2Fevil.example',
    'https://evil.example',
    '/\u200e/evil.example',
    'javascript:alert(1)',
  ];
  test.each(vectors.map((v) => [JSON.stringify(v), v]))('%s', (_label, v) => {
    expect(safeLocalPath(v)).toBe('/queue');
  });
  test('local paths survive', () => {
    expect(safeLocalPath('/tickets/AM-2611-0042?tab=notes#n2')).toBe('/tickets/AM-2611-0042?tab=notes#n2');
    expect(safeLocalPath('/queue?q=%D8%AD%D9%81%D8%B1%D8%A9')).toBe('/queue?q=%D8%AD%D9%81%D8%B1%D8%A9');
  });

  let fx: ConsoleFixture;
  beforeAll(async () => (fx = await startTestConsole('console_redirect')));
  afterAll(() => fx?.stop());

  test('/signin?next=/%09/evil.example, signed in or signing in', async () => {
    const c = new Client(fx.console.url);
    const page = await c.get('/signin?next=/%09/evil.example');
    const r = await c.request('POST', '/signin', {
      form: { _csrf: Client.csrfFrom(page.text), name: 'sara', password: PASSWORD, next: '/\t/evil.example' },
      headers: { origin: fx.console.url },
    });
    expect(r.headers.get('location')).toBe('/queue');
    const again = await c.get('/signin?next=/%09/evil.example');
    expect(again.status).toBe(303);
    expect(again.headers.get('location')).toBe('/queue');
  });
});

describe('Host allow-list, Secure cookies, rules banner', () => {
  test('hostAllowed: IP literals and localhost always; names only the public URL', () => {
    for (const h of ['127.0.0.1:8080', '[::1]:8080', 'localhost:8080', '10.0.0.5'])
      expect(hostAllowed(h)).toBe(true);
    for (const h of ['evil.example', 'evil.example:8080', '127.0.0.1.nip.io', '', undefined])
      expect(hostAllowed(h)).toBe(false);
    expect(hostAllowed('mujib.agency.gov.sa', 'https://mujib.agency.gov.sa')).toBe(true);
    expect(hostAllowed('MUJIB.agency.gov.sa:443', 'https://mujib.agency.gov.sa')).toBe(true);
    expect(hostAllowed('mujib.agency.gov.sa.evil.example', 'https://mujib.agency.gov.sa')).toBe(false);
  });

  let fx: ConsoleFixture;
  const since = new Date(Date.now() - 5 * 60_000);
  beforeAll(
    async () =>
      (fx = await startTestConsole('console_host', {
        console: {
          publicUrl: 'https://mujib.agency.gov.sa',
          rulesStatus: () => ({
            ok: false,
            invalidSince: since,
            problems: ['rules/categories.yml:6:41: nested more than 32 levels deep here'],
          }),
        },
      })),
  );
  afterAll(() => fx?.stop());

  test('a rebound name is refused, the public one served; cookies are Secure for an https public URL', async () => {
    const port = new URL(fx.console.url).port;
    const evil = await raw(`${fx.console.url}/signin`, { headers: { host: `evil.example:${port}` } });
    expect(evil.status).toBe(421);
    const pub = await raw(`${fx.console.url}/signin`, { headers: { host: 'mujib.agency.gov.sa' } });
    expect(pub.status).toBe(200);
    expect(String(pub.headers['set-cookie'])).toMatch(/; Secure/);
    const c = new Client(fx.console.url);
    await c.signIn('sara', PASSWORD);
    expect(c.lastSetCookie.find((s) => s.startsWith(`${SESSION_COOKIE}=`))).toMatch(/; Secure/);
  });

  test('every signed-in page shows the rules problems and since when; the sign-in page does not', async () => {
    const out = await new Client(fx.console.url).get('/signin');
    expect(out.text).not.toContain('categories.yml');
    const c = new Client(fx.console.url);
    await c.signIn('omar', OTHER_PASSWORD);
    for (const p of ['/queue', '/dashboard', '/playground']) {
      const page = await c.get(p);
      expect(page.status).toBe(200);
      expect(page.text).toContain('data-rules-invalid');
      expect(page.text).toContain('rules/categories.yml:6:41: nested more than 32 levels deep here');
      expect(page.text).toContain('ملفات القواعد فيها أخطاء');
      expect(page.text).toMatch(/منذ/);
    }
  });
});

describe('SignInLimiter', () => {
  test('past its bound it forgets the least recently used keys, never the lockouts', () => {
    const l = new SignInLimiter({
      maxKeys: 100,
      maxPerName: 3,
      maxPerIp: 1_000_000,
      globalFreePerMinute: 1e9,
    });
    const t = 1_000_000;
    for (let i = 0; i < 3; i++) l.fail('victim', '192.0.2.1', t);
    expect(l.retryAfter('victim', '192.0.2.99', t)).toBeGreaterThan(0);
    for (let i = 0; i < 10_000; i++) l.fail(`flood${i}`, `198.51.100.${i % 250}`, t + i);
    expect(l.size()).toBeLessThanOrEqual(100);
    expect(l.retryAfter('victim', '192.0.2.99', t + 10_000)).toBeGreaterThan(0);
    expect(l.retryAfter('VICTIM  ', '192.0.2.99', t + 10_000)).toBeGreaterThan(0);
  });

  test('the global back-off grows with failures from everywhere, capped, and fades within a minute', () => {
    const l = new SignInLimiter({ globalFreePerMinute: 10, maxGlobalDelayMs: 3_000 });
    const t = 5_000_000;
    for (let i = 0; i < 10; i++) l.fail(`n${i}`, `203.0.113.${i}`, t);
    expect(l.globalDelay(t)).toBe(0);
    for (let i = 0; i < 5; i++) l.fail(`m${i}`, `198.51.100.${i}`, t);
    expect(l.globalDelay(t)).toBe(500);
    for (let i = 0; i < 100; i++) l.fail(`k${i}`, `192.0.2.${i}`, t);
    expect(l.globalDelay(t)).toBe(3_000);
    expect(l.globalDelay(t + 61_000)).toBe(0);
    // A slowed-down member is still let in: the back-off never answers 429.
    expect(l.retryAfter('sara', '192.0.2.250', t)).toBe(0);
  });
});
