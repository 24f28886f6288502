import { PageModel, text } from './base.ts';
import { RecoveryCodePage } from './recovery-code-page.ts';

export class RecoverPage extends PageModel {
  async goto(): Promise<void> {
    await this.page.goto('/recover');
    await this.heading(text('recover.title')).waitFor();
  }

  async fill(email: string, recoveryCode: string, newPassword: string, options: { remember?: boolean } = {}): Promise<void> {
    await this.field('field.email').fill(email);
    await this.field('field.recoveryCode').fill(recoveryCode);
    await this.field('field.newPassword').fill(newPassword);
    await this.field('field.confirmNewPassword').fill(newPassword);
    await this.field('field.remember').setChecked(options.remember ?? false);
  }

  /** Sets a new password with the recovery code; returns the NEW recovery code (not yet confirmed). */
  async recover(email: string, recoveryCode: string, newPassword: string, options: { remember?: boolean } = {}): Promise<string> {
    await this.fill(email, recoveryCode, newPassword, options);
    await this.button('recover.submit').click();
    return new RecoveryCodePage(this.page).code();
  }
}
