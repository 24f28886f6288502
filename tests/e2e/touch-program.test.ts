/**
 * The comfort plan and the touch program in Chromium, as two people on phones (390 and 320 px,
 * touch, real taps): each marks a comfort map alone, they match in private, and from the match
 * A reads the gentle plan (least intimate first, softer versions, the four words). Then both
 * follow the touch program for two sessions: only matched items show, each checks in after a
 * session, moving on needs both to be ready, and a pause keeps the place. Axe and the tap audit
 * check every screen; no check-in note, answer or kind reaches the server's files or log.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOUCH_PROGRAM, comfortItem } from '../../content/comfort.ts';
import { SpacePage, text } from './pages/index.ts';
import { startServer, type RunningServer } from './support/app-server.ts';
import { a11yJournal } from './support/axe.ts';
import { launchBrowser, type Person } from './support/browser.ts';
import { shareASpace } from './support/journeys.ts';
import { expectNothingTypedOnServer } from './support/privacy.ts';

const run = Math.random().toString(36).slice(2, 8);
const [S1, S2] = TOUCH_PROGRAM.sessions as [(typeof TOUCH_PROGRAM.sessions)[number], (typeof TOUCH_PROGRAM.sessions)[number]];

/** A phone: a small touch screen, so taps are real touch events. */
async function phone(browser: Browser, baseURL: string, width: number): Promise<Person> {
  const context = await browser.newContext({ baseURL, viewport: { width, height: 844 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(msg.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return { context, page, problems };
}

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
const label = (id: string) => comfortItem(id)!.label;

/** Marks items on my comfort map (everything else stays "not now") and saves it. */
async function markMap(page: Page, marks: Record<string, 'yes' | 'maybe'>): Promise<void> {
  await page.goto('/comfort');
  await page.getByRole('heading', { level: 1, name: text('comfort.title') }).waitFor({ timeout: 20_000 });
  for (const [id, choice] of Object.entries(marks)) {
    const group = page.getByRole('group', { name: label(id), exact: true });
    await group.getByRole('radio', { name: text(choice === 'yes' ? 'comfort.yes' : 'comfort.maybe'), exact: true }).tap();
  }
  await button(page, text('comfort.save')).tap();
  await page.getByText(text('comfort.saved')).first().waitFor({ timeout: 20_000 });
}

/** One check-in after a session: how safe, how close, and (optionally) what to change. */
async function checkIn(page: Page, safe: number, close: number, change?: string): Promise<void> {
  const form = page.getByRole('form', { name: text('touch.checkInTitle') });
  await form.getByRole('group', { name: text('touch.safe') }).getByRole('radio', { name: new RegExp(`^${safe}(,|$)`) }).tap();
  await form.getByRole('group', { name: text('touch.close') }).getByRole('radio', { name: new RegExp(`^${close}(,|$)`) }).tap();
  if (change) await form.getByRole('textbox', { name: text('touch.change') }).fill(change);
  await form.getByRole('button', { name: text('touch.saveCheckIn'), exact: true }).tap();
}

const sessionHeading = (page: Page, title: string) => page.getByRole('heading', { level: 2, name: title, exact: true });

/** axe and the tap audit at the phone's own width, and at 320 px too where the phone is wider. */
async function checkScreen(a11y: ReturnType<typeof a11yJournal>, page: Page, screen: string): Promise<void> {
  const size = page.viewportSize()!;
  await a11y.check(page, `${screen} (${size.width} px)`);
  if (size.width === 320) return;
  await page.setViewportSize({ width: 320, height: 640 });
  try {
    await a11y.check(page, `${screen} (320 px)`);
  } finally {
    await page.setViewportSize(size);
  }
}

describe('the touch program, two people on phones', () => {
  const SPACE = `Willow ${run}canaryspace`;
  const A = { email: `ada.${run}@example.test`, password: `quiet fern ${run} lark`, name: `Ada${run}canaryname` };
  const B = { email: `ben.${run}@example.test`, password: `amber hill ${run} crane`, name: `Ben${run}canaryname` };
  const NOTE_A = `warmer room next time ${run}canarynote`;
  const NOTE_B = `slower at the start ${run}canarynote`;
  let server: RunningServer;
  let browser: Browser;
  let a: Person;
  let b: Person;
  let spaceId = '';
  let programUrlA = '';
  let programUrlB = '';
  const a11y = a11yJournal();

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    a = await phone(browser, server.url, 390);
    b = await phone(browser, server.url, 320);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('A and B share a place and each mark a comfort map alone', async () => {
    spaceId = await shareASpace(a, A, b, B, SPACE);
    await markMap(a.page, { 'holding-hands': 'yes', 'sitting-close': 'yes', 'back-massage': 'yes', 'shoulder-rub': 'maybe', 'oral-sex': 'yes' });
    // B leaves oral sex at "not now": it will show nowhere for either of them.
    await markMap(b.page, { 'holding-hands': 'yes', 'sitting-close': 'maybe', 'back-massage': 'yes', 'shoulder-rub': 'yes' });
  });

  it('they match in private', async () => {
    await a.page.goto(`/spaces/${spaceId}/comfort`);
    await button(a.page, text('match.start')).tap();
    await b.page.goto(`/spaces/${spaceId}/comfort`);
    await button(b.page, text('match.agree')).waitFor({ timeout: 30_000 });
    await button(b.page, text('match.agree')).tap();
    for (const p of [a.page, b.page]) await p.getByRole('heading', { name: text('match.resultTitle') }).waitFor({ timeout: 60_000 });
  });

  it('the place’s screen leads to the plan: least intimate first, with softer versions and the four words', async () => {
    const space = new SpacePage(a.page);
    await space.goto(spaceId);
    await space.waitFor(SPACE);
    const section = a.page.getByRole('region', { name: text('together.sectionTitle'), exact: true });
    await section.getByRole('link', { name: text('together.plan', { name: B.name }), exact: true }).tap();
    await a.page.getByRole('heading', { level: 1, name: text('comfortPlan.title') }).waitFor();
    const cards = a.page.locator('.comfort-suggestion h3');
    await expect.poll(() => cards.allTextContents()).toEqual([label('holding-hands'), label('sitting-close'), label('back-massage'), label('shoulder-rub')]);
    await a.page.getByText(comfortItem('holding-hands')!.softer!, { exact: false }).first().waitFor();
    for (const word of ['slower', 'softer', 'pause', 'stop'] as const) await a.page.getByRole('term').filter({ hasText: text(`comfortWords.${word}`) }).first().waitFor();
    expect(await a.page.getByText(label('oral-sex'), { exact: true }).count()).toBe(0);
    await checkScreen(a11y, a.page, 'the gentle plan');
    await a.page.getByRole('link', { name: text('comfortPlan.toProgram'), exact: true }).tap();
    await a.page.getByRole('heading', { level: 1, name: text('touch.title') }).waitFor();
    programUrlA = a.page.url();
  });

  it('session 1 shows only matched items within its level; both check in', async () => {
    await sessionHeading(a.page, S1.title).waitFor({ timeout: 20_000 });
    const ideas = a.page.getByRole('region', { name: text('touch.suggestionsTitle') });
    await expect.poll(() => ideas.locator('h3').allTextContents()).toEqual([label('sitting-close'), label('holding-hands')]);
    // Ready comes after the check-in.
    expect(await button(a.page, text('touch.ready')).count()).toBe(0);
    await checkScreen(a11y, a.page, 'touch program, session 1');
    await checkIn(a.page, 8, 7, NOTE_A);
    await a.page.getByText(NOTE_A, { exact: true }).waitFor({ timeout: 20_000 });
    await button(a.page, text('touch.ready')).tap();
    await a.page.locator('#main').getByText(text('touch.readySaid', { name: B.name }), { exact: true }).waitFor();
    await checkScreen(a11y, a.page, 'touch program, ready and waiting');

    // B gets there from the overview the programs link to.
    await b.page.goto('/comfort/together');
    await b.page.getByRole('link', { name: text('together.program', { name: A.name }), exact: true }).tap();
    await sessionHeading(b.page, S1.title).waitFor({ timeout: 20_000 });
    programUrlB = b.page.url();
    await b.page.locator('#main').getByText(text('touch.partnerReady', { name: A.name }), { exact: true }).waitFor({ timeout: 20_000 });
    // A being ready moved nothing: B is still at session 1 until B is ready too.
    await b.page.locator('#main').getByText(text('touch.sessionOf', { n: 1, total: TOUCH_PROGRAM.sessions.length }), { exact: true }).waitFor();
    await checkScreen(a11y, b.page, 'touch program, partner ready');
    await checkIn(b.page, 9, 6, NOTE_B);
    await b.page.getByText(NOTE_B, { exact: true }).waitFor({ timeout: 20_000 });
    await b.page.getByText(NOTE_A, { exact: true }).waitFor({ timeout: 20_000 });
    await button(b.page, text('touch.ready')).tap();
  });

  it('with both ready, both move on to session 2, with its own matched items', async () => {
    await sessionHeading(b.page, S2.title).waitFor({ timeout: 20_000 });
    await sessionHeading(a.page, S2.title).waitFor({ timeout: 30_000 });
    const ideas = a.page.getByRole('region', { name: text('touch.suggestionsTitle') });
    await expect.poll(() => ideas.locator('h3').allTextContents()).toEqual([label('shoulder-rub'), label('back-massage')]);
    await checkScreen(a11y, a.page, 'touch program, session 2');
  });

  it('A pauses: B sees it, the place is kept, and only A can go on', async () => {
    await button(a.page, text('touch.pause')).tap();
    await a.page.locator('#main').getByText(text('touch.pausedByMe'), { exact: true }).waitFor();
    await b.page.locator('#main').getByText(text('touch.pausedByPartner', { name: A.name }), { exact: true }).waitFor({ timeout: 30_000 });
    expect(await button(b.page, text('touch.resume')).count()).toBe(0);
    await checkScreen(a11y, b.page, 'touch program, paused by the partner');
    // Reloading keeps the place.
    await a.page.goto(programUrlA);
    await sessionHeading(a.page, S2.title).waitFor({ timeout: 20_000 });
    await checkScreen(a11y, a.page, 'touch program, paused by me');
    await button(a.page, text('touch.resume')).tap();
    await b.page.locator('#main').getByText(text('touch.pausedByPartner', { name: A.name }), { exact: true }).waitFor({ state: 'detached', timeout: 30_000 });
    await sessionHeading(b.page, S2.title).waitFor();
  });

  it('both check in after session 2', async () => {
    await checkIn(a.page, 7, 8);
    await checkIn(b.page, 2, 5);
    await b.page.locator('#main').getByText(text('touch.checkInLine', { name: text('touch.me'), safe: 2, close: 5 }), { exact: true }).waitFor({ timeout: 20_000 });
    // A low sense of safety gets a kind word and a pointer to help, not a verdict.
    await b.page.locator('#main').getByText(text('touch.lowSafety'), { exact: true }).waitFor();
    await a.page.locator('#main').getByText(text('touch.checkInLine', { name: B.name, safe: 2, close: 5 }), { exact: true }).waitFor({ timeout: 30_000 });
    await b.page.goto(programUrlB);
    await sessionHeading(b.page, S2.title).waitFor({ timeout: 20_000 });
    await checkScreen(a11y, b.page, 'touch program, after two check-ins');
    await b.page.goto('/comfort/together');
    await b.page.locator('#main').getByText(text('together.session', { n: 2, total: TOUCH_PROGRAM.sessions.length, title: S2.title }), { exact: true }).waitFor({ timeout: 20_000 });
    await checkScreen(a11y, b.page, 'plans and touch overview');
  });

  it('axe and the tap audit found nothing on any screen', () => {
    expect(a11y.found()).toEqual([]);
  });

  it('no page broke the Content-Security-Policy or threw', () => {
    const problems = [a, b].flatMap((p) => p.problems).filter((m) => /Content Security Policy|Refused to|Uncaught/i.test(m));
    expect(problems).toEqual([]);
  });

  it('no check-in note, name, item or kind is in the database files, DATA_DIR or the server log', async () => {
    await expectNothingTypedOnServer(
      server,
      [SPACE, A.name, B.name, NOTE_A, NOTE_B, '"touch-program"', '"touch-program-check-in"', '"holding-hands"', '"back-massage"', `"${S1.id}"`],
      [A.email, B.email],
    );
  });
});
