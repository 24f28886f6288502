import { PageModel, text } from './base.ts';

export class SignInPage extends PageModel {
  async goto(next?: string): Promise<void> {
    await this.page.goto(next ? `/signin?next=${encodeURIComponent(next)}` : '/signin');
    await this.heading(text('signIn.title')).waitFor();
  }

  async signIn(email: string, password: string, options: { remember?: boolean } = {}): Promise<void> {
    await this.field('field.email').fill(email);
    await this.field('field.password').fill(password);
    await this.field('field.remember').setChecked(options.remember ?? false);
    await this.button('signIn.submit').click();
  }

  async forgotPassword(): Promise<void> {
    await this.link('signIn.forgot').click();
  }
}
