/**
 * Check-ins and the two lines, in Chromium, as two partners in different time zones (A in
 * Berlin, B in New York, on the smallest phone): the default (nothing shared) is stated before
 * the first check-in; both choose to share their scores; they check in on several days (the
 * browser clock is set to each day, so the app's own code writes the dated records); both see
 * both lines; a note is shared once; a check-in made offline shows at once and reaches the
 * partner when back online; B stops sharing and A no longer sees B's new check-ins; the export
 * holds every check-in. Alone, two hard weeks bring a kind pointer to professional support. Axe
 * checks each screen, and no score or note reaches the server.
 *
 * Both phones have touch: the 0-10 slider is chosen with real taps (and a drag, and keys) at
 * 390 px and at 320 px; after saving, today's point is on screen above the bottom bar; a day
 * without a check-in is said to be bridged by a dotted stretch; "What changed" speaks in words; and
 * Today shows the partner's shared check-in of the day as a calm card.
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
import { pattern } from './pages/base.ts';
import { startServer, type RunningServer } from './support/app-server.ts';
import { countRecords } from './support/server-db.ts';
import { a11yJournal } from './support/axe.ts';
import { launchBrowser, newPerson, type Person } from './support/browser.ts';
import { controlShifts } from './support/shift-audit.ts';
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

// Earlier days first; the last one is today. Values are distinct per person and day. A skips a
// day twice (4, 2 and 0 days ago), so its lines cross two days without a check-in.
const A_DAYS_AGO = [4, 2, 0];
const B_DAYS_AGO = [2, 1, 0];
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

/**
 * Just after saving: the calm word, then the chart with today's point ringed, whole on screen and
 * above the phone's bottom bar (at 390x844 and 320x568).
 */
async function expectTodayAboveTheFold(person: Person): Promise<void> {
  const lines = new ClosenessPage(person.page);
  await lines.savedNote().waitFor();
  await person.page.locator('.chart-canvas[data-drawn]').waitFor();
  await person.page.getByText(text('chart.legend.today'), { exact: true }).waitFor();
  const picture = (await lines.chartPicture().boundingBox())!;
  const viewport = person.page.viewportSize()!;
  const nav = (await person.page.getByRole('navigation', { name: text('nav.label') }).boundingBox())!;
  // On a phone the navigation is a bar at the bottom: the fold is its top edge.
  const fold = nav.y > viewport.height / 2 ? nav.y : viewport.height;
  expect(await person.page.evaluate(() => scrollY)).toBe(0);
  expect(picture.y).toBeGreaterThanOrEqual(0);
  expect(picture.y + picture.height).toBeLessThanOrEqual(fold);
}

