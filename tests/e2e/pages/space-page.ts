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

  /** The invitation the screen leads with while nobody else has joined. */
  get inviteLead(): Locator {
    return this.page.getByRole('region', { name: text('space.inviteLeadTitle') });
  }

  /** The invitation: the one the screen leads with, or the dialog's once someone has joined. */
  private async invitePanel(spaceName: string): Promise<{ panel: Locator; close: () => Promise<void> }> {
    await this.heading(spaceName).waitFor();
    if (await this.inviteLead.count()) return { panel: this.inviteLead, close: async () => {} };
    await this.button('space.inviteOpen').click();
    const dialog = this.dialog(spaceName);
    return { panel: dialog, close: () => dialog.getByRole('button', { name: text('invite.close'), exact: true }).click() };
  }

  /** The link the screen leads with (made with the place), once it has loaded. */
  async leadingInviteLink(): Promise<string> {
    const link = this.inviteLead.getByRole('textbox', { name: text('invite.linkLabel'), exact: true });
    await link.waitFor();
    return link.inputValue();
  }

  /** Makes a new invite link with a tap and returns it. */
  async createInviteLink(spaceName: string): Promise<string> {
    const { panel, close } = await this.invitePanel(spaceName);
    const link = panel.getByRole('textbox', { name: text('invite.linkLabel'), exact: true });
    const create = panel.getByRole('button', { name: new RegExp(`^(${text('invite.create')}|${text('invite.createAnother')})$`) });
    await create.waitFor();
    const before = (await link.count()) ? await link.inputValue() : null;
    await create.click();
    // Polled by hand: journeys call this from beforeAll, where expect.poll is not allowed.
    let url = before;
    for (const deadline = Date.now() + 10_000; url === before && Date.now() < deadline; ) {
      await this.page.waitForTimeout(100);
      url = (await link.count()) ? await link.inputValue() : null;
    }
    if (!url || url === before) throw new Error('No new invite link appeared');
    await close();
    return url;
  }

  private openInvitesList(panel: Locator): Locator {
    return panel.locator('details', { has: this.page.getByText(/open invites?$/) });
  }

  /** The open invites listed (their "Revoke" buttons' names); expects at least one. */
  async openInvites(spaceName: string): Promise<string[]> {
    const { panel, close } = await this.invitePanel(spaceName);
    const list = this.openInvitesList(panel);
    await list.waitFor();
    if (!(await list.evaluate((d) => (d as HTMLDetailsElement).open))) await list.getByText(/open invites?$/).click();
    await list.getByRole('listitem').first().waitFor();
    const names = await list.getByRole('button').evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''));
    await close();
    return names;
  }

  async revokeFirstInvite(spaceName: string): Promise<void> {
    const { panel, close } = await this.invitePanel(spaceName);
    const list = this.openInvitesList(panel);
    await list.waitFor();
    if (!(await list.evaluate((d) => (d as HTMLDetailsElement).open))) await list.getByText(/open invites?$/).click();
    const revokeButtons = list.getByRole('button', { name: /^Revoke/ });
    await revokeButtons.first().waitFor();
    const before = await revokeButtons.count();
    await revokeButtons.first().click();
    // Closing before the server has answered would race the revoke.
    await expect.poll(() => revokeButtons.count()).toBeLessThan(before);
    await close();
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
