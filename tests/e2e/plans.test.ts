/**
 * Plans and moments in Chromium, two people on phones in different time zones (Berlin at 390 px,
 * New York at 320 px, touch, real taps): A chooses a weekly date rhythm and plans its next date
 * with one tap; B sees it in New York time (and A's Berlin time), says yes, changes it; both
 * download a calendar file built on the phone, parsed back here with ical.js. A plan soon sends
 * B a reminder through the local push service (kind and opaque id only). A moment is kept and
 * seen by B. The taps from "we'd like a weekly date" to a plan in both calendars are counted and
 * printed. Axe and the tap audit on every screen at both widths; nothing typed, no idea id and no
 * moment reaches the server's files or log.
 */
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDEAS } from '../../content/ideas.ts';
import { whenIn } from '../../src/web/features/plans/when.ts';
import { HomePage, SpacePage, text } from './pages/index.ts';
import { startServer, type RunningServer } from './support/app-server.ts';
import { a11yJournal } from './support/axe.ts';
import { launchBrowser, newPerson, type Person } from './support/browser.ts';
import { shareASpace } from './support/journeys.ts';
import { expectNothingTypedOnServer } from './support/privacy.ts';
import { TapCount } from './support/tap-count.ts';
import { createPushService, type PushService } from '../support/push-service.ts';
import type { Browser } from 'playwright-core';

const run = Math.random().toString(36).slice(2, 8);
const BERLIN = 'Europe/Berlin';
const NEW_YORK = 'America/New_York';

const button = (page: Page | Locator, name: string | RegExp) => page.getByRole('button', { name, exact: typeof name === 'string' });
const card = (page: Page, title: string) => page.locator('.plan-card').filter({ has: page.getByRole('heading', { name: title, exact: true }) });

/** axe and the tap audit at the phone's width, then at the other phone's. */
async function checkBothWidths(a11y: ReturnType<typeof a11yJournal>, page: Page, screen: string): Promise<void> {
  const size = page.viewportSize()!;
  await a11y.check(page, `${screen} (${size.width} px)`);
  await page.setViewportSize({ width: size.width === 320 ? 390 : 320, height: 700 });
  try {
    await a11y.check(page, `${screen} (${size.width === 320 ? 390 : 320} px)`);
  } finally {
    await page.setViewportSize(size);
  }
}

/** Taps "Add to my calendar" on a plan and returns the downloaded file's text. */
async function downloadCalendar(page: Page, title: string, taps: TapCount): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), taps.tap(button(card(page, title), text('plans.calendar')))]);
  expect(download.suggestedFilename()).toMatch(/\.ics$/);
  return readFileSync((await download.path())!, 'utf8');
}

function parseEvent(ics: string) {
  const comp = new ICAL.Component(ICAL.parse(ics));
  const vevent = comp.getFirstSubcomponent('vevent')!;
  const event = new ICAL.Event(vevent);
  return { event, start: event.startDate.toJSDate().getTime(), alarm: vevent.getFirstSubcomponent('valarm') };
}

