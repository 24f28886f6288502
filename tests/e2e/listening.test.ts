/**
 * Listening turns and the bad-day share in Chromium, as people on touch phones (real taps):
 * - two phones in step, A at 390 px and B at 320 px: A asks in two taps from Today (counted); B
 *   answers now; a typed exchange with the guide (share, "What I heard is…", "Not quite", again,
 *   yes, what makes sense, heard), the swap, a pause with its calming practice and a return time
 *   20 minutes on, the reminder for both through the local push service, a resume right where
 *   they were, the end with nothing kept: the typed words are deleted (signed tombstones);
 * - one shared phone (A's, passed between them): a spoken turn through a full exchange and swap;
 * - the bad-day share with an optional line: B's open Today shows a calm card live, B answers in
 *   their own words, A sees it;
 * axe and the tap audit on every screen at both widths; finally no typed piece, bad-day line or
 * reply reaches the server's files, log or pushes.
 *
 * The browser clock: both phones run Playwright's clock, set 20 minutes minus a little behind the
 * real one, so the 20-minute pause picked in the app ends (page.clock.fastForward) when the
 * server's reminder, scheduled at the app's return time, comes due in real time (~20 s later).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { guideTopic, LISTENING_GUIDE } from '../../content/listening.ts';
import { HomePage, SpacePage, text } from './pages/index.ts';
import { startServer, type RunningServer } from './support/app-server.ts';
import { a11yJournal } from './support/axe.ts';
import { launchBrowser, type Person } from './support/browser.ts';
import { shareASpace } from './support/journeys.ts';
import { networkQuiet } from './support/network-quiet.ts';
import { expectNothingTypedOnServer } from './support/privacy.ts';
import { TapCount } from './support/tap-count.ts';
import { createPushService, type PushService } from '../support/push-service.ts';

const run = Math.random().toString(36).slice(2, 8);
/** How far behind the real clock the phones run: the pause's 20 minutes, less the seconds the server then waits. */
const BEHIND_MS = 20 * 60_000 - 20_000;

