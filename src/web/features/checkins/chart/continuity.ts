/**
 * How a line continues across days without a check-in, and its weekly trend. Pure: the canvas
 * (draw.ts) draws what these say, the words (chart-model.ts) describe the same, and both are
 * tested here without a screen.
 *
 * A day without a check-in is never a value: a bridge is only a way to draw the line on, from the
 * last reading before the gap to the first one after it, in a lighter dotted stretch. Days before
 * the first reading or after the last one are not bridged (there is nothing on the other side).
 */

/** One dotted stretch: from the reading at index `from` to the next reading, at `to`. */
export interface Bridge {
  from: number;
  to: number;
}

/** Every gap with a reading on both sides, in order. */
export function gapBridges(values: ArrayLike<number | null | undefined>): Bridge[] {
  const out: Bridge[] = [];
  let last = -1;
  for (let i = 0; i < values.length; i++) {
    if (values[i] == null) continue;
    if (last >= 0 && i > last + 1) out.push({ from: last, to: i });
    last = i;
  }
  return out;
}

/** Days inside the bridges: the days without a check-in that the dotted stretches cross. */
export function bridgedDays(values: ArrayLike<number | null | undefined>): number {
  return gapBridges(values).reduce((sum, b) => sum + (b.to - b.from - 1), 0);
}

/** A week: long enough to smooth a hard evening, short enough to follow a change within a month. */
export const WEEKLY_DAYS = 7;
/**
 * Readings a week needs before its average is drawn: with fewer, one day would stand for the
 * whole week and the "trend" would only repeat it.
 */
export const WEEKLY_MIN_READINGS = 3;

const round1 = (n: number): number => Math.round(n * 10) / 10;

/**
 * The average of the readings in the 7 days ending on each day (that day and the 6 before), to
 * one decimal, or null when that week has fewer than WEEKLY_MIN_READINGS readings. `before` holds
 * the days just before the first one (oldest first, up to 6 are used), so the first days of a
 * range have a whole week behind them too.
 */
export function weeklyAverages(values: readonly (number | null)[], before: readonly (number | null)[] = []): (number | null)[] {
  const lead = before.slice(-(WEEKLY_DAYS - 1));
  const all = [...lead, ...values];
  const out: (number | null)[] = [];
  for (let i = lead.length; i < all.length; i++) {
    let sum = 0;
    let count = 0;
    for (let j = Math.max(0, i - WEEKLY_DAYS + 1); j <= i; j++) {
      const v = all[j];
      if (v == null) continue;
      sum += v;
      count++;
    }
    out.push(count >= WEEKLY_MIN_READINGS ? round1(sum / count) : null);
  }
  return out;
}
