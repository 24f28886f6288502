import { PageModel, text } from './base.ts';

export class WelcomePage extends PageModel {
  async goto(): Promise<void> {
    await this.page.goto('/');
    await this.heading(text('welcome.title')).waitFor();
  }
  async createAccount(): Promise<void> {
    await this.link('welcome.createAccount').click();
  }
  async signIn(): Promise<void> {
    await this.page.getByRole('main').getByRole('link', { name: text('welcome.signIn'), exact: true }).click();
  }
}
