import { PageModel, text } from './base.ts';

export class NewSpacePage extends PageModel {
  async goto(): Promise<void> {
    await this.page.goto('/spaces/new');
    await this.heading(text('newSpace.title')).waitFor();
  }

  /** Creates the space and waits for its screen; returns its id (from the address). */
  /** `displayName` and `pronouns` are asked only of someone who never set a name. */
  async create(input: { name?: string; displayName?: string; pronouns?: string }): Promise<string> {
    await this.heading(text('newSpace.title')).waitFor();
    await this.field('field.spaceName').fill(input.name ?? '');
    if (await this.field('field.displayName').count()) {
      await this.field('field.displayName').fill(input.displayName ?? '');
      await this.field('field.pronouns').fill(input.pronouns ?? '');
    }
    await this.button('newSpace.submit').click();
    await this.page.waitForURL(/\/spaces\/[0-9a-f-]{36}$/);
    return new URL(this.page.url()).pathname.split('/').pop()!;
  }
}
