/**
 * Dimensions and obstacles (issue 5), in Chromium on the smallest phone (320 px), by one person:
 * passing everything saves nothing and says so kindly; the self-assessment with one dimension's
 * gap clearly the largest (and one question passed) names that dimension, shows the chart's
 * numbers as text, and links to its recommended program and deck; the saved result is there after
 * a reload; taking it again with most questions passed still gives a result, and the earlier one
 * stays in the history. The obstacles picker shows a card with strategies and links for each
 * ticked obstacle and says that nothing is saved. Axe checks each screen; no CSP problems; the
 * scores never reach the server in plaintext.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getExercise } from '../../content/exercises/index.ts';
import { LIBRARY, getDeck, getProgram } from '../../content/library.ts';
import { AssessmentPage, ObstaclesPage, text } from './pages/index.ts';
import { dimensionTitle } from './pages/assessment-pages.ts';
import { startServer, type RunningServer } from './support/app-server.ts';
import { a11yJournal } from './support/axe.ts';
import { launchBrowser, newPerson, type Person } from './support/browser.ts';
import { signUp } from './support/journeys.ts';
import { expectNothingTypedOnServer } from './support/privacy.ts';

const run = Math.random().toString(36).slice(2, 8);
const A = { email: `ama.${run}@example.test`, password: `velvet meadow ${run} tide` };

let server: RunningServer;
let browser: Browser;
let a: Person;
const a11y = a11yJournal();

const dimension = (id: string) => LIBRARY.dimensions.find((d) => d.id === id)!;
const obstacle = (id: string) => LIBRARY.obstacles.find((o) => o.id === id)!;

describe('the self-assessment and the obstacles picker', () => {
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

  it('passing every question saves nothing, and says that is fine', async () => {
    const assessment = new AssessmentPage(a.page);
    await assessment.goto();
    await assessment.waitForForm();
    // Every dimension is asked, each with its two questions.
    for (const d of LIBRARY.dimensions) {
      await assessment.scale(d.id, 'now').waitFor();
      await assessment.scale(d.id, 'matters').waitFor();
    }
    await a11y.check(a.page, 'self-assessment questions');
    await a.page.getByRole('button', { name: text('assessment.submit'), exact: true }).click();
    await assessment.nothingAnswered().waitFor();
    expect(await assessment.result().count()).toBe(0);
  });

  it('names the dimension with the largest gap, with the numbers as text and its programs and decks', async () => {
    const assessment = new AssessmentPage(a.page);
    await assessment.answer({
      emotional: { now: 2, matters: 9 }, // the largest gap: 7
      intellectual: { now: 6, matters: 7 },
      experiential: { now: 5, matters: 6 },
      spiritual: { now: 8, matters: 5 }, // closer than it matters: fine
      physical: { now: 4, matters: 6 },
      sexual: { now: 3 },
    });
    await assessment.pass('sexual', 'now'); // answered, then passed after all
    expect(await assessment.scale('sexual', 'now').getByRole('radio', { checked: true }).count()).toBe(0);
    await assessment.seeResult();

    const summary = await assessment.summary().innerText();
    expect(summary).toContain(text('assessment.summary.gap', { dimension: dimensionTitle('emotional'), matters: 9, now: 2 }));
    expect(summary).toContain(text('assessment.summary.notCompared', { dimensions: dimensionTitle('sexual') }));
    expect(summary).toContain(text('assessment.summary.notScore'));

    const rows = await assessment.chartRows();
    expect(rows).toHaveLength(LIBRARY.dimensions.length);
    const outOf = text('assessment.chart.outOf');
    expect(rows[0]).toBe(
      `${dimensionTitle('emotional')}${text('assessment.chart.now')}2 ${outOf}${text('assessment.chart.matters')}9 ${outOf}${text('assessment.row.largest', { gap: 7 })}`,
    );
    expect(rows.find((r) => r.startsWith(dimensionTitle('spiritual')))).toContain(text('assessment.row.closer'));
    const sexualRow = rows.find((r) => r.startsWith(dimensionTitle('sexual')))!;
    expect(sexualRow).toContain(text('assessment.chart.passed'));
    expect(sexualRow).toContain(text('assessment.row.notCompared'));

    const ideas = assessment.ideas('emotional');
    expect(await ideas.innerText()).toContain(dimension('emotional').dailyPractice);
    expect(await ideas.innerText()).toContain(dimension('emotional').lowEnergy);
    const programId = dimension('emotional').recommends.programs![0]!;
    const deckId = dimension('emotional').recommends.decks![0]!;
    expect(await ideas.getByRole('link', { name: getProgram(programId)!.title, exact: true }).getAttribute('href')).toBe(`/programs/${programId}`);
    expect(await ideas.getByRole('link', { name: getDeck(deckId)!.title, exact: true }).getAttribute('href')).toBe(`/decks/${deckId}`);

    // Comparing goes through a round; alone it can be answered as a private reflection.
    const compare = assessment.compare();
    await compare.getByText(text('assessment.compareIntro')).waitFor();
    expect(await compare.getByRole('link', { name: text('library.answerAlone'), exact: true }).getAttribute('href')).toBe('/just-me/exercises/self-assessment');
    await a11y.check(a.page, 'self-assessment result');

    // Ideas for another dimension, chosen by the person.
    await assessment.ideasPicker().selectOption({ label: dimensionTitle('physical') });
    await assessment.ideas('physical').getByText(dimension('physical').lowEnergy).waitFor();
  });

  it('shows the saved result after a reload', async () => {
    await a.page.reload();
    const assessment = new AssessmentPage(a.page);
    await assessment.waitFor();
    await assessment.result().waitFor();
    expect(await assessment.summary().innerText()).toContain(text('assessment.summary.gap', { dimension: dimensionTitle('emotional'), matters: 9, now: 2 }));
    await assessment.ideas('emotional').waitFor();
  });

  it('taken again with most questions passed, it still gives a result, and the earlier one is kept', async () => {
    const assessment = new AssessmentPage(a.page);
    await assessment.takeAgain();
    await assessment.answer({ physical: { now: 3, matters: 8 }, intellectual: { matters: 4 } });
    await assessment.seeResult();
    const summary = await assessment.summary().innerText();
    expect(summary).toContain(text('assessment.summary.gap', { dimension: dimensionTitle('physical'), matters: 8, now: 3 }));
    await assessment.ideas('physical').waitFor();
    const physicalProgram = dimension('physical').recommends.programs![0]!;
    await assessment.ideas('physical').getByRole('link', { name: getProgram(physicalProgram)!.title, exact: true }).waitFor();

    const earlier = assessment.history().getByRole('button');
    expect(await earlier.count()).toBe(1);
    await a11y.check(a.page, 'self-assessment result with history');
    await earlier.click();
    await assessment.ideas('emotional').waitFor();
    expect(await assessment.summary().innerText()).toContain(dimensionTitle('emotional'));
  });

  it('the obstacles picker shows impact, strategies and links for each ticked obstacle, and saves nothing', async () => {
    const obstacles = new ObstaclesPage(a.page);
    await obstacles.goto();
    await obstacles.privacyNote().waitFor();
    expect(await obstacles.picker().getByRole('checkbox').count()).toBe(LIBRARY.obstacles.length);
    await obstacles.ideas().getByText(text('obstacles.none')).waitFor();
    await a11y.check(a.page, 'obstacles, nothing ticked');

    const conflict = obstacle('constant-conflict');
    const illness = obstacle('illness-or-fatigue');
    await obstacles.tick(conflict.title);
    await obstacles.tick(illness.title);
    for (const o of [conflict, illness]) {
      const card = obstacles.card(o.title);
      const shown = await card.innerText();
      expect(shown).toContain(o.impact);
      for (const s of o.strategies) expect(shown).toContain(s);
      const programId = o.recommends.programs![0]!;
      expect(await card.getByRole('link', { name: getProgram(programId)!.title, exact: true }).getAttribute('href')).toBe(`/programs/${programId}`);
      const deckId = o.recommends.decks![0]!;
      expect(await card.getByRole('link', { name: getDeck(deckId)!.title, exact: true }).getAttribute('href')).toBe(`/decks/${deckId}`);
      const exerciseId = o.recommends.exercises![0]!;
      expect(await card.getByRole('link', { name: getExercise(exerciseId)!.title, exact: true }).getAttribute('href')).toBe(`/just-me/exercises/${exerciseId}`);
      // Where to get help (issue 16): its own part of the card, apart from the strategies.
      expect(shown).toContain(o.link!.line);
      expect(await card.getByRole('link', { name: o.link!.label, exact: true }).getAttribute('href')).toBe(o.link!.href);
      expect(await card.locator('.strategy-list').innerText()).not.toContain(o.link!.line);
    }
    expect(conflict.link?.href).toBe('/help/unsafe');
    expect(illness.link?.href).toBe('/help');
    await a11y.check(a.page, 'obstacles, two ticked');

    await obstacles.tick(conflict.title, false);
    await obstacles.card(conflict.title).waitFor({ state: 'detached' });
    await obstacles.card(illness.title).waitFor();

    // Nothing was kept: a fresh visit starts with nothing ticked.
    await obstacles.goto();
    expect(await obstacles.checkbox(illness.title).isChecked()).toBe(false);
  });

  it('axe found no accessibility violations', () => {
    expect(a11y.found()).toEqual([]);
  });

  it('no page broke the Content-Security-Policy or threw', () => {
    const problems = a.problems.filter((m) => /Content Security Policy|Refused to|Uncaught/i.test(m));
    expect(problems).toEqual([]);
  });

  it('the scores are not on the server in plaintext', async () => {
    await expectNothingTypedOnServer(server, ['"k":"assessment"', '"scores"', '"matters":'], [A.email]);
  });
});