/** The ids of the records the server holds in a place, by author (read-only, from its SQLite file). */
function recordIdsByAuthor(server: RunningServer, spaceId: string): Map<string, Set<string>> {
  const db = new Database(join(server.dataDir, 'innermost.db'), { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare('SELECT id, author_id AS author FROM records WHERE space_id = ?').all(spaceId) as { id: string; author: string }[];
    const out = new Map<string, Set<string>>();
    for (const row of rows) out.set(row.author, (out.get(row.author) ?? new Set()).add(row.id));
    return out;
  } finally {
    db.close();
  }
}

async function phone(browser: Browser, baseURL: string, width: number): Promise<Person> {
  const context = await browser.newContext({ baseURL, viewport: { width, height: 800 }, hasTouch: true, isMobile: true });
  await context.clock.install({ time: Date.now() - BEHIND_MS });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(msg.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return { context, page, problems };
}

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
const floor = (page: Page, line: string) => page.locator('.floor').getByText(line, { exact: true });

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

/** A typed piece: the field of this step, then its button. */
async function typePiece(page: Page, field: string, words: string, done: string): Promise<void> {
  await page.getByLabel(field, { exact: true }).fill(words);
  await button(page, done).tap();
}

describe('listening turns and the bad-day share', () => {
  const SPACE = `Harbour ${run}canaryspace`;
  const A = { email: `ari.${run}@example.test`, password: `slow tide ${run} heron`, name: `Ari${run}canaryname` };
  const B = { email: `bea.${run}@example.test`, password: `warm stone ${run} finch`, name: `Bea${run}canaryname` };
  const typed = {
    share: `work keeps piling up ${run}canaryshare`,
    again: `mostly I feel alone with it ${run}canaryagain`,
    reflect: `you are tired of the workload ${run}canaryreflect`,
    reflect2: `you feel alone carrying it ${run}canaryreflect2`,
    validate: `it makes sense you feel drained ${run}canaryvalidate`,
    share2: `I miss our evenings ${run}canaryshare2`,
    reflect3: `you miss our time together ${run}canaryreflect3`,
    validate2: `of course you miss them ${run}canaryvalidate2`,
  };
  const BAD_LINE = `the clinic called again ${run}canarybadday`;
  const REPLY_WORDS = `I will bring soup tonight ${run}canaryreply`;
  let server: RunningServer;
  let browser: Browser;
  let pushService: PushService;
  let a: Person;
  let b: Person;
  let spaceId = '';
  const a11y = a11yJournal();
  const taps = new TapCount();

  beforeAll(async () => {
    pushService = await createPushService();
    server = await startServer({ env: { PUSH_ALLOW_INSECURE_ENDPOINTS: '1' } });
    browser = await launchBrowser();
    a = await phone(browser, server.url, 390);
    b = await phone(browser, server.url, 320);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await pushService?.close();
  });

  it('A and B share a place, and both phones take notifications (kind "listening" only)', async () => {
    spaceId = await shareASpace(a, A, b, B, SPACE);
    for (const person of [a, b]) {
      const device = pushService.subscription();
      const status = await person.page.evaluate(async (body) => {
        const res = await fetch('/api/push/subscription', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
        return res.status;
      }, { endpoint: device.endpoint, keys: device.keys, prefs: { events: { joined: false, opened: false, waiting: false, thinking: false, reply: false, reminder: false, plan: false, listening: true, 'bad-day': true }, quietHours: null, timeZone: 'UTC', reminderAt: null } });
      expect(status).toBe(200);
    }
  });

  it('A asks from Today in two taps; B’s open Today shows the request live and B says now', async () => {
    await new HomePage(b.page).goto();
    await new HomePage(a.page).goto();
    await a.page.getByRole('heading', { name: text('listening.title'), exact: true }).waitFor();
    await checkBothWidths(a11y, a.page, 'Today, talk and listen');
    await taps.step('A asks for a talk about stress, typed', async () => {
      await taps.tap(a.page.getByRole('link', { name: text('listening.ask'), exact: true }));
      await a.page.getByRole('heading', { level: 1, name: text('ask.title') }).waitFor();
      await checkBothWidths(a11y, a.page, 'asking for a talk');
      // The typed mode is a choice beyond the two taps (counted apart below).
      await a.page.getByRole('radio', { name: text('ask.typed'), exact: true }).tap();
      await taps.tap(a.page.getByRole('button', { name: new RegExp(`^${guideTopic('stress').title}`) }));
    });
    await a.page.getByRole('heading', { level: 1, name: text('turn.title', { name: B.name }) }).waitFor();
    await a.page.getByText(text('turn.askedByMe', { name: B.name }), { exact: true }).waitFor();
    await checkBothWidths(a11y, a.page, 'a talk asked for');
    console.log(taps.report('Starting a listening turn (two phones, real taps; the typed-mode radio not counted)'));
    expect(taps.total.taps).toBe(2);

    // B: live, without a reload; one tap into the talk, one to say now.
    await b.page.getByText(text('turn.askedMe', { name: A.name }), { exact: true }).waitFor({ timeout: 20_000 });
    await checkBothWidths(a11y, b.page, 'Today with a request to talk');
    await b.page.getByRole('link', { name: text('listening.continue', { name: A.name }), exact: true }).tap();
    await button(b.page, text('turn.now')).waitFor();
    await checkBothWidths(a11y, b.page, 'a request to talk');
    // The push told B's phone with the kind only.
    await expect.poll(() => pushService.messages.filter((m) => m.payload.k === 'listening').length, { timeout: 20_000 }).toBeGreaterThanOrEqual(1);
    await button(b.page, text('turn.now')).tap();
    await floor(a.page, text('turn.floorMe')).waitFor({ timeout: 20_000 });
    await floor(b.page, text('turn.floor', { name: A.name })).waitFor();
  });

  it('a typed exchange: a piece, "What I heard is…", not quite, again, yes, what makes sense, heard; then the swap', async () => {
    await checkBothWidths(a11y, a.page, 'the floor, speaker');
    await checkBothWidths(a11y, b.page, 'the floor, listener');
    await typePiece(a.page, text('turn.shareField'), typed.share, text('turn.said'));
    // Shown live on B's phone.
    await b.page.getByText(typed.share, { exact: true }).waitFor({ timeout: 20_000 });
    await typePiece(b.page, text('turn.reflectField'), typed.reflect, text('turn.reflected'));
    await button(a.page, text('turn.checkNotQuite')).waitFor({ timeout: 20_000 });
    await a.page.getByText(typed.reflect, { exact: true }).waitFor();
    await checkBothWidths(a11y, a.page, 'did they get it');
    await button(a.page, text('turn.checkNotQuite')).tap();
    await a.page.getByText(text('turn.shareAgain'), { exact: true }).waitFor();
    await typePiece(a.page, text('turn.shareField'), typed.again, text('turn.said'));
    await b.page.getByLabel(text('turn.reflectField'), { exact: true }).waitFor({ timeout: 20_000 });
    await typePiece(b.page, text('turn.reflectField'), typed.reflect2, text('turn.reflected'));
    await button(a.page, text('turn.checkYes')).waitFor({ timeout: 20_000 });
    await button(a.page, text('turn.checkYes')).tap();
    await b.page.getByLabel(text('turn.validateField'), { exact: true }).waitFor({ timeout: 20_000 });
    await checkBothWidths(a11y, b.page, 'what makes sense');
    await typePiece(b.page, text('turn.validateField'), typed.validate, text('turn.validated'));
    await button(a.page, text('turn.heardYes')).waitFor({ timeout: 20_000 });
    await checkBothWidths(a11y, a.page, 'do you feel heard');
    await button(a.page, text('turn.heardYes')).tap();
    // The swap: B has the floor now, on both phones.
    await floor(b.page, text('turn.floorMe')).waitFor({ timeout: 20_000 });
    await floor(a.page, text('turn.floor', { name: B.name })).waitFor({ timeout: 20_000 });
    await expect.poll(() => a.page.getByText(typed.share, { exact: true }).count()).toBe(0);
  });

  it('a pause: a calming practice, back in 20 minutes, a reminder to both; then right where they were', async () => {
    await typePiece(b.page, text('turn.shareField'), typed.share2, text('turn.said'));
    await a.page.getByLabel(text('turn.reflectField'), { exact: true }).waitFor({ timeout: 20_000 });
    const before = pushService.messages.length;
    await button(b.page, text('turn.pause')).tap();
    await b.page.getByRole('heading', { name: text('turn.pauseTitle') }).waitFor();
    await checkBothWidths(a11y, b.page, 'choosing a pause');
    await button(b.page, text('turn.pauseNow')).tap();
    for (const page of [a.page, b.page]) await page.getByRole('heading', { name: LISTENING_GUIDE.calm.title, exact: true }).waitFor({ timeout: 20_000 });
    await checkBothWidths(a11y, a.page, 'paused, with the calming practice');
    // 20 minutes pass on the phones; the server's reminder comes due in real time.
    for (const page of [a.page, b.page]) await page.clock.fastForward('20:05');
    await floor(a.page, text('turn.backNow')).waitFor({ timeout: 20_000 });
    await floor(b.page, text('turn.backNow')).waitFor({ timeout: 20_000 });
    await expect.poll(() => pushService.messages.slice(before).filter((m) => m.payload.k === 'listening').length, { timeout: 120_000 }).toBe(2);
    for (const m of pushService.messages.slice(before)) expect(m.payload).toMatchObject({ v: 1, k: 'listening', s: spaceId });
    await checkBothWidths(a11y, b.page, 'time to come back');
    await button(a.page, text('turn.resume')).tap();
    // Right where they were: A reflects B's piece.
    await a.page.getByLabel(text('turn.reflectField'), { exact: true }).waitFor({ timeout: 20_000 });
    await floor(b.page, text('turn.floorMe')).waitFor({ timeout: 20_000 });
    await b.page.getByText(typed.share2, { exact: true }).waitFor();
  });

  it('B is heard too; at the end A lets it go, and the typed words are deleted', async () => {
    await typePiece(a.page, text('turn.reflectField'), typed.reflect3, text('turn.reflected'));
    await button(b.page, text('turn.checkYes')).waitFor({ timeout: 20_000 });
    await button(b.page, text('turn.checkYes')).tap();
    await a.page.getByLabel(text('turn.validateField'), { exact: true }).waitFor({ timeout: 20_000 });
    await typePiece(a.page, text('turn.validateField'), typed.validate2, text('turn.validated'));
    await button(b.page, text('turn.heardYes')).waitFor({ timeout: 20_000 });
    // Every typed piece is on the server now (each was written before the step it ended).
    const before = recordIdsByAuthor(server, spaceId);
    await button(b.page, text('turn.heardYes')).tap();
    await button(a.page, text('turn.letGo')).waitFor({ timeout: 20_000 });
    await checkBothWidths(a11y, a.page, 'the end of a talk');
    await button(b.page, text('turn.keep')).tap();
    await b.page.getByText(text('turn.keepWaiting', { name: A.name }), { exact: true }).waitFor({ timeout: 20_000 });
    await button(a.page, text('turn.letGo')).tap();
    for (const page of [a.page, b.page]) await floor(page, text('turn.ended')).waitFor({ timeout: 20_000 });
    await checkBothWidths(a11y, b.page, 'a talk over');
    // Each phone deletes its own pieces (signed tombstones): at least the four each typed leave the server.
    await expect
      .poll(
        () => {
          const after = recordIdsByAuthor(server, spaceId);
          return [...before].map(([author, ids]) => [...ids].filter((id) => !after.get(author)?.has(id)).length >= 4);
        },
        { timeout: 30_000 },
      )
      .toEqual([true, true]);
    await new SpacePage(a.page).goto(spaceId);
    await a.page.getByRole('region', { name: text('listening.title') }).or(a.page.getByRole('heading', { name: text('listening.title'), exact: true })).first().waitFor();
    await checkBothWidths(a11y, a.page, 'the place with talk and listen');
    await a.page.goto(`/spaces/${spaceId}/listening`);
    await a.page.getByText(text('listening.none'), { exact: true }).waitFor();
    await checkBothWidths(a11y, a.page, 'our talks, none in progress');
  });

  it('one shared phone (A’s, passed to B): a spoken turn through a full exchange and the swap', async () => {
    await a.page.goto(`/spaces/${spaceId}/listening/new`);
    await a.page.getByRole('radio', { name: text('ask.one'), exact: true }).tap();
    await a.page.getByRole('button', { name: new RegExp(`^${guideTopic('repair').title}`) }).tap();
    await floor(a.page, text('turn.floor', { name: A.name })).waitFor();
    await a.page.getByText(text('turn.passTo', { name: A.name }), { exact: true }).waitFor();
    await checkBothWidths(a11y, a.page, 'one phone, the speaker’s part');
    for (const [speaker, listener] of [
      [A.name, B.name],
      [B.name, A.name],
    ] as const) {
      await button(a.page, text('turn.said')).tap();
      await a.page.getByText(text('turn.passTo', { name: listener }), { exact: true }).waitFor();
      await button(a.page, text('turn.reflected')).tap();
      await button(a.page, text('turn.checkYes')).tap();
      await button(a.page, text('turn.validated')).tap();
      await a.page.getByText(text('turn.passTo', { name: speaker }), { exact: true }).waitFor();
      await button(a.page, text('turn.heardYes')).tap();
      if (speaker === A.name) await floor(a.page, text('turn.floor', { name: B.name })).waitFor();
    }
    await button(a.page, text('turn.keepBoth')).tap();
    await a.page.getByLabel(text('turn.summaryField'), { exact: true }).waitFor();
    await checkBothWidths(a11y, a.page, 'one phone, a summary to keep');
  });

  it('the bad-day share: B’s open Today shows a calm card live; B answers in their own words; A sees it', async () => {
    await new HomePage(b.page).goto();
    await new HomePage(a.page).goto();
    await a.page.getByRole('link', { name: text('listening.hardDay'), exact: true }).tap();
    await a.page.getByRole('heading', { level: 1, name: text('badDay.title') }).waitFor();
    await checkBothWidths(a11y, a.page, 'sharing a hard day');
    await a.page.getByLabel(text('badDay.line'), { exact: true }).fill(BAD_LINE);
    await a.page.getByRole('checkbox', { name: text('help.company'), exact: true }).tap();
    await button(a.page, text('badDay.share', { place: SPACE })).tap();
    await a.page.getByText(text('badDay.mine'), { exact: true }).first().waitFor();

    const card = b.page.getByRole('region', { name: text('badDay.cardTitle', { name: A.name }), exact: true });
    await card.waitFor({ timeout: 20_000 });
    await card.getByText(BAD_LINE, { exact: true }).waitFor();
    await card.getByText(text('badDay.wouldHelp', { list: text('help.company') }), { exact: true }).waitFor();
    await checkBothWidths(a11y, b.page, 'Today with a partner’s hard day');
    await card.getByLabel(text('badDay.ownWords'), { exact: true }).fill(REPLY_WORDS);
    await card.getByRole('button', { name: text('badDay.sendWords'), exact: true }).tap();
    await card.getByText(text('badDay.answered', { name: A.name }), { exact: true }).waitFor({ timeout: 20_000 });
    await a.page.getByText(REPLY_WORDS, { exact: true }).waitFor({ timeout: 20_000 });
    await checkBothWidths(a11y, a.page, 'my hard day with a reply');
    // Nothing counts: no number of hard days anywhere.
    expect(await a.page.getByText(/\b\d+ (hard|bad) days?\b/i).count()).toBe(0);
    // Taking it back removes it from B's Today too.
    await a.page.goto(`/spaces/${spaceId}/hard-day`);
    await button(a.page, text('badDay.withdraw')).tap();
    await card.waitFor({ state: 'detached', timeout: 20_000 });
  });

  it('no axe or tap problems on any screen, no console errors', () => {
    expect(a11y.found()).toEqual([]);
    expect([...a.problems, ...b.problems].filter((p) => !/Failed to load resource/.test(p))).toEqual([]);
  });

  it('no typed piece, bad-day line or reply reaches the server’s files, log or pushes', async () => {
    // Let the tombstones of the last deletions reach the server first.
    await Promise.all([networkQuiet(a.page), networkQuiet(b.page)]);
    await expectNothingTypedOnServer(server, [...Object.values(typed), BAD_LINE, REPLY_WORDS, A.name, B.name, SPACE], [A.email, B.email], {
      pushPayloads: pushService.messages.map((m) => m.payload),
    });
  });
});
