import { PageModel, text } from './base.ts';

const PREVIEW_RE = /^.*members? so far\..*$/m;

export class JoinPage extends PageModel {
  /** Opens an invite link (the page takes the secret out of the address at once). */
  async open(inviteUrl: string): Promise<void> {
    await this.page.goto(inviteUrl);
  }

  /** The invite's screen; with `inviter`, the one that names who invites ("Alex invited you"). */
  async waitForInvite(inviter?: string): Promise<void> {
    await this.heading(inviter ? text('join.titleFrom', { name: inviter }) : text('join.title')).waitFor();
  }

  /** The invite's title, whoever it names. */
  async title(): Promise<string> {
    const heading = this.page.getByRole('heading', { level: 1 });
    await heading.waitFor();
    return (await heading.innerText()).trim();
  }

  /** "2 members so far. This invite works until …" once the preview has loaded. */
  async previewText(timeoutMs = 10_000): Promise<string> {
    const preview = this.page.getByRole('main').getByText(PREVIEW_RE).first();
    await preview.waitFor({ timeout: timeoutMs });
    const found = (await preview.innerText()).match(PREVIEW_RE);
    if (!found) throw new Error('The invite preview did not appear');
    return found[0].trim();
  }

  async createAccount(): Promise<void> {
    await this.page.getByRole('main').getByRole('link', { name: text('join.createAccount'), exact: true }).click();
  }

  async signIn(): Promise<void> {
    await this.page.getByRole('main').getByRole('link', { name: text('join.signIn'), exact: true }).click();
  }

  /** Taps "Join", giving a name first when this person has never set one (`name`). */
  async join(name?: string): Promise<void> {
    const button = this.button('join.submit');
    await button.waitFor();
    const field = this.field('field.displayName');
    if (name && (await field.count())) await field.fill(name);
    await button.click();
  }

  async waitForWaiting(): Promise<void> {
    await this.heading(text('join.waitingTitle')).waitFor();
  }

  /** Waits until a member's app has confirmed me and the space has opened. */
  async waitUntilInSpace(timeoutMs = 30_000): Promise<string> {
    await this.page.waitForURL(/\/spaces\/[0-9a-f-]{36}$/, { timeout: timeoutMs });
    return new URL(this.page.url()).pathname.split('/').pop()!;
  }

  /** The problem heading and message when the invite cannot be used. */
  async problem(): Promise<string> {
    const heading = this.page.getByRole('heading', { level: 1 });
    await heading.waitFor();
    const alert = this.page.getByRole('alert');
    return (await alert.count()) ? alert.first().innerText() : heading.innerText();
  }
}
