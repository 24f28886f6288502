/**
 * The journeys most end-to-end tests begin with, in one place: sign up (keeping the device
 * unlocked and confirming the recovery code) and join a space through an invite link.
 */
import { HomePage, JoinPage, NewSpacePage, RecoveryCodePage, SignUpPage, SpacePage, WelcomePage } from '../pages/index.ts';
import type { Person } from './browser.ts';

export interface Who {
  email: string;
  password: string;
  /** The name set once: at sign-up (signUp) or when joining (joinThroughLink). */
  name?: string;
}

/** Signs up from the welcome screen and ends on Today. */
export async function signUp(person: Person, who: Who): Promise<void> {
  const welcome = new WelcomePage(person.page);
  await welcome.goto();
  await welcome.createAccount();
  const code = await new SignUpPage(person.page).signUp(who.email, who.password, { remember: true, name: who.name });
  await new RecoveryCodePage(person.page).confirm(code);
  await new HomePage(person.page).waitFor();
}

/** Opens an invite link, creates an account, gives a name when joining, and waits to be admitted. */
export async function joinThroughLink(person: Person, who: Who & { name: string }, link: string): Promise<void> {
  const join = new JoinPage(person.page);
  await join.open(link);
  await join.title();
  await join.createAccount();
  await new SignUpPage(person.page).signUpAndConfirm(who.email, who.password, { remember: true });
  await join.join(who.name);
  await join.waitUntilInSpace();
  await new SpacePage(person.page).waitForMember(who.name);
}

/**
 * A signs up and creates a shared space named `space`; B joins through its invite link; both see
 * each other. Returns the space's id.
 */
export async function shareASpace(
  a: Person,
  who: Who & { name: string },
  b: Person,
  other: Who & { name: string },
  space: string,
): Promise<string> {
  await signUp(a, who);
  await new HomePage(a.page).createSpace();
  const spaceId = await new NewSpacePage(a.page).create({ name: space });
  // Creating the place made its invite link: the screen leads with it.
  const link = await new SpacePage(a.page).leadingInviteLink();
  await joinThroughLink(b, other, link);
  await new SpacePage(a.page).waitForMember(other.name);
  await new SpacePage(b.page).waitForMember(who.name);
  return spaceId;
}
