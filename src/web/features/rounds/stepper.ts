/**
 * Answering one question at a time (issue 11, item 4): which screen comes next, where to resume,
 * and how each question stands on the review screen. Pure; answer-form.tsx holds the state.
 *
 * Screens are numbered 0 .. total - 1 for the questions, and `total` for the review screen
 * ("Share when everyone's ready" for a round, "Save" for a reflection).
 */
import type { Answers } from './types.ts';

export type ItemStanding = 'answered' | 'passed' | 'empty';

/** The screen after `at`, never past the review screen. */
export function stepForward(at: number, total: number): number {
  return Math.min(Math.max(at, 0) + 1, total);
}

/** The screen before `at`; -1 means "back to the introduction". */
export function stepBack(at: number): number {
  return Math.max(at - 1, -1);
}

/**
 * Where to pick up when the exercise opens again: the screen saved on this device when it is
 * still one of this exercise's screens; otherwise the first question with nothing chosen yet (the
 * review screen when every question has an answer or a pass), or the first question.
 */
export function resumeAt(saved: unknown, itemIds: readonly string[], draft: Answers): number {
  const total = itemIds.length;
  if (typeof saved === 'number' && Number.isInteger(saved) && saved >= 0 && saved <= total) return saved;
  if (Object.keys(draft).length === 0) return 0;
  const open = itemIds.findIndex((id) => draft[id] === undefined);
  return open === -1 ? total : open;
}

/** How a question stands, as the review screen lists it. */
export function standing(value: Answers[string] | undefined, passed: boolean): ItemStanding {
  if (passed || value?.kind === 'pass') return 'passed';
  return value === undefined ? 'empty' : 'answered';
}
