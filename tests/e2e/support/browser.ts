/**
 * Debian's Chromium driven by playwright-core (no browser download). The flags keep a headless
 * Chromium from reaching out to the network on its own, which this machine refuses.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { watchShifts } from './shift-audit.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * `mapHosts`: names Chromium resolves to 127.0.0.1 (--host-resolver-rules), e.g. 'insecure.test'
 * to open the app at an address Chromium does not treat as secure (only localhost and 127.0.0.1
 * are, over plain http), as a LAN address is.
 */
export function launchBrowser(options: { mapHosts?: readonly string[] } = {}): Promise<Browser> {
  const rules = (options.mapHosts ?? []).map((host) => `MAP ${host} 127.0.0.1`).join(', ');
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
      ...(rules ? [`--host-resolver-rules=${rules}`] : []),
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
  /**
   * `hasTouch`: a phone, where taps are touches (locator.tap()). `watchShifts`: note the controls
   * that move with nobody touching anything (support/shift-audit.ts).
   */
  options: { timezoneId?: string; hasTouch?: boolean; watchShifts?: boolean } = {},
): Promise<Person> {
  const { watchShifts: watching, ...contextOptions } = options;
  const context = await browser.newContext({ baseURL, viewport, ...contextOptions });
  if (watching) await watchShifts(context);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(msg.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return { context, page, problems };
}
