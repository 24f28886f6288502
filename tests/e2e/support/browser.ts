/**
 * Debian's Chromium driven by playwright-core (no browser download). The flags keep a headless
 * Chromium from reaching out to the network on its own, which this machine refuses.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

export interface Person {
  context: BrowserContext;
  page: Page;
  /** Console errors and CSP violations seen on this person's pages. */
  problems: string[];
}

/** One person on their own device: a fresh browser context (own cookies and IndexedDB). */
export async function newPerson(
  browser: Browser,
  baseURL: string,
  viewport = { width: 390, height: 844 },
  options: { timezoneId?: string } = {},
): Promise<Person> {
  const context = await browser.newContext({ baseURL, viewport, ...options });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(msg.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return { context, page, problems };
}
