/**
 * The paths that must fail kindly and lose nothing: invite links that cannot be used (used,
 * revoked, expired, unknown, malformed), a joiner whose keys do not match the invite, a wrong
 * recovery code; and the account features: sessions, password change, account deletion.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { generateRecoveryCode } from '../../src/crypto/recovery.ts';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppNav, HomePage, JoinPage, LockedPage, NewSpacePage, RecoverPage, RecoveryCodePage, SettingsPage, SignInPage, SignUpPage, SpacePage, WelcomePage, text } from './pages/index.ts';
import { startServer, type RunningServer } from './support/app-server.ts';
import { a11yJournal } from './support/axe.ts';
import { launchBrowser, newPerson, type Person } from './support/browser.ts';

const run = Math.random().toString(36).slice(2, 8);
const PASSWORD = `gentle tide ${run} window`;
/** axe and the tap audit on each screen these journeys reach (asserted at the end). */
const a11y = a11yJournal();
let server: RunningServer;
let browser: Browser;
let people: Person[] = [];

async function person(): Promise<Person> {
  const p = await newPerson(browser, server.url);
  people.push(p);
  return p;
}

async function signUp(p: Person, name: string): Promise<{ email: string; code: string }> {
  const email = `${name}.${run}@example.test`;
  const page = new SignUpPage(p.page);
  await page.goto();
  const code = await page.signUpAndConfirm(email, PASSWORD, { remember: true });
  await new HomePage(p.page).waitFor();
  return { email, code };
}

