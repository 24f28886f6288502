/**
 * Care and safety in Chromium, on touch phones (390 px, real taps), with the example helplines
 * file as the operator's (docs/help-resources.example.json):
 * - the help centre opens from every screen (signed out, locked and unlocked; by the header's
 *   link and by "?") and, while it is open, not one request leaves the page: its code and the
 *   operator's list were kept on the device beforehand;
 * - "I don't feel safe" from onboarding leaves no trace: no request, no row of any table on the
 *   server changes (records of anyone, notifications' outbox), so the partner's app learns nothing;
 * - a question sheet becomes a private note in Just me only;
 * - the tab's title turns discreet on this device and stays so;
 * - quick exit by a tap and by Shift three times: blank, locked, the history entry replaced, the
 *   operator's page shown; going back finds only the lock screen.
 * Axe and the tap audit run on every screen at 390 and 320 px.
 */
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HELP } from '../../content/help.ts';
import { LockedPage, text } from './pages/index.ts';
import { startServer, type RunningServer } from './support/app-server.ts';
import { a11yJournal } from './support/axe.ts';
import { launchBrowser, type Person } from './support/browser.ts';
import { shareASpace } from './support/journeys.ts';
import { networkQuiet } from './support/network-quiet.ts';

const run = Math.random().toString(36).slice(2, 8);
const EXIT_URL = 'https://exit.example/weather';
const EXIT_TITLE = 'Weather today';
const EXAMPLE = resolve(import.meta.dirname, '../../docs/help-resources.example.json');

async function phone(browser: Browser, baseURL: string, width = 390): Promise<Person> {
  const context = await browser.newContext({ baseURL, viewport: { width, height: 844 }, hasTouch: true, isMobile: true });
  // The neutral page is not on the network here: the test answers for it.
  await context.route('https://exit.example/**', (route) => route.fulfill({ contentType: 'text/html', body: `<!doctype html><title>${EXIT_TITLE}</title><h1>${EXIT_TITLE}</h1>` }));
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(msg.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return { context, page, problems };
}

/** Every request the page, its service worker or the browser for it sends from now until `stop()`. */
function recordRequests(person: Person): { stop: () => string[] } {
  const seen: string[] = [];
  const onRequest = (request: Request) => {
    seen.push(`${request.method()} ${request.url()}`);
  };
  person.context.on('request', onRequest);
  return {
    stop: () => {
      person.context.off('request', onRequest);
      return seen;
    },
  };
}

/** Waits until the help centre's code and the operator's list are on this device (loaded at start). */
async function helpKept(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate(() => localStorage.getItem('innermost.care') !== null), { timeout: 15_000 }).toBe(true);
  // The service worker has stored the whole build (its install fetches every file once).
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  // And the screen underneath has finished its own loading (a list from the server, code on demand).
  await networkQuiet(page);
}


/** Row counts of every table the server keeps (rate limits aside: they count requests, not data). */
function tableCounts(server: RunningServer): Record<string, number> {
  const db = new Database(join(server.dataDir, 'innermost.db'), { readonly: true, fileMustExist: true });
  try {
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'rate_limits'").all() as { name: string }[]).map((t) => t.name);
    return Object.fromEntries(tables.map((name) => [name, (db.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n]));
  } finally {
    db.close();
  }
}

function recordsIn(server: RunningServer, spaceId: string): number {
  const db = new Database(join(server.dataDir, 'innermost.db'), { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM records WHERE space_id = ?').get(spaceId) as { n: number }).n;
  } finally {
    db.close();
  }
}

const h1 = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true });
const helpLink = (page: Page) => page.getByRole('banner').getByRole('link', { name: text('nav.help'), exact: true });
const quickExitButton = (page: Page) => page.getByRole('button', { name: text('nav.quickExit'), exact: true });

async function checkBothWidths(a11y: ReturnType<typeof a11yJournal>, page: Page, screen: string): Promise<void> {
  await a11y.check(page, `${screen} (390 px)`);
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: 320, height: 640 });
  try {
    await a11y.check(page, `${screen} (320 px)`);
  } finally {
    await page.setViewportSize(size);
  }
}

