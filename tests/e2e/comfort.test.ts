/**
 * The comfort map in Chromium, as three people on touch phones (390, 320 and 390 px, real taps)
 * in one shared place. A and B each mark a map alone and match: each sees only what both marked,
 * "both yes" or "open to it", and nothing of the rest (not the other's "not now", not a one-sided
 * yes or maybe, on the match, the plan or Today). B hears of the request on Today, calmly. C, the
 * third member, marks a map too and sees nothing of A and B's match: no result, no items, no
 * request, and the server hands C neither the run nor its messages. From the result, the plan and
 * the touch program are one tap away. Axe and the tap audit check every screen; no answer (item
 * ids and labels) reaches the server's database files or log, only ciphertext.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { comfortItem } from '../../content/comfort.ts';
import { HomePage, SpacePage, text } from './pages/index.ts';
import { startServer, type RunningServer } from './support/app-server.ts';
import { a11yJournal } from './support/axe.ts';
import { launchBrowser, newPerson, type Person } from './support/browser.ts';
import { joinThroughLink, shareASpace } from './support/journeys.ts';
import { expectNothingTypedOnServer } from './support/privacy.ts';

const run = Math.random().toString(36).slice(2, 8);
const label = (id: string) => comfortItem(id)!.label;
const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

type Marks = Record<string, 'yes' | 'maybe'>;
/** A: yes on spooning and a maybe on stroking hair, which B leaves at "not now". */
const MAP_A: Marks = { 'holding-hands': 'yes', 'sitting-close': 'maybe', 'back-massage': 'yes', spooning: 'yes', 'stroking-hair': 'maybe' };
/** B: yes on bathing together and a maybe on a foot massage, which A leaves at "not now". */
const MAP_B: Marks = { 'holding-hands': 'yes', 'sitting-close': 'yes', 'back-massage': 'maybe', 'bathing-together': 'yes', 'foot-massage': 'maybe' };
const MAP_C: Marks = { 'holding-hands': 'yes', spooning: 'yes', 'showering-together': 'maybe' };
/** The plain AND of A and B, in catalog order. */
const BOTH: [string, 'match.bothYes' | 'match.open'][] = [
  ['sitting-close', 'match.open'],
  ['holding-hands', 'match.bothYes'],
  ['back-massage', 'match.open'],
];
const ONLY_A = ['spooning', 'stroking-hair'];
const ONLY_B = ['bathing-together', 'foot-massage'];

/** Marks items on my comfort map with taps (everything else stays "not now") and saves it. */
async function markMap(page: Page, marks: Marks): Promise<void> {
  await page.goto('/comfort');
  await page.getByRole('heading', { level: 1, name: text('comfort.title') }).waitFor({ timeout: 20_000 });
  for (const [id, choice] of Object.entries(marks)) {
    const group = page.getByRole('group', { name: label(id), exact: true });
    await group.getByRole('radio', { name: text(choice === 'yes' ? 'comfort.yes' : 'comfort.maybe'), exact: true }).tap();
  }
  await button(page, text('comfort.save')).tap();
  await page.getByText(text('comfort.saved')).first().waitFor({ timeout: 20_000 });
}

/** What the result lists: [label, "both yes" | "open to it"] per item, in order. */
async function resultOf(page: Page): Promise<[string, string][]> {
  const rows = page.locator('.comfort-result li');
  return (await rows.evaluateAll((lis) => lis.map((li) => [...li.querySelectorAll('span')].map((s) => s.textContent ?? '')))) as [string, string][];
}

/** None of these items' labels anywhere on the screen (text or attributes). */
async function expectNoneOf(page: Page, ids: string[], where: string): Promise<void> {
  const html = await page.content();
  for (const id of ids) {
    expect(html.includes(label(id)), `${label(id)} on ${where}`).toBe(false);
    expect(html.includes(id), `${id} on ${where}`).toBe(false);
  }
}

