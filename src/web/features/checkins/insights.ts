/**
 * Gentle, explainable insights over daily check-in series (see methods.md section 5: the two
 * lines, emotional and physical). Rule-based and computed on the device. Each insight carries
 * the facts behind it so the screen can say why it appears; none scores the relationship.
 *
 * Input series are DailyPoints already bucketed in the VIEWER's zone (dailySeries), so partners
 * in other zones are compared day by day on the viewer's calendar. Days missing from a series,
 * or with a null check-in, are gaps: no rule treats them as zeros. A partner who does not share
 * is `partner: undefined`, and the partner rules are skipped.
 */
import { daysBetween, isDay, type DailyPoint } from './days.ts';

export type InsightKind = 'gentle' | 'care';

export interface Insight {
  /** Stable rule id (also the message key stem). */
  id: string;
  kind: InsightKind;
  /** The data behind it, so the screen can explain it. */
  facts: Record<string, number | string>;
  /** A content id or 'help'. */
  suggestion?: string;
}

/** Ids the screen maps to content or to the help page. */
const SUGGESTIONS = {
  emotionalCloseness: 'emotional-closeness',
  lowEnergyCloseness: 'low-energy-closeness',
  help: 'help',
} as const;

export interface InsightInput {
  mine: readonly DailyPoint[];
  /** Absent when the partner does not share scores in this space. */
  partner?: readonly DailyPoint[];
  /** The viewer's calendar day ('YYYY-MM-DD'); windows end here. */
  today: string;
}

type Line = 'emotional' | 'physical' | 'energy';
/** Values by day number relative to `today` (0 = today, -1 = yesterday, ...). */
type Values = Map<number, number>;

// ---- thresholds (each with why) -------------------------------------------------------------

/** Two weeks: long enough to see a direction, short enough to still be about now. */
const TREND_WINDOW_DAYS = 14;
/** Fewer readings than this and a line through them says more about chance than about us. */
export const TREND_MIN_READINGS = 5;
/** First and last readings this far apart at least: five readings in three days are no trend. */
const TREND_MIN_SPAN_DAYS = 7;
/** About two points over two weeks: a clear rise, not day-to-day wobble. */
const RISING_SLOPE = 0.15;
/** At or below this (points per day, under a point over two weeks) a line counts as flat or falling. */
const FLAT_MAX_SLOPE = 0.05;

/** The baseline each person's dip is measured against: their own last month. */
const DIP_BASELINE_DAYS = 30;
/** A median needs enough readings to be "usual" for this person. */
const DIP_BASELINE_MIN_READINGS = 7;
/** Recent days looked at for a shared dip. */
const DIP_WINDOW_DAYS = 5;
/** Two points below one's own usual is a felt change, not noise. */
const DIP_POINTS = 2;
/** Both low together on at least three days: more than one hard evening. */
const DIP_MIN_SHARED_DAYS = 3;

/** Three weeks: drift is slower than a dip. */
const DRIFT_WINDOW_DAYS = 21;
/** Days where both checked in; fewer and the gap's direction is guesswork. */
const DRIFT_MIN_SHARED_DAYS = 6;
/** The shared days must spread over at least this many days. */
const DRIFT_MIN_SPAN_DAYS = 10;
/** The gap widening by about three points over three weeks. */
const DRIFT_SLOPE = 0.15;
/** A gap smaller than this at the end is two people on slightly different days, not drift. */
const DRIFT_MIN_END_GAP = 3;

/** One week of energy. */
const ENERGY_WINDOW_DAYS = 7;
/** Four readings make a week, not one tired day. */
const ENERGY_MIN_READINGS = 4;
/** On the 0-10 scale, 3 or less is "running low". */
const LOW_ENERGY_MAX_AVERAGE = 3;

/** "Two weeks or more" of low closeness is when gently pointing to support helps. */
const PERSISTENT_WINDOW_DAYS = 14;
/** Enough readings that the pattern is persistent, not a few hard days. */
const PERSISTENT_MIN_READINGS = 8;
/** The readings must cover most of the two weeks, not one hard week. */
const PERSISTENT_MIN_SPAN_DAYS = 10;
/** Both lines at 3 or less counts as low. */
const PERSISTENT_LOW_MAX = 3;
/** Most days low (80%): one better day does not hide a hard fortnight. */
const PERSISTENT_MIN_SHARE = 0.8;

// ---- helpers ---------------------------------------------------------------------------------

function valuesOf(series: readonly DailyPoint[], line: Line, today: string): Values {
  const out: Values = new Map();
  for (const p of series) {
    if (!p.checkin || !isDay(p.day)) continue;
    const v = p.checkin[line];
    if (typeof v !== 'number') continue;
    const offset = daysBetween(today, p.day);
    if (offset > 0) continue; // after today: not part of any window
    out.set(offset, v);
  }
  return out;
}

