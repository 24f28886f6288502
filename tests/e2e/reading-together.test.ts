/**
 * Answering one thing at a time and reading together, paced (issue 11, items 2, 4 and 5), as two
 * people on their own phones (390 px, touch screens, real taps): A answers one question per
 * screen (Back, Pass, a draft kept across a reload, a look over before sharing); B is told calmly
 * on Today and answers too; A's Today says the answers are open; B starts reading together on
 * their own devices and A, whose app is open, is invited live and joins at the same place; each
 * one's Next moves the other's screen; the last screen closes the moment with a thank-you the
 * other sees, a few words and one idea for another day. Axe and the tap audit check each new
 * screen at 390 and 320 px.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getExercise } from '../../content/exercises/index.ts';
import { LIBRARY } from '../../content/library.ts';
import { nextStepFor } from '../../src/web/features/rounds/next-step.ts';
import { ExercisesRegion, HomePage, NewRoundPage, ReadTogetherPage, RoundPage, SpacePage, text } from './pages/index.ts';
import { startServer, type RunningServer } from './support/app-server.ts';
import { a11yJournal } from './support/axe.ts';
import { launchBrowser, newPerson, type Person } from './support/browser.ts';
import { shareASpace } from './support/journeys.ts';
import { expectNothingTypedOnServer } from './support/privacy.ts';

const run = Math.random().toString(36).slice(2, 8);
const SPACE = `Nook ${run}canaryspace`;
const A = { email: `ari.${run}@example.test`, password: `velvet canyon ${run} lamp`, name: `Ari${run}canaryname` };
const B = { email: `bo.${run}@example.test`, password: `linen river ${run} moth`, name: `Bo${run}canaryname` };

const THREE_GOOD = getExercise('appreciations')!;
const [Q1, Q2, Q3] = THREE_GOOD.items.map((i) => i.prompt) as [string, string, string];
const A1 = `the tea you made ${run}canaryonea`;
const A3 = `how you listen ${run}canarythreea`;
const B1 = `the walk ${run}canaryoneb`;
const B_WORDS = `thank you for hearing me ${run}canarywords`;

const PHONE = { width: 390, height: 844 };
let server: RunningServer;
let browser: Browser;
let a: Person;
let b: Person;
let roundPath = '';
const a11y = a11yJournal();

/** Axe and the tap audit at 390 px, then at 320 px (the smallest phone). */
async function checkA11y(person: Person, screen: string): Promise<void> {
  await a11y.check(person.page, `${screen} (390 px)`);
  await person.page.setViewportSize({ width: 320, height: 640 });
  try {
    await a11y.check(person.page, `${screen} (320 px)`);
  } finally {
    await person.page.setViewportSize(PHONE);
  }
}

/** What has focus, as read aloud. */
function focusedText(person: Person): Promise<string> {
  return person.page.evaluate(() => (document.activeElement?.textContent ?? '').replace(/\s+/g, ' ').trim());
}