/** From now on, every level-1 heading the person's pages show, in order, across reloads. */
async function recordHeadings(p: Person): Promise<void> {
  await p.context.addInitScript(() => {
    const seen: string[] = JSON.parse(sessionStorage.getItem('seen-headings') ?? '[]');
    new MutationObserver(() => {
      const h1 = document.querySelector('h1')?.textContent?.trim();
      if (h1 && seen.at(-1) !== h1) {
        seen.push(h1);
        sessionStorage.setItem('seen-headings', JSON.stringify(seen));
      }
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
}

const headingsSeen = (p: Person) => p.page.evaluate(() => JSON.parse(sessionStorage.getItem('seen-headings') ?? '[]') as string[]);

async function newSpace(p: Person, name: string, displayName: string): Promise<string> {
  await new HomePage(p.page).createSpace();
  const id = await new NewSpacePage(p.page).create({ name, displayName });
  await new SpacePage(p.page).waitFor(name);
  return id;
}

/** Opens an invite link while signed in and returns the problem the join screen shows. */
async function problemOpening(p: Person, link: string): Promise<string> {
  const joinPage = new JoinPage(p.page);
  // Going from one /join#… link to another only changes the hash (no reload), and the previous
  // problem would still be on screen: start from a blank page so we read this link's answer.
  await p.page.goto('about:blank');
  await joinPage.open(link);
  await p.page.getByRole('heading', { level: 1, name: text('join.problemTitle') }).waitFor();
  return joinPage.problem();
}

function db(): Database.Database {
  return new Database(join(server.dataDir, 'innermost.db'), { fileMustExist: true, timeout: 5000 });
}

describe('invites and accounts', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('an invite link that cannot be used says why: used, withdrawn, expired, unknown, incomplete', async () => {
    const host = await person();
    const guest = await person();
    const latecomer = await person();
    await signUp(host, 'host');
    await signUp(guest, 'guest');
    await signUp(latecomer, 'late');
    await newSpace(host, `Den ${run}`, 'Host');
    const space = new SpacePage(host.page);

    const used = await space.createInviteLink(`Den ${run}`);
    const guestJoin = new JoinPage(guest.page);
    await guestJoin.open(used);
    await guestJoin.join('Guest');
    await guestJoin.waitUntilInSpace();
    expect(await problemOpening(latecomer, used)).toBe(text('errors.invite-used'));
    await a11y.check(latecomer.page, 'an invite that was used');

    const withdrawn = await space.createInviteLink(`Den ${run}`);
    await space.revokeFirstInvite(`Den ${run}`);
    expect(await problemOpening(latecomer, withdrawn)).toBe(text('errors.invite-revoked'));

    const stale = await space.createInviteLink(`Den ${run}`);
    const staleId = new URL(stale).hash.slice(1).split('.')[0]!;
    const conn = db();
    conn.prepare('UPDATE invites SET expires_at = ? WHERE id = ?').run(Date.now() - 1000, staleId);
    conn.close();
    expect(await problemOpening(latecomer, stale)).toBe(text('errors.invite-expired'));

    const unknown = `${server.url}/join#01890000-0000-7000-8000-000000000000.${'A'.repeat(43)}`;
    expect(await problemOpening(latecomer, unknown)).toBe(text('errors.invite-not-found'));
    expect(await problemOpening(latecomer, `${server.url}/join#not-a-link`)).toBe(text('errors.invite-link-malformed'));

    // Nothing was lost: the host's space still has exactly the host and the guest.
    await new SpacePage(host.page).goto(new URL(host.page.url()).pathname.split('/')[2]!);
    await new SpacePage(host.page).waitFor(`Den ${run}`);
    expect(await new SpacePage(host.page).members()).toHaveLength(2);
  });

  it('a joiner whose keys do not match the invite is declined by the members’ app and told so', async () => {
    const host = await person();
    const impostor = await person();
    await signUp(host, 'host2');
    await signUp(impostor, 'imp');
    const spaceId = await newSpace(host, `Nook ${run}`, 'Host2');
    const link = await new SpacePage(host.page).createInviteLink(`Nook ${run}`);
    // Tamper with the MAC the joiner's app sends, as a server or link-thief swapping keys would.
    await impostor.page.route('**/api/invites/*/accept', async (route) => {
      const body = JSON.parse(route.request().postData() ?? '{}') as { token: string; mac: string };
      await route.continue({ postData: JSON.stringify({ ...body, mac: 'A'.repeat(43) }) });
    });
    const joinPage = new JoinPage(impostor.page);
    await joinPage.open(link);
    await joinPage.join('Imp');
    await impostor.page.getByRole('alert').filter({ hasText: text('errors.invite-mac-invalid') }).waitFor();
    await a11y.check(impostor.page, 'a join declined by the members’ app');
    const members = await host.page.evaluate(
      async (id) => ((await (await fetch(`/api/spaces/${id}`)).json()) as { space: { members: unknown[] } }).space.members.length,
      spaceId,
    );
    expect(members).toBe(1);
  });

  it('a wrong recovery code is refused with its own message, and the password still works', async () => {
    const p = await person();
    const { email } = await signUp(p, 'forgetful');
    await new SettingsPage(p.page).goto();
    await new SettingsPage(p.page).signOut();
    await new WelcomePage(p.page).heading(text('welcome.title')).waitFor();
    const recover = new RecoverPage(p.page);
    await recover.goto();
    await recover.fill(email, 'not a code at all', `brand new ${run} password`);
    await recover.button('recover.submit').click();
    await expect.poll(() => recover.alert().innerText(), { timeout: 20_000 }).toBe(text('errors.recovery-code-malformed'));
    await a11y.check(p.page, 'recovery, a malformed code');
    await recover.fill(email, generateRecoveryCode(), `brand new ${run} password`); // well-formed, not theirs
    await recover.button('recover.submit').click();
    await expect.poll(() => recover.alert().innerText(), { timeout: 20_000 }).toBe(text('errors.invalid-recovery-code'));
    const signIn = new SignInPage(p.page);
    await signIn.goto();
    await signIn.signIn(email, PASSWORD);
    await new HomePage(p.page).waitFor();
  });

  it('a recovery code never confirmed is remembered kindly; a new one (with the password) replaces it', async () => {
    const p = await person();
    const email = `unconfirmed.${run}@example.test`;
    const signUpPage = new SignUpPage(p.page);
    await signUpPage.goto();
    const first = await signUpPage.signUp(email, PASSWORD, { remember: true });
    // The app closes on the code's screen (the browser asks first; they leave anyway).
    p.page.once('dialog', (dialog) => void dialog.accept());
    await p.page.reload();
    const home = new HomePage(p.page);
    await home.waitFor();
    const reminder = p.page.getByRole('region', { name: text('recoveryReminder.title'), exact: true });
    await reminder.waitFor();
    await a11y.check(p.page, 'today with the recovery reminder');
    // A real tap on the card's link (not a role click): it opens the account's recovery section.
    const link = reminder.getByRole('link', { name: text('recoveryReminder.action'), exact: true });
    const box = (await link.boundingBox())!;
    await p.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const settings = new SettingsPage(p.page);
    await settings.waitFor();
    await p.page.getByText(text('settings.recoveryUnconfirmed'), { exact: true }).waitFor();
    await settings.button('settings.recoveryNew').click();
    const dialog = p.page.getByRole('dialog', { name: text('renewRecovery.title'), exact: true });
    await dialog.getByLabel(text('renewRecovery.passwordLabel'), { exact: true }).fill(`not ${PASSWORD}`);
    await dialog.getByRole('button', { name: text('renewRecovery.confirm'), exact: true }).click();
    await expect.poll(() => dialog.getByRole('alert').innerText(), { timeout: 15_000 }).toBe(text('errors.wrong-password'));
    await a11y.check(p.page, 'a new recovery code, a wrong password');
    await dialog.getByLabel(text('renewRecovery.passwordLabel'), { exact: true }).fill(PASSWORD);
    await dialog.getByRole('button', { name: text('renewRecovery.confirm'), exact: true }).click();
    const codePage = new RecoveryCodePage(p.page);
    const second = await codePage.code();
    expect(second).not.toBe(first);
    await codePage.confirm(second);
    await settings.waitFor();
    await p.page.getByText(text('settings.recoveryConfirmed'), { exact: true }).waitFor();
    await new AppNav(p.page).today();
    await home.waitFor();
    await p.page.getByRole('heading', { level: 2, name: text('home.spacesTitle') }).waitFor();
    expect(await reminder.count()).toBe(0);

    // The first code no longer opens the account; the new one does.
    await settings.goto();
    await settings.signOut();
    await new WelcomePage(p.page).heading(text('welcome.title')).waitFor();
    const recover = new RecoverPage(p.page);
    await recover.goto();
    await recover.fill(email, first, `brand new ${run} password`);
    await recover.button('recover.submit').click();
    await expect.poll(() => recover.alert().innerText(), { timeout: 15_000 }).toBe(text('errors.invalid-recovery-code'));
    await recover.fill(email, second, `brand new ${run} password`);
    await recover.button('recover.submit').click();
    await new RecoveryCodePage(p.page).waitFor();
  });

  it('sessions: a second device appears, and “sign out everywhere else” signs it out', async () => {
    const phone = await person();
    const laptop = await person();
    const { email } = await signUp(phone, 'twodevices');
    const signIn = new SignInPage(laptop.page);
    await signIn.goto();
    await signIn.signIn(email, PASSWORD);
    await new HomePage(laptop.page).waitFor();
    const settings = new SettingsPage(phone.page);
    await settings.goto();
    await expect.poll(async () => (await settings.sessions()).length).toBe(2);
    await a11y.check(phone.page, 'account settings with two devices');
    expect((await settings.sessions()).filter((s) => s.includes(text('settings.thisDevice')))).toHaveLength(1);
    await settings.signOutOthers();
    await expect.poll(async () => (await settings.sessions()).length).toBe(1);
    await laptop.page.reload();
    await new WelcomePage(laptop.page).heading(text('welcome.title')).waitFor({ timeout: 15_000 });
  });

  it('signed in without keeping the keys, a reload asks for the password and never shows the welcome; a browser with only the cookie shows the welcome at once, then the lock screen', async () => {
    const phone = await person();
    const laptop = await person();
    const { email } = await signUp(phone, 'notkept');
    await recordHeadings(laptop);
    const signIn = new SignInPage(laptop.page);
    await signIn.goto();
    await signIn.signIn(email, PASSWORD, { remember: false });
    await new HomePage(laptop.page).waitFor();
    const welcome = text('welcome.title');
    const lockedTitle = text('locked.title');

    await laptop.page.evaluate(() => sessionStorage.setItem('seen-headings', '[]'));
    await laptop.page.reload();
    await new LockedPage(laptop.page).waitFor();
    expect(await headingsSeen(laptop)).not.toContain(welcome);

    // Storage cleared by hand, the session cookie left behind: nothing here says someone signed
    // in, so the welcome shows without waiting for the server, which then says who it is.
    const cookieOnly = await person();
    await cookieOnly.context.addCookies(await laptop.context.cookies());
    await recordHeadings(cookieOnly);
    await cookieOnly.page.goto('/');
    const locked = new LockedPage(cookieOnly.page);
    await locked.waitFor();
    expect((await headingsSeen(cookieOnly)).filter((h) => h !== text('app.loading'))).toEqual([welcome, lockedTitle]);
    await locked.unlock(PASSWORD);
    await new HomePage(cookieOnly.page).waitFor();
  });

  it('a changed password works on another device, and the old one no longer does', async () => {
    const p = await person();
    const other = await person();
    const { email } = await signUp(p, 'changer');
    const next = `fresh start ${run} meadow`;
    const settings = new SettingsPage(p.page);
    await settings.goto();
    await settings.changePassword(PASSWORD, next);
    const signIn = new SignInPage(other.page);
    await signIn.goto();
    await signIn.signIn(email, PASSWORD);
    // A sign-in runs Argon2id first: on a busy machine the answer takes more than the default second.
    await expect.poll(() => signIn.alert().innerText(), { timeout: 15_000 }).toBe(text('errors.invalid-credentials'));
    await a11y.check(other.page, 'sign-in, a wrong password');
    await signIn.signIn(email, next);
    await new HomePage(other.page).waitFor();
  });

  it('deleting an account removes the person; the others’ app moves the space to a new key', async () => {
    const stayer = await person();
    const leaver = await person();
    const { email } = await signUp(leaver, 'leaver');
    await signUp(stayer, 'stayer');
    const spaceId = await newSpace(stayer, `Harbour ${run}`, 'Stayer');
    const link = await new SpacePage(stayer.page).createInviteLink(`Harbour ${run}`);
    const joinPage = new JoinPage(leaver.page);
    await joinPage.open(link);
    await joinPage.join('Leaver');
    await joinPage.waitUntilInSpace();
    await new SpacePage(stayer.page).waitForMember('Leaver');
    const epochBefore = (db().prepare('SELECT epoch FROM spaces WHERE id = ?').get(spaceId) as { epoch: number }).epoch;

    const settings = new SettingsPage(leaver.page);
    await settings.goto();
    await settings.deleteAccount(PASSWORD);
    await new WelcomePage(leaver.page).heading(text('welcome.title')).waitFor();

    await expect.poll(async () => (await new SpacePage(stayer.page).members()).length, { timeout: 15_000 }).toBe(1);
    await expect
      .poll(() => (db().prepare('SELECT epoch, needs_rotation AS r FROM spaces WHERE id = ?').get(spaceId) as { epoch: number; r: number }), { timeout: 15_000 })
      .toMatchObject({ epoch: epochBefore + 1, r: 0 });
    const conn = db();
    expect(conn.prepare('SELECT count(*) AS n FROM users WHERE email = ?').get(email)).toEqual({ n: 0 });
    conn.close();
    const signIn = new SignInPage(leaver.page);
    await signIn.goto();
    await signIn.signIn(email, PASSWORD);
    // A sign-in runs Argon2id first: on a busy machine the answer takes more than the default second.
    await expect.poll(() => signIn.alert().innerText(), { timeout: 15_000 }).toBe(text('errors.invalid-credentials'));
  });

  it('axe and the tap audit found nothing on any screen of these journeys', () => {
    expect(a11y.found()).toEqual([]);
  });

  it('no page broke the Content-Security-Policy or threw', () => {
    const problems = people.flatMap((p) => p.problems).filter((m) => /Content Security Policy|Refused to|Uncaught/i.test(m));
    expect(problems).toEqual([]);
    people = [];
  });
});