/** Offsets in the window of `days` days ending today, oldest first, where `values` has data. */
function inWindow(values: Values, days: number, endOffset = 0): number[] {
  const out: number[] = [];
  for (let o = endOffset - days + 1; o <= endOffset; o++) if (values.has(o)) out.push(o);
  return out;
}

/** Least-squares slope (per day) of ys over xs; null for fewer than 2 distinct xs. */
export function slope(xs: readonly number[], ys: readonly number[]): number | null {
  const n = xs.length;
  if (n < 2 || ys.length !== n) return null;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += (xs[i]! - mx) * (ys[i]! - my);
    den += (xs[i]! - mx) ** 2;
  }
  return den === 0 ? null : num / den;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const round1 = (n: number): number => Math.round(n * 10) / 10;
const round2 = (n: number): number => Math.round(n * 100) / 100;

interface Trend {
  slope: number;
  readings: number;
  /** Change over the span of the readings, in points (slope x span). */
  change: number;
}

function trend(values: Values): Trend | null {
  const xs = inWindow(values, TREND_WINDOW_DAYS);
  if (xs.length < TREND_MIN_READINGS) return null;
  const span = xs[xs.length - 1]! - xs[0]!;
  if (span < TREND_MIN_SPAN_DAYS) return null;
  const s = slope(xs, xs.map((x) => values.get(x)!));
  return s === null ? null : { slope: s, readings: xs.length, change: s * span };
}

// ---- rules -----------------------------------------------------------------------------------

function oneLineRisingOtherFlat(id: string, rising: Values, flat: Values, risingName: Line, flatName: Line, suggestion?: string): Insight | null {
  const up = trend(rising);
  const still = trend(flat);
  if (!up || !still) return null;
  if (up.slope < RISING_SLOPE || still.slope > FLAT_MAX_SLOPE) return null;
  const insight: Insight = {
    id,
    kind: 'gentle',
    facts: {
      windowDays: TREND_WINDOW_DAYS,
      readings: Math.min(up.readings, still.readings),
      [`${risingName}Slope`]: round2(up.slope),
      [`${flatName}Slope`]: round2(still.slope),
      [`${risingName}Change`]: round1(up.change),
      [`${flatName}Change`]: round1(still.change),
    },
  };
  if (suggestion) insight.suggestion = suggestion;
  return insight;
}

/** Physical closeness rising clearly over two weeks while emotional closeness stays flat or falls. */
function physicalRisingEmotionalFlat(mine: readonly DailyPoint[], today: string): Insight | null {
  return oneLineRisingOtherFlat(
    'physical-rising-emotional-flat',
    valuesOf(mine, 'physical', today),
    valuesOf(mine, 'emotional', today),
    'physical',
    'emotional',
    SUGGESTIONS.emotionalCloseness,
  );
}

/** Emotional closeness rising clearly while physical stays flat or falls (physical often follows, in time). */
function emotionalRisingPhysicalFlat(mine: readonly DailyPoint[], today: string): Insight | null {
  return oneLineRisingOtherFlat(
    'emotional-rising-physical-flat',
    valuesOf(mine, 'emotional', today),
    valuesOf(mine, 'physical', today),
    'emotional',
    'physical',
  );
}

function sharedDipOn(mine: readonly DailyPoint[], partner: readonly DailyPoint[], line: 'emotional' | 'physical', today: string): Insight | null {
  const a = valuesOf(mine, line, today);
  const b = valuesOf(partner, line, today);
  // The baseline is the month before the recent window, so the dip does not pull its own median down.
  const baseEnd = -DIP_WINDOW_DAYS;
  const baseA = inWindow(a, DIP_BASELINE_DAYS, baseEnd).map((o) => a.get(o)!);
  const baseB = inWindow(b, DIP_BASELINE_DAYS, baseEnd).map((o) => b.get(o)!);
  if (baseA.length < DIP_BASELINE_MIN_READINGS || baseB.length < DIP_BASELINE_MIN_READINGS) return null;
  const medA = median(baseA)!;
  const medB = median(baseB)!;
  const dipDays = inWindow(a, DIP_WINDOW_DAYS).filter(
    (o) => b.has(o) && a.get(o)! <= medA - DIP_POINTS && b.get(o)! <= medB - DIP_POINTS,
  );
  if (dipDays.length < DIP_MIN_SHARED_DAYS) return null;
  const avg = (m: Values): number => dipDays.reduce((s, o) => s + m.get(o)!, 0) / dipDays.length;
  return {
    id: 'shared-dip',
    kind: 'gentle',
    facts: {
      line,
      windowDays: DIP_WINDOW_DAYS,
      days: dipDays.length,
      myUsual: round1(medA),
      partnerUsual: round1(medB),
      myRecent: round1(avg(a)),
      partnerRecent: round1(avg(b)),
    },
  };
}

