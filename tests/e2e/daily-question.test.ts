/**
 * The question of the day, in Chromium, as two people on their own phones (390 px and 320 px):
 * both see the same question on Today; A answers in a line (B's screen shows nothing of it); B
 * answers; both screens open the answers live, without a reload; the history keeps the day.
 * Alone, in the personal space, the question is answered privately. Axe and the tap audit check
 * every new screen, and neither the answers nor the question reach the server's files or log.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getExercise } from '../../content/catalog.ts';
import { LIBRARY } from '../../content/library.ts';
import { drawQuestion } from '../../src/web/features/rounds/daily/draw.ts';
import { localDay } from '../../src/web/platform/calendar.ts';
import { HomePage, SpacePage, text } from './pages/index.ts';
import { DailyCard, DailyHistoryPage, DailyQuestionPage } from './pages/daily-pages.ts';
import { startServer, type RunningServer } from './support/app-server.ts';
import { expectNothingTypedOnServer } from './support/privacy.ts';
import { a11yJournal } from './support/axe.ts';
import { launchBrowser, newPerson, type Person } from './support/browser.ts';
import { shareASpace } from './support/journeys.ts';

const run = Math.random().toString(36).slice(2, 8);
const SPACE = `Nook ${run}canaryspace`;
const A = { email: `ada.${run}@example.test`, password: `copper meadow ${run} kite`, name: `Ada${run}canaryname` };
const B = { email: `ben.${run}@example.test`, password: `silver harbour ${run} fern`, name: `Ben${run}canaryname` };
const A_LINE = `the kettle singing ${run}canarydailya`;
const B_LINE = `your voice on the phone ${run}canarydailyb`;
const A_ALONE = `a slow morning ${run}canarydailyalone`;
const SPACE_APART = `Far ${run}canaryspace`;
const C = { email: `cai.${run}@example.test`, password: `amber island ${run} reef`, name: `Cai${run}canaryname` };
const D = { email: `dov.${run}@example.test`, password: `misty valley ${run} owl`, name: `Dov${run}canaryname` };
const C_LINE = `the first light here ${run}canarydailyc`;
const D_LINE = `the evening still here ${run}canarydailyd`;

let server: RunningServer;
let browser: Browser;
let a: Person;
let b: Person;
let spaceId = '';
let question = '';
const a11y = a11yJournal();

/** The question every member of a space is asked today (the same draw the app makes). */
function questionOf(space: string, day: string = localDay()): string {
  const drawn = drawQuestion(LIBRARY.decks, space, 'light', day);
  const prompt = drawn && getExercise(drawn.exerciseId)?.items[0]?.prompt;
  if (!prompt) throw new Error('no question drawn');
  return prompt;
}

