/**
 * Check-ins and the two lines, in Chromium, as two partners in different time zones (A in
 * Berlin, B in New York, on the smallest phone): the default (nothing shared) is stated before
 * the first check-in; both choose to share their scores; they check in on several days (the
 * browser clock is set to each day, so the app's own code writes the dated records); both see
 * both lines; a note is shared once; a check-in made offline shows at once and reaches the
 * partner when back online; B stops sharing and A no longer sees B's new check-ins; the export
 * holds every check-in. Alone, two hard weeks bring a kind pointer to professional support. Axe
 * checks each screen, and no score or note reaches the server.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CheckinPage,
  CheckinSettingsPage,
  ClosenessPage,
  HomePage,
  text,
} from './pages/index.ts';
import { startServer, type RunningServer } from './support/app-server.ts';
import { countRecords } from './support/server-db.ts';
import { a11yJournal } from './support/axe.ts';
import { launchBrowser, newPerson, type Person } from './support/browser.ts';
import { shareASpace, signUp } from './support/journeys.ts';
import { expectNothingTypedOnServer } from './support/privacy.ts';

const run = Math.random().toString(36).slice(2, 8);
const SPACE = `Nest ${run}canaryspace`;
const A = { email: `ada.${run}@example.test`, password: `quiet harbour ${run} fern`, name: `Ada${run}canaryname` };
const B = { email: `ben.${run}@example.test`, password: `paper lantern ${run} moss`, name: `Ben${run}canaryname` };
const C = { email: `cai.${run}@example.test`, password: `winter orchard ${run} reed`, name: `Cai${run}canaryname` };
const A_NOTE = `slept badly, still hopeful ${run}canarynotea`;
const B_NOTE = `loved the walk today ${run}canarynoteb`;
const A_OFFLINE_NOTE = `on the train ${run}canarynoteoffline`;
const DAY_MS = 86_400_000;

// Earlier days first; the last one is today. Values are distinct per person and day.
const A_DAYS = [
  { emotional: 4, physical: 3 },
  { emotional: 5, physical: 3, note: A_NOTE },
  { emotional: 6, physical: 4 },
];
const B_DAYS = [
  { emotional: 6, physical: 5 },
  { emotional: 5, physical: 4, note: B_NOTE, shareNote: true },
  { emotional: 8, physical: 6 },
];

let server: RunningServer;
let browser: Browser;
let a: Person;
let b: Person;
let c: Person;
let now = 0;
const a11y = a11yJournal();

/** Waits until this person's writes have all reached the server. */
async function upToDate(person: Person): Promise<void> {
  const home = new HomePage(person.page);
  await home.goto();
  await expect.poll(() => home.syncStatus(), { timeout: 15_000 }).toBe(text('sync.upToDate'));
}

