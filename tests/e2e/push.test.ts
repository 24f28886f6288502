/**
 * Notifications end to end (issue 12), on two phones (390 px, touch, real taps) against the real
 * server and the local push service (tests/support/push-service.ts), which stands in for a browser
 * vendor's: it checks the VAPID signature and decrypts every message with the subscription's keys.
 *
 * Real Chromium asks for the permission and then cannot subscribe (headless, no vendor push
 * service): that much of the app's flow is checked as the browser does it. From then on each
 * phone's PushManager hands out a subscription made by the local push service (the one part of
 * the world a test cannot reach); everything else is real: the app's PUT with its prefs, the
 * server's sending, and the service worker showing the notification when the same payload is
 * delivered to it through the DevTools protocol (ServiceWorker.deliverPushMessage).
 *
 * A invites B while A's app is closed; B joins; A's device gets a `joined` push with no content,
 * shown discreetly (and by kind once chosen); A's app, opened, confirms B within seconds. Both get
 * `opened` when the question's answers open. Quiet hours hold a "thinking of you" back and it
 * arrives when they end. Nothing anyone typed, no name or email, is in any push payload, the
 * database or the log.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPushService, type PushService } from '../support/push-service.ts';
import { DailyQuestionPage } from './pages/daily-pages.ts';
import { HomePage, JoinPage, NewSpacePage, SettingsPage, SignUpPage, SpacePage, text } from './pages/index.ts';
import { startServer, type RunningServer } from './support/app-server.ts';
import { a11yJournal } from './support/axe.ts';
import type { Person } from './support/browser.ts';
import { launchBrowser } from './support/browser.ts';
import { signUp } from './support/journeys.ts';
import { expectNothingTypedOnServer } from './support/privacy.ts';

const run = Math.random().toString(36).slice(2, 8);
const SPACE = `Harbour ${run}canaryspace`;
const A = { email: `ari.${run}@example.test`, password: `quiet lamp ${run} otter`, name: `Ari${run}canaryname` };
const B = { email: `bea.${run}@example.test`, password: `green hill ${run} wren`, name: `Bea${run}canaryname` };
const A_LINE = `A line of mine ${run}canaryanswer`;
const B_LINE = `What I would say ${run}canaryanswer`;
/**
 * B's phone keeps another time zone than A's (the machine's): quiet hours are in the device's own.
 * Of a few such zones, one on A's calendar date now and for the next half hour: the question of the
 * day is of each person's own date (ADR 022), and this journey has both answer the same one (in
 * Kolkata at 01:00 it is already tomorrow's question while it is today's on a UTC machine).
 */
const B_ZONE = zoneOnTheSameDay(['Asia/Kolkata', 'America/New_York', 'Europe/Berlin', 'Asia/Tokyo']);

function zoneOnTheSameDay(zones: string[]): string {
  const here = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const day = (zone: string | undefined, at: number) => new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(at);
  const sameFor = (zone: string, ms: number) => [0, ms].every((dt) => day(zone, Date.now() + dt) === day(undefined, Date.now() + dt));
  const others = zones.filter((zone) => zone !== here);
  return others.find((zone) => sameFor(zone, 30 * 60_000)) ?? others.find((zone) => sameFor(zone, 0)) ?? others[0]!;
}