/**
 * From the screen that is showing: the header's Help, then every page of the help centre by taps
 * (and a region picked), recording requests all the while. Returns them (expected: none).
 */
async function walkHelp(person: Person, options: { a11y?: ReturnType<typeof a11yJournal>; via?: 'tap' | 'key' } = {}): Promise<string[]> {
  const { page } = person;
  const recorder = recordRequests(person);
  if (options.via === 'key') {
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('?');
  } else {
    await helpLink(page).tap();
  }
  await h1(page, text('help.title')).waitFor();
  if (options.a11y) await checkBothWidths(options.a11y, page, 'help centre');
  const pages: [string, string][] = [
    [text('help.professional'), HELP.professional.title],
    [text('help.unsafe'), HELP.unsafe.title],
    [text('help.resources'), text('resources.title')],
    [text('help.device'), text('device.title')],
    ...HELP.sheets.map((s): [string, string] => [s.title, s.title]),
  ];
  for (const [link, title] of pages) {
    await page.getByRole('link', { name: link, exact: true }).tap();
    await h1(page, title).waitFor();
    if (title === text('resources.title')) {
      await page.getByLabel(text('resources.regionLabel')).selectOption('de');
      await page.getByRole('heading', { name: 'Hilfetelefon Gewalt gegen Frauen' }).waitFor();
      await page.getByRole('link', { name: text('resources.call', { number: '116 016' }) }).waitFor();
    }
    if (options.a11y) await checkBothWidths(options.a11y, page, `help: ${title}`);
    await page.getByRole('link', { name: `‹ ${text('help.back')}` }).tap();
    await h1(page, text('help.title')).waitFor();
  }
  return recorder.stop();
}

