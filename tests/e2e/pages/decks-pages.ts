/**
 * Page models for conversation decks: the list of decks with my favourite questions, and one
 * deck asked together on one device (depth, shuffle, next, skip, keep as favourite, the end card).
 */
import type { Locator } from 'playwright-core';
import type { Depth } from '../../../src/shared/library.ts';
import { PageModel, pattern, text } from './base.ts';

export class DecksPage extends PageModel {
  async goto(): Promise<void> {
    await this.page.goto('/decks');
    await this.waitFor();
  }

  async waitFor(): Promise<void> {
    await this.heading(text('decks.title')).waitFor();
  }

  /** A group of decks ("By kind of closeness", "For talking, tired days and fun"). */
  group(key: 'decks.byDimension' | 'decks.more'): Locator {
    return this.page.getByRole('region', { name: text(key), exact: true });
  }

  deckLink(title: string): Locator {
    return this.page.getByRole('link', { name: title, exact: true });
  }

  async openDeck(title: string): Promise<DeckPage> {
    await this.deckLink(title).click();
    const deck = new DeckPage(this.page);
    await deck.waitFor(title);
    return deck;
  }

  get favourites(): Locator {
    return this.page.getByRole('region', { name: text('decks.favouritesTitle'), exact: true });
  }

  /** The favourite questions listed, each a link to its deck. */
  async favouriteTexts(): Promise<string[]> {
    if (!(await this.favourites.count())) return [];
    return (await this.favourites.getByRole('link').allInnerTexts()).map((s) => s.trim());
  }

  async openFavourite(question: string, deckTitle: string): Promise<DeckPage> {
    await this.favourites.getByRole('link', { name: question, exact: true }).click();
    const deck = new DeckPage(this.page);
    await deck.waitFor(deckTitle);
    return deck;
  }
}

export class DeckPage extends PageModel {
  async goto(deckId: string, title: string): Promise<void> {
    await this.page.goto(`/decks/${deckId}`);
    await this.waitFor(title);
  }

  async waitFor(title: string): Promise<void> {
    await this.heading(title).waitFor();
  }

  get together(): Locator {
    return this.page.getByRole('region', { name: text('decks.togetherTitle'), exact: true });
  }

  /** "How to ask and listen": a disclosure whose summary is its toggle. */
  guideToggle(): Locator {
    return this.page.getByText(text('decks.guideTitle'), { exact: true });
  }

  async guideIsOpen(): Promise<boolean> {
    return this.guideToggle().evaluate((summary) => (summary.parentElement as HTMLDetailsElement).open);
  }

  depthRadio(depth: Depth | 'all'): Locator {
    return this.together.getByRole('group', { name: text('decks.depth'), exact: true }).getByRole('radio', { name: text(`decks.depth.${depth}`), exact: true });
  }

  async chooseDepth(depth: Depth | 'all'): Promise<void> {
    await this.depthRadio(depth).check();
  }

  /** "Question 3 of 9", as shown on the card. */
  async position(): Promise<string> {
    return (await this.together.getByText(pattern('decks.position')).innerText()).trim();
  }

  /** The question on the card (the card's heading). */
  async question(): Promise<string> {
    return (await this.together.getByRole('heading', { level: 3 }).innerText()).trim();
  }

  next(): Locator {
    return this.together.getByRole('button', { name: text('decks.next'), exact: true });
  }

  skip(): Locator {
    return this.together.getByRole('button', { name: text('decks.skip'), exact: true });
  }

  /** The favourite toggle, by either of its names (its state is aria-pressed). */
  keepToggle(): Locator {
    return this.together.getByRole('button', { name: text('decks.keep'), exact: true });
  }

  shuffle(): Locator {
    return this.together.getByRole('button', { name: text('decks.shuffle'), exact: true });
  }

  inOrder(): Locator {
    return this.together.getByRole('button', { name: text('decks.inOrder'), exact: true });
  }

  endHeading(): Locator {
    return this.together.getByRole('heading', { name: text('decks.endTitle'), exact: true });
  }

  startAgain(): Locator {
    return this.together.getByRole('button', { name: text('decks.startAgain'), exact: true });
  }

  backToSkipped(count: number): Locator {
    return this.together.getByRole('button', { name: text('decks.backToSkipped', { count }), exact: true });
  }

  /** Opens "Answer this one privately" and returns its list of ways to answer. */
  async answerOptions(): Promise<Locator> {
    await this.page.getByText(text('decks.answerTitle'), { exact: true }).click();
    const list = this.page.getByRole('list', { name: text('decks.answerTitle'), exact: true });
    await list.waitFor();
    return list;
  }
}
