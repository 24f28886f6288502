/**
 * The journeys most end-to-end tests begin with, in one place: sign up (keeping the device
 * unlocked and confirming the recovery code) and join a space through an invite link.
 */
import { HomePage, JoinPage, RecoveryCodePage, SignUpPage, SpacePage, WelcomePage } from '../pages/index.ts';
import type { Person } from './browser.ts';

export interface Who {
  email: string;
  password: string;
  /** The display name to set in the space after joining. */
  name?: string;
}

/** Signs up from the welcome screen and ends on Today. */
export async function signUp(person: Person, who: Who): Promise<void> {
  const welcome = new WelcomePage(person.page);
  await welcome.goto();
  await welcome.createAccount();
  const code = await new SignUpPage(person.page).signUp(who.email, who.password, { remember: true });
  await new RecoveryCodePage(person.page).confirm(code);
  await new HomePage(person.page).waitFor();
}

/** Opens an invite link, creates an account, joins, waits to be admitted, and sets a display name. */
export async function joinThroughLink(person: Person, who: Who & { name: string }, link: string): Promise<void> {
  const join = new JoinPage(person.page);
  await join.open(link);
  await join.waitForInvite();
  await join.createAccount();
  await new SignUpPage(person.page).signUpAndConfirm(who.email, who.password, { remember: true });
  await join.join();
  await join.waitUntilInSpace();
  await new SpacePage(person.page).setProfile(who.name);
}
