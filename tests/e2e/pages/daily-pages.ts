/** The question of the day: its card on Today (one per space), its screen and its history. */
import type { Locator } from 'playwright-core';
import { PageModel, text } from './base.ts';

export class DailyCard extends PageModel {
  /** The card of one shared space ('personal' for the one just for me). */
  region(space: string | 'personal'): Locator {
    const where = space === 'personal' ? text('daily.justYou') : text('daily.inSpace', { space });
    return this.page.getByRole('region', { name: `${text('daily.title')} ${where}`, exact: true });
  }

  question(space: string | 'personal', question: string): Locator {
    return this.region(space).getByText(question, { exact: true });
  }
}

export class DailyQuestionPage extends PageModel {
  async goto(spaceId: string): Promise<void> {
    await this.page.goto(`/spaces/${spaceId}/question`);
    await this.waitFor();
  }

  async waitFor(): Promise<void> {
    await this.heading(text('daily.title')).waitFor();
  }

  /** The question, as the heading of its card. */
  question(): Locator {
    return this.page.getByRole('heading', { level: 2 }).first();
  }

  async answer(line: string): Promise<void> {
    await this.field('daily.answerLabel').fill(line);
  }

  /** The calm "you're in" line after answering. */
  inLine(): Locator {
    return this.page.getByRole('status').filter({ hasText: text('daily.in') }).first();
  }

  /** Everyone's answers once open: each person's name (or "You") and their line. */
  async openAnswers(): Promise<string[]> {
    const list = this.page.locator('.daily-answers').first();
    await list.waitFor();
    return list.getByRole('listitem').evaluateAll((items) =>
      items.map((item) => [...item.children].map((el) => (el.textContent ?? '').trim()).join(' ')),
    );
  }
}

export class DailyHistoryPage extends PageModel {
  async waitFor(): Promise<void> {
    await this.heading(text('daily.history')).waitFor();
  }

  entries(): Locator {
    return this.page.getByRole('list').filter({ has: this.page.locator('.daily-question') }).first().getByRole('listitem').filter({ has: this.page.locator('.daily-question') });
  }
}
