/**
 * The foundation's whole journey in Chromium, as three people on three devices (browser
 * contexts): sign up, invite, join, see each other, live changes, offline writes, reload, lock,
 * recovery, a space of three, leaving with key rotation. Along the way axe checks every screen,
 * and at the end nothing the people typed may appear in the server's files or logs.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppNav, HomePage, JoinPage, LockedPage, NewSpacePage, RecoverPage, RecoveryCodePage, SafetyCodePage, SettingsPage, SignUpPage, SpacePage, WelcomePage, text } from './pages/index.ts';
import { startServer, type RunningServer } from './support/app-server.ts';
import { countRecords } from './support/server-db.ts';
import { expectNothingTypedOnServer } from './support/privacy.ts';
import { a11yJournal } from './support/axe.ts';
import { launchBrowser, newPerson, type Person } from './support/browser.ts';

// Canaries: every piece of plaintext a person types. None may reach the server's disk or logs.
const run = Math.random().toString(36).slice(2, 8);
const SPACE = `Nest ${run}canaryspace`;
const A = { email: `alex.${run}@example.test`, password: `quiet harbour ${run} lantern`, name: `Alex${run}canaryname`, pronouns: `xe/${run}canarypro` };
const B = { email: `sam.${run}@example.test`, password: `orchard morning ${run} kettle`, name: `Sam${run}canaryname`, pronouns: `they/${run}canarypro` };
const C = { email: `kai.${run}@example.test`, password: `copper meadow ${run} ribbon`, name: `Kai${run}canaryname`, pronouns: `she/${run}canarypro` };
const A_RENAMED = `Lex${run}canaryrenamed`;
const B_OFFLINE = `Sammy${run}canaryoffline`;
const A_AFTER_LEAVE = `Alexis${run}canaryafterleave`;
const A_NEW_PASSWORD = `river stone ${run} compass`;

let server: RunningServer;
let browser: Browser;
let a: Person;
let b: Person;
let c: Person;
let spaceId = '';
let recoveryCodeA = '';
const a11y = a11yJournal();

async function checkA11y(person: Person, screen: string): Promise<void> {
  await a11y.check(person.page, screen);
}

/** Signs up through an invite link and joins; returns once a member's app has admitted them. */
async function joinThroughLink(person: Person, who: typeof B, link: string, inviter = A.name): Promise<void> {
  const join = new JoinPage(person.page);
  await join.open(link);
  await join.waitForInvite(inviter);
  expect(person.page.url()).not.toContain('#'); // the secret left the address bar at once
  await checkA11y(person, 'join (signed out)');
  await join.createAccount();
  await new SignUpPage(person.page).signUpAndConfirm(who.email, who.password, { remember: true });
  await join.join(who.name);
  await join.waitUntilInSpace();
  await new SpacePage(person.page).setProfile(who.name, who.pronouns);
}

