/**
 * Counts what a journey asks of people's fingers: taps (real touch taps, locator.tap()) and fields
 * typed into, step by step, with the seconds each step took. The couple-loop test reports these
 * figures; the target is a count of taps, never a timing (timings are reported only).
 */
import type { Locator } from 'playwright-core';

export interface StepFigures {
  step: string;
  taps: number;
  typed: number;
  seconds: number;
}

export class TapCount {
  private taps = 0;
  private typed = 0;
  readonly steps: StepFigures[] = [];

  /** A real touch tap, counted. */
  async tap(target: Locator): Promise<void> {
    this.taps++;
    await target.tap();
  }

  /** A field typed into (once however long the text), counted. */
  async type(field: Locator, value: string): Promise<void> {
    this.typed++;
    await field.fill(value);
  }

  /** Runs one step of the journey and keeps its taps, typed fields and seconds. */
  async step(name: string, run: () => Promise<void>): Promise<void> {
    const [taps, typed, started] = [this.taps, this.typed, performance.now()];
    await run();
    this.steps.push({ step: name, taps: this.taps - taps, typed: this.typed - typed, seconds: Math.round((performance.now() - started) / 100) / 10 });
  }

  get total(): { taps: number; typed: number; seconds: number } {
    return {
      taps: this.steps.reduce((n, s) => n + s.taps, 0),
      typed: this.steps.reduce((n, s) => n + s.typed, 0),
      seconds: Math.round(this.steps.reduce((n, s) => n + s.seconds, 0) * 10) / 10,
    };
  }

  /** A plain table for the test's output (and the issue note). */
  report(title: string): string {
    const rows = this.steps.map((s) => `| ${s.step} | ${s.taps} | ${s.typed} | ${s.seconds.toFixed(1)} |`);
    const total = this.total;
    return [`${title}`, '| step | taps | typed fields | seconds |', '|---|---|---|---|', ...rows, `| all | ${total.taps} | ${total.typed} | ${total.seconds.toFixed(1)} |`].join('\n');
  }
}
