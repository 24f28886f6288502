import type { Locator } from 'playwright-core';
import { LIBRARY } from '../../../content/library.ts';
import { PageModel, text } from './base.ts';

type Question = 'now' | 'matters';

function dimension(id: string) {
  const d = LIBRARY.dimensions.find((x) => x.id === id);
  if (!d) throw new Error(`unknown dimension ${id}`);
  return d;
}

/** A dimension's question as written in the content ("How close do we feel…"). */
export function promptOf(dimensionId: string, question: Question): string {
  const d = dimension(dimensionId);
  return question === 'now' ? d.closenessPrompt : d.importancePrompt;
}

export function dimensionTitle(dimensionId: string): string {
  return dimension(dimensionId).title;
}

/** The self-assessment: the questions, then the result with its chart, ideas, comparing and history. */
export class AssessmentPage extends PageModel {
  async goto(): Promise<void> {
    await this.page.goto('/assessment');
    await this.waitFor();
  }

  async waitFor(): Promise<void> {
    await this.heading(text('assessment.title')).waitFor();
  }

  /** Waits for the questions (a first visit, or after "Take it again"). */
  async waitForForm(): Promise<void> {
    await this.button('assessment.submit').waitFor();
  }

  /** One question, as a group of radios named by its prompt. */
  scale(dimensionId: string, question: Question): Locator {
    return this.page.getByRole('group', { name: promptOf(dimensionId, question), exact: true });
  }

  async choose(dimensionId: string, question: Question, value: number): Promise<void> {
    // The number, read with its word at the ends and middle ("0, not close").
    await this.scale(dimensionId, question).getByRole('radio', { name: new RegExp(`^${value}(\\s*,|$)`) }).check();
  }

  /** Passes a question that was answered (a question never answered is passed already). */
  async pass(dimensionId: string, question: Question): Promise<void> {
    await this.button('assessment.passNamed', { question: promptOf(dimensionId, question) }).click();
  }

  /** Answers: dimensionId -> {now, matters}; anything left out is passed. */
  async answer(answers: Record<string, { now?: number; matters?: number }>): Promise<void> {
    for (const [id, a] of Object.entries(answers)) {
      if (a.now !== undefined) await this.choose(id, 'now', a.now);
      if (a.matters !== undefined) await this.choose(id, 'matters', a.matters);
    }
  }

  async seeResult(): Promise<void> {
    await this.button('assessment.submit').click();
    await this.result().waitFor();
  }

  result(): Locator {
    return this.page.getByRole('region', { name: text('assessment.resultTitle'), exact: true });
  }

  summary(): Locator {
    return this.page.getByRole('region', { name: text('assessment.summaryTitle'), exact: true });
  }

  chart(): Locator {
    return this.page.getByRole('region', { name: text('assessment.chartTitle'), exact: true });
  }

  /** The chart's rows as read aloud, one string per dimension (bars are hidden; numbers are text). */
  async chartRows(): Promise<string[]> {
    return this.spokenTexts(this.chart().getByRole('listitem'));
  }

  ideas(dimensionId: string): Locator {
    return this.page.getByRole('region', { name: text('assessment.ideasTitle', { dimension: dimensionTitle(dimensionId) }), exact: true });
  }

  ideasPicker(): Locator {
    return this.field('assessment.ideasFor');
  }

  compare(): Locator {
    return this.page.getByRole('region', { name: text('assessment.compareTitle'), exact: true });
  }

  history(): Locator {
    return this.page.getByRole('region', { name: text('assessment.historyTitle'), exact: true });
  }

  /** A notice that everything was passed (nothing saved). */
  nothingAnswered(): Locator {
    return this.page.getByRole('alert').filter({ hasText: text('assessment.nothingAnswered') });
  }

  async takeAgain(): Promise<void> {
    await this.button('assessment.again').click();
    await this.waitForForm();
  }
}

/** What gets in the way: tick obstacles, see a card of impact, strategies and links for each. */
export class ObstaclesPage extends PageModel {
  async goto(): Promise<void> {
    await this.page.goto('/obstacles');
    await this.waitFor();
  }

  async waitFor(): Promise<void> {
    await this.heading(text('obstacles.title')).waitFor();
  }

  picker(): Locator {
    return this.page.getByRole('group', { name: text('obstacles.pickerLegend'), exact: true });
  }

  checkbox(title: string): Locator {
    return this.picker().getByRole('checkbox', { name: title, exact: true });
  }

  async tick(title: string, on = true): Promise<void> {
    await this.checkbox(title).setChecked(on);
  }

  ideas(): Locator {
    return this.page.getByRole('region', { name: text('obstacles.resultsTitle'), exact: true });
  }

  /** The card of one ticked obstacle, named by its title. */
  card(title: string): Locator {
    return this.ideas().getByRole('region', { name: title, exact: true });
  }

  privacyNote(): Locator {
    return this.page.getByText(text('obstacles.private'), { exact: true });
  }
}