describe('a question for today, shared', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    a = await newPerson(browser, server.url, undefined, { hasTouch: true });
    b = await newPerson(browser, server.url, { width: 320, height: 640 }, { hasTouch: true }); // the smallest phone
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('A and B share a space; both see the same question on Today, in a calm card', async () => {
    spaceId = await shareASpace(a, A, b, B, SPACE);
    question = questionOf(spaceId);
    for (const person of [a, b]) {
      await new HomePage(person.page).goto();
      const cards = new DailyCard(person.page);
      await cards.question(SPACE, question).waitFor({ timeout: 20_000 });
      // Answered right on the card: one line and a tap.
      await cards.region(SPACE).getByLabel(text('daily.answerLabel'), { exact: true }).waitFor();
      await cards.region('personal').waitFor();
    }
    await a11y.check(a.page, 'today with the question (390 px)');
    await a11y.check(b.page, 'today with the question (320 px)');
  });

  it('the space screen shows today’s question and how deep the questions go', async () => {
    const space = new SpacePage(b.page);
    await space.goto(spaceId);
    await space.waitFor(SPACE);
    const section = b.page.getByRole('region', { name: text('daily.title'), exact: true });
    await section.getByText(question, { exact: true }).waitFor();
    await section.getByText(text('daily.depthLegend'), { exact: true }).first().click();
    await section.getByRole('radio', { name: text('daily.depth.light'), exact: true }).waitFor();
    expect(await section.getByRole('radio', { name: text('daily.depth.light'), exact: true }).isChecked()).toBe(true);
    await a11y.check(b.page, 'space with the question and its depth (320 px)');
  });

  it('A answers in a line; B’s screen shows nothing of it', async () => {
    const screen = new DailyQuestionPage(a.page);
    await screen.goto(spaceId);
    expect((await screen.question().innerText()).trim()).toBe(question);
    await a11y.check(a.page, 'the question, answering (390 px)');
    await screen.answer(A_LINE);
    await screen.button('daily.share').click();
    await screen.inLine().waitFor({ timeout: 15_000 });
    await a11y.check(a.page, 'the question, in and waiting (390 px)');

    const screenB = new DailyQuestionPage(b.page);
    await screenB.goto(spaceId);
    expect((await screenB.question().innerText()).trim()).toBe(question);
    await screenB.field('daily.answerLabel').waitFor();
    await a11y.check(b.page, 'the question, answering (320 px)');
    expect(await b.page.content()).not.toContain(A_LINE);
    // Nothing on B's Today names A as waiting, or counts anything.
    await new HomePage(b.page).goto();
    await new DailyCard(b.page).question(SPACE, question).waitFor({ timeout: 20_000 });
    const card = await new DailyCard(b.page).region(SPACE).innerText();
    expect(card).not.toContain(A.name);
    expect(card).not.toContain(A_LINE);
  });

  it('B answers; both screens open the answers live, without a reload', async () => {
    const screenB = new DailyQuestionPage(b.page);
    await screenB.goto(spaceId);
    await screenB.answer(B_LINE);
    await screenB.button('daily.share').click();

    const screenA = new DailyQuestionPage(a.page); // still open since A answered
    for (const [screen, other, mineLine, theirLine] of [
      [screenA, B.name, A_LINE, B_LINE],
      [screenB, A.name, B_LINE, A_LINE],
    ] as const) {
      await screen.page.getByRole('heading', { level: 2, name: text('daily.openLead'), exact: true }).waitFor({ timeout: 20_000 });
      await expect.poll(() => screen.openAnswers(), { timeout: 15_000 }).toEqual(expect.arrayContaining([`${text('daily.you')} ${mineLine}`, `${other} ${theirLine}`]));
    }
    await a11y.check(a.page, 'the question, answers open (390 px)');
    await a11y.check(b.page, 'the question, answers open (320 px)');
  });

  it('the history keeps the day, with both answers', async () => {
    await a.page.getByRole('link', { name: text('daily.history'), exact: true }).click();
    const history = new DailyHistoryPage(a.page);
    await history.waitFor();
    const entry = history.entries().filter({ hasText: question });
    await entry.getByText(B_LINE, { exact: true }).waitFor({ timeout: 15_000 });
    await entry.getByText(A_LINE, { exact: true }).waitFor();
    await a11y.check(a.page, 'past questions (390 px)');

    await b.page.goto(`/spaces/${spaceId}/questions`);
    await new DailyHistoryPage(b.page).waitFor();
    await new DailyHistoryPage(b.page).entries().filter({ hasText: question }).getByText(A_LINE, { exact: true }).waitFor({ timeout: 15_000 });
    await a11y.check(b.page, 'past questions (320 px)');

    // Today says calmly that the answers are open, with whom.
    await new HomePage(a.page).goto();
    await new DailyCard(a.page).region(SPACE).getByText(text('daily.openWith', { names: B.name }), { exact: true }).waitFor({ timeout: 20_000 });
  });

  it('alone, in the personal space, the question is answered privately', async () => {
    const cards = new DailyCard(b.page);
    await new HomePage(b.page).goto();
    // With a shared place's question on Today, my own is a line and a link (one form at a time).
    const card = cards.region('personal');
    await card.getByRole('link', { name: text('daily.answerForMe'), exact: true }).tap();
    const screen = new DailyQuestionPage(b.page);
    await screen.waitFor();
    await b.page.getByText(text('daily.whoSeesAlone'), { exact: true }).waitFor();
    await a11y.check(b.page, 'the question alone (320 px)');
    await screen.answer(A_ALONE);
    await screen.button('daily.saveAlone').tap();
    await b.page.getByText(text('daily.kept'), { exact: true }).waitFor({ timeout: 15_000 });
    await b.page.getByRole('link', { name: text('daily.history'), exact: true }).tap();
    await new DailyHistoryPage(b.page).entries().getByText(A_ALONE, { exact: true }).waitFor();
  });

  it('a day apart (Kiritimati and Honolulu, 24 hours apart): the one behind finds the other’s question on Today, answers it there, and both see the answers open', async () => {
    // Always exactly one calendar date apart: each is asked the question of their own date.
    const ahead = await newPerson(browser, server.url, undefined, { hasTouch: true, timezoneId: 'Pacific/Kiritimati' });
    const behind = await newPerson(browser, server.url, { width: 320, height: 640 }, { hasTouch: true, timezoneId: 'Pacific/Honolulu' });
    try {
      const aheadId = await shareASpace(ahead, C, behind, D, SPACE_APART);
      const aheadDay = await ahead.page.evaluate(() => new Intl.DateTimeFormat('en-CA').format(Date.now()));
      const aheadQuestion = questionOf(aheadId, aheadDay);
      const screenAhead = new DailyQuestionPage(ahead.page);
      await screenAhead.goto(aheadId);
      await screenAhead.answer(C_LINE);
      await screenAhead.button('daily.share').tap();
      await screenAhead.inLine().waitFor({ timeout: 15_000 });

      await new HomePage(behind.page).goto();
      const card = new DailyCard(behind.page).region(SPACE_APART);
      const date = await behind.page.evaluate(([y, m, d]) => new Intl.DateTimeFormat('en', { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(y!, m! - 1, d!, 12)), aheadDay.split('-').map(Number));
      const link = card.getByRole('link', { name: text('daily.alsoOpen', { date }), exact: true });
      await link.waitFor({ timeout: 20_000 });
      expect(await card.innerText()).not.toContain(C.name);
      await a11y.check(behind.page, 'today with another day’s question open (320 px)');
      await link.tap();
      const screenBehind = new DailyQuestionPage(behind.page);
      await expect.poll(async () => (await screenBehind.question().innerText()).trim(), { timeout: 15_000 }).toBe(aheadQuestion);
      await screenBehind.answer(D_LINE);
      await screenBehind.button('daily.share').tap();
      await expect.poll(() => screenBehind.openAnswers(), { timeout: 20_000 }).toEqual(expect.arrayContaining([`${text('daily.you')} ${D_LINE}`, `${C.name} ${C_LINE}`]));
      await expect.poll(() => screenAhead.openAnswers(), { timeout: 20_000 }).toEqual(expect.arrayContaining([`${text('daily.you')} ${C_LINE}`, `${D.name} ${D_LINE}`]));
      // Answered: the link is gone from Today.
      await new HomePage(behind.page).goto();
      await new DailyCard(behind.page).region(SPACE_APART).waitFor({ timeout: 20_000 });
      await expect.poll(() => new DailyCard(behind.page).region(SPACE_APART).getByRole('link', { name: text('daily.alsoOpen', { date }), exact: true }).count()).toBe(0);
      expect([...ahead.problems, ...behind.problems].filter((p) => !/status of 409 \(Conflict\)/.test(p))).toEqual([]);
    } finally {
      await ahead.context.close();
      await behind.context.close();
    }
  });

  it('found nothing for axe or the tap audit, no console errors, and nothing typed (nor the question) on the server', async () => {
    expect(a11y.found()).toEqual([]);
    // Two first answers of the day can race to start its round: the second app is told 409 (the
    // round exists) and answers that round, as designed (ADR 022); the browser logs the 409.
    const expectedRace = /status of 409 \(Conflict\)/;
    expect(a.problems.filter((p) => !expectedRace.test(p))).toEqual([]);
    expect(b.problems.filter((p) => !expectedRace.test(p))).toEqual([]);
    await expectNothingTypedOnServer(server, [A_LINE, B_LINE, A_ALONE, C_LINE, D_LINE, question, SPACE, SPACE_APART, A.name, B.name, C.name, D.name], [A.email, B.email, C.email, D.email]);
  });
});
