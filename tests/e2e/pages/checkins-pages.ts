import type { Locator } from 'playwright-core';
import type { AnyMessageKey as MessageKey } from '../../support/messages.ts';
import { PageModel, text } from './base.ts';

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

  /** The scale named by its question, as a group of radios. */
  scale(key: MessageKey): Locator {
    return this.page.getByRole('group', { name: text(key), exact: true });
  }

  async choose(key: MessageKey, value: number): Promise<void> {
    // The number, read with its word at the ends and middle ("0, far apart").
    await this.scale(key).getByRole('radio', { name: new RegExp(`^${value}(\\s*,|$)`) }).check();
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
