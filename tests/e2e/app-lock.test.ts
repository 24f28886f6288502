/**
 * The app lock on the smallest touch phone (320 px), every control reached by a real tap: the lock
 * screen shows nothing personal; a PIN set in Account opens Innermost, survives a reload, counts
 * wrong tries and after the last one gives way to the password; it locks by itself after the
 * chosen idle time (Playwright's fake clock), in the foreground and on coming back from the
 * background; and face or fingerprint through WebAuthn PRF, with Chromium's virtual authenticator.
 * Axe and the tap audit check every screen.
 *
 * With an app lock set, Innermost opens locked every time it loads (there is no open copy of the
 * unlock on the device), so a reload here always meets the lock screen.
 *
 * The person uses http://localhost rather than 127.0.0.1: WebAuthn refuses IP addresses as
 * relying-party ids, and localhost is a secure context like https.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppLockScreen, AppLockSettingsPage, AppNav, HomePage, text } from './pages/index.ts';
import { a11yJournal } from './support/axe.ts';
import { launchBrowser, newPerson, type Person } from './support/browser.ts';
import { startServer, type RunningServer } from './support/app-server.ts';
import { signUp } from './support/journeys.ts';

const run = Math.random().toString(36).slice(2, 8);
const P = { email: `robin.${run}@example.test`, password: `willow lantern ${run} harbour`, name: `Robin${run}` };
const PIN = '2468';
const TRIES = 5;

let server: RunningServer;
let browser: Browser;
let p: Person;
let locked: AppLockScreen;
let settings: AppLockSettingsPage;
const a11y = a11yJournal();

async function lockFromHeader(): Promise<void> {
  await new AppNav(p.page).lock();
  await locked.waitFor();
}

async function expectNothingPersonal(): Promise<void> {
  const shown = await locked.screenText();
  expect(shown).not.toContain(P.email);
  expect(shown).not.toContain(P.name);
  // Not in the page at all, hidden fields included (a password manager's username field was one).
  expect(await p.page.content()).not.toContain(P.email);
}

describe('app lock on a 320 px touch phone', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    p = await newPerson(browser, server.url.replace('127.0.0.1', 'localhost'), { width: 320, height: 640 }, { hasTouch: true });
    locked = new AppLockScreen(p.page);
    settings = new AppLockSettingsPage(p.page);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the lock screen shows no email and no name, only a way to sign out', async () => {
    await signUp(p, P);
    await lockFromHeader();
    await locked.waitForPassword();
    await expectNothingPersonal();
    expect(await locked.button('locked.signOut').isVisible()).toBe(true);
    await a11y.check(p.page, 'locked (password)');
    await locked.unlockWithPasswordByTaps(P.password);
  });

  it('sets a PIN in Account (asks for the password), then the PIN opens Innermost, also after a reload', async () => {
    await settings.goto();
    await settings.region.waitFor();
    await a11y.check(p.page, 'account with app lock');
    await settings.setPin(PIN, P.password);
    await a11y.check(p.page, 'account with a PIN');
    await lockFromHeader();
    await locked.waitForPin();
    await expectNothingPersonal();
    await a11y.check(p.page, 'locked (PIN)');
    // The PIN's copy is kept on the device: a reload still asks for the PIN, not the password.
    await p.page.reload();
    await locked.waitForPin();
    await locked.tryPin('1357');
    await locked.page.getByRole('alert').filter({ hasText: text('locked.pinWrong', { count: TRIES - 1 }) }).waitFor();
    await a11y.check(p.page, 'locked (a wrong PIN)');
    await locked.unlockWithPin(PIN);
    await settings.waitFor(); // back where the person was
  });

  it('locks by itself after the chosen idle time, and on coming back after it from the background', async () => {
    await settings.chooseIdle(1);
    // The fake clock must own the timers the app sets: install it, then reload.
    await p.page.clock.install();
    await p.page.reload();
    await locked.unlockWithPin(PIN);
    await settings.region.waitFor();
    await p.page.clock.fastForward(30_000);
    expect(await locked.isShown()).toBe(false);
    await p.page.clock.fastForward(31_000);
    await locked.waitForPin();
    await expectNothingPersonal();

    await locked.unlockWithPin(PIN);
    await settings.region.waitFor();
    // In the background timers sleep; the wall clock does not. Coming back after 2 minutes locks at once.
    const pageNow = await p.page.evaluate(() => Date.now());
    await p.page.clock.setSystemTime(pageNow + 2 * 60_000);
    await p.page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await locked.waitForPin();
    await locked.unlockWithPin(PIN);
    await settings.chooseIdle(0);
  });

  it('after too many wrong PINs the password is needed, and the PIN is gone', async () => {
    await lockFromHeader();
    await locked.waitForPin();
    for (let i = 1; i < TRIES; i++) {
      await locked.tryPin('0000');
      await locked.page.getByRole('alert').filter({ hasText: text('locked.pinWrong', { count: TRIES - i }) }).waitFor();
    }
    await locked.tryPin('0000');
    await locked.page.getByRole('alert').filter({ hasText: text('locked.pinGone') }).waitFor();
    await locked.waitForPassword();
    expect(await locked.field('field.pin').count()).toBe(0);
    await a11y.check(p.page, 'locked (too many PIN tries)');
    await p.page.reload();
    await locked.waitForPassword(); // a reload gives no tries back
    await locked.unlockWithPasswordByTaps(P.password);
    await settings.region.getByText(text('appLock.pinOff'), { exact: true }).waitFor();
  });

  it('face or fingerprint opens Innermost, through WebAuthn PRF on a virtual platform authenticator', async () => {
    const cdp = await p.context.newCDPSession(p.page);
    await cdp.send('WebAuthn.enable');
    await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        ctap2Version: 'ctap2_1',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        hasPrf: true,
        automaticPresenceSimulation: true,
      },
    });
    await settings.goto();
    await settings.platformButton().waitFor();
    await a11y.check(p.page, 'account offering face or fingerprint');
    await settings.turnOnPlatform();
    await lockFromHeader();
    await locked.waitForPassword(); // no PIN now: the password field, with face or fingerprint above it
    await expectNothingPersonal();
    await a11y.check(p.page, 'locked (face or fingerprint)');
    await p.page.reload();
    await locked.button('locked.platform').tap();
    await locked.heading(text('locked.title')).waitFor({ state: 'detached' });
    await new AppNav(p.page).today();
    await new HomePage(p.page).waitFor();
  });

  it('no screen had an accessibility or tap-target problem, and no page error', () => {
    expect(a11y.found()).toEqual([]);
    expect(p.problems).toEqual([]);
  });
});