describe('the comfort map, matched in private', () => {
  const SPACE = `Linden ${run}canaryspace`;
  const A = { email: `ada.${run}@example.test`, password: `quiet fern ${run} lark`, name: `Ada${run}canaryname` };
  const B = { email: `ben.${run}@example.test`, password: `amber hill ${run} crane`, name: `Ben${run}canaryname` };
  const C = { email: `cy.${run}@example.test`, password: `still pond ${run} heron`, name: `Cy${run}canaryname` };
  let server: RunningServer;
  let browser: Browser;
  let a: Person;
  let b: Person;
  let c: Person;
  let spaceId = '';
  let aId = '';
  let runId = '';
  const a11y = a11yJournal();

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    a = await newPerson(browser, server.url, { width: 390, height: 844 }, { hasTouch: true });
    b = await newPerson(browser, server.url, { width: 320, height: 640 }, { hasTouch: true });
    c = await newPerson(browser, server.url, { width: 390, height: 844 }, { hasTouch: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('A, B and C share a place; each marks a comfort map alone', async () => {
    spaceId = await shareASpace(a, A, b, B, SPACE);
    const link = await new SpacePage(a.page).createInviteLink(SPACE);
    await joinThroughLink(c, C, link);
    await new SpacePage(a.page).waitForMember(C.name);
    aId = await a.page.evaluate(async () => ((await (await fetch('/api/auth/me')).json()) as { user: { id: string } }).user.id);

    await markMap(a.page, MAP_A);
    await a11y.check(a.page, 'comfort map, marked (390 px)');
    await markMap(b.page, MAP_B);
    await a11y.check(b.page, 'comfort map, marked (320 px)');
    await markMap(c.page, MAP_C);
  });

  it('A asks B to match; B hears of it calmly on Today and agrees', async () => {
    await a.page.goto(`/spaces/${spaceId}/comfort`);
    await a.page.getByRole('heading', { level: 1, name: text('match.title') }).waitFor({ timeout: 20_000 });
    await a.page.getByText(text('match.limit')).waitFor();
    // Three in the place: A chooses B.
    await a.page.getByRole('radio', { name: B.name, exact: true }).tap();
    await a11y.check(a.page, 'match, choosing a partner (390 px)');
    await button(a.page, text('match.start')).tap();
    await a.page.getByText(text('match.waitingPartner', { name: B.name })).waitFor({ timeout: 30_000 });
    await a11y.check(a.page, 'match, waiting for the partner (390 px)');

    await new HomePage(b.page).goto();
    const asking = b.page.getByRole('region', { name: text('today.askingTitle'), exact: true });
    await asking.getByText(text('today.asking', { name: A.name })).waitFor({ timeout: 30_000 });
    // Calm: no count anywhere in it (the names, made with this run's id, aside).
    expect((await asking.textContent())!.replaceAll(A.name, '')).not.toMatch(/\d/);
    await a11y.check(b.page, 'Today, a partner asked to match (320 px)');
    await asking.getByRole('link', { name: text('today.askingLink', { name: A.name }), exact: true }).tap();
    await b.page.getByText(text('match.invited', { name: A.name })).first().waitFor({ timeout: 30_000 });
    await a11y.check(b.page, 'match, asked (320 px)');
    await button(b.page, text('match.agree')).tap();
  });

  it('each sees only what both marked, "both yes" or "open to it", and nothing of the rest', async () => {
    for (const p of [a.page, b.page]) await p.getByRole('heading', { name: text('match.resultTitle') }).waitFor({ timeout: 90_000 });
    const expected = BOTH.map(([id, word]) => [label(id), text(word)]);
    // The heading comes with the result; the rows are polled, not read once in the same frame.
    await expect.poll(() => resultOf(a.page)).toEqual(expected);
    await expect.poll(() => resultOf(b.page)).toEqual(expected);
    await expectNoneOf(a.page, ONLY_B, 'A’s match screen');
    await expectNoneOf(b.page, ONLY_A, 'B’s match screen');
    await a11y.check(a.page, 'match result (390 px)');
    await a11y.check(b.page, 'match result (320 px)');
    const runs = await a.page.evaluate(async (id) => (await (await fetch(`/api/spaces/${id}/comfort-runs`)).json()) as { runs: { id: string; status: string }[] }, spaceId);
    expect(runs.runs).toHaveLength(1);
    expect(runs.runs[0]!.status).toBe('done');
    runId = runs.runs[0]!.id;
  });

  it('the result leads to the plan and the touch program, which show matched items only', async () => {
    await a.page.getByRole('link', { name: text('match.toPlan'), exact: true }).tap();
    await a.page.getByRole('heading', { level: 1, name: text('comfortPlan.title') }).waitFor({ timeout: 20_000 });
    // The plan's own order (least intimate first, both yes before open) is plan.test.ts's: here, the same items.
    await expect.poll(async () => (await a.page.locator('.comfort-suggestion h3').allTextContents()).sort()).toEqual(BOTH.map(([id]) => label(id)).sort());
    await expectNoneOf(a.page, [...ONLY_A, ...ONLY_B], 'A’s plan');
    await a11y.check(a.page, 'plan from the match (390 px)');

    await b.page.getByRole('link', { name: text('match.toProgram'), exact: true }).tap();
    await b.page.getByRole('heading', { level: 1, name: text('touch.title') }).waitFor({ timeout: 20_000 });
    await b.page.getByText(text('touch.whoSees', { place: SPACE, name: A.name })).waitFor();
    await expectNoneOf(b.page, [...ONLY_A, ...ONLY_B], 'B’s touch program');
    await a11y.check(b.page, 'touch program from the match (320 px)');
  });

  it('C, the third member, sees nothing of it: no request, no result, no items, and cannot get the messages', async () => {
    await new HomePage(c.page).goto();
    await c.page.waitForLoadState('networkidle');
    expect(await c.page.getByRole('region', { name: text('today.askingTitle'), exact: true }).count()).toBe(0);
    await a11y.check(c.page, 'Today of the third member (390 px)');

    await c.page.goto(`/spaces/${spaceId}/comfort`);
    await c.page.getByRole('heading', { level: 1, name: text('match.title') }).waitFor({ timeout: 20_000 });
    for (const name of [A.name, B.name]) {
      await c.page.getByRole('radio', { name, exact: true }).tap();
      await c.page.getByRole('heading', { level: 2, name, exact: true }).waitFor();
      await c.page.waitForLoadState('networkidle');
      expect(await c.page.getByRole('heading', { name: text('match.resultTitle') }).count()).toBe(0);
      expect(await c.page.getByText(text('match.last', { name, when: '' }).split(':')[0]!).count()).toBe(0);
      await expectNoneOf(c.page, [...BOTH.map(([id]) => id), ...ONLY_A, ...ONLY_B].filter((id) => !(id in MAP_C)), `C’s match screen with ${name}`);
    }
    await a11y.check(c.page, 'match screen of the third member (390 px)');

    await c.page.goto(`/spaces/${spaceId}/comfort/${aId}/plan`);
    await c.page.getByRole('heading', { level: 1, name: text('comfortPlan.title') }).waitFor({ timeout: 20_000 });
    await c.page.getByText(text('comfortPlan.noMatch', { name: A.name })).waitFor();
    expect(await c.page.locator('.comfort-suggestion').count()).toBe(0);
    await a11y.check(c.page, 'plan of the third member, nothing to plan (390 px)');

    const seen = await c.page.evaluate(
      async ({ spaceId, runId }) => {
        const list = (await (await fetch(`/api/spaces/${spaceId}/comfort-runs`)).json()) as { runs: unknown[] };
        const one = await fetch(`/api/spaces/${spaceId}/comfort-runs/${runId}`);
        return { listed: list.runs.length, status: one.status, body: await one.text() };
      },
      { spaceId, runId },
    );
    expect(seen.listed).toBe(0);
    expect(seen.status).toBe(404);
    expect(seen.body).not.toContain('ciphertext');
  });

  it('axe and the tap audit found nothing on any screen', () => {
    expect(a11y.found()).toEqual([]);
  });

  it('no page broke the Content-Security-Policy or threw', () => {
    const problems = [a, b, c].flatMap((p) => p.problems).filter((m) => /Content Security Policy|Refused to|Uncaught/i.test(m));
    expect(problems).toEqual([]);
  });

  it('no comfort answer (item id or label), name or kind is in the database files, DATA_DIR or the server log', async () => {
    const marked = [...new Set([...Object.keys(MAP_A), ...Object.keys(MAP_B), ...Object.keys(MAP_C)])];
    await expectNothingTypedOnServer(
      server,
      [SPACE, A.name, B.name, C.name, ...marked, ...marked.map(label), '"comfort-answers"', '"comfort-match"', '"both-yes"'],
      [A.email, B.email, C.email],
    );
  });
});
