import { PageModel, text } from './base.ts';

/** Shown once after sign-up and after recovery. */
export class RecoveryCodePage extends PageModel {
  async waitFor(): Promise<void> {
    await this.heading(text('recoveryCode.title')).waitFor();
  }

  /** The code as shown (groups joined by dashes). */
  async code(): Promise<string> {
    await this.waitFor();
    const shown = await this.page.getByRole('group', { name: text('recoveryCode.codeLabel'), exact: true }).innerText();
    return shown.replace(/\s+/g, '');
  }

  /** Types the last two groups back and continues. */
  async confirm(code: string): Promise<void> {
    const groups = code.split(/[\s-]+/).filter(Boolean);
    await this.field('recoveryCode.confirmLabel').fill(groups.slice(-2).join(' '));
    await this.button('recoveryCode.continue').click();
    await this.heading(text('recoveryCode.title')).waitFor({ state: 'detached' });
  }
}
