import { PageModel, text } from './base.ts';
import { RecoveryCodePage } from './recovery-code-page.ts';

export class SignUpPage extends PageModel {
  async goto(next?: string): Promise<void> {
    await this.page.goto(next ? `/signup?next=${encodeURIComponent(next)}` : '/signup');
    await this.heading(text('signUp.title')).waitFor();
  }

  async fill(email: string, password: string, options: { remember?: boolean; confirm?: string; name?: string } = {}): Promise<void> {
    if (options.name) await this.field('field.myNameOptional').fill(options.name);
    await this.field('field.email').fill(email);
    await this.field('field.password').fill(password);
    await this.field('field.confirmPassword').fill(options.confirm ?? password);
    await this.field('field.remember').setChecked(options.remember ?? false);
  }

  async submit(): Promise<void> {
    await this.button('signUp.submit').click();
  }

  /** Creates the account and returns the recovery code shown afterwards (not yet confirmed). */
  async signUp(email: string, password: string, options: { remember?: boolean; name?: string } = {}): Promise<string> {
    await this.fill(email, password, options);
    await this.submit();
    return new RecoveryCodePage(this.page).code();
  }

  /** Sign-up plus the recovery-code confirmation, the usual path. */
  async signUpAndConfirm(email: string, password: string, options: { remember?: boolean; name?: string } = {}): Promise<string> {
    const code = await this.signUp(email, password, options);
    await new RecoveryCodePage(this.page).confirm(code);
    return code;
  }

  /** What the password field's guidance says (hint, strength, and any common-password warning). */
  async passwordGuidance(): Promise<string> {
    return this.description(this.field('field.password'));
  }

  /** Types a password (nothing else) and returns the guidance once its strength shows. */
  async guidanceFor(password: string): Promise<string> {
    await this.field('field.password').fill(password);
    await this.page.getByText(new RegExp(`^${text('password.strengthLabel', { level: '.+' })}$`)).waitFor();
    return this.passwordGuidance();
  }

  async warnsEasyToGuess(): Promise<boolean> {
    return (await this.passwordGuidance()).includes(text('password.easyToGuess'));
  }
}