describe('partners share an encrypted space', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    a = await newPerson(browser, server.url);
    b = await newPerson(browser, server.url);
    c = await newPerson(browser, server.url, { width: 320, height: 640 }); // the smallest phone
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('A signs up, keeps the device unlocked and confirms the recovery code', async () => {
    const welcome = new WelcomePage(a.page);
    await welcome.goto();
    await checkA11y(a, 'welcome');
    await welcome.createAccount();
    const signUp = new SignUpPage(a.page);
    await signUp.heading(text('signUp.title')).waitFor();
    await checkA11y(a, 'sign up');
    // zxcvbn's guidance: a famous password is easy to guess (never "fair"), a passphrase strong.
    const weak = await signUp.guidanceFor('password1');
    expect(weak).toContain(text('password.strengthLabel', { level: text('password.level.easy-to-guess') }));
    expect(await signUp.warnsEasyToGuess()).toBe(true);
    await checkA11y(a, 'sign up, an easy password');
    expect(await signUp.guidanceFor('kettle orchard quiet morning')).toContain(text('password.strengthLabel', { level: text('password.level.strong') }));
    expect(await signUp.warnsEasyToGuess()).toBe(false);
    recoveryCodeA = await signUp.signUp(A.email, A.password, { remember: true });
    expect(recoveryCodeA).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{2,4}){6}$/);
    await checkA11y(a, 'recovery code');
    await new RecoveryCodePage(a.page).confirm(recoveryCodeA);
    await new HomePage(a.page).waitFor();
    await checkA11y(a, 'home');
  });

  it('A creates a shared space and an invite link that carries its secret only in the fragment', async () => {
    await new HomePage(a.page).createSpace();
    const create = new NewSpacePage(a.page);
    await create.heading(text('newSpace.title')).waitFor();
    await checkA11y(a, 'new space');
    spaceId = await create.create({ name: SPACE, displayName: A.name, pronouns: A.pronouns });
    const space = new SpacePage(a.page);
    await space.waitFor(SPACE);
    await checkA11y(a, 'space');
    // Creating the place made the invitation, which the screen leads with until someone joins.
    const link = await space.leadingInviteLink();
    expect(await space.openInvites(SPACE)).toHaveLength(1);
    // The link carries A's name for B to see, in the fragment only (never sent to a server).
    expect(link).toMatch(new RegExp(`^${server.url}/join#[0-9a-f-]{36}\\.[A-Za-z0-9_-]{43}~${encodeURIComponent(A.name)}$`));
    (globalThis as { inviteForB?: string }).inviteForB = link;
  });

  it('B opens the link, signs up and joins; A’s app admits B on its own and both see each other', async () => {
    await joinThroughLink(b, B, (globalThis as { inviteForB?: string }).inviteForB!);
    const spaceB = new SpacePage(b.page);
    await spaceB.waitForMember(A.name);
    await new SpacePage(a.page).waitForMember(B.name);
    expect((await spaceB.members()).join('\n')).toContain(A.pronouns);
    await checkA11y(b, 'space (joined)');
  });

  it('both see the same safety code', async () => {
    await new SpacePage(a.page).openSafetyCode();
    await new SpacePage(b.page).openSafetyCode();
    const codeA = await new SafetyCodePage(a.page).code();
    const codeB = await new SafetyCodePage(b.page).code();
    expect(codeA).toMatch(/^\d{60}$/);
    expect(codeB).toBe(codeA);
    await checkA11y(a, 'safety code');
    await a.page.goBack();
    await b.page.goBack();
  });

  it('a change by one appears live for the other, without reloading', async () => {
    await new SpacePage(a.page).setProfile(A_RENAMED, A.pronouns);
    await new SpacePage(b.page).waitForMember(A_RENAMED);
  });

  it('B writes while offline; it shows as waiting and reaches A when B is back online', async () => {
    await b.context.setOffline(true);
    await new SpacePage(b.page).setProfile(B_OFFLINE, B.pronouns);
    await new AppNav(b.page).today();
    const home = new HomePage(b.page);
    await home.waitFor();
    expect(await home.syncStatus()).not.toBe(text('sync.upToDate'));
    await checkA11y(b, 'home (offline)');
    expect((await new SpacePage(a.page).members()).join('\n')).not.toContain(B_OFFLINE);
    await b.context.setOffline(false);
    await new SpacePage(a.page).waitForMember(B_OFFLINE);
    await expect.poll(() => home.syncStatus(), { timeout: 15_000 }).toBe(text('sync.upToDate'));
    await home.openSpace(SPACE);
    await new SpacePage(b.page).waitFor(SPACE);
  });

  it('A reloads and is still unlocked on this trusted device', async () => {
    await a.page.reload();
    await new SpacePage(a.page).waitFor(SPACE);
    expect(await new LockedPage(a.page).isShown()).toBe(false);
  });

  it('A locks the app and needs the password to unlock; a wrong one is refused kindly', async () => {
    await new AppNav(a.page).lock();
    const locked = new LockedPage(a.page);
    await locked.waitFor();
    await checkA11y(a, 'locked');
    await a.page.reload();
    await locked.waitFor(); // still locked after a reload: the device key was wiped
    await locked.tryUnlock('not the password at all');
    // The wrong password is found out after Argon2id on this device and a round trip: seconds on a busy phone.
    await expect.poll(() => locked.alert().innerText(), { timeout: 20_000 }).toBe(text('errors.wrong-password'));
    await locked.unlock(A.password);
    await new HomePage(a.page).goto();
    expect(await new HomePage(a.page).sharedSpaceNames()).toContain(SPACE);
  });

  it('A signs out, recovers with the recovery code, gets a new code, and finds everything intact', async () => {
    const settings = new SettingsPage(a.page);
    await settings.goto();
    await checkA11y(a, 'settings');
    await settings.signOut();
    await new WelcomePage(a.page).heading(text('welcome.title')).waitFor();
    const recover = new RecoverPage(a.page);
    await recover.goto();
    await checkA11y(a, 'recover');
    const newCode = await recover.recover(A.email, recoveryCodeA, A_NEW_PASSWORD, { remember: true });
    expect(newCode).not.toBe(recoveryCodeA);
    await new RecoveryCodePage(a.page).confirm(newCode);
    const home = new HomePage(a.page);
    await home.goto();
    await home.openSpace(SPACE);
    const space = new SpacePage(a.page);
    await space.waitForMember(B_OFFLINE);
    await space.waitForMember(A_RENAMED);
  });

  it('a third person, C, joins on a 320 px phone and the three see each other', async () => {
    const link = await new SpacePage(a.page).createInviteLink(SPACE);
    await joinThroughLink(c, C, link, A_RENAMED);
    const spaceC = new SpacePage(c.page);
    await spaceC.waitForMember(A_RENAMED);
    await spaceC.waitForMember(B_OFFLINE);
    await new SpacePage(a.page).waitForMember(C.name);
    await new SpacePage(b.page).waitForMember(C.name);
    await checkA11y(c, 'space of three (320 px)');
    const codes = await Promise.all(
      [a, b, c].map(async (p) => {
        await new SpacePage(p.page).openSafetyCode();
        const code = await new SafetyCodePage(p.page).code();
        await p.page.goBack();
        return code;
      }),
    );
    expect(new Set(codes).size).toBe(1);
  });

  it('B leaves, taking back what B shared; the others move to a new key B never receives, and B cannot read what A writes next', async () => {
    const spaceB = new SpacePage(b.page);
    await spaceB.waitFor(SPACE);
    const bId = await b.page.evaluate(async () => ((await (await fetch('/api/auth/me')).json()) as { user: { id: string } }).user.id);
    const recordsOfB = () => countRecords(server, { authorId: bId, spaceId });
    expect(recordsOfB()).toBeGreaterThan(0);
    await spaceB.leave(SPACE, { erase: true });
    await new HomePage(b.page).waitFor();
    expect(await new HomePage(b.page).sharedSpaceNames()).not.toContain(SPACE);
    expect(recordsOfB()).toBe(0);

    await new SpacePage(a.page).setProfile(A_AFTER_LEAVE, A.pronouns);
    await new SpacePage(c.page).waitForMember(A_AFTER_LEAVE);
    expect((await new SpacePage(c.page).members()).join('\n')).not.toContain(B_OFFLINE);

    // B's session can no longer reach the space at all...
    const status = await b.page.evaluate(async (id) => (await fetch(`/api/spaces/${id}/records`)).status, spaceId);
    expect(status).toBe(404);
    // ...and the newest epoch's key was sealed only to A and C.
    const db = new Database(join(server.dataDir, 'innermost.db'), { readonly: true, fileMustExist: true });
    try {
      const rows = db
        .prepare('SELECT k.user_id AS userId FROM space_keys k JOIN spaces s ON s.id = k.space_id AND s.epoch = k.epoch WHERE s.id = ?')
        .all(spaceId) as { userId: string }[];
      const ids = await Promise.all([a, c, b].map((p) => p.page.evaluate(async () => ((await (await fetch('/api/auth/me')).json()) as { user: { id: string } }).user.id)));
      expect(rows.map((r) => r.userId).sort()).toEqual([ids[0], ids[1]].sort());
    } finally {
      db.close();
    }
    await b.page.goto('/');
    expect(await b.page.getByRole('main').innerText()).not.toContain(A_AFTER_LEAVE);
  });

  it('A removes C on purpose, after a clear question; C loses the space at once, A keeps writing', async () => {
    const spaceA = new SpacePage(a.page);
    await spaceA.goto(spaceId);
    await spaceA.waitForMember(C.name);
    // Only other active members can be removed; never oneself.
    expect(await a.page.getByRole('button', { name: text('space.removeMember', { name: A_AFTER_LEAVE }), exact: true }).count()).toBe(0);
    await a.page.getByRole('button', { name: text('space.removeMember', { name: C.name }), exact: true }).click();
    await a11y.check(a.page, 'remove a member');
    await a.page.getByRole('button', { name: text('remove.cancel'), exact: true }).click();
    await spaceA.removeMember(SPACE, C.name);
    await expect.poll(async () => (await spaceA.members()).join('\n'), { timeout: 20_000 }).not.toContain(C.name);
    await expect.poll(async () => {
      await c.page.goto('/');
      return new HomePage(c.page).sharedSpaceNames();
    }, { timeout: 20_000 }).not.toContain(SPACE);
    const status = await c.page.evaluate(async (id) => (await fetch(`/api/spaces/${id}/records`)).status, spaceId);
    expect(status).toBe(404);
    await spaceA.setProfile(A_AFTER_LEAVE, A.pronouns);
  });

  it('axe found no accessibility violations on any screen of the journey', () => {
    expect(a11y.found()).toEqual([]);
  });

  it('no page broke the Content-Security-Policy or threw', () => {
    const problems = [a, b, c].flatMap((p) => p.problems).filter((m) => /Content Security Policy|Refused to|Uncaught/i.test(m));
    expect(problems).toEqual([]);
  });

  it('nothing the people typed is in the database files, DATA_DIR or the server log', async () => {
    await expectNothingTypedOnServer(server, [SPACE, A.name, A.pronouns, B.name, B.pronouns, C.name, C.pronouns, A_RENAMED, B_OFFLINE, A_AFTER_LEAVE, A.password, B.password, C.password, A_NEW_PASSWORD, recoveryCodeA], [A.email, B.email, C.email]);
  });
});
