/**
 * Page models for exercises (answer alone, reveal together): the space's Exercises region, starting
 * one, answering, waiting, the reveal with notes, reading together, and Just me.
 */
import type { Locator } from 'playwright-core';
import { PageModel, text } from './base.ts';

const ROUND_URL = /\/spaces\/[0-9a-f-]{36}\/rounds\/([0-9a-f-]{36})$/;

export class ExercisesRegion extends PageModel {
  get region(): Locator {
    return this.page.getByRole('region', { name: text('exercises.title'), exact: true });
  }

  async startExercise(): Promise<void> {
    await this.region.getByRole('link', { name: text('exercises.start'), exact: true }).click();
  }

  /** The rounds listed, each as its link text (the exercise's title). */
  roundLinks(title: string): Locator {
    return this.region.getByRole('link', { name: title, exact: true });
  }

  async openRound(title: string): Promise<void> {
    await this.roundLinks(title).first().click();
  }
}

export class NewRoundPage extends PageModel {
  async waitFor(): Promise<void> {
    await this.heading(text('newRound.title')).waitFor();
  }

  async pick(exerciseTitle: string): Promise<void> {
    await this.page.getByRole('radio', { name: exerciseTitle, exact: true }).check();
  }

  /** In a space of three or more: choose whether a member takes part. */
  async setParticipant(name: string, on: boolean): Promise<void> {
    await this.page.getByRole('group', { name: text('newRound.who') }).getByRole('checkbox', { name, exact: true }).setChecked(on);
  }

  /** Starts it and returns the new round's id (from the address). */
  async start(): Promise<string> {
    await this.button('newRound.submit').click();
    await this.page.waitForURL(ROUND_URL);
    return ROUND_URL.exec(new URL(this.page.url()).pathname)![1]!;
  }
}

export class RoundPage extends PageModel {
  async goto(spaceId: string, roundId: string): Promise<void> {
    await this.page.goto(`/spaces/${spaceId}/rounds/${roundId}`);
  }

  async waitFor(exerciseTitle: string): Promise<void> {
    await this.heading(exerciseTitle).waitFor();
  }

  /**
   * Begins on the whole list, the layout these journeys answer on (phones start one question per
   * screen: that has its own journey, reading-together.test.ts). The choice stays on the device.
   */
  async begin(): Promise<void> {
    await this.button('exercise.begin').click();
    await this.showAllQuestions();
  }

  /** Switches to the whole list when one question per screen is showing. */
  async showAllQuestions(): Promise<void> {
    const showAll = this.button('exercise.showAll');
    await showAll.or(this.button('exercise.oneAtATime')).waitFor();
    if (await showAll.count()) await showAll.click();
    await this.button('exercise.oneAtATime').waitFor();
  }

  /** Begins one question per screen (a phone's default, or switched back to it). */
  async beginOneAtATime(): Promise<void> {
    await this.button('exercise.begin').click();
    const oneAtATime = this.button('exercise.oneAtATime');
    await oneAtATime.or(this.button('exercise.showAll')).waitFor();
    if (await oneAtATime.count()) await oneAtATime.click();
    await this.button('exercise.showAll').waitFor();
  }

  /** The current question's heading, as read aloud ("Question 3 of 8 I feel safest when…"). */
  questionHeading(): Locator {
    return this.page.getByRole('main').getByRole('heading', { level: 2 }).first();
  }

  item(prompt: string): Locator {
    return this.page.getByRole('group', { name: prompt });
  }

  async answer(prompt: string, answer: string): Promise<void> {
    await this.page.getByRole('textbox', { name: prompt, exact: true }).fill(answer);
  }

  async pass(prompt: string): Promise<void> {
    await this.item(prompt).getByRole('checkbox', { name: text('exercise.pass'), exact: true }).check();
  }

  /** The visible "Saved on this device" line after a draft was written. */
  async waitForDraftSaved(): Promise<void> {
    await this.page.getByRole('main').getByText(text('exercise.draftSaved'), { exact: true }).waitFor();
  }

  sealDialog(): Locator {
    return this.page.getByRole('alertdialog', { name: text('round.sealTitle') });
  }

  /** Opens the confirm dialog and seals; waits for the waiting state (or the reveal, for the last one). */
  async seal(): Promise<void> {
    await this.button('round.seal').click();
    await this.sealDialog().getByRole('button', { name: text('round.sealConfirm'), exact: true }).click();
    await this.page
      .getByRole('heading', { level: 2, name: text('round.waitingTitle'), exact: true })
      .or(this.page.getByRole('main').getByText(text('round.revealedLead'), { exact: true }))
      .waitFor();
  }

  /** The "where everyone is" lines, e.g. "Sam has sealed their answers". */
  async sealStatuses(): Promise<string[]> {
    return this.spokenTexts(this.page.getByRole('list', { name: text('round.statusTitle') }).getByRole('listitem'));
  }