describe('check-ins and the two lines', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    a = await newPerson(browser, server.url, undefined, { timezoneId: 'Europe/Berlin', hasTouch: true, watchShifts: true });
    b = await newPerson(browser, server.url, { width: 320, height: 568 }, { timezoneId: 'America/New_York', hasTouch: true });
    c = await newPerson(browser, server.url, undefined, { timezoneId: 'Asia/Tokyo', hasTouch: true });
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

  it('the scale is one slider on one row, chosen by a tap, a drag or the keys, at 390 and at 320 px', async () => {
    for (const person of [a, b]) {
      const checkin = new CheckinPage(person.page);
      await checkin.goto();
      const slider = checkin.slider('checkin.emotional');
      // Nothing is chosen for the person: the slider says so until it is touched.
      expect(await slider.getAttribute('aria-valuetext')).toBe(text('checkin.slider.unset'));
      // It fits the screen: no sideways scrolling, the words of both ends on screen.
      const width = person.page.viewportSize()!.width;
      const box = (await slider.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(width);
      expect(await person.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      // Real taps where each number sits choose exactly that number, read with its words.
      for (const value of [0, 3, 5, 7, 10]) {
        await checkin.tapAt('checkin.emotional', value);
        expect(await slider.inputValue()).toBe(String(value));
      }
      expect(await slider.getAttribute('aria-valuetext')).toBe(
        text('checkin.slider.value', { value: 10, max: 10, word: text('checkin.emotional.high') }),
      );
      // A tap right on the untouched knob (the middle) chooses the middle too.
      await checkin.tapAt('checkin.physical', 5);
      expect(await checkin.slider('checkin.physical').getAttribute('aria-valuetext')).toBe(
        text('checkin.slider.value', { value: 5, max: 10, word: text('checkin.physical.mid') }),
      );
      // A finger slid along it.
      await checkin.drag('checkin.emotional', 10, 4);
      expect(await slider.inputValue()).toBe('4');
      expect(await slider.getAttribute('aria-valuetext')).toBe(
        text('checkin.slider.value', { value: 4, max: 10, word: text('checkin.slider.between', { a: text('checkin.emotional.low'), b: text('checkin.emotional.mid') }) }),
      );
      // The keys.
      await slider.press('End');
      await slider.press('ArrowLeft');
      expect(await slider.inputValue()).toBe('9');
      await a11y.check(person.page, `check-in, chosen on the slider at ${width} px`);
    }
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
    for (const [person, days, ago] of [
      [a, A_DAYS, A_DAYS_AGO],
      [b, B_DAYS, B_DAYS_AGO],
    ] as const) {
      for (const [i, values] of days.entries()) {
        // Each check-in on its own evening, the last one today: the app's own code writes it.
        await person.page.clock.setFixedTime(now - ago[i]! * DAY_MS - 60_000);
        await new CheckinPage(person.page).checkIn(values);
      }
      // Just saved today: the screen leads with the chart, today's point ringed, above the fold.
      await expectTodayAboveTheFold(person);
      await a11y.check(person.page, `the lines just after a check-in at ${person.page.viewportSize()!.width} px`);
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

    // A skipped two days: the words say the lines go on across them, dotted (never as zeros).
    // B checked in every day, so nothing is bridged in B's lines.
    expect(await lines.personSummary(text('closeness.you')).innerText()).toContain(text('chart.summary.bridged', { count: 2 }));
    expect(await lines.personSummary(B.name).innerText()).not.toMatch(pattern('chart.summary.bridged'));
    expect(await lines.latest(text('closeness.you'), 'emotional')).toBe('6');
    // Not enough weeks yet for "What changed": it says so kindly, and claims no change.
    expect(await lines.changeSummary().innerText()).toContain(text('change.tooFew', { min: 4 }));

    // The weekly average: a column beside each line in the numbers, remembered on this device.
    await lines.weeklyTrend().check();
    const [header] = await lines.table();
    expect(header).toContain(text('chart.table.weeklyColumn', { who: text('closeness.you'), line: text('chart.line.emotional') }));
    await a.page.getByText(text('chart.legend.weekly'), { exact: true }).waitFor();
    await lines.goto();
    expect(await lines.weeklyTrend().isChecked()).toBe(true);
    await a11y.check(a.page, 'the two lines with the weekly average');
    await lines.weeklyTrend().uncheck();

    const theirs = new ClosenessPage(b.page);
    await theirs.goto();
    await theirs.range(7);
    await expect.poll(() => theirs.latest(A.name, 'emotional'), { timeout: 15_000 }).toBe('6');
    expect(await theirs.days(A.name, 'physical')).toBe(3);
    await a11y.check(b.page, 'the two lines on a small phone');
  });

  it('Today shows the partner’s shared check-in of the day as a calm card, with a way to their lines', async () => {
    const home = new HomePage(a.page);
    await home.goto();
    const card = a.page.getByRole('region', { name: text('home.partnerCheckedIn', { name: B.name }) });
    await card.waitFor({ timeout: 15_000 });
    expect(await card.innerText()).toContain(text('home.partnerScores', { emotional: 8, physical: 6 }));
    // People first: the partner's card comes before my own check-in offer.
    const offer = a.page.getByRole('region', { name: text('home.checkinTitle') });
    expect(await card.evaluate((el, other) => Boolean(el.compareDocumentPosition(other!) & Node.DOCUMENT_POSITION_FOLLOWING), await offer.elementHandle())).toBe(true);
    // Today's parts came whole, in one frame: the partner's card did not push "Check in" down
    // from under a finger, nor did anything below move.
    await a.page.getByRole('link', { name: text('home.explore'), exact: true }).waitFor();
    expect(await controlShifts(a.page)).toEqual([]);
    await a11y.check(a.page, 'today with a partner’s check-in');
    await card.getByRole('link', { name: text('home.partnerLines', { name: B.name }), exact: true }).tap();
    const lines = new ClosenessPage(a.page);
    await lines.waitFor();
    expect(await lines.compareWith().evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent)).toBe(B.name);

    // B, in New York at the same moment, sees A's card too: A's check-in is on B's today as well.
    const theirs = new HomePage(b.page);
    await theirs.goto();
    await b.page.getByRole('region', { name: text('home.partnerCheckedIn', { name: A.name }) }).waitFor({ timeout: 15_000 });
    await a11y.check(b.page, 'today with a partner’s check-in at 320 px');
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
    // Four check-ins in the two weeks before, a little closer emotionally.
    for (const daysAgo of [26, 22, 19, 16]) {
      await c.page.clock.setFixedTime(now - daysAgo * DAY_MS);
      await new CheckinPage(c.page).checkIn({ emotional: 4, physical: 1 });
    }
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
    // What changed, in plain words: emotional 4 then 2 fell; physical 1 then 0.5 is about the same.
    const change = await lines.changeSummary().innerText();
    expect(change).toContain(text('change.mixed', { emotional: text('change.verb.fell'), physical: text('change.verb.same') }));
    expect(change).toContain(text('change.numbers', { emotionalBefore: 4, emotionalRecent: 2, physicalBefore: 1, physicalRecent: 0.5 }));
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
