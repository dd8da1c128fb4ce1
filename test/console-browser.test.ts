/// <reference lib="dom" />
// The console in a real browser (Debian Chromium via playwright-core) against a real server
// and database: signed-out requests get nothing, sign-in, RTL layout, a ticket worked from
// open to resolved, live updates when someone else acts, CSRF refusal, phone width.
import type { Page } from 'playwright-core';
import { claim } from '../src/queue';
import { launchBrowser, type TestBrowser } from './support/browser';
import { PASSWORD, refOf, SEEDS, startTestConsole, type ConsoleFixture } from './support/console';

let fx: ConsoleFixture;
let browser: TestBrowser;
let page: Page;
let base: string;

beforeAll(async () => {
  fx = await startTestConsole('console_browser', { pollMs: 500 });
  base = fx.console.url;
  browser = await launchBrowser();
  page = await browser.context.newPage();
});
afterAll(async () => {
  await browser?.close();
  await fx?.stop();
});

test('signed out: pages lead to sign-in and the API says 401, with no ticket data either way', async () => {
  const res = await page.goto(`${base}/queue`);
  expect(new URL(page.url()).pathname).toBe('/signin');
  expect(res!.status()).toBe(200); // the sign-in page, after the 302
  const api = await page.goto(`${base}/api/queue`);
  expect(api!.status()).toBe(401);
  for (const body of [await page.content(), await api!.text()]) {
    expect(body).not.toMatch(/AM-\d{4}-\d{4}/);
    for (const s of SEEDS) expect(body).not.toContain(s.text.slice(0, 20));
  }
});

test('sign in; the console is Arabic and right-to-left', async () => {
  await page.goto(`${base}/queue`);
  await page.fill('input[name=name]', 'sara');
  await page.fill('input[name=password]', PASSWORD);
  await Promise.all([page.waitForURL(`${base}/queue`), page.click('button[type=submit]')]);
  expect(await page.textContent('[data-staff]')).toBe('sara');

  const layout = await page.evaluate(() => {
    const h1 = document.querySelector('h1')!;
    const main = document.querySelector('main')!.getBoundingClientRect();
    const range = document.createRange();
    range.selectNodeContents(h1);
    const text = range.getBoundingClientRect();
    const card = document.querySelector('.ticket')!;
    return {
      dir: document.dir,
      lang: document.documentElement.lang,
      direction: getComputedStyle(document.body).direction,
      textAlign: getComputedStyle(document.querySelector('.tweet blockquote')!).textAlign,
      // Right-aligned text: the heading hugs the right edge of main, far from the left.
      gapRight: main.right - text.right,
      gapLeft: text.left - main.left,
      // The priority stripe is the card's inline start: the right side in Arabic.
      stripeRight: getComputedStyle(card).borderRightWidth,
      stripeLeft: getComputedStyle(card).borderLeftWidth,
    };
  });
  expect(layout.dir).toBe('rtl');
  expect(layout.lang).toBe('ar');
  expect(layout.direction).toBe('rtl');
  expect(['start', 'right']).toContain(layout.textAlign);
  expect(layout.gapRight).toBeLessThan(40);
  expect(layout.gapLeft).toBeGreaterThan(300);
  expect(layout.stripeRight).toBe('6px');
  expect(layout.stripeLeft).toBe('1px');
});

