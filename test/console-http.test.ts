// The staff console over real HTTP on the real test database: sign-in, sessions, CSRF,
// access control on every route, ticket actions through the queue's rules, playground and
// dashboard. No mocks: a real server, real scrypt, real FerretDB.
import { createHash } from 'node:crypto';
import { allRoutes } from '../src/console/routes';
import { SESSION_COOKIE } from '../src/console/auth/sessions';
import { addStaff } from '../src/console/auth/staff';
import {
  Client,
  OTHER_PASSWORD,
  PASSWORD,
  refOf,
  SEEDS,
  startTestConsole,
  type ConsoleFixture,
} from './support/console';

let fx: ConsoleFixture;
let base: string;

beforeAll(async () => {
  fx = await startTestConsole('console_http');
  base = fx.console.url;
});
afterAll(async () => {
  await fx?.stop();
});

const signedIn = async (name = 'sara', password = PASSWORD) => {
  const c = new Client(base);
  const r = await c.signIn(name, password);
  expect(r.status).toBe(303);
  return c;
};

/** Anything a leak would show: refs, tweet text, usernames, staff names. */
function expectNoTicketData(body: string): void {
  expect(body).not.toMatch(/AM-\d{4}-\d{4}/);
  for (const s of SEEDS) {
    expect(body).not.toContain(s.text.slice(0, 20));
    expect(body).not.toContain(s.user);
  }
  expect(body).not.toContain('نورة');
}

describe('signed out, nothing is readable', () => {
  const fill = (p: string) => p.replace(':ref', refOf(42)).replace(':action', 'claim');

  test.each(allRoutes().map((r) => [r.method, r.path, r] as const))('%s %s', async (method, path, route) => {
    const c = new Client(base);
    const url = fill(path);
    const r =
      method === 'GET'
        ? await c.get(url)
        : await c.request('POST', url, { form: { text: 'x' }, headers: { origin: base } });
    if (route.public) {
      if (method === 'GET') expect(r.status).toBe(200);
      else expect(r.status).toBe(403); // the sign-in POST without its form token
    } else if (route.api) {
      expect(r.status).toBe(401);
    } else {
      expect(r.status).toBe(302);
      expect(r.headers.get('location')).toMatch(/^\/signin/);
    }
    expectNoTicketData(r.text);
  });

  test.each([['/nope'], ['/api/nope'], ['/tickets/AM-2611-0042/history'], ['/static/../queue']])(
    'unknown %s',
    async (p) => {
      const r = await new Client(base).get(p);
      expect([302, 401]).toContain(r.status);
      expectNoTicketData(r.text);
    },
  );

  test('a request with a made-up session cookie is signed out', async () => {
    const c = new Client(base);
    c.cookies.set(SESSION_COOKIE, 'a'.repeat(43));
    const r = await c.get('/api/queue');
    expect(r.status).toBe(401);
    expectNoTicketData(r.text);
  });
});