describe('one question at a time, then reading together, paced', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    a = await newPerson(browser, server.url, PHONE, { hasTouch: true });
    b = await newPerson(browser, server.url, PHONE, { hasTouch: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('A and B share a space; A starts "Three good things", whose first screen says what it touches', async () => {
    await shareASpace(a, A, b, B, SPACE);
    await new SpacePage(a.page).waitFor(SPACE);
    await new ExercisesRegion(a.page).region.getByRole('link', { name: text('exercises.start'), exact: true }).tap();
    const start = new NewRoundPage(a.page);
    await start.waitFor();
    await a.page.getByRole('radio', { name: THREE_GOOD.title, exact: true }).tap();
    await start.button('newRound.submit').tap();
    await a.page.waitForURL(/\/rounds\/[0-9a-f-]{36}$/);
    roundPath = new URL(a.page.url()).pathname;
    const round = new RoundPage(a.page);
    await round.waitFor(THREE_GOOD.title);
    await a.page.getByText(text('exercise.touches', { topics: THREE_GOOD.touches! }), { exact: true }).waitFor();
    await checkA11y(a, 'exercise introduction');
  });

  it('A answers one question per screen: progress, Next, Pass, Back, focus on each new question', async () => {
    const round = new RoundPage(a.page);
    await round.button('exercise.begin').tap();
    // A phone starts one question per screen, the whole list a tap away.
    await round.button('exercise.showAll').waitFor();
    await expect.poll(() => focusedText(a)).toBe(`${text('exercise.question', { n: 1, total: 3 })} ${Q1}`);
    const progress = a.page.getByRole('progressbar', { name: text('exercise.question', { n: 1, total: 3 }) });
    expect(await progress.getAttribute('value')).toBe('1');
    expect(await progress.getAttribute('max')).toBe('3');
    await a.page.getByRole('textbox', { name: Q1, exact: true }).fill(A1);
    await checkA11y(a, 'one question per screen');

    await round.button('exercise.next').tap();
    await expect.poll(() => focusedText(a)).toBe(`${text('exercise.question', { n: 2, total: 3 })} ${Q2}`);
    await round.button('exercise.pass').tap(); // passing moves on, like Next
    await expect.poll(() => focusedText(a)).toBe(`${text('exercise.question', { n: 3, total: 3 })} ${Q3}`);
    await round.button('exercise.back').tap();
    await a.page.getByText(text('exercise.passedHere'), { exact: true }).waitFor();
    await round.button('exercise.answerAfterAll').waitFor();
    await checkA11y(a, 'a passed question');
    await round.button('exercise.next').tap();
    await a.page.getByRole('textbox', { name: Q3, exact: true }).fill(A3);
    // "Saved" was already showing from the first answer: wait for this one's save to begin and end.
    await a.page.getByRole('main').getByText(text('exercise.draftSaving'), { exact: true }).waitFor();
    await round.waitForDraftSaved();
  });

  it('the draft is kept: after a reload A is back on the same question with what was typed', async () => {
    await a.page.reload();
    const round = new RoundPage(a.page);
    await round.waitFor(THREE_GOOD.title);
    await round.questionHeading().filter({ hasText: Q3 }).waitFor();
    expect(await a.page.getByRole('textbox', { name: Q3, exact: true }).inputValue()).toBe(A3);
  });

  it('A looks over every answer, then shares when everyone is ready', async () => {
    const round = new RoundPage(a.page);
    await round.button('exercise.toReview').tap();
    await expect.poll(() => focusedText(a)).toBe(text('exercise.reviewTitle'));
    const rows = await round.spokenTexts(a.page.getByRole('main').getByRole('list').first().getByRole('listitem'));
    expect(rows[0]).toContain(A1);
    expect(rows[1]).toContain(text('exercise.passed'));
    expect(rows[2]).toContain(A3);
    await checkA11y(a, 'look over before sharing');
    await round.button('round.seal').tap();
    await round.sealDialog().getByRole('button', { name: text('round.sealConfirm'), exact: true }).tap();
    await a.page.getByRole('heading', { level: 2, name: text('round.waitingTitle'), exact: true }).waitFor();
    await new HomePage(a.page).goto(); // A's app stays open, on Today
  });

  it('B is told calmly on Today (never who is waiting), answers one at a time and shares', async () => {
    const home = new HomePage(b.page);
    await home.goto();
    const waiting = home.roundWaitingLink(SPACE);
    await waiting.waitFor({ timeout: 20_000 });
    await waiting.tap();
    const round = new RoundPage(b.page);
    await round.waitFor(THREE_GOOD.title);
    await round.button('exercise.begin').tap();
    await b.page.getByRole('textbox', { name: Q1, exact: true }).fill(B1);
    await round.button('exercise.next').tap();
    await round.button('exercise.next').tap();
    await round.button('exercise.toReview').tap();
    await b.page.getByText(text('exercise.leftEmpty'), { exact: true }).first().waitFor();
    await round.button('round.seal').tap();
    await round.sealDialog().getByRole('button', { name: text('round.sealConfirm'), exact: true }).tap();
    await round.waitForRevealed();
  });

  it('A’s Today shows the people first: "Your answers with B are open: read them together"', async () => {
    const opened = a.page.getByRole('link', { name: text('home.roundOpened', { names: B.name }), exact: true });
    await opened.waitFor({ timeout: 20_000 });
    // No badge, no count: the exercise A answered is no longer offered as waiting.
    expect(await new HomePage(a.page).roundWaitingLink(SPACE).count()).toBe(0);
    await checkA11y(a, 'today with answers open');
  });

  it('after the reveal, B is offered Read together first, every answer one tap away', async () => {
    const readTogether = b.page.getByRole('link', { name: text('round.readTogether'), exact: true });
    const seeAll = b.page.getByRole('link', { name: text('round.seeAll'), exact: true });
    await readTogether.waitFor();
    expect(await readTogether.evaluate((el) => el.classList.contains('primary'))).toBe(true);
    expect(await seeAll.evaluate((el) => el.classList.contains('secondary'))).toBe(true);
    // It comes before the answers on the page.
    const before = await readTogether.evaluate((el) => {
      const list = document.getElementById('all-answers');
      return !!list && (el.compareDocumentPosition(list) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
    });
    expect(before).toBe(true);
    await checkA11y(b, 'revealed: read together first');
    await seeAll.tap();
    await expect.poll(() => focusedText(b)).toBe(text('round.allAnswers'));
    expect((await new RoundPage(b.page).answersTo(Q1)).join('\n')).toContain(A1);
  });

  it('B starts reading on their own device; A, on Today, is invited live and joins at the same place', async () => {
    await b.page.getByRole('link', { name: text('round.readTogether'), exact: true }).tap();
    const readB = new ReadTogetherPage(b.page);
    await readB.waitFor();
    await readB.button('read.eachDevice').tap();
    await readB.stepHeading().waitFor();

    const invitation = new RoundPage(a.page).invitation(B.name);
    await invitation.waitFor({ timeout: 20_000 });
    await checkA11y(a, 'today: invited to read together');
    await invitation.getByRole('link', { name: text('invite.join'), exact: true }).tap();
    await a.page.waitForURL((url) => url.pathname === `${roundPath}/read` && url.searchParams.get('on') === 'each');
    const readA = new ReadTogetherPage(a.page);
    await expect.poll(() => readA.where(), { timeout: 15_000 }).toBe(await readB.where());
  });

  it('each one’s Next moves the other’s screen, live', async () => {
    const readA = new ReadTogetherPage(a.page);
    const readB = new ReadTogetherPage(b.page);
    const first = await readA.readAloud();
    await readB.button('read.next').tap();
    await expect.poll(() => readA.readAloud(), { timeout: 15_000 }).not.toBe(first);
    expect(await readA.readAloud()).toBe(await readB.readAloud());
    const second = await readB.readAloud();
    await readA.button('read.next').tap();
    await expect.poll(() => readB.readAloud(), { timeout: 15_000 }).not.toBe(second);
  });

  it('after talking, the last screen closes the moment: a thank-you the other sees, a few words, one idea', async () => {
    const readA = new ReadTogetherPage(a.page);
    // B steps on to the talk and the close; A's screen follows.
    for (let i = 0; i < THREE_GOOD.items.length * 2 + 2; i++) {
      const next = b.page.getByRole('button', { name: new RegExp(`^(${text('read.next')}|${text('read.toTalk')}|${text('read.toClose')})$`) });
      if (!(await next.count())) break;
      const before = await readA.where();
      await next.tap();
      await expect.poll(() => readA.where(), { timeout: 15_000 }).not.toBe(before);
    }
    await a.page.getByRole('heading', { level: 2, name: text('close.title'), exact: true }).waitFor();
    await b.page.getByRole('heading', { level: 2, name: text('close.title'), exact: true }).waitFor();
    const idea = nextStepFor(THREE_GOOD, LIBRARY);
    expect(idea.kind).toBe('deck');
    await a.page.getByRole('link', { name: idea.kind === 'deck' ? idea.title : '', exact: true }).waitFor();
    await checkA11y(a, 'read together: closing');

    await readA.button('close.thank').tap();
    await expect.poll(() => new ReadTogetherPage(b.page).thanks(), { timeout: 20_000 }).toContain(text('close.theyThanked', { name: A.name }));

    await b.page.getByRole('button', { name: text('close.noteOpen'), exact: true }).tap();
    await b.page.getByRole('textbox', { name: text('close.noteLabel'), exact: true }).fill(B_WORDS);
    await b.page.getByRole('button', { name: text('close.noteSend'), exact: true }).tap();
    await expect
      .poll(async () => (await readA.thanks()).join('\n'), { timeout: 20_000 })
      .toContain(B_WORDS);
    await checkA11y(b, 'read together: closing with words');
  });

  it('A’s Today no longer offers these answers as news; the thank-yous stay with the answers', async () => {
    const home = new HomePage(a.page);
    await home.goto();
    await home.spacesRegion.waitFor(); // Today's parts have shown
    expect(await a.page.getByRole('link', { name: text('home.roundOpened', { names: B.name }), exact: true }).count()).toBe(0);
    await a.page.goto(roundPath);
    await new RoundPage(a.page).waitForRevealed();
    await expect.poll(async () => (await new ReadTogetherPage(a.page).thanks()).join('\n')).toContain(B_WORDS);
  });

  it('axe and the tap audit found nothing on the new screens', () => {
    expect(a11y.found()).toEqual([]);
  });

  it('no page broke the Content-Security-Policy or threw', () => {
    const problems = [a, b].flatMap((p) => p.problems).filter((m) => /Content Security Policy|Refused to|Uncaught/i.test(m));
    expect(problems).toEqual([]);
  });

  it('no answer or few words reach the server’s files or log', async () => {
    await expectNothingTypedOnServer(server, [SPACE, A.name, B.name, A1, A3, B1, B_WORDS], [A.email, B.email]);
  });
});
