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