describe('plans and moments, between Berlin and New York', () => {
  const SPACE = `Harbour ${run}canaryspace`;
  const A = { email: `ari.${run}@example.test`, password: `slow tide ${run} heron`, name: `Ari${run}canaryname` };
  const B = { email: `bea.${run}@example.test`, password: `warm stone ${run} finch`, name: `Bea${run}canaryname` };
  const OWN_TITLE = `Lantern walk ${run}canaryplan`;
  const BRING = `Thermos ${run}canarybring`;
  const MOMENT = `We held hands in the waiting room ${run}canarymoment`;
  const AFTER_WORDS = `Slow and warm ${run}canaryafter`;
  let server: RunningServer;
  let browser: Browser;
  let pushService: PushService;
  let a: Person;
  let b: Person;
  let spaceId = '';
  let ideaTitle = '';
  let planAt = 0;
  const taps = new TapCount();
  const a11y = a11yJournal();

  beforeAll(async () => {
    pushService = await createPushService();
    server = await startServer({ env: { PUSH_ALLOW_INSECURE_ENDPOINTS: '1' } });
    browser = await launchBrowser();
    a = await newPerson(browser, server.url, { width: 390, height: 844 }, { timezoneId: BERLIN, hasTouch: true });
    b = await newPerson(browser, server.url, { width: 320, height: 700 }, { timezoneId: NEW_YORK, hasTouch: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await pushService?.close();
  });

  it('A (Berlin) and B (New York) share a place', async () => {
    spaceId = await shareASpace(a, A, b, B, SPACE);
  });

  it('A: "we would like a weekly date" -> a rhythm, and its next date planned with one tap', async () => {
    const space = new SpacePage(a.page);
    await space.goto(spaceId);
    await space.waitFor(SPACE);
    await checkBothWidths(a11y, a.page, 'space screen with plans');
    await taps.step('A opens plans from the place', async () => {
      await taps.tap(a.page.getByRole('region', { name: text('plans.sectionTitle') }).getByRole('link', { name: text('plans.open'), exact: true }));
      await a.page.getByRole('heading', { level: 1, name: text('plans.title', { place: SPACE }) }).waitFor();
    });
    await checkBothWidths(a11y, a.page, 'plans, nothing yet');
    await taps.step('A chooses a weekly date (Saturday 19:00 as offered)', async () => {
      await taps.tap(button(a.page, text('rhythms.preset.weekly-date')));
      await taps.tap(button(a.page, text('rhythms.keep')));
      await a.page.getByRole('heading', { level: 3, name: text('rhythms.kind.weekly'), exact: true }).waitFor();
    });
    await checkBothWidths(a11y, a.page, 'plans with a weekly rhythm');
    await taps.step('A plans the next date with the suggested idea', async () => {
      const slotButton = a.page.locator('.slot').first().getByRole('button');
      const label = (await slotButton.textContent())!;
      ideaTitle = IDEAS.find((i) => label.startsWith(`Plan ${i.title} for`))!.title;
      await taps.tap(slotButton);
      await card(a.page, ideaTitle).waitFor();
    });
    await checkBothWidths(a11y, a.page, 'plans with a proposed date');
  });

  it('A adds it to the calendar: a valid .ics for Saturday 19:00 Berlin, with an alarm', async () => {
    let ics = '';
    await taps.step('A adds it to the calendar', async () => {
      ics = await downloadCalendar(a.page, ideaTitle, taps);
    });
    const { event, start, alarm } = parseEvent(ics);
    planAt = start;
    expect(event.summary).toBe(ideaTitle);
    expect(new Intl.DateTimeFormat('en-GB', { timeZone: BERLIN, weekday: 'long', hour: '2-digit', minute: '2-digit' }).format(start)).toBe('Saturday 19:00');
    expect(alarm?.getFirstPropertyValue('action')).toBe('DISPLAY');
    expect(start).toBeGreaterThan(Date.now());
  });

  it('B (New York) sees the date in New York time and A’s Berlin time, says yes, and adds it to the calendar', async () => {
    const space = new SpacePage(b.page);
    await space.goto(spaceId);
    await space.waitFor(SPACE);
    await taps.step('B opens plans from the place', async () => {
      await taps.tap(b.page.getByRole('region', { name: text('plans.sectionTitle') }).getByRole('link', { name: text('plans.open'), exact: true }));
      await card(b.page, ideaTitle).waitFor({ timeout: 20_000 });
    });
    const mine = card(b.page, ideaTitle);
    await mine.getByText(text('plans.when', { when: whenIn(planAt, NEW_YORK) }), { exact: true }).waitFor();
    await mine.getByText(text('plans.theirTime', { name: A.name, time: whenIn(planAt, BERLIN) }), { exact: true }).waitFor();
    await checkBothWidths(a11y, b.page, 'plans with a date to answer');
    await taps.step('B says yes', async () => {
      await taps.tap(button(mine, text('plans.yes')));
      await mine.getByText(text('plans.answer.yes', { name: text('plans.you') }), { exact: true }).waitFor();
    });
    let ics = '';
    await taps.step('B adds it to the calendar', async () => {
      ics = await downloadCalendar(b.page, ideaTitle, taps);
    });
    expect(parseEvent(ics).start).toBe(planAt);
    // A sees B's yes live.
    await card(a.page, ideaTitle).getByText(text('plans.answer.yes', { name: B.name }), { exact: true }).waitFor({ timeout: 20_000 });
    console.log(taps.report('From "we’d like a weekly date" to a plan in both calendars (two phones, real taps)'));
    expect(taps.total.typed).toBe(0);
    expect(taps.total.taps).toBeLessThanOrEqual(10);
  });

  it('B changes the time by an hour; A sees the new time, is asked again, and says yes; the new file keeps the same event', async () => {
    const mine = card(b.page, ideaTitle);
    await button(mine, text('plans.change')).tap();
    const timeField = mine.getByLabel(text('plans.time'), { exact: true });
    const [hh, mm] = (await timeField.inputValue()).split(':').map(Number) as [number, number];
    await timeField.fill(`${String(hh + 1).padStart(2, '0')}:${String(mm).padStart(2, '0')}`);
    await checkBothWidths(a11y, b.page, 'changing a plan');
    await button(mine, text('plans.saveChange')).tap();
    const later = planAt + 3_600_000;
    await mine.getByText(text('plans.when', { when: whenIn(later, NEW_YORK) }), { exact: true }).waitFor();

    const theirs = card(a.page, ideaTitle);
    await theirs.getByText(text('plans.when', { when: whenIn(later, BERLIN) }), { exact: true }).waitFor({ timeout: 20_000 });
    await theirs.getByText(text('plans.answer.waiting', { name: text('plans.you') }), { exact: true }).waitFor();
    await theirs.getByText(text('plans.changedBy', { name: B.name }), { exact: false }).waitFor();
    await button(theirs, text('plans.yes')).tap();
    await theirs.getByText(text('plans.answer.yes', { name: text('plans.you') }), { exact: true }).waitFor();
    const [download] = await Promise.all([a.page.waitForEvent('download'), button(theirs, text('plans.calendar')).tap()]);
    const moved = parseEvent(readFileSync((await download.path())!, 'utf8'));
    expect(moved.start).toBe(later);
    expect(moved.event.uid).toBe(parseEvent(readFileSync((await download.path())!, 'utf8')).event.uid);
    expect(moved.event.component.getFirstPropertyValue('sequence')).toBe(1);
  });

  it('a recurring rhythm exports as a weekly event at 19:00 Berlin (RRULE, its zone in the file)', async () => {
    const rhythm = a.page.locator('.rhythm-card');
    const [download] = await Promise.all([a.page.waitForEvent('download'), button(rhythm, text('rhythms.calendar')).tap()]);
    const ics = readFileSync((await download.path())!, 'utf8');
    expect(ics).toContain('RRULE:FREQ=WEEKLY;BYDAY=SA;WKST=MO');
    const comp = new ICAL.Component(ICAL.parse(ics));
    ICAL.TimezoneService.register(new ICAL.Timezone(comp.getFirstSubcomponent('vtimezone')!), BERLIN);
    const it = new ICAL.Event(comp.getFirstSubcomponent('vevent')!).iterator();
    const starts = [it.next()!, it.next()!].map((t) => t.toJSDate().getTime());
    ICAL.TimezoneService.remove(BERLIN);
    for (const s of starts) expect(new Intl.DateTimeFormat('en-GB', { timeZone: BERLIN, weekday: 'long', hour: '2-digit', minute: '2-digit' }).format(s)).toBe('Saturday 19:00');
    expect(starts[1]! - starts[0]!).toBeGreaterThanOrEqual(7 * 86_400_000 - 3_600_000);
  });

  it('a plan soon reaches B as a reminder through the push service: kind "plan" and opaque ids, nothing else', async () => {
    // B's phone subscribes as the app's notification settings would.
    const device = pushService.subscription();
    const status = await b.page.evaluate(async (body) => {
      const res = await fetch('/api/push/subscription', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return res.status;
    }, { endpoint: device.endpoint, keys: device.keys, prefs: { events: { joined: false, opened: false, waiting: false, thinking: false, reply: false, reminder: false, plan: true }, quietHours: null, timeZone: NEW_YORK, reminderAt: null } });
    expect(status).toBe(200);

    await a.page.getByRole('link', { name: text('plans.proposeOwn'), exact: true }).tap();
    await a.page.getByRole('heading', { level: 1, name: text('plans.newTitle') }).waitFor();
    await checkBothWidths(a11y, a.page, 'a new plan');
    // Ten minutes from now, in Berlin: the reminder (30 minutes before) is due at once.
    const soon = Date.now() + 10 * 60_000;
    const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', { timeZone: BERLIN, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(soon).map((p) => [p.type, p.value]));
    await a.page.getByLabel(text('plans.titleField'), { exact: true }).fill(OWN_TITLE);
    await a.page.getByLabel(text('plans.date'), { exact: true }).fill(`${parts.year}-${parts.month}-${parts.day}`);
    await a.page.getByLabel(text('plans.time'), { exact: true }).fill(`${parts.hour}:${parts.minute}`);
    await a.page.getByLabel(text('plans.bringField'), { exact: true }).fill(BRING);
    await button(a.page, text('plans.propose')).tap();
    await card(a.page, OWN_TITLE).waitFor();
    await card(a.page, OWN_TITLE).getByText(text('plans.bring', { bring: BRING }), { exact: true }).waitFor();

    await expect.poll(() => pushService.messages.filter((m) => m.endpoint === device.endpoint).length, { timeout: 20_000 }).toBe(1);
    const [message] = pushService.messages.filter((m) => m.endpoint === device.endpoint);
    expect(Object.keys(message!.payload).sort()).toEqual(['i', 'k', 's', 'v']);
    expect(message!.payload).toMatchObject({ v: 1, k: 'plan', s: spaceId });
    expect(message!.plaintextBytes).toBe(256);
    expect(message!.plaintext).not.toContain(OWN_TITLE);
    await card(b.page, OWN_TITLE).waitFor({ timeout: 20_000 });
  });

  it('B’s Today shows the week’s plans, soonest first, with a quiet word where B has not answered; one tap opens them', async () => {
    await new HomePage(b.page).goto();
    const coming = b.page.getByRole('region', { name: text('plans.coming'), exact: true });
    await coming.waitFor({ timeout: 20_000 });
    await expect.poll(() => coming.getByRole('listitem').count(), { timeout: 20_000 }).toBe(2);
    const [soonest, date] = await coming.getByRole('listitem').allInnerTexts();
    expect(soonest).toContain(OWN_TITLE);
    expect(soonest).toContain(text('plans.todayOpen'));
    expect(date).toContain(ideaTitle);
    expect(date).not.toContain(text('plans.todayOpen'));
    await checkBothWidths(a11y, b.page, 'Today with the week’s plans');
    await coming.getByRole('link').first().tap();
    await card(b.page, OWN_TITLE).waitFor({ timeout: 20_000 });
  });

  it('A keeps a moment, a small step; B sees it in the calm timeline', async () => {
    await a.page.goto(`/spaces/${spaceId}/plans`);
    await a.page.getByRole('link', { name: text('plans.openMoments'), exact: true }).first().tap();
    await a.page.getByRole('heading', { level: 1, name: text('moments.title', { place: SPACE }) }).waitFor();
    await checkBothWidths(a11y, a.page, 'moments, none yet');
    await a.page.getByLabel(text('moments.text'), { exact: true }).fill(MOMENT);
    await a.page.getByRole('checkbox', { name: text('moments.step') }).tap();
    await button(a.page, text('moments.save')).tap();
    await a.page.getByText(MOMENT, { exact: true }).waitFor();
    await checkBothWidths(a11y, a.page, 'moments with a small step');

    await b.page.goto(`/spaces/${spaceId}/moments`);
    const entry = b.page.locator('.moment').filter({ hasText: MOMENT });
    await entry.waitFor({ timeout: 20_000 });
    await entry.getByText(text('moments.stepBadge'), { exact: false }).waitFor();
    await entry.getByText(text('moments.by', { name: A.name }), { exact: true }).waitFor();
    await checkBothWidths(a11y, b.page, 'moments seen by a partner');
  });

  it('ideas: filtered for a bad day, kept as a favourite, our own idea added', async () => {
    await b.page.goto(`/spaces/${spaceId}/ideas`);
    await b.page.getByRole('heading', { level: 1, name: text('ideas.title') }).waitFor();
    const all = text('ideas.count', { count: IDEAS.length });
    await b.page.getByText(all, { exact: true }).waitFor();
    await checkBothWidths(a11y, b.page, 'ideas');
    await b.page.getByRole('form', { name: text('ideas.filters') }).getByLabel(text('ideas.energy'), { exact: true }).selectOption('bad-day');
    const badDay = IDEAS.filter((i) => i.energy.includes('bad-day'));
    await b.page.getByText(text('ideas.count', { count: badDay.length }), { exact: true }).waitFor();
    const first = button(b.page, text('ideas.favourite', { title: badDay[0]!.title }));
    await first.tap();
    await expect.poll(() => first.getAttribute('aria-pressed')).toBe('true');
    await b.page.getByRole('checkbox', { name: text('ideas.favouritesOnly') }).tap();
    await b.page.getByText(text('ideas.count', { count: 1 }), { exact: true }).waitFor();
    await b.page.getByLabel(text('ideas.ownTitle'), { exact: true }).fill(`${OWN_TITLE} again`);
    await button(b.page, text('ideas.ownSave')).tap();
    await b.page.getByRole('heading', { level: 3, name: `${OWN_TITLE} again`, exact: true }).waitFor();
    await checkBothWidths(a11y, b.page, 'ideas filtered, with our own');
  });

  it('after the plan, B’s Today asks "How was it?": a feeling and a few words become a moment A sees', async () => {
    // Four hours on, on B's phone only (the plan ten minutes from then lasted an hour).
    await b.context.clock.install({ time: Date.now() + 4 * 3_600_000 });
    await new HomePage(b.page).goto();
    const after = b.page.getByRole('region', { name: text('after.title'), exact: true });
    await after.waitFor({ timeout: 20_000 });
    // The place's most recent plan that has ended: ours, or the weekly date when it fell in those hours.
    const shown = await after.innerText();
    expect([OWN_TITLE, ideaTitle].some((title) => shown.includes(title))).toBe(true);
    await checkBothWidths(a11y, b.page, 'Today asks how it was');
    await after.getByRole('radio', { name: text('feeling.warm'), exact: true }).tap();
    await after.getByLabel(text('after.words'), { exact: true }).fill(AFTER_WORDS);
    await after.getByRole('button', { name: text('after.save'), exact: true }).tap();
    await after.waitFor({ state: 'detached', timeout: 20_000 });
    await a.page.goto(`/spaces/${spaceId}/moments`);
    await a.page.locator('.moment').filter({ hasText: AFTER_WORDS }).waitFor({ timeout: 20_000 });
  });

  it('axe and the tap audit found nothing on any plans screen', () => {
    expect(a11y.found()).toEqual([]);
  });

  it('no page broke the Content-Security-Policy or threw', () => {
    const problems = [a, b].flatMap((p) => p.problems).filter((m) => /Content Security Policy|Refused to|Uncaught/i.test(m));
    expect(problems).toEqual([]);
  });

  it('no plan text, idea id or moment is in the database files, DATA_DIR or the server log', async () => {
    const idea = IDEAS.find((i) => i.title === ideaTitle)!;
    await expectNothingTypedOnServer(
      server,
      [SPACE, A.name, B.name, OWN_TITLE, BRING, MOMENT, AFTER_WORDS, ideaTitle, `"${idea.id}"`, idea.id, '"plans-rhythm"', '"plan-response"', '"moment"'],
      [A.email, B.email],
    );
  });
});