describe('care and safety', () => {
  const SPACE = `Harbour ${run}canaryspace`;
  const A = { email: `ada.${run}@example.test`, password: `quiet river ${run} wren`, name: `Ada${run}` };
  const B = { email: `bo.${run}@example.test`, password: `amber hill ${run} crane`, name: `Bo${run}` };
  let server: RunningServer;
  let browser: Browser;
  let a: Person;
  let b: Person;
  let spaceId = '';
  const a11y = a11yJournal();

  beforeAll(async () => {
    server = await startServer({ env: { HELP_RESOURCES_FILE: EXAMPLE, QUICK_EXIT_URL: EXIT_URL } });
    browser = await launchBrowser();
    a = await phone(browser, server.url);
    b = await phone(browser, server.url);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('signed out, the whole help centre opens by taps and by "?" with no request at all', async () => {
    await a.page.goto('/');
    await h1(a.page, text('welcome.title')).waitFor();
    await checkBothWidths(a11y, a.page, 'welcome with Help and Quick exit');
    await helpKept(a.page);
    expect(await walkHelp(a, { a11y })).toEqual([]);
    await a.page.goto('/signin');
    await helpKept(a.page);
    expect(await walkHelp(a, { via: 'key' })).toEqual([]);
  });

  it('a helplines file that is wrong stops the server with a clear message', async () => {
    const bad = join(server.dataDir, 'bad-help.json');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(bad, JSON.stringify({ version: 1, regions: [{ id: 'x', name: 'X', emergency: 'none', resources: [] }] }));
    await expect(startServer({ env: { HELP_RESOURCES_FILE: bad } })).rejects.toThrow(/HELP_RESOURCES_FILE: .*bad-help\.json is invalid:[\s\S]*regions\.0\.emergency: must be a phone number/);
  });

  it('unlocked, from every screen (Today, Closeness, Explore, Account, a shared place, onboarding), help sends nothing', async () => {
    spaceId = await shareASpace(a, A, b, B, SPACE);
    const screens: [string, string][] = [
      ['/', text('home.title')],
      ['/closeness', text('closeness.title')],
      ['/explore', text('explore.title')],
      ['/settings', text('settings.title')],
      [`/spaces/${spaceId}`, SPACE],
      ['/start', text('start.title')],
    ];
    for (const [path, title] of screens) {
      await a.page.goto(path);
      await h1(a.page, title).waitFor();
      await helpKept(a.page);
      await checkBothWidths(a11y, a.page, `${path} with Help and Quick exit`);
      const recorder = recordRequests(a);
      await helpLink(a.page).tap();
      await h1(a.page, text('help.title')).waitFor();
      await a.page.getByRole('link', { name: text('help.unsafe'), exact: true }).tap();
      await h1(a.page, HELP.unsafe.title).waitFor();
      expect(recorder.stop(), `help from ${path}`).toEqual([]);
    }
    await a.page.goto('/');
    await helpKept(a.page);
    expect(await walkHelp(a, { via: 'key' })).toEqual([]);
  });

  it('"Something feels unsafe" from onboarding leaves no trace: no request, no row changed, nothing for the partner', async () => {
    await a.page.goto('/start');
    await h1(a.page, text('start.title')).waitFor();
    await helpKept(a.page);
    const before = tableCounts(server);
    const recorder = recordRequests(a);
    await a.page.getByRole('link', { name: text('start.unsafe'), exact: true }).tap();
    await h1(a.page, HELP.unsafe.title).waitFor();
    for (const section of HELP.unsafe.sections) await a.page.getByRole('heading', { level: 2, name: section.title, exact: true }).waitFor();
    // The helplines are on the page itself, for the region picked on this device.
    await a.page.getByLabel(text('resources.regionLabel')).selectOption('uk');
    await a.page.getByRole('heading', { name: 'National Domestic Abuse Helpline' }).waitFor();
    await checkBothWidths(a11y, a.page, 'I do not feel safe (from onboarding)');
    expect(recorder.stop()).toEqual([]);
    // The quiet ways out point to their screens.
    await a.page.getByRole('link', { name: 'Go to Account', exact: true }).tap();
    await h1(a.page, text('settings.title')).waitFor();
    // Whatever Account asks of the server has been answered (reads only, so the counts stand).
    await networkQuiet(a.page);
    expect(tableCounts(server)).toEqual(before);
    // Onboarding kept no reason either: it still asks.
    await a.page.goto('/start');
    await h1(a.page, text('start.title')).waitFor();
    // Nothing reached B: the counts above include the notifications' outbox and every record.
    expect(before.push_outbox).toBeDefined();
    expect(before.records).toBeGreaterThan(0);
  });

  it('a question sheet prints, and becomes a private note in Just me only', async () => {
    const sheet = HELP.sheets[0]!;
    await a.page.goto(`/help/sheets/${sheet.id}`);
    await h1(a.page, sheet.title).waitFor();
    // Printed, only the sheet shows: the header and its buttons are hidden.
    await a.page.emulateMedia({ media: 'print' });
    expect(await quickExitButton(a.page).isVisible()).toBe(false);
    expect(await h1(a.page, sheet.title).isVisible()).toBe(true);
    await a.page.emulateMedia({ media: 'screen' });

    const sharedBefore = recordsIn(server, spaceId);
    const totalBefore = tableCounts(server).records!;
    await a.page.getByRole('button', { name: text('sheet.makeNote'), exact: true }).tap();
    const box = a.page.getByLabel(text('sheet.noteLabel'));
    expect(await box.inputValue()).toContain(sheet.groups[0]!.questions[0]!.text);
    await checkBothWidths(a11y, a.page, 'a sheet as a note, editing');
    await box.fill(`${sheet.groups[0]!.questions[0]!.text}\nMy own: what about swimming? ${run}canarynote`);
    await a.page.getByRole('button', { name: text('sheet.noteSave'), exact: true }).tap();
    await a.page.getByRole('heading', { level: 2, name: text('sheet.noteTitle') }).waitFor();
    await a.page.getByText(`${run}canarynote`, { exact: false }).waitFor();
    await expect.poll(() => tableCounts(server).records, { timeout: 15_000 }).toBe(totalBefore + 1);
    expect(recordsIn(server, spaceId)).toBe(sharedBefore);
    // The server holds ciphertext only.
    const db = new Database(join(server.dataDir, 'innermost.db'), { readonly: true, fileMustExist: true });
    try {
      const rows = db.prepare('SELECT ciphertext FROM records').all() as { ciphertext: Buffer }[];
      expect(rows.some((r) => Buffer.from(r.ciphertext).includes(`${run}canarynote`))).toBe(false);
    } finally {
      db.close();
    }
    // Kept after a reload.
    await a.page.reload();
    await a.page.getByText(`${run}canarynote`, { exact: false }).waitFor({ timeout: 15_000 });
    await checkBothWidths(a11y, a.page, 'a sheet with my note');
  });

  it('the tab title turns discreet on this device, stays so across screens and reloads, and comes back', async () => {
    await a.page.goto('/help/device');
    await h1(a.page, text('device.title')).waitFor();
    const box = a.page.getByRole('checkbox', { name: text('device.tabLabel', { title: text('device.discreetTitle') }) });
    await box.tap();
    await expect.poll(() => a.page.title()).toBe(text('app.discreetTitle'));
    await a.page.goto('/closeness');
    await h1(a.page, text('closeness.title')).waitFor();
    expect(await a.page.title()).toBe(text('app.discreetTitle'));
    await a.page.reload();
    await h1(a.page, text('closeness.title')).waitFor();
    expect(await a.page.title()).toBe(text('app.discreetTitle'));
    await a.page.goto('/help/device');
    await h1(a.page, text('device.title')).waitFor();
    await box.tap();
    await expect.poll(() => a.page.title()).toBe(text('app.titleSuffix', { title: text('device.title') }));
  });

  it('quick exit by a tap: blank at once, locked, the entry replaced, the operator’s page; back finds the lock screen', async () => {
    await a.page.goto('/');
    await h1(a.page, text('home.title')).waitFor();
    await a.page.getByRole('link', { name: text('nav.closeness') }).tap();
    await h1(a.page, text('closeness.title')).waitFor();
    await helpKept(a.page);
    const historyBefore = await a.page.evaluate(() => history.length);
    // Watch the blanking: the first frame after the tap hides the page.
    await a.page.evaluate(() => {
      new MutationObserver(() => {
        if (document.documentElement.classList.contains('quick-exit')) sessionStorage.setItem('blankedVisibility', getComputedStyle(document.body).visibility);
      }).observe(document.documentElement, { attributes: true });
    });
    await quickExitButton(a.page).tap();
    await a.page.waitForURL(EXIT_URL);
    expect(await a.page.title()).toBe(EXIT_TITLE);
    expect(await a.page.evaluate(() => history.length)).toBe(historyBefore);
    await a.page.goBack();
    await new LockedPage(a.page).waitFor();
    expect(await a.page.evaluate(() => sessionStorage.getItem('blankedVisibility'))).toBe('hidden');
    expect(await a.page.getByText(SPACE).count()).toBe(0);
  });

  it('quick exit by Shift pressed three times, from any screen; typing capitals does not trigger it', async () => {
    await new LockedPage(a.page).unlock(A.password);
    await a.page.goto('/settings');
    await h1(a.page, text('settings.title')).waitFor();
    await helpKept(a.page);
    await a.page.keyboard.press('Shift+A');
    await a.page.keyboard.press('Shift+B');
    await a.page.keyboard.press('Shift+C');
    expect(a.page.url()).toContain('/settings');
    await a.page.keyboard.press('Shift');
    await a.page.keyboard.press('Shift');
    await a.page.keyboard.press('Shift');
    await a.page.waitForURL(EXIT_URL);
    await a.page.goBack();
    await new LockedPage(a.page).waitFor();
    // Help is there on the lock screen too, and still sends nothing.
    await checkBothWidths(a11y, a.page, 'lock screen with Help and Quick exit');
    await helpKept(a.page);
    const recorder = recordRequests(a);
    await helpLink(a.page).tap();
    await h1(a.page, text('help.title')).waitFor();
    expect(recorder.stop()).toEqual([]);
  });

  it('every screen passed axe and the tap audit at 390 and 320 px, with no console errors', () => {
    expect(a11y.found()).toEqual([]);
    expect(a.problems.filter((p) => !/exit\.example|ERR_|net::/.test(p))).toEqual([]);
    expect(b.problems).toEqual([]);
  });
});
