import { PageModel, pattern, text } from './base.ts';

export class SafetyCodePage extends PageModel {
  async goto(spaceId: string): Promise<void> {
    await this.page.goto(`/spaces/${spaceId}/safety`);
  }

  /** The 60 digits, without spaces, for comparing two members' screens. */
  async code(): Promise<string> {
    await this.heading(text('safety.title')).waitFor();
    const group = this.page.getByRole('group', { name: pattern('safety.codeLabel') });
    return (await group.innerText()).replace(/\D/g, '');
  }
}
