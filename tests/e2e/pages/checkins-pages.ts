import type { Locator } from 'playwright-core';
import type { AnyMessageKey as MessageKey } from '../../support/messages.ts';
import { PageModel, pattern, text } from './base.ts';

export interface CheckinValues {
  emotional: number;
  physical: number;
  energy?: number;
  pain?: number;
  stress?: number;
  note?: string;
  shareNote?: boolean;
}

/** The check-in: two scales, optional health scales, stress and a note behind "Add". */
export class CheckinPage extends PageModel {
  async goto(): Promise<void> {
    await this.page.goto('/checkin');
    await this.waitFor();
  }

  async waitFor(): Promise<void> {
    await this.heading(text('checkin.title')).waitFor();
  }

  /** The scale named by its question: a group holding one slider of the same name. */
  scale(key: MessageKey): Locator {
    return this.page.getByRole('group', { name: text(key), exact: true });
  }

  slider(key: MessageKey): Locator {
    return this.scale(key).getByRole('slider', { name: text(key), exact: true });
  }

  /**
   * Taps the slider where `value` sits, as a finger would (a mouse click where the device has no
   * touch): the knob's centre travels from half a knob in from the left end to half a knob in from
   * the right one.
   */
  async tapAt(key: MessageKey, value: number): Promise<void> {
    const slider = this.slider(key);
    const point = await this.pointFor(key, value);
    const box = (await slider.boundingBox())!;
    const position = { x: point.x - box.x, y: point.y - box.y };
    const touch = await this.page.evaluate(() => navigator.maxTouchPoints > 0);
    if (touch) await slider.tap({ position });
    else await slider.click({ position });
  }

  /** Where `value` sits on the slider, in page coordinates (the knob's centre there). */
  async pointFor(key: MessageKey, value: number): Promise<{ x: number; y: number }> {
    const slider = this.slider(key);
    // In the middle of the screen, clear of the phone's bottom bar.
    await slider.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    const box = (await slider.boundingBox())!;
    const knob = await slider.evaluate((el) => parseFloat(getComputedStyle(el.closest('.scale-slider')!).getPropertyValue('--knob')) * parseFloat(getComputedStyle(document.documentElement).fontSize));
    return { x: box.x + knob / 2 + (value / 10) * (box.width - knob), y: box.y + box.height / 2 };
  }

  /** A finger on the knob at `from`, slid sideways to `to`, and lifted (real touch events, through the DevTools protocol). */
  async drag(key: MessageKey, from: number, to: number): Promise<void> {
    const start = await this.pointFor(key, from);
    const end = await this.pointFor(key, to);
    const cdp = await this.page.context().newCDPSession(this.page);
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', x: number, y: number) =>
      cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y, radiusX: 4, radiusY: 4, force: 1 }] });
    await touch('touchStart', start.x, start.y);
    const steps = 8;
    for (let i = 1; i <= steps; i++) await touch('touchMove', start.x + ((end.x - start.x) * i) / steps, start.y);
    await touch('touchEnd', end.x, end.y);
    await cdp.detach();
  }

  /** Chooses by a tap, then, if the tap landed a step off, by the arrow keys (as a person would correct it). */
  async choose(key: MessageKey, value: number): Promise<void> {
    await this.tapAt(key, value);
    const slider = this.slider(key);
    for (let i = 0; i < 10; i++) {
      const now = Number(await slider.inputValue());
      if (now === value) break;
      await slider.press(now < value ? 'ArrowRight' : 'ArrowLeft');
    }
    // The screen says the chosen number with its words (the slider's value text, as read aloud).
    await slider.and(this.page.locator(`[aria-valuetext^="${value} out of"]`)).waitFor();
  }

  /** Who will see this check-in, as said on the screen before it is made. */
  whoSees(): Locator {
    return this.page.getByText(/^(Only you will see this check-in\.|Your two closeness scores will also go to)/);
  }

  firstTimeIntro(): Locator {
    return this.page.getByRole('region', { name: text('checkin.firstTitle') });
  }

  async turnOnHealth(): Promise<void> {
    await this.button('checkin.healthTurnOn').click();
    await this.scale('checkin.energy').waitFor();
  }

  async fill(values: CheckinValues): Promise<void> {
    await this.choose('checkin.emotional', values.emotional);
    await this.choose('checkin.physical', values.physical);
    if (values.energy !== undefined) await this.choose('checkin.energy', values.energy);
    if (values.pain !== undefined) await this.choose('checkin.pain', values.pain);
    if (values.stress !== undefined || values.note !== undefined) {
      const more = this.page.getByText(text('checkin.more'), { exact: true });
      if (!(await this.page.locator('details.checkin-more[open]').count())) await more.click();
      if (values.stress !== undefined) await this.choose('checkin.stress', values.stress);
      if (values.note !== undefined) await this.field('checkin.note').fill(values.note);
      if (values.shareNote) await this.field('checkin.shareNote').check();
    }
  }

  /** Saves and waits for the lines screen, where the new check-in shows at once. */
  async save(): Promise<void> {
    await this.button('checkin.save').click();
    await this.page.waitForURL(/\/closeness$/);
    await new ClosenessPage(this.page).waitFor();
  }

  async checkIn(values: CheckinValues): Promise<void> {
    await this.goto();
    await this.fill(values);
    await this.save();
  }
}

