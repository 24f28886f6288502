import type { Locator } from 'playwright-core';
import { expect } from 'vitest';
import { PageModel, text } from './base.ts';

export class SpacePage extends PageModel {
  async goto(spaceId: string): Promise<void> {
    await this.page.goto(`/spaces/${spaceId}`);
  }

  async waitFor(name: string): Promise<void> {
    await this.heading(name).waitFor();
  }

  get membersRegion(): Locator {
    return this.page.getByRole('region', { name: text('space.membersTitle') });
  }

  /** Each member's line as read aloud, e.g. "Robin (they/them) you" or the pending-joiner sentence. */
  async members(): Promise<string[]> {
    return this.spokenTexts(this.membersRegion.getByRole('listitem'));
  }

  /** Waits until a member with this display name is listed (confirmed). */
  async waitForMember(displayName: string): Promise<void> {
    await this.membersRegion.getByRole('listitem').filter({ hasText: displayName }).waitFor();
  }

  /** True while someone who opened an invite is waiting for their keys to be confirmed. */
  async hasPendingJoiner(): Promise<boolean> {
    return (await this.members()).includes(text('space.memberPending'));
  }

  /** Saves my name and pronouns in this space and waits for the "Saved" confirmation. */
  async setProfile(displayName: string, pronouns = ''): Promise<void> {
    const form = this.page.getByRole('region', { name: text('space.profileTitle') });
    await form.getByLabel(text('field.displayName'), { exact: true }).fill(displayName);
    await form.getByLabel(text('field.pronouns'), { exact: true }).fill(pronouns);
    await form.getByRole('button', { name: text('space.profileSave'), exact: true }).click();
    // Wait for the outcome (my own line shows the new name), not for the "Saved" announcement:
    // the live region holds only the latest message, and another (someone leaving, say) can
    // replace it before we look.
    await this.membersRegion.getByRole('listitem').filter({ hasText: displayName }).first().waitFor();
  }

  private dialog(spaceName: string): Locator {
    return this.page.getByRole('dialog', { name: text('invite.dialogTitle', { space: spaceName }) });
  }

  /** Opens the invite dialog, makes a new link, reads it, and closes the dialog. */
  async createInviteLink(spaceName: string): Promise<string> {
    await this.button('space.inviteOpen').click();
    const dialog = this.dialog(spaceName);
    await dialog.getByRole('button', { name: text('invite.create'), exact: true }).click();
    const link = dialog.getByRole('textbox', { name: text('invite.linkLabel'), exact: true });
    await link.waitFor();
    const url = await link.inputValue();
    await dialog.getByRole('button', { name: text('invite.close'), exact: true }).click();
    return url;
  }

  /** The open invites listed in the dialog (their "Revoke" buttons' names); expects at least one. */
  async openInvites(spaceName: string): Promise<string[]> {
    await this.button('space.inviteOpen').click();
    const dialog = this.dialog(spaceName);
    const list = dialog.getByRole('region', { name: text('invite.openTitle') });
    await list.getByRole('listitem').first().waitFor();
    const names = await list.getByRole('button').evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''));
    await dialog.getByRole('button', { name: text('invite.close'), exact: true }).click();
    return names;
  }

  async revokeFirstInvite(spaceName: string): Promise<void> {
    await this.button('space.inviteOpen').click();
    const dialog = this.dialog(spaceName);
    const list = dialog.getByRole('region', { name: text('invite.openTitle') });
    const revokeButtons = list.getByRole('button', { name: /^Revoke/ });
    await revokeButtons.first().waitFor();
    const before = await revokeButtons.count();
    await revokeButtons.first().click();
    // Closing before the server has answered would race the revoke.
    await expect.poll(() => revokeButtons.count()).toBeLessThan(before);
    await dialog.getByRole('button', { name: text('invite.close'), exact: true }).click();
  }

  async openSafetyCode(): Promise<void> {
    await this.link('space.safetyLink').click();
  }

  /** Removes another member: a real tap on their "Remove…" button, the question, then the confirmation. */
  async removeMember(spaceName: string, memberName: string): Promise<void> {
    await this.page.getByRole('button', { name: text('space.removeMember', { name: memberName }), exact: true }).click();
    const dialog = this.page.getByRole('alertdialog', { name: text('remove.title', { name: memberName, space: spaceName }) });
    await dialog.getByText(text('remove.alreadySeen', { name: memberName }), { exact: true }).waitFor();
    await dialog.getByRole('button', { name: text('remove.confirm', { name: memberName }), exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  async leave(spaceName: string, options: { erase?: boolean } = {}): Promise<void> {
    await this.button('space.leaveOpen').click();
    const dialog = this.page.getByRole('alertdialog', { name: text('leave.title', { space: spaceName }) });
    if (options.erase) await dialog.getByRole('checkbox', { name: text('leave.erase'), exact: true }).check();
    await dialog.getByRole('button', { name: text('leave.confirm'), exact: true }).click();
  }
}
