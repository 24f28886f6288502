import type { Locator } from 'playwright-core';
import { PageModel, text } from './base.ts';

export class SettingsPage extends PageModel {
  async goto(): Promise<void> {
    await this.page.goto('/settings');
    await this.waitFor();
  }

  async waitFor(): Promise<void> {
    await this.heading(text('settings.title')).waitFor();
  }

  get sessionsRegion(): Locator {
    return this.page.getByRole('region', { name: text('settings.sessionsTitle') });
  }

  /** One line per signed-in device; the current one includes "This device". */
  async sessions(): Promise<string[]> {
    const items = this.sessionsRegion.getByRole('listitem');
    await items.first().waitFor();
    return this.spokenTexts(items);
  }

  async signOutSession(deviceLabel: string): Promise<void> {
    await this.sessionsRegion.getByRole('button', { name: text('settings.signOutSessionLabel', { device: deviceLabel }) }).click();
  }

  async signOutOthers(): Promise<void> {
    await this.button('settings.signOutOthers').click();
  }

  async changePassword(current: string, next: string): Promise<void> {
    const form = this.page.getByRole('region', { name: text('settings.passwordTitle') });
    await form.getByLabel(text('field.currentPassword'), { exact: true }).fill(current);
    await form.getByLabel(text('field.newPassword'), { exact: true }).fill(next);
    await form.getByLabel(text('field.confirmNewPassword'), { exact: true }).fill(next);
    await form.getByRole('button', { name: text('settings.passwordSubmit'), exact: true }).click();
    await this.announcement(text('live.passwordChanged')).waitFor();
  }

  async lockNow(): Promise<void> {
    await this.button('settings.lockNow').click();
  }

  async signOut(): Promise<void> {
    await this.button('settings.signOut').click();
  }

  async deleteAccount(password: string): Promise<void> {
    await this.button('settings.deleteOpen').click();
    const dialog = this.page.getByRole('alertdialog', { name: text('delete.title') });
    await dialog.getByLabel(text('delete.passwordLabel'), { exact: true }).fill(password);
    await dialog.getByRole('button', { name: text('delete.confirm'), exact: true }).click();
  }
}
