/**
 * Conversation decks, in Chromium, on the smallest phone (320 px): one person signs up, opens the
 * decks (grouped by kind of closeness, then the others), picks a deck and asks it together on one
 * device: the guide is open the first time, next and skip move on and say where we are, focus
 * stays on the button used, one question is kept as a favourite and is listed on the decks
 * screen after a reload, its link opens the deck at that question. Then a different depth,
 * shuffle and back in order, the end card (which takes focus) and starting again, un-keeping, and
 * a deck that does not exist. Axe checks each screen; no page breaks the CSP.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIBRARY, getDeck } from '../../content/library.ts';
import { DeckPage, DecksPage, text } from './pages/index.ts';
import { startServer, type RunningServer } from './support/app-server.ts';
import { a11yJournal } from './support/axe.ts';
import { launchBrowser, newPerson, type Person } from './support/browser.ts';
import { signUp } from './support/journeys.ts';

const run = Math.random().toString(36).slice(2, 8);
const A = { email: `dee.${run}@example.test`, password: `amber meadow ${run} kite` };
const DECK = getDeck('light-and-playful')!;
const LIGHT = DECK.questions.filter((q) => q.depth === 'light');
const DEEPEST = DECK.questions.filter((q) => q.depth === 'deepest');

let server: RunningServer;
let browser: Browser;
let a: Person;
const a11y = a11yJournal();

/** The accessible text of whatever has focus (a button's label, a heading's words). */
const focused = () => a.page.evaluate(() => (document.activeElement?.textContent ?? '').trim());

