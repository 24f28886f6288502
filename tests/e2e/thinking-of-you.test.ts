/**
 * "Thinking of you" in Chromium, as people on phones (390 px, touch, real taps): A taps once for
 * B; B's open Today shows it live (no reload) and says so politely; B answers with a tap and A
 * sees the answer live. With three, one person or everyone. A partner's shared program step shows
 * on Today too. Axe and the tap audit check Today and the space screen at 390 and 320 px, and no
 * notice, reply or name reaches the server's files or log.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getProgram } from '../../content/library.ts';
import { HomePage, SpacePage, text } from './pages/index.ts';
import { startServer, type RunningServer } from './support/app-server.ts';
import { a11yJournal } from './support/axe.ts';
import { launchBrowser, type Person } from './support/browser.ts';
import { joinThroughLink, shareASpace } from './support/journeys.ts';
import { expectNothingTypedOnServer } from './support/privacy.ts';

const run = Math.random().toString(36).slice(2, 8);
const PROGRAM = getProgram('closeness-feels-scary')!;
const STEP = PROGRAM.steps[0]!;

/** A phone: a small touch screen, so taps are real touch events. */
async function phone(browser: Browser, baseURL: string, width = 390): Promise<Person> {
  const context = await browser.newContext({ baseURL, viewport: { width, height: 844 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(msg.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return { context, page, problems };
}

/** Keeps everything the polite live region says from now on (it holds only the latest message). */
async function listen(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { spoken: string[] };
    w.spoken = [];
    const region = document.querySelector('[role="status"][aria-live="polite"]');
    if (!region) throw new Error('no live region');
    new MutationObserver(() => {
      const said = region.textContent?.trim();
      if (said) w.spoken.push(said);
    }).observe(region, { childList: true, characterData: true, subtree: true });
  });
}
const spoken = (page: Page) => page.evaluate(() => (window as unknown as { spoken: string[] }).spoken);

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
const cardOf = (page: Page, name: string) => page.getByRole('region', { name: text('thinking.incomingTitle', { name }), exact: true });
/** The calm confirmation where the buttons were (in the "Thinking of you" part, not the live region). */
const sentLine = (page: Page, line: string) => page.getByRole('region', { name: text('thinking.title'), exact: true }).getByText(line, { exact: true });
/** "Sam replied: …" on screen (not the live region, which may say the same words). */
const replyOf = (page: Page, name: string, line: string) =>
  page.getByRole('region', { name: text('thinking.replyTitle', { name }), exact: true }).getByText(line, { exact: true });

/** axe and the tap audit at the phone's width, then at 320 px. */
async function checkBothWidths(a11y: ReturnType<typeof a11yJournal>, page: Page, screen: string): Promise<void> {
  await a11y.check(page, `${screen} (390 px)`);
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: 320, height: 640 });
  try {
    await a11y.check(page, `${screen} (320 px)`);
  } finally {
    await page.setViewportSize(size);
  }
}