describe('check-ins and the two lines', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    a = await newPerson(browser, server.url, undefined, { timezoneId: 'Europe/Berlin' });
    b = await newPerson(browser, server.url, { width: 320, height: 640 }, { timezoneId: 'America/New_York' });
    c = await newPerson(browser, server.url, undefined, { timezoneId: 'Asia/Tokyo' });
    now = Date.now();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('A and B share a space', async () => {
    await shareASpace(a, A, b, B, SPACE);
  });

  it('before the first check-in, the default is stated: only you see it', async () => {
    const checkin = new CheckinPage(a.page);
    await checkin.goto();
    await checkin.firstTimeIntro().waitFor();
    await expect.poll(() => checkin.whoSees().innerText()).toContain(text('checkin.whoOnlyYou'));
    await a11y.check(a.page, 'check-in, first time');

    // Saving without choosing says what is missing, on the scale itself.
    await checkin.button('checkin.save').click();
    await expect.poll(() => a.page.getByText(text('checkin.missing')).count()).toBe(2);
    await a11y.check(a.page, 'check-in, nothing chosen');
  });

  it('both choose to share their scores in the space; the check-in then says where they go', async () => {
    for (const person of [a, b]) {
      const settings = new CheckinSettingsPage(person.page);
      await settings.goto();
      await person.page.getByText(text('checkinSettings.default'), { exact: true }).waitFor();
      await a11y.check(person.page, 'check-in choices');
      await settings.setSharing(SPACE, true);
      const checkin = new CheckinPage(person.page);
      await checkin.goto();
      await expect.poll(() => checkin.whoSees().innerText()).toContain(text('checkin.whoShared', { spaces: SPACE }));
    }
  });

  it('A and B check in on several days, in their own time zones', async () => {
    for (const [person, days] of [
      [a, A_DAYS],
      [b, B_DAYS],
    ] as const) {
      for (const [i, values] of days.entries()) {
        // Each check-in an evening apart, the last one today: the app's own code writes it.
        await person.page.clock.setFixedTime(now - (days.length - 1 - i) * DAY_MS - 60_000);
        await new CheckinPage(person.page).checkIn(values);
      }
    }
    await upToDate(a);
    await upToDate(b);
  });

  it('both see both lines, day by day, with a text summary and a table', async () => {
    const lines = new ClosenessPage(a.page);
    await lines.goto();
    await lines.range(7);
    await expect.poll(() => lines.latest(B.name, 'emotional'), { timeout: 15_000 }).toBe('8');
    expect(await lines.days(B.name, 'emotional')).toBe(3);
    expect(await lines.days(text('closeness.you'), 'physical')).toBe(3);
    expect(await lines.latest(text('closeness.you'), 'physical')).toBe('4');
    expect(await lines.compareWith().inputValue()).not.toBe('');
    await a.page.locator('figcaption').getByText(B.name, { exact: false }).first().waitFor();
    await a11y.check(a.page, 'the two lines, with the table open');

    const theirs = new ClosenessPage(b.page);
    await theirs.goto();
    await theirs.range(7);
    await expect.poll(() => theirs.latest(A.name, 'emotional'), { timeout: 15_000 }).toBe('6');
    expect(await theirs.days(A.name, 'physical')).toBe(3);
    await a11y.check(b.page, 'the two lines on a small phone');
  });

  it('a shared note reaches the partner; a private note never does', async () => {
    const lines = new ClosenessPage(a.page);
    await lines.goto();
    await lines.sharedNotes().getByText(B_NOTE, { exact: false }).waitFor();
    const theirs = new ClosenessPage(b.page);
    await theirs.goto();
    await theirs.waitFor();
    expect(await b.page.locator('body').innerText()).not.toContain(A_NOTE);
  });

  it('a check-in made offline shows at once, and reaches the partner when back online', async () => {
    await a.page.clock.setFixedTime(now);
    const lines = new ClosenessPage(a.page);
    await lines.goto();
    await a.context.setOffline(true);
    await a.page.getByRole('link', { name: text('closeness.checkIn'), exact: true }).first().click();
    const checkin = new CheckinPage(a.page);
    await checkin.waitFor();
    await checkin.fill({ emotional: 9, physical: 7, note: A_OFFLINE_NOTE });
    await checkin.save();
    await lines.range(7);
    expect(await lines.latest(text('closeness.you'), 'emotional')).toBe('9');
    await a11y.check(a.page, 'the two lines, offline');

    const theirs = new ClosenessPage(b.page);
    await theirs.goto();
    await theirs.range(7);
    expect(await theirs.latest(A.name, 'emotional')).toBe('6');

    await a.context.setOffline(false);
    await expect.poll(() => theirs.latest(A.name, 'emotional'), { timeout: 20_000 }).toBe('9');
  });

  it('with the health options on, energy and pain are part of the check-in and can be overlaid', async () => {
    await a.page.clock.setFixedTime(now + 60_000);
    const checkin = new CheckinPage(a.page);
    await checkin.goto();
    await checkin.turnOnHealth();
    await checkin.fill({ emotional: 9, physical: 7, energy: 2, pain: 6, stress: 3 });
    await a11y.check(a.page, 'check-in with the health options');
    await checkin.save();
    const lines = new ClosenessPage(a.page);
    await a.page.getByRole('checkbox', { name: text('closeness.showHealth'), exact: true }).check();
    await lines.range(7);
    const [header, newest] = await lines.table();
    const energy = header!.findIndex((h) => h.toLowerCase().includes('energy'));
    expect(energy).toBeGreaterThan(0);
    expect(newest![energy]).toBe('2');
    await a11y.check(a.page, 'the two lines with health overlaid');
  });

  it('B stops sharing: A no longer sees B’s new check-ins', async () => {
    const settings = new CheckinSettingsPage(b.page);
    await settings.goto();
    await b.page.getByText(text('checkinSettings.stopNote'), { exact: true }).waitFor();
    await settings.setSharing(SPACE, false);
    await b.page.clock.setFixedTime(now + 120_000);
    const checkin = new CheckinPage(b.page);
    await checkin.goto();
    await expect.poll(() => checkin.whoSees().innerText()).toContain(text('checkin.whoOnlyYou'));
    await checkin.fill({ emotional: 1, physical: 1 });
    await checkin.save();
    expect(await new ClosenessPage(b.page).latest(text('closeness.you'), 'emotional')).toBe('1');
    await upToDate(b);

    const lines = new ClosenessPage(a.page);
    await lines.goto();
    await lines.range(7);
    expect(await lines.latest(B.name, 'emotional')).toBe('8');
    expect(await lines.days(B.name, 'emotional')).toBe(3);
  });

  it('A stops sharing and takes back what was shared: it leaves B’s device, A keeps every check-in', async () => {
    const lines = new ClosenessPage(b.page);
    await lines.goto();
    await lines.range(7);
    expect(await lines.days(A.name, 'emotional')).toBeGreaterThan(0);
    // A's records in shared spaces, as the server holds them.
    const aId = await a.page.evaluate(async () => ((await (await fetch('/api/auth/me')).json()) as { user: { id: string; personalSpaceId: string } }).user);
    const sharedRecordsOfA = () => countRecords(server, { authorId: aId.id, exceptSpaceId: aId.personalSpaceId });
    const before = sharedRecordsOfA();
    const settings = new CheckinSettingsPage(a.page);
    await settings.goto();
    // Offered only once a space is being turned off, with the honest limit stated.
    expect(await a.page.getByRole('checkbox', { name: text('checkinSettings.removeShared'), exact: true }).count()).toBe(0);
    await settings.shareIn(SPACE).setChecked(false);
    await a.page.getByText(text('checkinSettings.removeSharedHint'), { exact: true }).waitFor();
    await a11y.check(a.page, 'check-in choices: taking back what was shared');
    await settings.setSharing(SPACE, false, { removeShared: true });
    await upToDate(a);
    // Gone from the server (only the tombstones, and A's profile and settings, remain there).
    await expect.poll(sharedRecordsOfA, { timeout: 15_000 }).toBeLessThan(before);
    // Read once B's own lines are there (so the table is loaded), A's are gone.
    await expect.poll(async () => {
      await lines.goto();
      await lines.range(7);
      const own = await lines.days(text('closeness.you'), 'emotional');
      return own > 0 ? lines.days(A.name, 'emotional') : -1;
    }, { timeout: 20_000 }).toBe(0);
    const mine = new ClosenessPage(a.page);
    await mine.goto();
    await mine.range(7);
    expect(await mine.days(text('closeness.you'), 'emotional')).toBeGreaterThan(0);
  });

  it('A exports every check-in as CSV, notes included', async () => {
    const lines = new ClosenessPage(a.page);
    await lines.goto();
    const csv = await lines.exportCsv();
    const rows = csv.trimEnd().split('\r\n');
    expect(rows[0]).toBe('date,time,timezone,emotional,physical,energy,pain_or_fatigue,stress,note');
    expect(rows).toHaveLength(1 + A_DAYS.length + 2);
    expect(csv).toContain(A_NOTE);
    expect(csv).toContain(A_OFFLINE_NOTE);
    expect(rows.at(-1)).toMatch(/,Europe\/Berlin,9,7,2,6,3,$/);
  });

  it('Today offers the check-in calmly', async () => {
    const home = new HomePage(a.page);
    await home.goto();
    await a.page.getByRole('region', { name: text('home.checkinTitle') }).getByText(text('home.checkinDone')).waitFor();
    await a11y.check(a.page, 'today with the check-in');
  });

  it('alone, after two hard weeks, the app kindly points to professional support, with the numbers', async () => {
    await signUp(c, C);
    // Ten check-ins spread over the last two weeks (the rule wants most of the fortnight covered).
    for (const [i, daysAgo] of [13, 12, 10, 9, 7, 6, 4, 3, 1, 0].entries()) {
      await c.page.clock.setFixedTime(now - daysAgo * DAY_MS);
      await new CheckinPage(c.page).checkIn({ emotional: 2, physical: i % 2 });
    }
    const lines = new ClosenessPage(c.page);
    const care = lines.insights().getByRole('listitem').filter({ hasText: text('insight.persistent-low.title') });
    await care.getByText(text('insight.persistent-low.help')).waitFor();
    expect(await care.innerText()).toContain(text('insight.persistent-low.body', { lowReadings: 10, readings: 10, windowDays: 14, lowAtMost: 3 }));
    expect(await c.page.getByText(text('closeness.noPartners')).count()).toBe(1);
    await a11y.check(c.page, 'the two lines alone, with a care insight');
  });

  it('axe found no accessibility violations on any check-in screen', () => {
    expect(a11y.found()).toEqual([]);
  });

  it('no page broke the Content-Security-Policy or threw', () => {
    const problems = [a, b, c].flatMap((p) => p.problems).filter((m) => /Content Security Policy|Refused to|Uncaught/i.test(m));
    expect(problems).toEqual([]);
  });

  it('no score, note or name is in the database files, DATA_DIR or the server log', async () => {
    // Scores are numbers, so their canary is the plaintext form they would have if they leaked.
    const scoreShapes = ['"emotional":', '"physical":', '"k":"checkin"', 'checkin-settings', '"shareWith"'];
    await expectNothingTypedOnServer(server, [SPACE, A.name, B.name, A_NOTE, B_NOTE, A_OFFLINE_NOTE, ...scoreShapes], [A.email, B.email]);
  });
});