test('work a ticket: open → claimed → noted → resolved, recorded under the staff name', async () => {
  const ref = refOf(42);
  await page.goto(`${base}/tickets/${ref}`);
  expect(await page.textContent('[data-status]')).toBe('مفتوح');
  expect(await page.getAttribute('[data-tweet-link]', 'href')).toBe(
    'https://x.com/abu_fahad/status/1865000000000000042',
  );

  await Promise.all([
    page.waitForURL(`${base}/tickets/${ref}`),
    page.click('form[data-action=claim] button'),
  ]);
  expect(await page.textContent('.flash')).toContain(`استلمت البلاغ ${ref}`);
  expect(await page.textContent('[data-status]')).toBe('قيد المعالجة');
  expect(await page.textContent('[data-claimed-by]')).toBe('sara');

  await page.fill('form[data-action=note] textarea', 'تم إبلاغ مقاول الصيانة، الموعد بكرة الصبح');
  await Promise.all([page.waitForURL(`${base}/tickets/${ref}`), page.click('form[data-action=note] button')]);
  expect(await page.textContent('.notes')).toContain('تم إبلاغ مقاول الصيانة');

  await page.fill('form[data-action=resolve] textarea', 'رُدمت الحفرة وأعيدت السفلتة');
  await page.check('form[data-action=resolve] input[name=reply]');
  await Promise.all([
    page.waitForURL(`${base}/tickets/${ref}`),
    page.click('form[data-action=resolve] button'),
  ]);
  expect(await page.textContent('.flash')).toContain(`أُغلق البلاغ ${ref}`);
  expect(await page.textContent('[data-status]')).toBe('مغلق');
  expect(await page.isVisible('form[data-action=reopen]')).toBe(true);

  const t = (await fx.db.models.Ticket.findById(ref).lean())!;
  expect(t.status).toBe('resolved');
  expect(t.history.filter((h) => h.by === 'sara').map((h) => h.action)).toEqual([
    'claimed',
    'noted',
    'resolved',
  ]);
  expect(await fx.db.models.Reply.countDocuments({ _id: `resolved:${ref}` })).toBe(1);
});

test('the queue updates without a reload when someone else acts', async () => {
  await page.goto(`${base}/queue`);
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
  const ref = refOf(41);
  expect(await page.locator(`[data-ref="${ref}"] [data-claimed-by]`).count()).toBe(0);
  await claim(fx.db.store, ref, { as: 'omar' }); // the CLI or another tab
  await page.waitForSelector(`[data-ref="${ref}"] [data-claimed-by]`, { timeout: 10_000 });
  expect(await page.textContent(`[data-ref="${ref}"] [data-claimed-by]`)).toBe('omar');
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1); // same page, no reload
});

test('a POST without the CSRF token is refused and changes nothing', async () => {
  const ref = refOf(49);
  await page.goto(`${base}/queue`);
  const status = await page.evaluate(async (r) => {
    const res = await fetch(`/tickets/${r}/claim`, {
      method: 'POST',
      body: new URLSearchParams({ back: '/queue' }),
    });
    return res.status;
  }, ref);
  expect(status).toBe(403);
  expect((await fx.db.models.Ticket.findById(ref).lean())!.status).toBe('open');
  // The same request with the page's token goes through: only the token was missing.
  const ok = await page.evaluate(async (r) => {
    const token = (document.querySelector('input[name=_csrf]') as HTMLInputElement).value;
    const res = await fetch(`/tickets/${r}/claim`, {
      method: 'POST',
      body: new URLSearchParams({ _csrf: token }),
      redirect: 'manual',
    });
    return res.type === 'opaqueredirect' || res.ok;
  }, ref);
  expect(ok).toBe(true);
  expect((await fx.db.models.Ticket.findById(ref).lean())!.claimedBy).toBe('sara');
});

test('English toggle switches to left-to-right', async () => {
  await page.goto(`${base}/queue`);
  await Promise.all([page.waitForURL(/lang=en/), page.click('a.lang')]);
  expect(await page.evaluate(() => [document.dir, document.documentElement.lang])).toEqual(['ltr', 'en']);
  expect(await page.textContent('h1')).toBe('Escalation queue');
  await page.click('a.lang'); // back to Arabic for the rest
  expect(await page.evaluate(() => document.dir)).toBe('rtl');
});

test('readable on a phone: no sideways scrolling on any page', async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const p of ['/queue?status=all', `/tickets/${refOf(43)}`, '/playground', '/dashboard']) {
    await page.goto(base + p);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect([p, overflow]).toEqual([p, 0]);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
});

test('playground in the browser: explain and run the rule tests', async () => {
  await page.goto(`${base}/playground`);
  await page.fill('textarea[name=text]', 'غرفة تفتيش مفتوحة في حي النسيم والأطفال يلعبون حولها');
  await Promise.all([page.waitForURL(`${base}/playground`), page.click('form[action="/playground"] button')]);
  expect(await page.getAttribute('[data-category]', 'data-category')).toBe('water_sewage');
  expect(await page.getAttribute('[data-urgent]', 'data-urgent')).toBe('true');
  expect(await page.textContent('[data-reply]')).toMatch(/AM-\d{4}-0042/);
  await page.click('form[action="/playground/tests"] button');
  await page.waitForSelector('#tests-result');
});