describe('thinking of you, between two phones', () => {
  const SPACE = `Lantern ${run}canaryspace`;
  const A = { email: `ari.${run}@example.test`, password: `slow tide ${run} heron`, name: `Ari${run}canaryname` };
  const B = { email: `bea.${run}@example.test`, password: `warm stone ${run} finch`, name: `Bea${run}canaryname` };
  let server: RunningServer;
  let browser: Browser;
  let a: Person;
  let b: Person;
  let spaceId = '';
  const a11y = a11yJournal();

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    a = await phone(browser, server.url);
    b = await phone(browser, server.url);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('A and B share a space', async () => {
    spaceId = await shareASpace(a, A, b, B, SPACE);
  });

  it('A taps once on Today; B’s open Today shows it live and says it politely', async () => {
    await new HomePage(b.page).goto();
    await listen(b.page);
    await new HomePage(a.page).goto();
    await checkBothWidths(a11y, a.page, 'Today with a partner');
    await button(a.page, text('thinking.send', { name: B.name })).tap();
    // The buttons rest behind a calm confirmation.
    await sentLine(a.page, text('thinking.sent', { name: B.name })).waitFor();
    expect(await button(a.page, text('thinking.send', { name: B.name })).count()).toBe(0);
    // Focus stays where the tapped button was: on the confirmation.
    await expect.poll(() => a.page.evaluate(() => document.activeElement?.textContent)).toBe(text('thinking.sent', { name: B.name }));

    const card = cardOf(b.page, A.name);
    await card.waitFor({ timeout: 20_000 });
    await expect.poll(() => spoken(b.page), { timeout: 10_000 }).toContainEqual(expect.stringContaining(text('thinking.live', { name: A.name })));
    await checkBothWidths(a11y, b.page, 'Today with a partner thinking of me');
  });

  it('B answers with one tap; the card goes and A’s Today shows the answer live', async () => {
    await listen(a.page);
    const card = cardOf(b.page, A.name);
    await card.getByRole('button', { name: text('reply.made-me-smile'), exact: true }).tap();
    await card.waitFor({ state: 'detached' });
    // The answered card is gone; focus is on the "Thinking of you" heading beside it, not lost.
    await expect.poll(() => b.page.evaluate(() => document.activeElement?.id)).toBe('thinking-title');
    const line = text('thinking.replyLine', { name: B.name, reply: text('reply.made-me-smile') });
    await replyOf(a.page, B.name, line).waitFor({ timeout: 20_000 });
    await expect.poll(() => spoken(a.page), { timeout: 10_000 }).toContainEqual(expect.stringContaining(line));
    await checkBothWidths(a11y, a.page, 'Today with a reply');
    // A closes it without guilt: it goes, nothing is sent.
    await a.page.getByRole('region', { name: text('thinking.replyTitle', { name: B.name }) }).getByRole('button', { name: text('thinking.close'), exact: true }).tap();
    await replyOf(a.page, B.name, line).waitFor({ state: 'detached' });
  });

  it('the space screen offers the same tap (resting for A), and B can think of A from there', async () => {
    const spaceA = new SpacePage(a.page);
    await spaceA.goto(spaceId);
    await spaceA.waitFor(SPACE);
    const sectionA = a.page.getByRole('region', { name: text('thinking.title'), exact: true });
    await sectionA.getByText(text('thinking.sent', { name: B.name }), { exact: true }).waitFor();
    await checkBothWidths(a11y, a.page, 'space screen, resting after sending');

    const spaceB = new SpacePage(b.page);
    await spaceB.goto(spaceId);
    await spaceB.waitFor(SPACE);
    const sectionB = b.page.getByRole('region', { name: text('thinking.title'), exact: true });
    await sectionB.getByRole('button', { name: text('thinking.send', { name: A.name }), exact: true }).tap();
    await sectionB.getByText(text('thinking.sent', { name: A.name }), { exact: true }).waitFor();
    await checkBothWidths(a11y, b.page, 'space screen, after sending');

    // On A's space screen, live: the card, with its replies; closing it sends nothing.
    const card = cardOf(a.page, B.name);
    await card.waitFor({ timeout: 20_000 });
    await checkBothWidths(a11y, a.page, 'space screen with a partner thinking of me');
    await card.getByRole('button', { name: text('thinking.close'), exact: true }).tap();
    await card.waitFor({ state: 'detached' });
    await new HomePage(a.page).goto();
    expect(await cardOf(a.page, B.name).count()).toBe(0);
  });

  it('B finishes a step of a program shared in the space; A’s Today says so', async () => {
    await b.page.goto(`/programs/${PROGRAM.id}`);
    await b.page.getByRole('heading', { level: 1, name: PROGRAM.title }).waitFor();
    await button(b.page, text('program.start')).tap();
    await b.page.goto(`/programs/${PROGRAM.id}/${STEP.id}`);
    await b.page.getByRole('heading', { level: 1, name: STEP.title }).waitFor();
    await button(b.page, text('step.markDone')).tap();
    await b.page.getByText(text('step.isDone'), { exact: true }).waitFor();
    await b.page.goto('/programs');
    const sharing = b.page.getByRole('region', { name: text('programs.sharingTitle') });
    await sharing.getByRole('checkbox', { name: new RegExp(`^${text('programs.shareIn', { space: SPACE })}`) }).tap();
    await sharing.getByRole('button', { name: text('programs.sharingSave'), exact: true }).tap();
    await b.page.getByRole('status').filter({ hasText: text('programs.sharingSaved') }).first().waitFor();

    await new HomePage(a.page).goto();
    const news = a.page.getByRole('region', { name: text('home.partnerNewsTitle'), exact: true });
    await news.getByRole('link', { name: text('home.partnerFinished', { name: B.name, step: 1, program: PROGRAM.title }), exact: true }).waitFor({ timeout: 20_000 });
    await checkBothWidths(a11y, a.page, 'Today with a partner’s program news');
  });

  it('axe and the tap audit found nothing on Today or the space screen', () => {
    expect(a11y.found()).toEqual([]);
  });

  it('no page broke the Content-Security-Policy or threw', () => {
    const problems = [a, b].flatMap((p) => p.problems).filter((m) => /Content Security Policy|Refused to|Uncaught/i.test(m));
    expect(problems).toEqual([]);
  });

  it('no notice, reply, name or kind is in the database files, DATA_DIR or the server log', async () => {
    const replies = (['thinking-of-you-too', 'made-me-smile', 'sending-a-hug', 'cant-talk-now'] as const).map((id) => text(`reply.${id}`));
    await expectNothingTypedOnServer(
      server,
      [SPACE, A.name, B.name, ...replies, '"made-me-smile"', '"thinking-of-you"', '"thinking-of-you-reply"', '"program-step"'],
      [A.email, B.email],
    );
  });
});

