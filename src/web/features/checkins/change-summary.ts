/**
 * What changed, in plain words: the last two weeks against the two weeks before, for emotional and
 * physical closeness ("Over the last two weeks your emotional closeness rose; physical closeness
 * stayed about the same"). Pure and worked out on the device, like the insights; it compares a
 * person with themselves only, and never grades.
 *
 * Each fortnight is the average of the readings in it (gaps are left out, never zeros). With too
 * few readings in either fortnight it says nothing about a change, and the screen says so kindly.
 */
import { daysBetween, isDay, type DailyPoint } from './days.ts';
import { t } from './messages.ts';
import { formatter, LOCALE } from '../../platform/i18n/locale.ts';

/** Two weeks: the window the insights use too (insights.ts), long enough to smooth a hard day. */
export const FORTNIGHT_DAYS = 14;
/** Both fortnights together: the series given must reach this far back. */
export const COMPARED_DAYS = 2 * FORTNIGHT_DAYS;
/**
 * Readings each fortnight needs (about twice a week): with fewer, a single evening would decide
 * the average and the words would describe a mood, not two weeks.
 */
export const FORTNIGHT_MIN_READINGS = 4;
/**
 * The averages must differ by one point or more to say "rose" or "fell": one step is the smallest
 * change a person can mark on a 0-10 scale, and the smallest change people feel as meaningful on
 * such scales is about 1 to 2 points (Farrar et al. 2001, Pain 94(2):149-158), the same rule the
 * chart's direction uses (chart-model.ts).
 */
export const CHANGE_MIN_POINTS = 1;

export type ChangeWord = 'rose' | 'fell' | 'same';
export type ComparedLine = 'emotional' | 'physical';

export interface LineChange {
  /** Average of the two weeks before, to one decimal. */
  before: number;
  /** Average of the last two weeks (today included), to one decimal. */
  recent: number;
  change: ChangeWord;
}

export type FortnightComparison =
  | { kind: 'too-few'; earlierReadings: number; recentReadings: number }
  | { kind: 'compared'; earlierReadings: number; recentReadings: number; emotional: LineChange; physical: LineChange };

const round1 = (n: number): number => Math.round(n * 10) / 10;

function average(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

function lineChange(earlier: readonly number[], recent: readonly number[]): LineChange {
  const before = average(earlier);
  const now = average(recent);
  // Rounded first, so 0.9999 from floating point does not turn a whole point into "the same".
  const delta = Math.round((now - before) * 1000) / 1000;
  const change: ChangeWord = delta >= CHANGE_MIN_POINTS ? 'rose' : delta <= -CHANGE_MIN_POINTS ? 'fell' : 'same';
  return { before: round1(before), recent: round1(now), change };
}

/**
 * Compares the fortnight ending `today` (days -13 to 0) with the one before (days -27 to -14).
 * Days outside both, after today, or without a check-in are ignored.
 */
export function compareFortnights(series: readonly DailyPoint[], today: string): FortnightComparison {
  const earlier: Record<ComparedLine, number[]> = { emotional: [], physical: [] };
  const recent: Record<ComparedLine, number[]> = { emotional: [], physical: [] };
  for (const p of series) {
    if (!p.checkin || !isDay(p.day)) continue;
    const offset = daysBetween(today, p.day);
    if (offset > 0 || offset <= -COMPARED_DAYS) continue;
    const into = offset > -FORTNIGHT_DAYS ? recent : earlier;
    into.emotional.push(p.checkin.emotional);
    into.physical.push(p.checkin.physical);
  }
  const earlierReadings = earlier.emotional.length;
  const recentReadings = recent.emotional.length;
  if (earlierReadings < FORTNIGHT_MIN_READINGS || recentReadings < FORTNIGHT_MIN_READINGS) {
    return { kind: 'too-few', earlierReadings, recentReadings };
  }
  return {
    kind: 'compared',
    earlierReadings,
    recentReadings,
    emotional: lineChange(earlier.emotional, recent.emotional),
    physical: lineChange(earlier.physical, recent.physical),
  };
}

export interface ChangeText {
  /** "Over the last two weeks your emotional closeness rose; physical closeness stayed about the same." */
  sentence: string;
  /** The averages behind it, so the words can be checked; absent when there was nothing to compare. */
  numbers?: string;
}

const number1 = formatter(() => new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 1 }));

/** One sentence (both lines together when they moved alike, each on its own when not), and the numbers. */
export function describeChange(c: FortnightComparison): ChangeText {
  if (c.kind === 'too-few') return { sentence: t('change.tooFew', { min: FORTNIGHT_MIN_READINGS }) };
  const sentence =
    c.emotional.change === c.physical.change
      ? t(`change.both.${c.emotional.change}`)
      : t('change.mixed', { emotional: t(`change.verb.${c.emotional.change}`), physical: t(`change.verb.${c.physical.change}`) });
  const numbers = t('change.numbers', {
    emotionalBefore: number1().format(c.emotional.before),
    emotionalRecent: number1().format(c.emotional.recent),
    physicalBefore: number1().format(c.physical.before),
    physicalRecent: number1().format(c.physical.recent),
  });
  return { sentence, numbers };
}