describe('sign-in', () => {
  test('wrong password: 401, no session; right one: HttpOnly SameSite=Strict session cookie', async () => {
    const c = new Client(base);
    const bad = await c.signIn('sara', 'not the password');
    expect(bad.status).toBe(401);
    expect(bad.text).toContain('الاسم أو كلمة المرور غير صحيحة');
    expect(c.cookies.has(SESSION_COOKIE)).toBe(false);

    const ok = await c.signIn('Sara', PASSWORD); // names are case-insensitive
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe('/queue');
    const set = c.lastSetCookie.find((s) => s.startsWith(`${SESSION_COOKIE}=`))!;
    expect(set).toMatch(/HttpOnly/);
    expect(set).toMatch(/SameSite=Strict/);
    expect(set).toMatch(/Path=\//);
    expect(set).not.toMatch(/Secure/); // plain http, not configured

    const queue = await c.get('/queue');
    expect(queue.status).toBe(200);
    expect(queue.text).toContain(refOf(42));
  });

  test('only a hash of the session id is stored, with an expiry', async () => {
    const c = await signedIn();
    const id = c.cookies.get(SESSION_COOKIE)!;
    const digest = createHash('sha256').update(decodeURIComponent(id)).digest('hex');
    const doc = await fx.db.models.Session.findById(digest).lean();
    expect(doc?.staffName).toBe('sara');
    expect(doc!.expiresAt.getTime()).toBeGreaterThan(Date.now());
    expect(await fx.db.models.Session.countDocuments({ _id: id })).toBe(0);
  });

  test('the sign-in form needs its own token (login CSRF)', async () => {
    const c = new Client(base);
    const r = await c.request('POST', '/signin', {
      form: { name: 'sara', password: PASSWORD },
      headers: { origin: base },
    });
    expect(r.status).toBe(403);
    expect(c.cookies.has(SESSION_COOKIE)).toBe(false);
  });

  test('next= only leads to local paths', async () => {
    const c = new Client(base);
    const page = await c.get('/signin');
    const r = await c.request('POST', '/signin', {
      form: { _csrf: Client.csrfFrom(page.text), name: 'sara', password: PASSWORD, next: '//evil.example/x' },
      headers: { origin: base },
    });
    expect(r.headers.get('location')).toBe('/queue');
  });

  test('repeated failures for one name are slowed down, even with the right password after', async () => {
    await addStaff(fx.db.store, 'layla', OTHER_PASSWORD);
    const c = new Client(base);
    for (let i = 0; i < 5; i++) expect((await c.signIn('layla', `wrong ${i}`)).status).toBe(401);
    const locked = await c.signIn('layla', OTHER_PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(c.cookies.has(SESSION_COOKIE)).toBe(false);
  });

  test('Secure cookies when configured', async () => {
    const secure = await startTestConsole('console_http_secure', { secureCookies: true });
    try {
      const c = new Client(secure.console.url);
      await c.signIn('sara', PASSWORD);
      expect(c.lastSetCookie.find((s) => s.startsWith(`${SESSION_COOKIE}=`))).toMatch(/; Secure/);
    } finally {
      await secure.stop();
    }
  });

  test('sign-out ends the session on the server', async () => {
    const c = await signedIn();
    const stolen = c.cookies.get(SESSION_COOKIE)!;
    const out = await c.post('/signout', {});
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe('/signin?out=1');
    const replay = new Client(base);
    replay.cookies.set(SESSION_COOKIE, stolen);
    expect((await replay.get('/queue')).status).toBe(302);
  });

  test('an expired session is refused', async () => {
    const c = await signedIn();
    const digest = createHash('sha256')
      .update(decodeURIComponent(c.cookies.get(SESSION_COOKIE)!))
      .digest('hex');
    await fx.db.models.Session.updateOne(
      { _id: digest },
      { $set: { expiresAt: new Date(Date.now() - 1000) } },
    );
    expect((await c.get('/api/queue')).status).toBe(401);
  });
});

describe('CSRF', () => {
  const ref = refOf(49);

  test('a POST without the token is refused and changes nothing', async () => {
    const c = await signedIn();
    const r = await c.request('POST', `/tickets/${ref}/claim`, { form: {}, headers: { origin: base } });
    expect(r.status).toBe(403);
    expect((await fx.db.models.Ticket.findById(ref).lean())!.status).toBe('open');
  });

  test("a POST with a wrong token, or another session's token, is refused", async () => {
    const c = await signedIn();
    const other = await signedIn('omar', OTHER_PASSWORD);
    const theirs = Client.csrfFrom((await other.get('/queue')).text);
    for (const token of ['nope', theirs]) {
      const r = await c.request('POST', `/tickets/${ref}/claim`, {
        form: { _csrf: token },
        headers: { origin: base },
      });
      expect(r.status).toBe(403);
    }
    expect((await fx.db.models.Ticket.findById(ref).lean())!.status).toBe('open');
  });

  test('a POST from another origin is refused even with the token', async () => {
    const c = await signedIn();
    const token = Client.csrfFrom((await c.get('/queue')).text);
    const r = await c.request('POST', `/tickets/${ref}/claim`, {
      form: { _csrf: token },
      headers: { origin: 'https://evil.example' },
    });
    expect(r.status).toBe(403);
    expect((await fx.db.models.Ticket.findById(ref).lean())!.status).toBe('open');
  });

  test('the token also works as the X-CSRF-Token header (scripts)', async () => {
    const c = await signedIn();
    const token = Client.csrfFrom((await c.get('/queue')).text);
    const r = await c.request('POST', `/tickets/${ref}/note`, {
      json: { text: 'ملاحظة من سكربت' },
      headers: { origin: base, 'x-csrf-token': token, accept: 'application/json' },
    });
    expect(r.status).toBe(200);
    const t = await fx.db.models.Ticket.findById(ref).lean();
    expect(t!.notes.at(-1)).toMatchObject({ by: 'sara', text: 'ملاحظة من سكربت' });
  });
});

describe('ticket actions go through the queue and are recorded by name', () => {
  test('claim → note → resolve, each in history under the staff name', async () => {
    const ref = refOf(50);
    const c = await signedIn();
    const claim = await c.post(`/tickets/${ref}/claim`, { back: '/queue' });
    expect(claim.status).toBe(303);
    expect(claim.headers.get('location')).toBe('/queue');
    const shown = await c.get('/queue');
    expect(shown.text).toContain(`استلمت البلاغ ${ref}`); // the flash, once
    expect((await c.get('/queue')).text).not.toContain(`استلمت البلاغ ${ref}`);

    await c.post(`/tickets/${ref}/note`, { text: 'تواصلنا مع فريق بلدي التقني' });
    await c.post(`/tickets/${ref}/resolve`, { note: 'تم إصلاح الدفع', reply: '1' });
    const t = (await fx.db.models.Ticket.findById(ref).lean())!;
    expect(t.status).toBe('resolved');
    expect(t.history.slice(-3).map((h) => [h.action, h.by])).toEqual([
      ['claimed', 'sara'],
      ['noted', 'sara'],
      ['resolved', 'sara'],
    ]);
    // "Reply to the citizen": the resolved reply is in the outbox for the bot's poster.
    const reply = await fx.db.models.Reply.findById(`resolved:${ref}`).lean();
    expect(reply).toMatchObject({ kind: 'resolved', status: 'planned', ticketRef: ref });
    expect(reply!.text).toContain(ref);
  });

  test("refusals are shown in the user's language and change nothing", async () => {
    const ref = refOf(43); // claimed by نورة
    const c = await signedIn('omar', OTHER_PASSWORD);
    const r = await c.post(`/tickets/${ref}/resolve`, {});
    expect(r.status).toBe(303);
    const page = await c.get(`/tickets/${ref}`);
    expect(page.text).toContain(`تعذّر تنفيذ الإجراء: البلاغ ${ref} يعالجه نورة حتى`);
    expect((await fx.db.models.Ticket.findById(ref).lean())!.status).toBe('claimed');

    await c.get('/queue?lang=en');
    await c.post(`/tickets/${ref}/resolve`, {});
    const en = await c.get(`/tickets/${ref}`);
    expect(en.text).toContain(`Not done: ${ref} is claimed by نورة until`);

    const json = await c.post(`/tickets/${ref}/claim`, {}, { accept: 'application/json' });
    expect(json.status).toBe(409);
    expect(json.json<{ code: string }>().code).toBe('held_by_other');
  });

  test('reopening an open ticket is refused; an unknown ticket is 404', async () => {
    const c = await signedIn();
    const r = await c.post(`/tickets/${refOf(41)}/reopen`, {}, { accept: 'application/json' });
    expect(r.status).toBe(409);
    expect(r.json<{ error: string }>().error).toContain('ليس مغلقًا');
    expect((await c.get('/tickets/AM-2611-9999')).status).toBe(404);
    expect((await c.post('/tickets/AM-2611-0041/delete', {})).status).toBe(404);
  });
});

describe('pages', () => {
  test('queue: filters, counts per category, tweet link, why, escaped tweet text', async () => {
    await fx.db.models.Mention.updateOne(
      { _id: (await fx.db.models.Ticket.findById(refOf(47)).lean())!.mentionId },
      { $set: { text: '<script>alert(1)</script> وش رأيكم' } },
    );
    const c = await signedIn();
    const all = await c.get('/queue?status=all');
    expect(all.text).toContain('href="https://x.com/abu_fahad/status/1865000000000000042"');
    expect(all.text).toContain('قاعدة «roads-potholes»');
    expect(all.text).toContain('النموذج بثقة 87٪'); // Latin digits, Arabic percent sign
    expect(all.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(all.text).not.toContain('<script>alert(1)');

    const urgent = await c.get('/queue?priority=1');
    expect(urgent.text).toContain(refOf(41));
    expect(urgent.text).toContain(refOf(46));
    expect(urgent.text).not.toContain(refOf(42));

    const overdue = await c.get('/queue?overdue=1');
    expect(overdue.text).toContain(refOf(44));
    expect(overdue.text).toContain(refOf(45));
    expect(overdue.text).not.toContain(refOf(41));

    const api = (await c.get('/api/queue?category=roads')).json<{
      counts: { category: string; n: number }[];
      refs: { ref: string }[];
      html: string;
      stamp: string;
    }>();
    // Sorted by priority: the p2 pothole before the p3 pavement.
    expect(api.refs.map((r) => r.ref)).toEqual([refOf(42), refOf(49)]);
    expect(api.counts.find((x) => x.category === 'lighting')?.n).toBeGreaterThanOrEqual(1);
    expect(api.html).toContain('data-count="roads"');
  });

  test('English toggle: ltr, English strings, remembered in a cookie', async () => {
    const c = await signedIn();
    const en = await c.get('/queue?lang=en');
    expect(en.text).toContain('<html dir="ltr" lang="en">');
    expect(en.text).toContain('Escalation queue');
    expect((await c.get('/dashboard')).text).toContain('<html dir="ltr" lang="en">');
    expect((await c.get('/dashboard?lang=ar')).text).toContain('<html dir="rtl" lang="ar">');
  });

  test('playground explains a tweet and renders the reply with its weighted length', async () => {
    const c = await signedIn();
    const r = await c.post('/playground', { text: 'في حفرة كبيرة بشارع التحلية ودخلت فيها سيارتي' });
    expect(r.status).toBe(200);
    expect(r.text).toContain('data-category="roads"');
    expect(r.text).toContain('roads-potholes');
    expect(r.text).toContain('حفره'); // normalised token (ة → ه)
    expect(r.text).toMatch(/data-weighted="\d+"/);
    expect(r.text).toMatch(/data-reply>[^<]*AM-\d{4}-0042/);
    expect(r.text).toContain('<svg'); // the model's top 3
  });

  test('playground runs rules/tests.yml', async () => {
    const c = await signedIn();
    const r = await c.post('/playground/tests', {});
    expect(r.status).toBe(200);
    const total = fx.rules.pack.tests.length;
    expect(r.text).toMatch(new RegExp(`(نجحت ${total} من ${total}|فشلت \\d+ من ${total})`));
  });

  test('dashboard: charts and medians from the seeded replies', async () => {
    const c = await signedIn();
    const r = await c.get('/api/dashboard');
    const d = r.json<{
      html: string;
      stats: { ack: { n: number; medianMs: number }; byHour: number[]; breachesNow: number };
    }>();
    const acks = SEEDS.filter((s) => s.ackAfter !== undefined)
      .map((s) => s.ackAfter! * 60_000)
      .sort((a, b) => a - b);
    expect(d.stats.ack.n).toBeLessThanOrEqual(acks.length); // only today's (Riyadh) replies
    expect(d.stats.byHour).toHaveLength(24);
    expect(d.stats.breachesNow).toBeGreaterThanOrEqual(2);
    expect(d.html).toContain('<svg');
    const page = await c.get('/dashboard');
    expect(page.text).toContain('data-stat="median-ack"');
    expect((page.text.match(/<svg/g) ?? []).length).toBeGreaterThanOrEqual(4);
  });
});
