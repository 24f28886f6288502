/**
 * Taking my data with me, in Chromium on phones with touch (real taps): a person with check-ins, a
 * private reflection, a question of the day answered alone and a comfort map makes a copy to read
 * (a zip: the printable page, CSV, JSON) and an encrypted copy from Account -> Your data; then, as
 * a new account on the same server (a new device at 320 px), opens the encrypted copy (a wrong
 * passphrase is refused kindly), sees what it would add before anything is added, confirms, and
 * finds each thing where it belongs. Axe and the tap audit check every screen at 390 and 320 px;
 * nothing typed reaches the server's database or log in plaintext.
 */
import type { Browser, Page } from 'playwright-core';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { comfortItem } from '../../content/comfort.ts';
import { getExercise } from '../../content/exercises/index.ts';
import { CheckinPage, ClosenessPage, HomePage, JustMePage, pattern, text, YourDataPage } from './pages/index.ts';
import { DailyCard } from './pages/daily-pages.ts';
import { a11yJournal } from './support/axe.ts';
import { launchBrowser, newPerson, type Person } from './support/browser.ts';
import { startServer, type RunningServer } from './support/app-server.ts';
import { expectNothingTypedOnServer } from './support/privacy.ts';
import { signUp } from './support/journeys.ts';

const run = Math.random().toString(36).slice(2, 8);
const OLD = { email: `rowan.${run}@example.test`, password: `cedar window ${run} meadow`, name: `Rowan${run}canaryname` };
const NEW = { email: `rowan.new.${run}@example.test`, password: `birch harbour ${run} lantern`, name: `Rowan${run}canaryname` };
const PASSPHRASE = `moving day ${run} kettle`;
const NOTE_1 = `a slow walk ${run}canarynote`;
const NOTE_2 = `tired but close ${run}canarynote`;
const REFLECTION = `kindness on hard days ${run}canaryreflection`;
const DAILY = `the smell of rain ${run}canarydaily`;
const VALUES = getExercise('relationship-values')!;
const HANDS = comfortItem('holding-hands')!.label;

/** axe and the tap audit at the phone's own width, and at 320 px too where the phone is wider. */
async function checkScreen(a11y: ReturnType<typeof a11yJournal>, page: Page, screen: string): Promise<void> {
  const size = page.viewportSize()!;
  await a11y.check(page, `${screen} (${size.width} px)`);
  if (size.width === 320) return;
  await page.setViewportSize({ width: 320, height: 640 });
  try {
    await a11y.check(page, `${screen} (320 px)`);
  } finally {
    await page.setViewportSize(size);
  }
}

