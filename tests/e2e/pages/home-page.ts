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

  /** The names of the shared spaces listed (each is a link). */
  async sharedSpaceNames(): Promise<string[]> {
    return this.spacesRegion.getByRole('listitem').getByRole('link').allInnerTexts();
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