/** Both partners at least two points below their own usual (median of the month before) on 3+ recent days. Emotional is checked first. */
function sharedDip(mine: readonly DailyPoint[], partner: readonly DailyPoint[], today: string): Insight | null {
  return sharedDipOn(mine, partner, 'emotional', today) ?? sharedDipOn(mine, partner, 'physical', today);
}

/** The gap between partners' emotional lines widening over three weeks. */
function driftingApart(mine: readonly DailyPoint[], partner: readonly DailyPoint[], today: string): Insight | null {
  const a = valuesOf(mine, 'emotional', today);
  const b = valuesOf(partner, 'emotional', today);
  const xs = inWindow(a, DRIFT_WINDOW_DAYS).filter((o) => b.has(o));
  if (xs.length < DRIFT_MIN_SHARED_DAYS) return null;
  const span = xs[xs.length - 1]! - xs[0]!;
  if (span < DRIFT_MIN_SPAN_DAYS) return null;
  const gaps = xs.map((o) => Math.abs(a.get(o)! - b.get(o)!));
  const s = slope(xs, gaps);
  if (s === null || s < DRIFT_SLOPE) return null;
  const meanX = xs.reduce((p, x) => p + x, 0) / xs.length;
  const meanGap = gaps.reduce((p, g) => p + g, 0) / gaps.length;
  const gapAt = (x: number): number => meanGap + s * (x - meanX);
  const endGap = gapAt(xs[xs.length - 1]!);
  if (endGap < DRIFT_MIN_END_GAP) return null;
  return {
    id: 'drifting-apart',
    kind: 'gentle',
    facts: {
      windowDays: DRIFT_WINDOW_DAYS,
      days: xs.length,
      gapBefore: round1(Math.max(0, gapAt(xs[0]!))),
      gapNow: round1(endGap),
    },
    suggestion: SUGGESTIONS.emotionalCloseness,
  };
}

/** Average energy of 3 or less over the last week (4+ readings): suggest low-energy ways to be close. */
function lowEnergyWeek(mine: readonly DailyPoint[], today: string): Insight | null {
  const e = valuesOf(mine, 'energy', today);
  const xs = inWindow(e, ENERGY_WINDOW_DAYS);
  if (xs.length < ENERGY_MIN_READINGS) return null;
  const average = xs.reduce((s, o) => s + e.get(o)!, 0) / xs.length;
  if (average > LOW_ENERGY_MAX_AVERAGE) return null;
  return {
    id: 'low-energy-week',
    kind: 'gentle',
    facts: { windowDays: ENERGY_WINDOW_DAYS, readings: xs.length, averageEnergy: round1(average) },
    suggestion: SUGGESTIONS.lowEnergyCloseness,
  };
}

/** Emotional and physical both 3 or less on 80%+ of readings across two weeks: kindly point to support. */
function persistentLow(mine: readonly DailyPoint[], today: string): Insight | null {
  const em = valuesOf(mine, 'emotional', today);
  const ph = valuesOf(mine, 'physical', today);
  const xs = inWindow(em, PERSISTENT_WINDOW_DAYS).filter((o) => ph.has(o));
  if (xs.length < PERSISTENT_MIN_READINGS) return null;
  if (xs[xs.length - 1]! - xs[0]! < PERSISTENT_MIN_SPAN_DAYS) return null;
  const low = xs.filter((o) => em.get(o)! <= PERSISTENT_LOW_MAX && ph.get(o)! <= PERSISTENT_LOW_MAX).length;
  if (low / xs.length < PERSISTENT_MIN_SHARE) return null;
  return {
    id: 'persistent-low',
    kind: 'care',
    facts: { windowDays: PERSISTENT_WINDOW_DAYS, readings: xs.length, lowReadings: low, lowAtMost: PERSISTENT_LOW_MAX },
    suggestion: SUGGESTIONS.help,
  };
}

/**
 * All insights that apply, care first, then in rule order. Partner rules run only when a
 * partner series is given. Throws RangeError when `today` is not a calendar day.
 */
export function computeInsights(input: InsightInput): Insight[] {
  const { mine, partner, today } = input;
  if (!isDay(today)) throw new RangeError(`not a calendar day: ${today}`);
  const found: (Insight | null)[] = [
    persistentLow(mine, today),
    physicalRisingEmotionalFlat(mine, today),
    emotionalRisingPhysicalFlat(mine, today),
    lowEnergyWeek(mine, today),
  ];
  if (partner) found.push(sharedDip(mine, partner, today), driftingApart(mine, partner, today));
  return found.filter((i): i is Insight => i !== null);
}
