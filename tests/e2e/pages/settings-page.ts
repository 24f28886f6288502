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
    const form = this.page.getByRole('region', { name: text('settings.securityTitle') });
    const disclosure = form.locator('details');
    if (!(await disclosure.evaluate((d) => (d as HTMLDetailsElement).open))) await disclosure.locator('summary').click();
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

/** Account's "App lock on this device", by taps. */
export class AppLockSettingsPage extends SettingsPage {
  get region(): Locator {
    return this.page.getByRole('region', { name: text('appLock.title') });
  }

  private async tapAndType(control: Locator, value: string): Promise<void> {
    await control.tap();
    await this.page.keyboard.type(value);
  }

  private async open(summary: string): Promise<Locator> {
    const disclosure = this.region.locator('details').filter({ has: this.page.locator('summary', { hasText: summary }) });
    if (!(await disclosure.evaluate((d) => (d as HTMLDetailsElement).open))) await disclosure.locator('summary').tap();
    return disclosure;
  }

  async setPin(pin: string, password: string, title: 'appLock.pinSetTitle' | 'appLock.pinChangeTitle' = 'appLock.pinSetTitle'): Promise<void> {
    const form = await this.open(text(title));
    await this.tapAndType(form.getByLabel(text('field.newPin'), { exact: true }), pin);
    await this.tapAndType(form.getByLabel(text('field.confirmPin'), { exact: true }), pin);
    await this.tapAndType(form.getByLabel(text('appLock.passwordLabel'), { exact: true }), password);
    await form.getByRole('button', { name: text('appLock.pinSubmit'), exact: true }).tap();
    await this.region.getByText(text('appLock.pinOn'), { exact: true }).waitFor();
  }

  async chooseIdle(minutes: number): Promise<void> {
    const label = minutes === 0 ? text('appLock.idle.off') : text('appLock.idle.minutes', { count: minutes });
    await this.region.getByLabel(text('appLock.idleLabel'), { exact: true }).selectOption({ label });
    await this.announcement(text('live.idleSaved')).waitFor();
  }

  platformButton(): Locator {
    return this.region.getByRole('button', { name: text('appLock.platformAdd'), exact: true });
  }

  async turnOnPlatform(): Promise<void> {
    await this.platformButton().tap();
    await this.region.getByText(text('appLock.platformOn'), { exact: true }).waitFor();
  }
}
