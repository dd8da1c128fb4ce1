/// <reference lib="dom" />
// Screenshots of the console in Arabic with realistic seeded tickets. `npm run screenshots`
// (MUJIB_SCREENSHOTS=1) writes them to docs/; a normal test run renders the same pages into
// a temp folder, so the pages are exercised without touching the committed images.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser, type TestBrowser } from './support/browser';
import { PASSWORD, startTestConsole, type ConsoleFixture } from './support/console';

const OUT = process.env.MUJIB_SCREENSHOTS
  ? path.resolve(__dirname, '..', 'docs')
  : fs.mkdtempSync(path.join(os.tmpdir(), 'mujib-shots-'));

let fx: ConsoleFixture;
let browser: TestBrowser;

beforeAll(async () => {
  fx = await startTestConsole('console_shots', { pollMs: 60_000 });
  browser = await launchBrowser({ viewport: { width: 1280, height: 900 } });
});
afterAll(async () => {
  await browser?.close();
  await fx?.stop();
});

test('Arabic screenshots: queue, ticket on a phone, playground, dashboard', async () => {
  const base = fx.console.url;
  const page = await browser.context.newPage();
  await page.goto(`${base}/signin`);
  await page.fill('input[name=name]', 'sara');
  await page.fill('input[name=password]', PASSWORD);
  await Promise.all([page.waitForURL(`${base}/queue`), page.click('button[type=submit]')]);
  // Fonts decide whether Arabic shapes at all: wait for them before any picture.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));

  const shots: string[] = [];
  const shot = async (name: string, o: { fullPage?: boolean } = {}) => {
    const file = path.join(OUT, name);
    await page.screenshot({ path: file, fullPage: o.fullPage ?? false });
    shots.push(file);
  };

  await page.goto(`${base}/queue`);
  await page
    .locator('details[data-details="AM-2611-0043"]')
    .evaluate((d) => ((d as HTMLDetailsElement).open = true));
  await page.setViewportSize({ width: 1280, height: 1500 });
  await shot('console-queue-ar.png');

  await page.goto(`${base}/playground`);
  await page.fill(
    'textarea[name=text]',
    'غرفة تفتيش مفتوحة بدون غطاء قدام مدرسة الأبناء في حي النسيم، خطر على الأطفال',
  );
  await Promise.all([page.waitForURL(`${base}/playground`), page.click('form[action="/playground"] button')]);
  await shot('console-playground-ar.png', { fullPage: true });

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${base}/dashboard`);
  await shot('console-dashboard-ar.png', { fullPage: true });

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${base}/tickets/AM-2611-0043`);
  await shot('console-ticket-ar-phone.png', { fullPage: true });

  for (const f of shots) expect(fs.statSync(f).size).toBeGreaterThan(10_000);
});
