/**
 * An instance run for others (issue 17): invitation-only sign-up. The first boot prints a
 * one-time link; a stranger opening the sign-up screen is told kindly what to do instead; the
 * first person makes their account with the link (which then stops working, with its own
 * message); a partner makes theirs from the invitation to a shared place and joins. On a phone
 * (touch, 390 px and 320 px), with axe and the tap audit on each new screen.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HomePage, NewSpacePage, RecoveryCodePage, SignUpPage, SpacePage, text } from './pages/index.ts';
import { startServer, type RunningServer } from './support/app-server.ts';
import { a11yJournal } from './support/axe.ts';
import { launchBrowser, newPerson, type Person } from './support/browser.ts';
import { joinThroughLink } from './support/journeys.ts';

const run = Math.random().toString(36).slice(2, 8);
const A = { email: `host.${run}@example.test`, password: `lantern meadow ${run} copper`, name: `Robin${run}` };
const B = { email: `guest.${run}@example.test`, password: `harbour orchard ${run} ribbon`, name: `Ash${run}` };

let server: RunningServer;
let browser: Browser;
const people: Person[] = [];
const a11y = a11yJournal();

async function phone(width = 390): Promise<Person> {
  const person = await newPerson(browser, server.url, { width, height: 800 }, { hasTouch: true });
  people.push(person);
  return person;
}

describe('an invitation-only instance', () => {
  let link = '';

  beforeAll(async () => {
    server = await startServer({ env: { SIGNUP: 'invite' } });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const p of people) await p.context.close();
    await browser?.close();
    await server?.stop();
  });

  it('prints a one-time sign-up link on its first start', () => {
    const match = /(http:\/\/[^\s]+\/signup#link=[A-Za-z0-9_-]{43})/.exec(server.output());
    expect(match, server.output()).not.toBeNull();
    link = match![1]!.replace(/^http:\/\/localhost:\d+/, '');
  });

  it('tells a stranger on the sign-up screen, kindly, what to do instead', async () => {
    for (const width of [390, 320]) {
      const stranger = await phone(width);
      await stranger.page.goto('/signup');
      await stranger.page.getByRole('heading', { level: 1, name: text('signUp.invite.title') }).waitFor();
      expect(await stranger.page.getByText(text('signUp.invite.body')).isVisible()).toBe(true);
      expect(await stranger.page.getByLabel(text('field.email'), { exact: true }).count()).toBe(0);
      await a11y.check(stranger.page, `sign-up, by invitation (${width} px)`);
      await stranger.page.getByRole('main').getByRole('link', { name: text('signUp.signInLink'), exact: true }).tap();
      await stranger.page.waitForURL(/\/signin/);
    }
  });

  it('the first person makes their account with the link, which leaves the address bar', async () => {
    const a = await phone();
    await a.page.goto(link);
    await a.page.getByText(text('signUp.byLink')).waitFor();
    expect(a.page.url()).not.toContain('#link=');
    await a11y.check(a.page, 'sign-up with a link');
    const code = await new SignUpPage(a.page).signUp(A.email, A.password, { remember: true, name: A.name });
    await new RecoveryCodePage(a.page).confirm(code);
    await new HomePage(a.page).waitFor();

    // The link has made its one account: someone else opening it is told so.
    const late = await phone();
    await late.page.goto(link);
    const form = new SignUpPage(late.page);
    await form.fill(`late.${run}@example.test`, `willow candle ${run} river`);
    await form.submit();
    await form.alert().waitFor();
    expect(await form.alert().textContent()).toContain(text('errors.signup-link-invalid'));
    await a11y.check(late.page, 'sign-up with a used link');

    // The first person invites a partner, who makes an account from the invitation and joins.
    await new HomePage(a.page).createSpace();
    await new NewSpacePage(a.page).create({ name: `Home ${run}` });
    const invitation = await new SpacePage(a.page).leadingInviteLink();
    const b = await phone();
    await joinThroughLink(b, B, invitation);
    await new SpacePage(a.page).waitForMember(B.name);
  });

  it('finds nothing wrong along the way', () => {
    expect(a11y.found()).toEqual([]);
    for (const p of people) expect(p.problems.filter((m) => !/status of 4\d\d/.test(m))).toEqual([]);
  });
});
