import type { Locator } from 'playwright-core';
import { PageModel, text } from './base.ts';

export class HomePage extends PageModel {
  async goto(): Promise<void> {
    await this.page.goto('/');
    await this.waitFor();
  }

  async waitFor(): Promise<void> {
    await this.heading(text('home.title')).waitFor();
  }

  get spacesRegion(): Locator {
    return this.page.getByRole('region', { name: text('home.spacesTitle') });
  }

  /** The names of the shared spaces listed (each is a link; "Just me" is not one of them). */
  async sharedSpaceNames(): Promise<string[]> {
    const names = await this.spacesRegion.getByRole('listitem').getByRole('link').allInnerTexts();
    return names.filter((n) => n.trim() !== text('home.personalTitle'));
  }

  async openJustMe(): Promise<void> {
    await this.spacesRegion.getByRole('link', { name: text('home.personalTitle'), exact: true }).click();
  }

  /** The calm "A new exercise is waiting in {space}" line, as a link. */
  roundWaitingLink(spaceName: string): Locator {
    return this.page.getByRole('link', { name: text('home.roundWaiting', { space: spaceName }), exact: true });
  }

  async openSpace(name: string): Promise<void> {
    await this.spacesRegion.getByRole('link', { name, exact: true }).click();
  }

  async createSpace(): Promise<void> {
    await this.link('home.createSpace').click();
  }

  /** The quiet connection line ("Up to date", "Offline…", "2 changes waiting to send."). */
  async syncStatus(): Promise<string> {
    return (await this.page.getByRole('note', { name: text('sync.label') }).innerText()).trim();
  }
}
