/**
 * Answer alone, reveal together, in Chromium, as two then three people on their own devices:
 * A starts the sentence-completion exercise and answers (passing one line), B sees the exercise
 * and A's sealed status live but never A's words, B answers; both see the reveal live; they read
 * together on synchronised devices with "my partner" read as "you"; a follow-up note reaches the
 * other; a space of three opens only after the third seals; alone, an exercise becomes a private
 * reflection. Axe checks every new screen, and no answer reaches the server's files or log.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getExercise } from '../../content/exercises/index.ts';
import {
  ExercisesRegion,
  HomePage,
  JustMePage,
  NewRoundPage,
  ReadTogetherPage,
  RoundPage,
  SpacePage,
  text,
} from './pages/index.ts';
import { startServer, type RunningServer } from './support/app-server.ts';
import { expectNothingTypedOnServer } from './support/privacy.ts';
import { a11yJournal } from './support/axe.ts';
import { launchBrowser, newPerson, type Person } from './support/browser.ts';
import { joinThroughLink, shareASpace } from './support/journeys.ts';

const run = Math.random().toString(36).slice(2, 8);
const SPACE = `Den ${run}canaryspace`;
const A = { email: `ari.${run}@example.test`, password: `velvet canyon ${run} lamp`, name: `Ari${run}canaryname` };
const B = { email: `bo.${run}@example.test`, password: `linen river ${run} moth`, name: `Bo${run}canaryname` };
const C = { email: `cy.${run}@example.test`, password: `amber field ${run} wren`, name: `Cy${run}canaryname` };

const SENTENCES = getExercise('sentence-completion')!;
const THREE_GOOD = getExercise('appreciations')!;
const VALUES = getExercise('relationship-values')!;
const [S1, S2, S3] = SENTENCES.items.map((i) => i.prompt) as [string, string, string];

// Answer canaries: none may reach the server's disk or log, and B must not see A's before the reveal.
const A_FIRST = `my partner holds my hand ${run}canaryanswera`;
const A_THIRD = `being seen ${run}canaryanswera3`;
const B_FIRST = `we walk slowly ${run}canaryanswerb`;
const B_NOTE = `what I meant was the mornings ${run}canarynote`;
const A3 = `your laugh ${run}canarythreea`;
const B3 = `the soup ${run}canarythreeb`;
const C3 = `the walk ${run}canarythreec`;
const A_ALONE = `kindness ${run}canaryalone`;

let server: RunningServer;
let browser: Browser;
let a: Person;
let b: Person;
let c: Person;
let spaceId = '';
const a11y = a11yJournal();

async function checkA11y(person: Person, screen: string): Promise<void> {
  await a11y.check(person.page, screen);
}

describe('answer alone, reveal together', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    a = await newPerson(browser, server.url);
    b = await newPerson(browser, server.url, { width: 320, height: 640 }); // the smallest phone
    c = await newPerson(browser, server.url);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('A and B share a space', async () => {
    spaceId = await shareASpace(a, A, b, B, SPACE);
  });

  it('A starts the sentence-completion exercise; B is told calmly on Today, live', async () => {
    const space = new SpacePage(a.page);
    await space.waitFor(SPACE);
    await checkA11y(a, 'space with exercises');
    await new ExercisesRegion(a.page).startExercise();
    const start = new NewRoundPage(a.page);
    await start.waitFor();
    await checkA11y(a, 'start an exercise');
    await start.pick(SENTENCES.title);
    await start.start();

    const homeB = new HomePage(b.page);
    await homeB.goto();
    await homeB.roundWaitingLink(SPACE).waitFor({ timeout: 20_000 });
    await checkA11y(b, 'today with an exercise waiting');
    await homeB.roundWaitingLink(SPACE).click();
    await new RoundPage(b.page).waitFor(SENTENCES.title);
  });

  it('A reads the introduction, answers with a draft saved on the device, passes a line and seals', async () => {
    const round = new RoundPage(a.page);
    await round.waitFor(SENTENCES.title);
    await a.page.getByText(SENTENCES.intro[0]!, { exact: true }).waitFor();
    await checkA11y(a, 'exercise introduction');
    await round.begin();
    await round.answer(S1, A_FIRST);
    await round.pass(S2);
    await round.answer(S3, A_THIRD);
    await round.waitForDraftSaved();
    await checkA11y(a, 'answering');

    // The draft survives a reload, on this device.
    await a.page.reload();
    await round.waitFor(SENTENCES.title);
    await expect.poll(() => a.page.getByRole('textbox', { name: S1, exact: true }).inputValue()).toBe(A_FIRST);
    expect(await round.item(S2).getByRole('checkbox', { name: text('exercise.pass'), exact: true }).isChecked()).toBe(true);

    await round.button('round.seal').click();
    await round.sealDialog().waitFor();
    await checkA11y(a, 'seal dialog');
    await round.sealDialog().getByRole('button', { name: text('round.sealConfirm'), exact: true }).click();
    await a.page.getByRole('heading', { level: 2, name: text('round.waitingTitle'), exact: true }).waitFor();
    await checkA11y(a, 'sealed, waiting');
    await round.statusLine(text('round.otherNotYet', { name: B.name })).waitFor();
    await round.button('round.withdrawOpen').waitFor(); // the starter may withdraw
  });

  it('B sees A has sealed, live, and never A’s words; then answers and seals', async () => {
    const round = new RoundPage(b.page);
    await round.statusLine(text('round.otherSealed', { name: A.name })).waitFor({ timeout: 20_000 });
    const seen = await b.page.content();
    expect(seen).not.toContain(A_FIRST);
    expect(seen).not.toContain(A_THIRD);
    await round.begin();
    await round.answer(S1, B_FIRST);
    await round.seal();
  });

  it('both see the reveal live, every answer line by line, with the pass shown calmly', async () => {
    const roundA = new RoundPage(a.page);
    const roundB = new RoundPage(b.page);
    await roundA.waitForRevealed();
    await roundB.waitForRevealed();
    await checkA11y(a, 'revealed');
    await checkA11y(b, 'revealed (320 px)');
    const first = (await roundB.answersTo(S1)).join('\n');
    expect(first).toContain(A_FIRST); // as written: no rewriting outside read-together
    expect(first).toContain(B_FIRST);
    expect((await roundB.answersTo(S2)).join('\n')).toContain(text('exercise.passed'));
  });

  it('they read together on their own devices: A’s Next moves B’s screen, and B hears "you"', async () => {
    const readA = new ReadTogetherPage(a.page);
    const readB = new ReadTogetherPage(b.page);
    await new RoundPage(a.page).readTogether();
    await new RoundPage(b.page).readTogether();
    await readA.waitFor();
    await checkA11y(a, 'read together: how');
    await readA.eachOnOwnDevice();
    await readB.eachOnOwnDevice();
    await checkA11y(b, 'read together: a step (320 px)');

    // Step until A reads line 1 (who starts depends on the order of participants).
    const aReads = text('read.reads', { name: A.name });
    for (let i = 0; i < 2 && (await readB.reader()) !== aReads; i++) {
      const before = await readB.reader();
      await readA.next();
      await expect.poll(() => readB.reader(), { timeout: 15_000 }).not.toBe(before);
    }
    expect(await readB.reader()).toBe(aReads);
    expect(await readA.reader()).toBe(text('read.youRead'));
    const spoken = await readB.readAloud();
    expect(spoken).toContain(`you hold my hand ${run}canaryanswera`);
    expect(spoken).not.toContain('my partner holds');
    expect((await readB.rewrittenWords()).map((w) => w.toLowerCase())).toContain('you');

    // A's Next moves B's screen to the next reader.
    await readA.next();
    await expect.poll(() => readB.reader(), { timeout: 15_000 }).not.toBe(aReads);
  });

  it('after the last step come the discussion prompts', async () => {
    const readA = new ReadTogetherPage(a.page);
    // Jump ahead on one device: B's follows.
    for (let i = 0; i < SENTENCES.items.length * 2 + 1; i++) {
      const next = a.page.getByRole('button', { name: new RegExp(`^(${text('read.next')}|${text('read.toTalk')})$`) });
      if (!(await next.count())) break;
      await next.click();
    }
    await a.page.getByRole('heading', { level: 2, name: text('read.talkTitle') }).waitFor();
    await b.page.getByRole('heading', { level: 2, name: text('read.talkTitle') }).waitFor({ timeout: 15_000 });
    await b.page.getByText(SENTENCES.after.discussionPrompts[0]!, { exact: true }).waitFor();
    await checkA11y(b, 'read together: talking');
    expect(await readA.reader()).toBe(text('read.talkTitle'));
  });

  it('B adds a follow-up note; A sees it live', async () => {
    await b.page.getByRole('link', { name: text('read.done'), exact: true }).first().click();
    await a.page.getByRole('link', { name: text('read.done'), exact: true }).first().click();
    const roundB = new RoundPage(b.page);
    await roundB.waitForRevealed();
    await roundB.addNote(S1, B_NOTE);
    await checkA11y(b, 'revealed with a note');
    const roundA = new RoundPage(a.page);
    await roundA.waitForRevealed();
    await roundA.note(S1, B_NOTE).waitFor({ timeout: 20_000 });
  });

  it('only B can delete B’s note; once deleted, it leaves A’s screen live', async () => {
    const roundA = new RoundPage(a.page);
    expect(await roundA.note(S1, B_NOTE).getByRole('button', { name: text('round.noteDelete'), exact: true }).count()).toBe(0);
    const roundB = new RoundPage(b.page);
    await roundB.deleteNote(S1, B_NOTE);
    await roundA.note(S1, B_NOTE).waitFor({ state: 'detached', timeout: 20_000 });
  });

  it('in a space of three, the answers open only after the third seals', async () => {
    await new SpacePage(a.page).goto(spaceId);
    const link = await new SpacePage(a.page).createInviteLink(SPACE);
    await joinThroughLink(c, C, link);
    await new SpacePage(a.page).waitForMember(C.name);

    await new ExercisesRegion(a.page).startExercise();
    const start = new NewRoundPage(a.page);
    await start.waitFor();
    await checkA11y(a, 'start an exercise (three members)');
    await start.pick(THREE_GOOD.title);
    const threeId = await start.start();
    const [G1] = THREE_GOOD.items.map((i) => i.prompt) as [string];

    const answerAndSeal = async (person: Person, answer: string) => {
      const round = new RoundPage(person.page);
      await round.goto(spaceId, threeId);
      await round.waitFor(THREE_GOOD.title);
      await round.begin();
      await round.answer(G1, answer);
      await round.seal();
    };
    await answerAndSeal(a, A3);
    await answerAndSeal(b, B3);
    const roundA = new RoundPage(a.page);
    await roundA.statusLine(text('round.otherSealed', { name: B.name })).waitFor({ timeout: 20_000 });
    await roundA.statusLine(text('round.otherNotYet', { name: C.name })).waitFor();
    expect(await a.page.content()).not.toContain(B3);

    await answerAndSeal(c, C3);
    await roundA.waitForRevealed();
    const first = (await roundA.answersTo(G1)).join('\n');
    for (const answer of [A3, B3, C3]) expect(first).toContain(answer);
  });

  it('alone, an exercise becomes a private reflection, and can then be started with a partner', async () => {
    const home = new HomePage(a.page);
    await home.goto();
    await home.openJustMe();
    const justMe = new JustMePage(a.page);
    await justMe.waitFor();
    await checkA11y(a, 'just me');
    await justMe.doAlone(VALUES.title);
    await a.page.getByRole('heading', { level: 1, name: VALUES.title }).waitFor();
    await justMe.button('exercise.begin').click();
    await a.page.getByRole('textbox', { name: VALUES.items[0]!.prompt, exact: true }).fill(A_ALONE);
    await a.page.getByRole('radio', { name: /^7$/ }).check();
    await checkA11y(a, 'alone: answering (scale and choice)');
    await justMe.saveReflection();
    await a.page.waitForURL(/\/just-me\/reflections\//);
    await a.page.getByText(A_ALONE, { exact: true }).waitFor();
    await checkA11y(a, 'reflection');
    await a.page.getByRole('button', { name: text('reflection.partnerContinue'), exact: true }).click();
    const start = new NewRoundPage(a.page);
    await start.waitFor();
    expect(await a.page.getByRole('radio', { name: VALUES.title, exact: true }).isChecked()).toBe(true);
    await justMe.goto();
    await expect.poll(() => justMe.reflections().count()).toBe(1);
  });

  it('axe found no accessibility violations on any new screen', () => {
    expect(a11y.found()).toEqual([]);
  });

  it('no page broke the Content-Security-Policy or threw', () => {
    const problems = [a, b, c].flatMap((p) => p.problems).filter((m) => /Content Security Policy|Refused to|Uncaught/i.test(m));
    expect(problems).toEqual([]);
  });

  it('no answer, note or name is in the database files, DATA_DIR or the server log', async () => {
    await expectNothingTypedOnServer(server, [SPACE, A.name, B.name, C.name, A_FIRST, A_THIRD, B_FIRST, B_NOTE, A3, B3, C3, A_ALONE, `${run}canaryanswera`], [A.email, B.email, C.email]);
  });
});
