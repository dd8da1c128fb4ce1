// Debian's Chromium driven by playwright-core (never `npx playwright install`): headless, no
// sandbox (CI runs as root), nothing phoning home, and a fresh profile per launch.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM = process.env.MUJIB_CHROMIUM ?? '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface TestBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launchBrowser(
  o: { viewport?: { width: number; height: number }; locale?: string } = {},
): Promise<TestBrowser> {
  if (!fs.existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium fonts-noto-core (see .ci/run)`);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'mujib-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: o.viewport ?? { width: 1280, height: 900 },
    locale: o.locale ?? 'ar-SA',
    timezoneId: 'Asia/Riyadh',
  });
  return {
    context,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}
