/**
 * Opened over plain HTTP at an address the browser does not treat as secure (a LAN address such as
 * http://192.168.1.20:3000), where it hides crypto.subtle: the first screen says what is wrong and
 * how to fix it, instead of failing obscurely. Chromium treats http://127.0.0.1 and localhost as
 * secure, so the server is reached through a name mapped to 127.0.0.1 (--host-resolver-rules).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { text } from './pages/index.ts';
import { a11yJournal } from './support/axe.ts';
import { launchBrowser, newPerson, type Person } from './support/browser.ts';
import { startServer, type RunningServer } from './support/app-server.ts';

const HOST = 'insecure.test';

describe('an insecure origin', () => {
  let server: RunningServer;
  let browser: Browser;
  let p: Person;
  const a11y = a11yJournal();

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser({ mapHosts: [HOST] });
    p = await newPerson(browser, server.url.replace('127.0.0.1', HOST), { width: 320, height: 640 }, { hasTouch: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('explains on the first screen what is wrong and how to fix it', async () => {
    await p.page.goto('/');
    expect(await p.page.evaluate(() => window.isSecureContext)).toBe(false);
    await p.page.getByRole('heading', { level: 1, name: text('insecure.title'), exact: true }).waitFor();
    const origin = new URL(p.page.url()).origin;
    await p.page.getByText(text('insecure.what', { address: origin }), { exact: true }).waitFor();
    for (const fix of ['insecure.fixProxy', 'insecure.fixLocal', 'insecure.fixAsk'] as const) await p.page.getByText(text(fix), { exact: true }).waitFor();
    // Nothing of the app started: no welcome screen, no sign-up form.
    expect(await p.page.getByRole('heading', { name: text('welcome.title') }).count()).toBe(0);
    await a11y.check(p.page, 'insecure origin (320 px)');
    expect(a11y.found()).toEqual([]);
  });

  it('the same explanation on any address of the app, and nothing threw', async () => {
    await p.page.goto('/settings');
    await p.page.getByRole('heading', { level: 1, name: text('insecure.title'), exact: true }).waitFor();
    expect(p.problems.filter((m) => /Uncaught|Content Security Policy|Refused to/i.test(m))).toEqual([]);
  });
});
