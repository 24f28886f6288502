/**
 * What must hold when something goes wrong with a round: a submission changed in the database
 * is shown as a clear warning, never as text; a withdrawn exercise is explained to the others;
 * a participant leaving the space stops the round, says so plainly, and releases no answer.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getExercise } from '../../content/exercises/index.ts';
import { ExercisesRegion, HomePage, JoinPage, NewRoundPage, NewSpacePage, RoundPage, SignUpPage, SpacePage, text } from './pages/index.ts';
import { startServer, type RunningServer } from './support/app-server.ts';
import { launchBrowser, newPerson, type Person } from './support/browser.ts';

const run = Math.random().toString(36).slice(2, 8);
const SPACE = `Hearth ${run}`;
const PASSWORD = `soft lantern ${run} evening`;
const THREE_GOOD = getExercise('appreciations')!;
const [G1] = THREE_GOOD.items.map((i) => i.prompt) as [string];
const B_ANSWER = `the tea you made ${run}canarytampered`;
const A_SEALED = `your patience ${run}canarycancelled`;

let server: RunningServer;
let browser: Browser;
let a: Person;
let b: Person;
let spaceId = '';

async function signUp(person: Person, name: string): Promise<void> {
  const page = new SignUpPage(person.page);
  await page.goto();
  await page.signUpAndConfirm(`${name}.${run}@example.test`, PASSWORD, { remember: true });
  await new HomePage(person.page).waitFor();
}

async function startRound(person: Person): Promise<string> {
  await new SpacePage(person.page).goto(spaceId);
  await new SpacePage(person.page).waitFor(SPACE);
  await new ExercisesRegion(person.page).startExercise();
  const start = new NewRoundPage(person.page);
  await start.waitFor();
  await start.pick(THREE_GOOD.title);
  return start.start();
}

describe('rounds when something goes wrong', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    a = await newPerson(browser, server.url);
    b = await newPerson(browser, server.url);
    await signUp(a, 'ash');
    await signUp(b, 'bay');
    await new HomePage(a.page).createSpace();
    spaceId = await new NewSpacePage(a.page).create({ name: SPACE, displayName: 'Ash' });
    const link = await new SpacePage(a.page).createInviteLink(SPACE);
    const joinPage = new JoinPage(b.page);
    await joinPage.open(link);
    await joinPage.join('Bay');
    await joinPage.waitUntilInSpace();
    await new SpacePage(b.page).setProfile('Bay');
    await new SpacePage(a.page).waitForMember('Bay');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a submission altered in the database is shown as a warning, not as text', async () => {
    const roundId = await startRound(a);
    const roundA = new RoundPage(a.page);
    await roundA.begin();
    await roundA.answer(G1, `the walk ${run}`);
    await roundA.seal();
    const roundB = new RoundPage(b.page);
    await roundB.goto(spaceId, roundId);
    await roundB.waitFor(THREE_GOOD.title);
    await roundB.begin();
    await roundB.answer(G1, B_ANSWER);
    await roundB.seal();
    await roundA.waitForRevealed();

    // Flip one byte of B's sealed answer, as a malicious server or a corrupted disk would.
    const db = new Database(join(server.dataDir, 'innermost.db'), { timeout: 5000 });
    const row = db
      .prepare('SELECT user_id AS userId, ciphertext FROM round_participants WHERE round_id = ? AND user_id <> (SELECT created_by FROM rounds WHERE id = ?)')
      .get(roundId, roundId) as { userId: string; ciphertext: Buffer };
    const tampered = Buffer.from(row.ciphertext);
    tampered[tampered.length - 20]! ^= 0x01;
    db.prepare('UPDATE round_participants SET ciphertext = ? WHERE round_id = ? AND user_id = ?').run(tampered, roundId, row.userId);
    db.close();

    await a.page.reload(); // verified answers are cached only in memory
    await roundA.waitForRevealed();
    await a.page.getByText(text('round.unverified'), { exact: true }).first().waitFor();
    expect(await a.page.getByRole('main').innerText()).not.toContain(B_ANSWER);
  });

  it('a withdrawn exercise is explained calmly to the other person', async () => {
    const roundId = await startRound(a);
    const roundA = new RoundPage(a.page);
    await roundA.begin();
    await roundA.answer(G1, `a withdrawn answer ${run}`);
    await roundA.seal();
    await roundA.withdraw();
    await a.page.getByRole('heading', { name: text('round.withdrawnTitle') }).waitFor();
    const roundB = new RoundPage(b.page);
    await roundB.goto(spaceId, roundId);
    await b.page.getByRole('heading', { name: text('round.withdrawnTitle') }).waitFor();
    expect(await b.page.getByRole('main').innerText()).toContain(text('round.withdrawnBy', { name: 'Ash' }));
    expect(await b.page.content()).not.toContain(`a withdrawn answer ${run}`);
  });

  it('when a participant leaves, the round stops, the other is told plainly, and no answer is released', async () => {
    const roundId = await startRound(a);
    const roundA = new RoundPage(a.page);
    await roundA.begin();
    await roundA.answer(G1, A_SEALED);
    await roundA.seal();
    const spaceB = new SpacePage(b.page);
    await spaceB.goto(spaceId);
    await spaceB.waitFor(SPACE);
    await spaceB.leave(SPACE);
    await new HomePage(b.page).waitFor();

    await a.page.getByRole('heading', { name: text('round.cancelledTitle') }).waitFor({ timeout: 20_000 });
    expect(await a.page.getByRole('main').innerText()).toContain(text('round.cancelledLeft'));
    const db = new Database(join(server.dataDir, 'innermost.db'), { readonly: true });
    const stored = db.prepare('SELECT count(*) AS n FROM round_participants WHERE round_id = ? AND ciphertext IS NOT NULL').get(roundId) as { n: number };
    db.close();
    expect(stored.n).toBe(0);
  });
});