interface StandInSubscription {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

/** A phone: a small touch screen that may show notifications (the permission is granted). */
async function phone(browser: Browser, baseURL: string, timezoneId?: string): Promise<Person> {
  const context = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, timezoneId });
  await context.grantPermissions(['notifications'], { origin: baseURL });
  // Counts the permission questions the app asks (it must ask only after the tap).
  await context.addInitScript(() => {
    const w = window as unknown as { permissionAsks: number };
    w.permissionAsks = 0;
    const ask = Notification.requestPermission.bind(Notification);
    Notification.requestPermission = (...args: Parameters<typeof Notification.requestPermission>) => {
      w.permissionAsks++;
      return ask(...args);
    };
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(msg.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return { context, page, problems };
}

/**
 * From now on this phone's PushManager is the local push service's: subscribe() hands out `sub`
 * (remembering the server's public key, as a browser does), getSubscription() returns it until
 * unsubscribe(). It stands in for the vendor's push service only; the app code is unchanged.
 */
async function standInPushService(context: BrowserContext, sub: StandInSubscription): Promise<void> {
  await context.addInitScript((s: StandInSubscription) => {
    const KEY = 'test-push-stand-in';
    const make = (serverKey: string) => ({
      endpoint: s.endpoint,
      expirationTime: null,
      options: { userVisibleOnly: true, applicationServerKey: Uint8Array.from(atob(serverKey), (c) => c.charCodeAt(0)).buffer },
      toJSON: () => ({ endpoint: s.endpoint, expirationTime: null, keys: s.keys }),
      unsubscribe: async () => {
        localStorage.removeItem(KEY);
        return true;
      },
    });
    PushManager.prototype.subscribe = async function (options?: PushSubscriptionOptionsInit) {
      const key = new Uint8Array(options!.applicationServerKey as ArrayBuffer);
      localStorage.setItem(KEY, btoa(String.fromCharCode(...key)));
      return make(localStorage.getItem(KEY)!) as unknown as PushSubscription;
    };
    PushManager.prototype.getSubscription = async function () {
      const key = localStorage.getItem(KEY);
      return (key ? make(key) : null) as unknown as PushSubscription | null;
    };
  }, sub);
}

/** Delivers a push to the phone's service worker as the browser would, through the DevTools protocol. */
async function deliverToServiceWorker(page: Page, data: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const registrationId = new Promise<string>((resolve) => {
    cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
      const ours = registrations.find((r) => r.scopeURL === new URL('/', page.url()).href && !r.isDeleted);
      if (ours) resolve(ours.registrationId);
    });
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.deliverPushMessage', { origin: new URL(page.url()).origin, registrationId: await registrationId, data });
  await cdp.detach();
}

/** The notifications the service worker shows right now. */
function shownNotifications(page: Page) {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return (await registration.getNotifications()).map((n) => ({ title: n.title, body: n.body, tag: n.tag }));
  });
}

/** HH:MM in a time zone, `minutes` from now. */
function clock(zone: string, minutes: number): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(Date.now() + minutes * 60_000);
}

