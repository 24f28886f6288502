/**
 * The self-assessment's arithmetic (issue 5), pure so it can be tested without a browser. Per
 * dimension of intimacy the person says how close it feels now and how much it matters to them,
 * each 0 to 10 and each passable. The gap is importance minus closeness, and only where both were
 * answered: a passed question is never read as a zero. A negative gap ("closer than it matters to
 * me") is fine, not a problem to fix. Nothing here adds dimensions up: there is no score of a
 * relationship, only where a little attention may mean the most to this person right now.
 */
import type { Recommends } from '../../../shared/library.ts';

/** One dimension's answers; a passed question is absent (as stored, see AssessmentScores). */
export interface DimensionAnswers {
  now?: number | undefined;
  matters?: number | undefined;
}

export type Answers = Readonly<Record<string, DimensionAnswers | undefined>>;

export interface DimensionGap {
  dimensionId: string;
  now: number;
  matters: number;
  /** matters - now: positive when it matters more than it feels close now. */
  gap: number;
}

export type AssessmentSummary =
  /** Every dimension had a question passed: nothing to compare, and that is fine. */
  | { kind: 'nothing-to-compare'; notCompared: string[] }
  /** `largest` holds every dimension sharing the largest positive gap, the most important first. */
  | { kind: 'gap'; largest: DimensionGap[]; gap: number; notCompared: string[] }
  /** Everywhere answered feels at least as close as it matters. */
  | { kind: 'no-gap'; compared: DimensionGap[]; notCompared: string[] };

const isScore = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 10;

/**
 * The gap of each dimension where both questions were answered, in the order of `dimensionIds`
 * (the content's order). Dimensions not in `dimensionIds` are ignored; a value that is not a
 * 0-10 integer counts as passed.
 */
export function dimensionGaps(answers: Answers, dimensionIds: readonly string[]): DimensionGap[] {
  const out: DimensionGap[] = [];
  for (const dimensionId of dimensionIds) {
    const a = answers[dimensionId];
    if (!a || !isScore(a.now) || !isScore(a.matters)) continue;
    out.push({ dimensionId, now: a.now, matters: a.matters, gap: a.matters - a.now });
  }
  return out;
}

/** The dimensions where at least one question was passed (so they are not compared), in order. */
export function notCompared(answers: Answers, dimensionIds: readonly string[]): string[] {
  return dimensionIds.filter((id) => {
    const a = answers[id];
    return !a || !isScore(a.now) || !isScore(a.matters);
  });
}

/**
 * Largest gap first; on a tie, the one that matters more to the person first; then the given
 * order (the sort is stable).
 */
export function orderByGap(gaps: readonly DimensionGap[]): DimensionGap[] {
  return [...gaps].sort((a, b) => b.gap - a.gap || b.matters - a.matters);
}

/**
 * Every dimension sharing the largest gap, when that gap is positive (most important first).
 * Empty when nothing was compared or nowhere matters more than it feels close.
 */
export function largestGaps(gaps: readonly DimensionGap[]): DimensionGap[] {
  const ordered = orderByGap(gaps);
  const top = ordered[0];
  if (!top || top.gap <= 0) return [];
  return ordered.filter((g) => g.gap === top.gap);
}

/** What the result says, in kinds the screen turns into words. */
export function summarize(answers: Answers, dimensionIds: readonly string[]): AssessmentSummary {
  const gaps = dimensionGaps(answers, dimensionIds);
  const passed = notCompared(answers, dimensionIds);
  if (gaps.length === 0) return { kind: 'nothing-to-compare', notCompared: passed };
  const largest = largestGaps(gaps);
  if (largest.length > 0) return { kind: 'gap', largest, gap: largest[0]!.gap, notCompared: passed };
  return { kind: 'no-gap', compared: orderByGap(gaps), notCompared: passed };
}

/**
 * The dimensions in the order to offer ideas for: compared ones by gap (largest first), then the
 * ones with a passed question in content order. The first is the one the result points to.
 */
export function ideasOrder(answers: Answers, dimensionIds: readonly string[]): string[] {
  const compared = orderByGap(dimensionGaps(answers, dimensionIds)).map((g) => g.dimensionId);
  return [...compared, ...dimensionIds.filter((id) => !compared.includes(id))];
}

/** True when at least one question was answered (an all-passed form has nothing to show). */
export function hasAnyAnswer(answers: Answers): boolean {
  return Object.values(answers).some((a) => a !== undefined && (isScore(a.now) || isScore(a.matters)));
}

/** Only the answered questions, in the stored shape (passed ones absent; fully passed dimensions left out). */
export function answeredOnly(answers: Answers): Record<string, { now?: number; matters?: number }> {
  const out: Record<string, { now?: number; matters?: number }> = {};
  for (const [id, a] of Object.entries(answers)) {
    if (!a) continue;
    const pair: { now?: number; matters?: number } = {};
    if (isScore(a.now)) pair.now = a.now;
    if (isScore(a.matters)) pair.matters = a.matters;
    if (pair.now !== undefined || pair.matters !== undefined) out[id] = pair;
  }
  return out;
}

export interface ContentLink {
  href: string;
  title: string;
}

export interface RecommendedLinks {
  programs: ContentLink[];
  decks: ContentLink[];
  exercises: ContentLink[];
}

export interface TitleLookups {
  program: (id: string) => string | undefined;
  deck: (id: string) => string | undefined;
  exercise: (id: string) => string | undefined;
}

/**
 * The links a dimension or an obstacle recommends, with their titles; anything whose title is
 * unknown is left out rather than shown as a broken link.
 */
export function recommendedLinks(recommends: Recommends, titles: TitleLookups): RecommendedLinks {
  const links = (ids: readonly string[] | undefined, title: (id: string) => string | undefined, path: string): ContentLink[] =>
    (ids ?? []).flatMap((id) => {
      const t = title(id);
      return t === undefined ? [] : [{ href: `${path}/${encodeURIComponent(id)}`, title: t }];
    });
  return {
    programs: links(recommends.programs, titles.program, '/programs'),
    decks: links(recommends.decks, titles.deck, '/decks'),
    exercises: links(recommends.exercises, titles.exercise, '/just-me/exercises'),
  };
}