/** The two lines: range, partner, health overlay, chart with its summary and table, insights, export. */
export class ClosenessPage extends PageModel {
  async goto(): Promise<void> {
    await this.page.goto('/closeness');
    await this.waitFor();
  }

  async waitFor(): Promise<void> {
    await this.heading(text('closeness.title')).waitFor();
    await this.page.getByRole('link', { name: text('closeness.checkIn'), exact: true }).first().waitFor();
  }

  async range(days: 7 | 30 | 90 | 365): Promise<void> {
    await this.page
      .getByRole('group', { name: text('closeness.range'), exact: true })
      .getByRole('radio', { name: text(`closeness.range.${days}`), exact: true })
      .check();
  }

  compareWith(): Locator {
    return this.field('closeness.compare');
  }

  /** Opens the numbers table under the chart and reads it: the header row, then one row per day. */
  async table(): Promise<string[][]> {
    const details = this.page.locator('details.chart-table');
    if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) {
      await this.page.getByText(text('chart.table.show'), { exact: true }).click();
    }
    const table = this.page.getByRole('table');
    await table.waitFor();
    return table.getByRole('row').evaluateAll((rows) =>
      rows.map((row) =>
        [...row.querySelectorAll('th, td')].map((cell) => {
          const copy = cell.cloneNode(true) as HTMLElement;
          copy.querySelectorAll('.visually-hidden').forEach((n) => n.remove());
          return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
        }),
      ),
    );
  }

  /** The value of `who`'s `line` on the newest day that has one ('' when none shown). */
  async latest(who: string, line: 'emotional' | 'physical'): Promise<string> {
    const [header, ...rows] = await this.table();
    const column = header!.findIndex((h) => h.includes(who) && h.toLowerCase().includes(line));
    if (column < 0) return '';
    for (const row of rows) if (row[column]) return row[column]!; // newest first
    return '';
  }

  /** How many days show a value for `who`'s `line`. */
  async days(who: string, line: 'emotional' | 'physical'): Promise<number> {
    const [header, ...rows] = await this.table();
    const column = header!.findIndex((h) => h.includes(who) && h.toLowerCase().includes(line));
    return column < 0 ? 0 : rows.filter((r) => r[column]).length;
  }

  /** The calm word shown just after saving, above the chart. */
  savedNote(): Locator {
    return this.page.getByText(pattern('closeness.justSaved'));
  }

  /** The chart's picture (its text alternative names it). */
  chartPicture(): Locator {
    return this.page.getByRole('img', { name: pattern('chart.alt') });
  }

  /** "You: 3 of 7 days had a check-in. The lines go on across ..." for one person, as the summary says it. */
  personSummary(who: string): Locator {
    return this.page.locator('figcaption .chart-person').filter({ hasText: `${who}:` });
  }

  changeSummary(): Locator {
    return this.page.getByRole('region', { name: text('change.title') });
  }

  weeklyTrend(): Locator {
    return this.page.getByRole('checkbox', { name: text('closeness.showTrend'), exact: true });
  }

  insights(): Locator {
    return this.page.getByRole('region', { name: text('closeness.insightsTitle') });
  }

  sharedNotes(): Locator {
    return this.page.getByRole('region', { name: text('closeness.sharedNotesTitle') });
  }

  async exportCsv(): Promise<string> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.button('closeness.export').click()]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }
}

/** Who sees my check-ins, per shared space, and the health scales. */
export class CheckinSettingsPage extends PageModel {
  async goto(): Promise<void> {
    await this.page.goto('/checkins/settings');
    await this.waitFor();
  }

  async waitFor(): Promise<void> {
    await this.heading(text('checkinSettings.title')).waitFor();
    await this.button('checkinSettings.save').waitFor();
  }

  shareIn(space: string): Locator {
    return this.page.getByRole('checkbox', { name: new RegExp(`^${text('checkinSettings.shareIn', { space }).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });
  }

  async setSharing(space: string, on: boolean, options: { removeShared?: boolean } = {}): Promise<void> {
    await this.shareIn(space).setChecked(on);
    if (options.removeShared) await this.page.getByRole('checkbox', { name: text('checkinSettings.removeShared'), exact: true }).check();
    await this.button('checkinSettings.save').click();
    await this.page.waitForURL(/\/closeness$/);
  }
}
