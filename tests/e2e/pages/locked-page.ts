import { PageModel, text } from './base.ts';

export class LockedPage extends PageModel {
  async waitFor(): Promise<void> {
    await this.heading(text('locked.title')).waitFor();
  }

  async isShown(): Promise<boolean> {
    return this.heading(text('locked.title')).isVisible();
  }

  async unlock(password: string): Promise<void> {
    await this.waitFor();
    await this.field('field.password').fill(password);
    await this.button('locked.submit').click();
    await this.heading(text('locked.title')).waitFor({ state: 'detached' });
  }

  /** Unlock expected to fail: leaves the lock screen up and the error shown. */
  async tryUnlock(password: string): Promise<void> {
    await this.field('field.password').fill(password);
    await this.button('locked.submit').click();
  }

  async signOut(): Promise<void> {
    await this.button('locked.signOut').click();
  }
}

/** The lock screen as a phone user meets it: every control reached by a tap, digits typed on the keypad. */
export class AppLockScreen extends LockedPage {
  async tapAndType(control: import('playwright-core').Locator, value: string): Promise<void> {
    await control.tap();
    await this.page.keyboard.type(value);
  }

  async waitForPin(): Promise<void> {
    await this.page.getByText(text('locked.introPin'), { exact: true }).waitFor();
  }

  async waitForPassword(): Promise<void> {
    await this.page.getByText(text('locked.intro'), { exact: true }).waitFor();
  }

  /** One PIN try by taps; resolves once the try is answered (the app opens, or the screen says why not). */
  async tryPin(pin: string): Promise<void> {
    await this.tapAndType(this.field('field.pin'), pin);
    await this.button('locked.submit').tap();
  }

  async unlockWithPin(pin: string): Promise<void> {
    await this.waitForPin();
    await this.tryPin(pin);
    await this.heading(text('locked.title')).waitFor({ state: 'detached' });
  }

  async unlockWithPasswordByTaps(password: string): Promise<void> {
    await this.waitForPassword();
    await this.tapAndType(this.field('field.password'), password);
    await this.button('locked.submit').tap();
    await this.heading(text('locked.title')).waitFor({ state: 'detached' });
  }

  /** What the lock screen says, read as text (to prove nothing personal is on it). */
  async screenText(): Promise<string> {
    return this.page.locator('body').innerText();
  }
}
