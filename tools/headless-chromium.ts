/**
 * Debian's Chromium (package `chromium`), driven by playwright-core: a real browser for the project's
 * web page, without Playwright's own browser download. As root (CI) it needs --no-sandbox; the
 * background-networking flags keep it from reaching for Google's hosts on a closed network.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const flags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A phone: 390 CSS pixels wide (an iPhone 12 to 15), at twice the pixel density. */
export const phoneViewport = { width: 390, height: 844 };

export interface OpenPage {
  page: Page;
  close(): Promise<void>;
}

/** Opens `url` as a phone would; throws (never skips) when Chromium is not installed. */
export async function openPhonePage(url: string): Promise<OpenPage> {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `No Chromium at ${chromiumPath}: install Debian's package (apt-get install -y chromium), as .ci/run does, or set CHROMIUM_PATH.`,
    );
  }
  const profile = mkdtempSync(path.join(tmpdir(), 'rug-coach-chromium-'));
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath,
      headless: true,
      args: flags,
      viewport: phoneViewport,
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'nl-NL',
    });
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(url, { waitUntil: 'load' });
    const opened = context;
    return {
      page,
      close: async () => {
        await opened.close();
        rmSync(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await context?.close();
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
}