describe('take my data with me', () => {
  let server: RunningServer;
  let browser: Browser;
  let before: Person;
  let after: Person;
  let encrypted: { name: string; bytes: Buffer };
  const a11y = a11yJournal();

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    before = await newPerson(browser, server.url, { width: 390, height: 844 }, { hasTouch: true });
    after = await newPerson(browser, server.url, { width: 320, height: 640 }, { hasTouch: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a person checks in twice, reflects alone, answers the question for themselves and marks a comfort map', async () => {
    const p = before.page;
    await signUp(before, OLD);
    const checkin = new CheckinPage(p);
    await checkin.checkIn({ emotional: 6, physical: 4, note: NOTE_1 });
    await checkin.checkIn({ emotional: 7, physical: 5, note: NOTE_2 });

    const justMe = new JustMePage(p);
    await justMe.goto();
    await justMe.link('justMe.doAlone', { title: VALUES.title }).tap();
    await p.getByRole('heading', { level: 1, name: VALUES.title }).waitFor();
    await justMe.button('exercise.begin').tap();
    // A phone shows one question per screen; the whole list has the save button at its end.
    await justMe.button('exercise.showAll').tap();
    await p.getByRole('textbox', { name: VALUES.items[0]!.prompt, exact: true }).fill(REFLECTION);
    await justMe.button('alone.save').tap();
    await p.waitForURL(/\/just-me\/reflections\//);

    await new HomePage(p).goto();
    const card = new DailyCard(p).region('personal');
    await card.getByLabel(text('daily.answerLabel'), { exact: true }).fill(DAILY);
    await card.getByRole('button', { name: text('daily.saveAlone'), exact: true }).tap();
    await p.getByText(text('daily.kept'), { exact: true }).waitFor({ timeout: 15_000 });

    await p.goto('/comfort');
    await p.getByRole('heading', { level: 1, name: text('comfort.title') }).waitFor({ timeout: 20_000 });
    await p.getByRole('group', { name: HANDS, exact: true }).getByRole('radio', { name: text('comfort.yes'), exact: true }).tap();
    await p.getByRole('button', { name: text('comfort.save'), exact: true }).tap();
    await p.getByText(text('comfort.saved')).first().waitFor({ timeout: 20_000 });
  });

  it('makes a copy to read from Account: a zip with the printable page, a CSV per kind and JSON', async () => {
    const data = new YourDataPage(before.page);
    await data.openFromAccount();
    await checkScreen(a11y, before.page, 'your data');
    const zip = await data.downloadReadable();
    expect(zip.name).toMatch(/^innermost-\d{4}-\d{2}-\d{2}\.zip$/);
    await before.page.getByText(text('data.readableDone'), { exact: true }).waitFor();
    const files = unzipSync(new Uint8Array(zip.bytes));
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['innermost.html', 'innermost.json', 'csv/checkin.csv', 'csv/reflection.csv', 'csv/daily-answer.csv', 'csv/comfort-answers.csv']));
    const page = strFromU8(files['innermost.html']!);
    for (const typed of [NOTE_1, NOTE_2, REFLECTION, DAILY, 'holding-hands']) expect(page).toContain(typed);
    const csv = strFromU8(files['csv/checkin.csv']!).trim().split('\r\n');
    expect(csv).toHaveLength(3);
    expect(csv.join('\n')).toContain(NOTE_2);
    const json = JSON.parse(strFromU8(files['innermost.json']!));
    expect(json.places[0].records.some((r: { kind: string }) => r.kind === 'reflection')).toBe(true);
  });

  it('makes an encrypted copy with a passphrase typed twice; the file holds nothing readable', async () => {
    const data = new YourDataPage(before.page);
    const section = data.section('data.encryptedTitle');
    await section.getByLabel(text('data.passphrase'), { exact: true }).fill('short');
    await data.button('data.encryptedButton').tap();
    await section.getByText(text('data.passphraseShort'), { exact: true }).waitFor();
    encrypted = await data.downloadEncrypted(PASSPHRASE);
    expect(encrypted.name).toMatch(/^innermost-\d{4}-\d{2}-\d{2}\.innermost$/);
    await before.page.getByText(text('data.encryptedDone'), { exact: true }).waitFor();
    const raw = encrypted.bytes.toString('latin1');
    for (const typed of [NOTE_1, REFLECTION, DAILY, 'holding-hands', 'checkin']) expect(raw).not.toContain(typed);
    await checkScreen(a11y, before.page, 'your data, after both copies');
  });

  it('a new account on the same server opens it: a wrong passphrase is refused, then the preview shows what it would add', async () => {
    await signUp(after, NEW);
    const data = new YourDataPage(after.page);
    await data.openFromAccount();
    await a11y.check(after.page, 'your data, new account (320 px)');
    await data.open(encrypted, `${PASSPHRASE} nope`);
    await data.section('data.importTitle').getByRole('alert').getByText(text('data.wrongPassphrase'), { exact: true }).waitFor({ timeout: 20_000 });
    await data.open(encrypted, PASSPHRASE);
    await data.previewHeading().waitFor({ timeout: 20_000 });
    const [mine] = await data.previewCounts();
    expect(mine).toEqual(
      expect.arrayContaining([
        text('data.count', { label: text('data.kind.checkin'), count: 2 }),
        text('data.count', { label: text('data.kind.reflection'), count: 1 }),
        text('data.count', { label: text('data.kind.daily-answer'), count: 1 }),
        text('data.count', { label: text('data.kind.comfort-answers'), count: 1 }),
      ]),
    );
    await after.page.getByText(text('data.previewMine'), { exact: true }).waitFor();
    await a11y.check(after.page, 'import preview (320 px)');
    await data.button('data.confirm').tap();
    await after.page.getByText(pattern('data.added'), { exact: false }).waitFor({ timeout: 30_000 });
  });

  it('finds the check-ins, the reflection, the answer and the comfort map in the new account', async () => {
    const p = after.page;
    const closeness = new ClosenessPage(p);
    await closeness.goto();
    const csv = await closeness.exportCsv();
    expect(csv).toContain(NOTE_1);
    expect(csv).toContain(NOTE_2);

    const justMe = new JustMePage(p);
    await justMe.goto();
    await expect.poll(() => justMe.reflections().count(), { timeout: 15_000 }).toBe(1);
    await justMe.reflections().first().tap();
    await p.getByText(REFLECTION, { exact: true }).waitFor();

    await p.goto('/comfort');
    await p.getByRole('heading', { level: 1, name: text('comfort.title') }).waitFor({ timeout: 20_000 });
    await expect
      .poll(() => p.getByRole('group', { name: HANDS, exact: true }).getByRole('radio', { name: text('comfort.yes'), exact: true }).isChecked(), { timeout: 15_000 })
      .toBe(true);

    const data = new YourDataPage(p);
    await data.openFromAccount();
    const zip = await data.downloadReadable();
    const page = strFromU8(unzipSync(new Uint8Array(zip.bytes))['innermost.html']!);
    expect(page).toContain(DAILY);

    // The same copy opened again: all of it is already here, so nothing is offered twice.
    await data.open(encrypted, PASSPHRASE);
    await data.previewHeading().waitFor({ timeout: 20_000 });
    await p.getByText(pattern('data.already'), { exact: false }).first().waitFor({ timeout: 20_000 });
    await p.getByText(text('data.previewNothing'), { exact: true }).waitFor();
    expect(await data.button('data.confirm').count()).toBe(0);
    await a11y.check(p, 'import preview, already here (320 px)');
  });

  it('found nothing for axe or the tap audit, no page errors, and nothing typed on the server', async () => {
    expect(a11y.found()).toEqual([]);
    for (const person of [before, after]) expect(person.problems.filter((m) => /Uncaught|Content Security Policy|Refused to/i.test(m))).toEqual([]);
    await expectNothingTypedOnServer(server, [NOTE_1, NOTE_2, REFLECTION, DAILY, OLD.name, PASSPHRASE], [OLD.email, NEW.email]);
  });
});