describe('conversation decks', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    a = await newPerson(browser, server.url, { width: 320, height: 640 });
    await signUp(a, A);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('lists every deck, kinds of closeness first, and says any question can be skipped', async () => {
    const decks = new DecksPage(a.page);
    await decks.goto();
    await a.page.getByText(text('decks.skipAny'), { exact: true }).waitFor();
    const byDimension = LIBRARY.decks.filter((d) => d.dimension).map((d) => d.title);
    const more = LIBRARY.decks.filter((d) => !d.dimension).map((d) => d.title);
    expect(byDimension.length).toBeGreaterThanOrEqual(6);
    expect(new Set(await decks.group('decks.byDimension').getByRole('link').allInnerTexts())).toEqual(new Set(byDimension));
    expect(await decks.group('decks.more').getByRole('link').allInnerTexts()).toEqual(more);
    await decks.group('decks.more').getByText(text('decks.questionCount', { count: DECK.questions.length })).first().waitFor();
    expect(await decks.favouriteTexts()).toEqual([]);
    await a11y.check(a.page, 'decks');
  });

  it('asks a deck together: guide first, next and skip say where we are, focus stays put', async () => {
    const deck = await new DecksPage(a.page).openDeck(DECK.title);
    expect(await deck.guideIsOpen()).toBe(true);
    await a.page.getByText(DECK.guide[0]!, { exact: true }).waitFor();
    expect(await deck.depthRadio('light').isChecked()).toBe(true);
    expect(await deck.position()).toBe(text('decks.position', { n: 1, total: LIGHT.length }));
    expect(await deck.question()).toBe(LIGHT[0]!.text);
    await a11y.check(a.page, 'a deck, first question, guide open');

    // By keyboard: Enter on "Next question" moves on, announces the new question, keeps focus.
    await deck.next().focus();
    await a.page.keyboard.press('Enter');
    await expect.poll(() => deck.position()).toBe(text('decks.position', { n: 2, total: LIGHT.length }));
    expect(await deck.question()).toBe(LIGHT[1]!.text);
    await deck.announcement(text('decks.positionSpoken', { n: 2, total: LIGHT.length, question: LIGHT[1]!.text })).waitFor();
    expect(await focused()).toBe(text('decks.next'));

    // Skip: not now, move on.
    await deck.skip().click();
    await expect.poll(() => deck.position()).toBe(text('decks.position', { n: 3, total: LIGHT.length }));
    expect(await deck.question()).toBe(LIGHT[2]!.text);
  });

  it('keeps a question as a favourite; it can be answered privately too', async () => {
    const deck = new DeckPage(a.page);
    const toggle = deck.keepToggle();
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    expect((await toggle.innerText()).includes(text('decks.keep'))).toBe(true);
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await toggle.innerText()).toContain(text('decks.keep'));

    const options = await deck.answerOptions();
    const alone = options.getByRole('link', { name: text('library.answerAlone'), exact: true });
    expect(await alone.getAttribute('href')).toBe(`/just-me/exercises/${DECK.id}-${LIGHT[2]!.id}`);
    await a11y.check(a.page, 'a deck, kept as favourite, ways to answer open');
  });

  it('after a reload, the favourite is listed on the decks screen and opens the deck at it', async () => {
    const decks = new DecksPage(a.page);
    await decks.goto();
    await a.page.reload();
    await decks.waitFor();
    await expect.poll(() => decks.favouriteTexts(), { timeout: 10_000 }).toEqual([LIGHT[2]!.text]);
    await decks.favourites.getByText(text('decks.favouriteFrom', { deck: DECK.title }), { exact: true }).waitFor();
    await a11y.check(a.page, 'decks with a favourite');

    const deck = await decks.openFavourite(LIGHT[2]!.text, DECK.title);
    expect(await deck.position()).toBe(text('decks.position', { n: 3, total: LIGHT.length }));
    expect(await deck.question()).toBe(LIGHT[2]!.text);
    expect(await deck.keepToggle().getAttribute('aria-pressed')).toBe('true');
    // Seen before (a question of it is kept): the guide is folded away, one tap to open.
    expect(await deck.guideIsOpen()).toBe(false);
  });

  it('changes depth, shuffles and goes back in order, reaches a calm end card and starts again', async () => {
    const deck = new DeckPage(a.page);
    await deck.chooseDepth('deepest');
    await expect.poll(() => deck.position()).toBe(text('decks.position', { n: 1, total: DEEPEST.length }));
    expect(await deck.question()).toBe(DEEPEST[0]!.text);

    await deck.shuffle().click();
    await deck.inOrder().waitFor();
    expect(await deck.position()).toBe(text('decks.position', { n: 1, total: DEEPEST.length }));
    const shuffledFirst = await deck.question();
    expect(DEEPEST.map((q) => q.text)).toContain(shuffledFirst);
    await a11y.check(a.page, 'a deck, deepest, shuffled');

    // Back in order stays on the same question, at its place in the deck's order.
    await deck.inOrder().click();
    const at = DEEPEST.findIndex((q) => q.text === shuffledFirst);
    await expect.poll(() => deck.position()).toBe(text('decks.position', { n: at + 1, total: DEEPEST.length }));
    expect(await deck.question()).toBe(shuffledFirst);
    await expect.poll(focused).toBe(shuffledFirst); // the button used is gone: focus goes to the question

    // One skip, then next to the end: the end card takes focus and offers the skipped one again.
    await deck.skip().click();
    for (let i = at + 1; i < DEEPEST.length; i++) await deck.next().click();
    await deck.endHeading().waitFor();
    await expect.poll(focused).toBe(text('decks.endTitle'));
    await deck.backToSkipped(1).waitFor();
    await deck.link('decks.allDecks').first().waitFor();
    await a11y.check(a.page, 'a deck, end card');

    await deck.startAgain().click();
    await expect.poll(() => deck.position()).toBe(text('decks.position', { n: 1, total: DEEPEST.length }));
    expect(await deck.question()).toBe(DEEPEST[0]!.text);
    await expect.poll(focused).toBe(DEEPEST[0]!.text);

    // Fits a 320 px phone: nothing scrolls sideways.
    expect(await a.page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
  });

  it('un-keeping a favourite removes it from the list', async () => {
    const deck = new DeckPage(a.page);
    await deck.chooseDepth('light');
    await deck.next().click();
    await deck.next().click();
    expect(await deck.question()).toBe(LIGHT[2]!.text);
    await deck.keepToggle().click();
    await expect.poll(() => deck.keepToggle().getAttribute('aria-pressed')).toBe('false');
    const decks = new DecksPage(a.page);
    await decks.goto();
    await decks.group('decks.byDimension').waitFor();
    expect(await decks.favouriteTexts()).toEqual([]);
  });

  it('a deck that does not exist says so', async () => {
    await a.page.goto('/decks/no-such-deck');
    await new DeckPage(a.page).heading(text('notFound.title')).waitFor();
  });

  it('axe found no accessibility violations on any deck screen', () => {
    expect(a11y.found()).toEqual([]);
  });

  it('no page broke the Content-Security-Policy or threw', () => {
    const problems = a.problems.filter((m) => /Content Security Policy|Refused to|Uncaught/i.test(m));
    expect(problems).toEqual([]);
  });
});
