/**
 * Guided programs and onboarding, in Chromium, as two partners: Today asks A what brings them
 * here and the answer recommends a program; A starts it, reads a step (with its low-energy
 * version), keeps its "try this" as an intention, and shares the step's reflection as a round in
 * the space; B sees A's answers only after answering too; A marks the step done, chooses to show
 * progress in the space, and B sees it; A pauses and resumes; Today offers A's next step and a
 * question of the day. Axe checks every screen; no reflection reaches the server's files or log.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIBRARY, getProgram } from '../../content/library.ts';
import {
  HomePage,
  JustMePage,
  NewRoundPage,
  RoundPage,
  text,
} from './pages/index.ts';
import { startServer, type RunningServer } from './support/app-server.ts';
import { countRecords } from './support/server-db.ts';
import { a11yJournal } from './support/axe.ts';
import { launchBrowser, newPerson, type Person } from './support/browser.ts';
import { shareASpace } from './support/journeys.ts';
import { expectNothingTypedOnServer } from './support/privacy.ts';

const run = Math.random().toString(36).slice(2, 8);
const SPACE = `Harbour ${run}canaryspace`;
const A = { email: `ari.${run}@example.test`, password: `slow tide ${run} heron`, name: `Ari${run}canaryname` };
const B = { email: `bea.${run}@example.test`, password: `warm stone ${run} finch`, name: `Bea${run}canaryname` };
const A_REFLECTION = `noticing the kettle and your hands ${run}canaryreflecta`;
const B_REFLECTION = `the quiet after dinner ${run}canaryreflectb`;
const A_ALONE = `a thought that passes like a cloud ${run}canaryalone`;

const REASON = LIBRARY.onboarding.find((r) => r.id === 'chronic-illness')!;
const PROGRAM = getProgram(REASON.start.program)!;
const STEP = PROGRAM.steps[0]!;
const REFLECTION = STEP.reflection!;
const FIRST_PROMPT = REFLECTION.prompts[0]!.prompt;

let server: RunningServer;
let browser: Browser;
let a: Person;
let b: Person;
let spaceId = '';
const a11y = a11yJournal();

const heading = (person: Person, name: string) => person.page.getByRole('heading', { level: 1, name, exact: true });
const button = (person: Person, name: string) => person.page.getByRole('button', { name, exact: true });
const link = (person: Person, name: string) => person.page.getByRole('link', { name, exact: true });

describe('guided programs and onboarding', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    a = await newPerson(browser, server.url);
    b = await newPerson(browser, server.url, { width: 320, height: 640 });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('A and B share a space', async () => {
    spaceId = await shareASpace(a, A, b, B, SPACE);
  });

  it('Today asks what brings A here; the answer is said back kindly with a program to begin', async () => {
    const home = new HomePage(a.page);
    await home.goto();
    await link(a, text('home.startLink')).click();
    await heading(a, text('start.title')).waitFor();
    await a11y.check(a.page, 'what brings you here');
    await button(a, text('start.submit')).click();
    await a.page.getByText(text('start.missing'), { exact: true }).waitFor();
    await a.page.getByRole('radio', { name: REASON.label, exact: true }).check();
    await button(a, text('start.submit')).click();
    await heading(a, text('start.suggestionTitle')).waitFor();
    await a.page.getByText(REASON.response, { exact: true }).waitFor();
    await a11y.check(a.page, 'a place to begin');
    await link(a, text('start.openProgram', { program: PROGRAM.title })).click();
    await heading(a, PROGRAM.title).waitFor();
  });

  it('A starts the program and opens its first step: a lesson, a practice with a low-energy version', async () => {
    await button(a, text('program.start')).click();
    await a.page.getByText(text('programs.progress', { done: 0, total: PROGRAM.steps.length }), { exact: true }).waitFor();
    await a11y.check(a.page, 'a program');
    await link(a, text('program.stepLabel', { n: 1, title: STEP.title })).first().click();
    await heading(a, STEP.title).waitFor();
    await a.page.getByText(STEP.lesson[0]!, { exact: true }).waitFor();
    await a.page.getByText(text('step.lowEnergy'), { exact: true }).click();
    await a.page.getByText(STEP.practice.lowEnergy, { exact: true }).waitFor();
    await a11y.check(a.page, 'a program step');
  });

  it('A keeps the step’s "try this" as an intention', async () => {
    const keep = button(a, text('step.keepIntention'));
    expect(await keep.getAttribute('aria-pressed')).toBe('false');
    await keep.click();
    // The note on the screen (the live region says the same words to screen readers).
    await a.page.locator('#main').getByText(text('step.intentionKeptNote'), { exact: true }).waitFor();
    expect(await keep.getAttribute('aria-pressed')).toBe('true');
  });

  it('A shares the step’s reflection as a round; B sees A’s answer only after answering too', async () => {
    await link(a, text('library.answerIn', { space: SPACE })).first().click();
    const start = new NewRoundPage(a.page);
    await start.waitFor();
    expect(await a.page.getByRole('radio', { name: STEP.title, exact: true }).isChecked()).toBe(true);
    const roundId = await start.start();
    const roundA = new RoundPage(a.page);
    await roundA.waitFor(STEP.title);
    await roundA.begin();
    await roundA.answer(FIRST_PROMPT, A_REFLECTION);
    await roundA.seal();

    const homeB = new HomePage(b.page);
    await homeB.goto();
    await homeB.roundWaitingLink(SPACE).waitFor({ timeout: 20_000 });
    await homeB.roundWaitingLink(SPACE).click();
    const roundB = new RoundPage(b.page);
    await roundB.waitFor(STEP.title);
    expect(await b.page.content()).not.toContain(A_REFLECTION);
    await roundB.begin();
    await roundB.answer(FIRST_PROMPT, B_REFLECTION);
    await roundB.seal();
    await roundB.waitForRevealed();
    expect((await roundB.answersTo(FIRST_PROMPT)).join('\n')).toContain(A_REFLECTION);
    await roundA.goto(spaceId, roundId);
    await roundA.waitForRevealed();
    expect((await roundA.answersTo(FIRST_PROMPT)).join('\n')).toContain(B_REFLECTION);
  });

  it('A marks the step done when ready; the programs page shows progress and the kept intention', async () => {
    await a.page.goto(`/programs/${PROGRAM.id}/${STEP.id}`);
    await heading(a, STEP.title).waitFor();
    await button(a, text('step.markDone')).click();
    await a.page.getByText(text('step.isDone'), { exact: true }).waitFor();
    await a.page.goto('/programs');
    await heading(a, text('programs.title')).waitFor();
    await a.page.getByText(new RegExp(text('programs.progress', { done: 1, total: PROGRAM.steps.length }))).waitFor();
    const intentions = a.page.getByRole('region', { name: text('programs.intentionsTitle') });
    await intentions.getByText(STEP.tryThis!, { exact: true }).waitFor();
    await a11y.check(a.page, 'programs with progress and an intention');
  });

  it('nobody sees A’s progress until A chooses; then B does, in the space', async () => {
    await b.page.goto(`/programs/${PROGRAM.id}`);
    await heading(b, PROGRAM.title).waitFor();
    expect(await b.page.getByText(A.name, { exact: false }).count()).toBe(0);

    const sharing = a.page.getByRole('region', { name: text('programs.sharingTitle') });
    await sharing.getByText(text('programs.sharingDefault'), { exact: true }).waitFor();
    await sharing.getByRole('checkbox', { name: new RegExp(`^${text('programs.shareIn', { space: SPACE })}`) }).check();
    await sharing.getByRole('button', { name: text('programs.sharingSave'), exact: true }).click();
    await a.page.getByRole('status').filter({ hasText: text('programs.sharingSaved') }).first().waitFor();

    const line = text('programs.partnerProgress', { name: A.name, done: 1, total: PROGRAM.steps.length });
    await b.page.getByText(line, { exact: true }).waitFor({ timeout: 20_000 });
    await a11y.check(b.page, 'a program with a partner’s progress (320 px)');
  });

  it('A pauses and resumes without losing anything', async () => {
    await a.page.goto(`/programs/${PROGRAM.id}`);
    await button(a, text('program.pause')).click();
    await a.page.getByText(text('programs.paused', { done: 1, total: PROGRAM.steps.length }), { exact: true }).waitFor();
    await button(a, text('program.resume')).click();
    await a.page.getByText(text('programs.progress', { done: 1, total: PROGRAM.steps.length }), { exact: true }).waitFor();
  });

  it('A stops showing progress and takes back what was shared: it leaves B’s device', async () => {
    const line = text('programs.partnerProgress', { name: A.name, done: 1, total: PROGRAM.steps.length });
    await b.page.goto(`/programs/${PROGRAM.id}`);
    await b.page.getByText(line, { exact: true }).waitFor({ timeout: 20_000 });
    const aId = await a.page.evaluate(async () => ((await (await fetch('/api/auth/me')).json()) as { user: { id: string } }).user.id);
    const recordsOfA = () => countRecords(server, { authorId: aId, spaceId });
    const before = recordsOfA();
    expect(before).toBeGreaterThan(0);
    await a.page.goto('/programs');
    const sharing = a.page.getByRole('region', { name: text('programs.sharingTitle') });
    await sharing.getByRole('checkbox', { name: new RegExp(`^${text('programs.shareIn', { space: SPACE })}`) }).uncheck();
    await sharing.getByRole('checkbox', { name: text('programs.removeShared'), exact: true }).check();
    await sharing.getByText(text('programs.removeSharedHint'), { exact: true }).waitFor();
    await sharing.getByRole('button', { name: text('programs.sharingSave'), exact: true }).click();
    await a.page.getByRole('status').filter({ hasText: text('programs.sharingSaved') }).first().waitFor();
    await expect.poll(async () => {
      await b.page.goto(`/programs/${PROGRAM.id}`);
      // Counted once B's progress section is there (B has not started: it offers to start).
      await button(b, text('program.start')).waitFor();
      return b.page.getByText(line, { exact: true }).count();
    }, { timeout: 20_000 }).toBe(0);
    // Gone from the server too: only the tombstone that says so is left of A's progress there.
    expect(recordsOfA()).toBeLessThan(before);
    // A's own progress is untouched.
    await a.page.goto(`/programs/${PROGRAM.id}`);
    await a.page.getByText(text('programs.progress', { done: 1, total: PROGRAM.steps.length }), { exact: true }).first().waitFor();
  });

  it('Today offers A one next step and a question of the day, never a list', async () => {
    const home = new HomePage(a.page);
    await home.goto();
    const next = PROGRAM.steps[1]!;
    await link(a, text('home.nextStep', { program: PROGRAM.title, step: next.title })).waitFor();
    // The question of the day (the rounds feature's card; just for A in the personal space).
    await a.page.getByRole('region', { name: `${text('daily.title')} ${text('daily.justYou')}`, exact: true }).waitFor();
    await a11y.check(a.page, 'today with a next step and a question');
    await link(a, text('nav.explore')).click();
    await heading(a, text('explore.title')).waitFor();
    await a11y.check(a.page, 'explore');
  });

  it('a step’s reflection can also be answered alone, as a private reflection', async () => {
    const second = PROGRAM.steps[1]!;
    const prompt = second.reflection!.prompts[0]!.prompt;
    await a.page.goto(`/programs/${PROGRAM.id}/${second.id}`);
    await heading(a, second.title).waitFor();
    await link(a, text('library.answerAlone')).click();
    await heading(a, second.title).waitFor();
    await button(a, text('exercise.begin')).click();
    await a.page.getByRole('textbox', { name: prompt, exact: true }).fill(A_ALONE);
    await new JustMePage(a.page).saveReflection();
    await a.page.waitForURL(/\/just-me\/reflections\//);
    await a.page.getByText(A_ALONE, { exact: true }).waitFor();
    await a11y.check(a.page, 'a step’s reflection, kept privately');
  });

  it('axe found no accessibility violations on any program screen', () => {
    expect(a11y.found()).toEqual([]);
  });

  it('no page broke the Content-Security-Policy or threw', () => {
    const problems = [a, b].flatMap((p) => p.problems).filter((m) => /Content Security Policy|Refused to|Uncaught/i.test(m));
    expect(problems).toEqual([]);
  });

  it('no reflection or name is in the database files, DATA_DIR or the server log', async () => {
    await expectNothingTypedOnServer(server, [SPACE, A.name, B.name, A_REFLECTION, B_REFLECTION, A_ALONE, '"program-step"', '"programId"'], [A.email, B.email]);
  });
});