describe('thinking of you, with three', () => {
  const SPACE = `Hearth ${run}canaryspace3`;
  const A = { email: `cai.${run}@example.test`, password: `pale moon ${run} otter`, name: `Cai${run}canaryname` };
  const B = { email: `dev.${run}@example.test`, password: `green bell ${run} wren`, name: `Dev${run}canaryname` };
  const C = { email: `eli.${run}@example.test`, password: `soft rain ${run} plover`, name: `Eli${run}canaryname` };
  let server: RunningServer;
  let browser: Browser;
  let a: Person;
  let b: Person;
  let c: Person;
  const a11y = a11yJournal();

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    a = await phone(browser, server.url);
    b = await phone(browser, server.url);
    c = await phone(browser, server.url, 320);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('A, B and C share a space', async () => {
    await shareASpace(a, A, b, B, SPACE);
    const link = await new SpacePage(a.page).createInviteLink(SPACE);
    await joinThroughLink(c, C, link);
    await new SpacePage(a.page).waitForMember(C.name);
  });

  it('A thinks of C alone: C sees it, B does not', async () => {
    await new HomePage(b.page).goto();
    await new HomePage(c.page).goto();
    await new HomePage(a.page).goto();
    await button(a.page, text('thinking.send', { name: B.name })).waitFor();
    await button(a.page, text('thinking.sendAll')).waitFor();
    await checkBothWidths(a11y, a.page, 'Today with two partners');
    await button(a.page, text('thinking.send', { name: C.name })).tap();
    await sentLine(a.page, text('thinking.sent', { name: C.name })).waitFor();
    await cardOf(c.page, A.name).waitFor({ timeout: 20_000 });
    await checkBothWidths(a11y, c.page, 'Today at 320 px with a partner thinking of me');
    // B's Today has caught up (B's own sending buttons are there) and shows no card from A.
    await button(b.page, text('thinking.send', { name: A.name })).waitFor();
    expect(await cardOf(b.page, A.name).count()).toBe(0);
  });

  it('B thinks of everyone: A and C both see it, and both answers reach B', async () => {
    await button(b.page, text('thinking.sendAll')).tap();
    await sentLine(b.page, text('thinking.sentAll')).waitFor();
    for (const [person, reply] of [[a, 'sending-a-hug'], [c, 'cant-talk-now']] as const) {
      const card = cardOf(person.page, B.name);
      await card.waitFor({ timeout: 20_000 });
      await card.getByText(text('thinking.incomingAll', { name: B.name, space: SPACE }), { exact: true }).waitFor();
      await card.getByRole('button', { name: text(`reply.${reply}`), exact: true }).tap();
      await card.waitFor({ state: 'detached' });
    }
    await replyOf(b.page, A.name, text('thinking.replyLine', { name: A.name, reply: text('reply.sending-a-hug') })).waitFor({ timeout: 20_000 });
    await replyOf(b.page, C.name, text('thinking.replyLine', { name: C.name, reply: text('reply.cant-talk-now') })).waitFor({ timeout: 20_000 });
    await checkBothWidths(a11y, b.page, 'Today with two replies');
    // C still has A's notice to answer (a different person's).
    await cardOf(c.page, A.name).waitFor();
  });

  it('axe and the tap audit found nothing', () => {
    expect(a11y.found()).toEqual([]);
  });

  it('nothing of it is on the server', async () => {
    await expectNothingTypedOnServer(server, [SPACE, A.name, B.name, C.name, '"sending-a-hug"', '"thinking-of-you"'], [A.email, B.email, C.email]);
  });
});