  statusLine(line: string): Locator {
    return this.page.getByRole('list', { name: text('round.statusTitle') }).getByRole('listitem').filter({ hasText: line });
  }

  async withdraw(): Promise<void> {
    await this.button('round.withdrawOpen').click();
    await this.page
      .getByRole('alertdialog', { name: text('round.withdrawTitle') })
      .getByRole('button', { name: text('round.withdrawConfirm'), exact: true })
      .click();
  }

  async waitForRevealed(timeout = 30_000): Promise<void> {
    await this.page.getByRole('main').getByText(text('round.revealedLead'), { exact: true }).waitFor({ timeout });
  }

  /** One line's section in the reveal. */
  revealedItem(prompt: string): Locator {
    return this.page.getByRole('region', { name: prompt });
  }

  /** "Name" + answer for each person on one line, as read aloud. */
  async answersTo(prompt: string): Promise<string[]> {
    return this.spokenTexts(this.revealedItem(prompt).getByRole('list').first().getByRole('listitem'));
  }

  async addNote(prompt: string, note: string): Promise<void> {
    const item = this.revealedItem(prompt);
    await item.getByRole('button', { name: text('round.addNote'), exact: true }).click();
    await item.getByRole('textbox', { name: text('round.noteLabel'), exact: true }).fill(note);
    await item.getByRole('button', { name: text('round.noteSubmit'), exact: true }).click();
    await item.getByRole('listitem').filter({ hasText: note }).waitFor();
  }

  /** Deletes one of my notes, with a real tap on its button and on the confirmation. */
  async deleteNote(prompt: string, note: string): Promise<void> {
    await this.note(prompt, note).getByRole('button', { name: text('round.noteDelete'), exact: true }).click();
    const dialog = this.page.getByRole('alertdialog', { name: text('round.noteDeleteTitle') });
    await dialog.getByText(text('round.noteDeleteBody'), { exact: true }).waitFor();
    await dialog.getByRole('button', { name: text('round.noteDeleteConfirm'), exact: true }).click();
    await this.note(prompt, note).waitFor({ state: 'detached' });
  }

  note(prompt: string, note: string): Locator {
    return this.revealedItem(prompt).getByRole('list', { name: text('round.notesTitle') }).getByRole('listitem').filter({ hasText: note });
  }

  async readTogether(): Promise<void> {
    await this.link('round.readTogether').click();
  }

  /** "Sam started reading your answers together": the live invitation (on Today or here). */
  invitation(name: string): Locator {
    return this.page.getByRole('region', { name: text('invite.started', { name }), exact: true });
  }

  async mainText(): Promise<string> {
    return this.page.getByRole('main').innerText();
  }
}

export class ReadTogetherPage extends PageModel {
  async waitFor(): Promise<void> {
    await this.heading(text('read.title')).waitFor();
  }

  async eachOnOwnDevice(): Promise<void> {
    await this.button('read.eachDevice').click();
  }

  async togetherOnThisDevice(): Promise<void> {
    await this.button('read.oneDevice').click();
  }

  /** "Sam reads" / "You read": the current step's heading. */
  stepHeading(): Locator {
    return this.page.getByRole('heading', { level: 2 });
  }

  /** The current step's card as read aloud ("Line 2 of 3 · Step 3 of 6 …"): the same on every screen that follows. */
  async where(): Promise<string> {
    return (await this.page.getByRole('main').getByRole('region').first().innerText()).replace(/\s+/g, ' ').replace(/You read|\S+ reads/, '').trim();
  }

  async reader(): Promise<string> {
    return (await this.stepHeading().innerText()).trim();
  }

  /** The text read aloud in the current step (stem and answer, rewritten). */
  async readAloud(): Promise<string> {
    return (await this.page.locator('blockquote').innerText()).replace(/\s+/g, ' ').trim();
  }

  /** The words the app rewrote in the current step (highlighted). */
  async rewrittenWords(): Promise<string[]> {
    return this.page.locator('blockquote mark').allInnerTexts();
  }

  async next(): Promise<void> {
    await this.button('read.next').click();
  }

  async previous(): Promise<void> {
    await this.button('read.previous').click();
  }

  /** "Sam said thank you" / "You said thank you", with any few words, as listed on screen. */
  async thanks(): Promise<string[]> {
    return this.spokenTexts(this.page.getByRole('list', { name: text('close.thanksTitle') }).getByRole('listitem'));
  }
}

export class JustMePage extends PageModel {
  async goto(): Promise<void> {
    await this.page.goto('/just-me');
    await this.waitFor();
  }

  async waitFor(): Promise<void> {
    await this.heading(text('justMe.title')).waitFor();
  }

  async doAlone(exerciseTitle: string): Promise<void> {
    await this.link('justMe.doAlone', { title: exerciseTitle }).click();
  }

  async saveReflection(): Promise<void> {
    await this.button('alone.save').click();
  }

  reflections(): Locator {
    return this.page.getByRole('region', { name: text('justMe.reflectionsTitle') }).getByRole('link');
  }
}