describe('notifications between two phones, discreet by default', () => {
  let server: RunningServer;
  let pushService: PushService;
  let browser: Browser;
  let a: Person;
  let b: Person;
  let subA: StandInSubscription;
  let subB: StandInSubscription;
  let spaceId = '';
  let link = '';
  const a11y = a11yJournal();

  /** The server's log lines about pushes (no payloads or endpoints are ever logged), for a failure's message. */
  const pushLines = () => server.output().split('\n').filter((line) => /push/i.test(line)).slice(-20).join('\n');
  const messagesFor = (sub: StandInSubscription, kind?: string) =>
    pushService.messages.filter((m) => m.endpoint === sub.endpoint && (!kind || (m.payload as { k?: string }).k === kind));

  async function openNotifications(page: Page): Promise<void> {
    await page.goto('/settings');
    await page.getByRole('link', { name: text('settings.notificationsLink'), exact: true }).tap();
    await page.getByRole('heading', { level: 1, name: text('notifications.title'), exact: true }).waitFor();
  }

  async function checkBothWidths(page: Page, screen: string): Promise<void> {
    await a11y.check(page, `${screen} (390 px)`);
    await page.setViewportSize({ width: 320, height: 640 });
    try {
      await a11y.check(page, `${screen} (320 px)`);
    } finally {
      await page.setViewportSize({ width: 390, height: 844 });
    }
  }

  beforeAll(async () => {
    pushService = await createPushService();
    server = await startServer({ env: { PUSH_ALLOW_INSECURE_ENDPOINTS: '1' } });
    browser = await launchBrowser();
    a = await phone(browser, server.url);
    b = await phone(browser, server.url, B_ZONE);
    subA = pushService.subscription();
    subB = pushService.subscription();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await pushService?.close();
  });

  it('A asks nothing on load; the explained button asks, and the browser’s refusal to subscribe is said kindly', async () => {
    await signUp(a, A);
    await new HomePage(a.page).createSpace();
    spaceId = await new NewSpacePage(a.page).create({ name: SPACE });
    link = await new SpacePage(a.page).leadingInviteLink();
    await openNotifications(a.page);
    await a.page.getByText(text('notifications.discreetNote'), { exact: true }).waitFor();
    const turnOn = a.page.getByRole('button', { name: text('notifications.turnOn'), exact: true });
    await turnOn.waitFor();
    expect(await a.page.evaluate(() => (window as unknown as { permissionAsks: number }).permissionAsks)).toBe(0);
    await checkBothWidths(a.page, 'notifications, off');
    await turnOn.tap();
    await a.page.getByRole('alert').getByText(text('notifications.error.unsupported'), { exact: true }).waitFor();
    expect(await a.page.evaluate(() => (window as unknown as { permissionAsks: number }).permissionAsks)).toBe(1);
  });

  it('with the push service standing in, A turns notifications on: the server has A’s device with its choices', async () => {
    await standInPushService(a.context, subA);
    await a.page.reload();
    await a.page.getByRole('button', { name: text('notifications.turnOn'), exact: true }).tap();
    await a.page.getByText(text('notifications.onNote'), { exact: true }).waitFor();
    // Discreet is chosen until A says otherwise.
    expect(await a.page.getByRole('radio', { name: new RegExp(text('notifications.detail.discreet')) }).isChecked()).toBe(true);
    await checkBothWidths(a.page, 'notifications, on');
  });

  it('A’s app is closed; B joins with the link; A’s device gets a `joined` push with nothing in it but a kind and ids', async () => {
    await a.page.close();
    const join = new JoinPage(b.page);
    await join.open(link);
    await join.title();
    await join.createAccount();
    await new SignUpPage(b.page).signUpAndConfirm(B.email, B.password, { remember: true });
    await join.join(B.name);
    await join.waitForWaiting();
    await expect.poll(() => messagesFor(subA, 'joined').length, { timeout: 20_000 }).toBe(1);
    const [joined] = messagesFor(subA, 'joined');
    expect(joined!.payload).toEqual({ v: 1, k: 'joined', s: spaceId, i: expect.any(String) });
  });

  it('the same push, delivered to A’s service worker, shows discreetly; A’s app, opened, confirms B within seconds', async () => {
    a.page = await a.context.newPage();
    await a.page.goto('/');
    await a.page.evaluate(() => navigator.serviceWorker.ready);
    // Exactly what the browser would hand its service worker: the decrypted, padded plaintext.
    await deliverToServiceWorker(a.page, messagesFor(subA, 'joined')[0]!.plaintext);
    await expect.poll(() => shownNotifications(a.page), { timeout: 10_000 }).toEqual([
      { title: 'Innermost', body: text('push.discreet'), tag: `joined:${spaceId}` },
    ]);
    const started = Date.now();
    await new JoinPage(b.page).waitUntilInSpace(20_000);
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('with "what happened" chosen on A’s device, the same push says so, still without names', async () => {
    await openNotifications(a.page);
    await a.page.getByRole('radio', { name: new RegExp(text('notifications.detail.kinds')) }).tap();
    await a.page.getByRole('button', { name: text('notifications.save'), exact: true }).tap();
    await a.page.getByRole('status').filter({ hasText: text('notifications.saved') }).first().waitFor();
    await deliverToServiceWorker(a.page, messagesFor(subA, 'joined')[0]!.plaintext);
    await expect.poll(() => shownNotifications(a.page), { timeout: 10_000 }).toEqual([
      { title: 'Innermost', body: text('push.kind.joined'), tag: `joined:${spaceId}` },
    ]);
  });

  it('B turns notifications on too; both get an `opened` push when the question’s answers open', async () => {
    await standInPushService(b.context, subB);
    await openNotifications(b.page);
    await b.page.getByRole('button', { name: text('notifications.turnOn'), exact: true }).tap();
    await b.page.getByText(text('notifications.onNote'), { exact: true }).waitFor();

    const screenA = new DailyQuestionPage(a.page);
    await screenA.goto(spaceId);
    await screenA.answer(A_LINE);
    await screenA.button('daily.share').tap();
    await screenA.inLine().waitFor({ timeout: 15_000 });
    const screenB = new DailyQuestionPage(b.page);
    await screenB.goto(spaceId);
    await screenB.answer(B_LINE);
    await screenB.button('daily.share').tap();
    // B's own screen shows both answers first: the reveal happened, so what follows is the push alone.
    await b.page.locator('.daily-answers').getByText(A_LINE).waitFor({ timeout: 20_000 });
    const opened = () => [messagesFor(subA, 'opened').length, messagesFor(subB, 'opened').length];
    await expect.poll(opened, { timeout: 20_000 }).toEqual([1, 1]).catch((error: Error) => {
      throw new Error(`${error.message}\nopened pushes ${JSON.stringify(opened())}; the server said about pushes:\n${pushLines()}`);
    });
    expect(messagesFor(subA, 'opened')[0]!.payload).toMatchObject({ k: 'opened', s: spaceId });
  });

  it('quiet hours on B’s phone (its own time zone) hold A’s "thinking of you" until they end', { timeout: 240_000 }, async () => {
    // Quiet from a minute ago until a minute or two from now, on B's clock in B's zone.
    await openNotifications(b.page);
    await b.page.getByLabel(text('notifications.quiet'), { exact: true }).tap();
    // B's zone is a whole number of minutes from UTC, so its minutes start when UTC's do. The end
    // is the next minute when at least 30 s of this one are left (time to save, send and see it
    // held), else the one after.
    const minuteStart = Math.floor(Date.now() / 60_000) * 60_000;
    const ahead = minuteStart + 60_000 - Date.now() >= 30_000 ? 1 : 2;
    const end = clock(B_ZONE, ahead);
    const endsAt = minuteStart + ahead * 60_000;
    await b.page.getByLabel(text('notifications.quietStart'), { exact: true }).fill(clock(B_ZONE, -1));
    await b.page.getByLabel(text('notifications.quietEnd'), { exact: true }).fill(end);
    await b.page.getByRole('button', { name: text('notifications.save'), exact: true }).tap();
    await b.page.getByRole('status').filter({ hasText: text('notifications.saved') }).first().waitFor();
    await checkBothWidths(b.page, 'notifications, choices with quiet hours');

    await new HomePage(a.page).goto();
    await a.page.getByRole('button', { name: text('thinking.send', { name: B.name }), exact: true }).tap();
    const sentAt = Date.now();
    // Held: nothing for a while, though the server sends within a second or two otherwise.
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    expect(messagesFor(subB, 'thinking')).toEqual([]);
    // Released when quiet hours end (the end minute on B's clock), within the sender's poll.
    await expect.poll(() => messagesFor(subB, 'thinking').length, { timeout: 200_000, interval: 1_000 }).toBe(1);
    const [held] = messagesFor(subB, 'thinking');
    expect(held!.receivedAt - sentAt).toBeGreaterThan(5_000);
    expect(held!.receivedAt).toBeGreaterThanOrEqual(endsAt);
    expect(held!.payload).toEqual({ v: 1, k: 'thinking', s: spaceId, i: '' });
  });

  it('one switch turns everything off on A’s device: the browser’s subscription goes and the button is back', async () => {
    await openNotifications(a.page);
    await a.page.getByRole('button', { name: text('notifications.turnOff'), exact: true }).tap();
    const turnOn = a.page.getByRole('button', { name: text('notifications.turnOn'), exact: true });
    await turnOn.waitFor();
    await expect.poll(() => turnOn.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await a.page.evaluate(() => localStorage.getItem('test-push-stand-in'))).toBeNull();
  });

  it('B signs out: the browser’s subscription goes with the session', async () => {
    expect(await b.page.evaluate(() => localStorage.getItem('test-push-stand-in'))).not.toBeNull();
    await new SettingsPage(b.page).goto();
    await new SettingsPage(b.page).signOut();
    await expect.poll(() => b.page.evaluate(() => localStorage.getItem('test-push-stand-in'))).toBeNull();
  });

  it('accessibility: no axe violation and every target reachable by touch on the notifications screen', () => {
    expect(a11y.found()).toEqual([]);
    // Chromium's own note when the real subscribe fails in a context without a profile (first test).
    expect(a.problems.filter((p) => !/Push API in incognito|Registration failed/.test(p))).toEqual([]);
  });

  it('no name, answer, place name or email reaches a push payload, the database or the log', async () => {
    const typed = [A.name, B.name, SPACE, A_LINE, B_LINE];
    expect(pushService.messages.length).toBeGreaterThanOrEqual(4);
    expect(pushService.rejections).toEqual([]);
    for (const m of pushService.messages) expect(m.plaintextBytes).toBe(256);
    for (const m of pushService.messages) expect(Object.keys(m.payload as object).sort()).toEqual(['i', 'k', 's', 'v']);
    await expectNothingTypedOnServer(server, typed, [A.email, B.email], { pushPayloads: pushService.messages.map((m) => m.payload) });
  });
});
