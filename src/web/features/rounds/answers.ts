/**
 * The plaintexts of rounds and reflections, validated by hand (exact keys, types, lengths):
 * whatever we decrypt came from a member's device, which could be buggy or hostile. The record
 * kinds (rounds/kinds.ts) use the same shape checks inside their zod/mini schemas. No runtime
 * imports, so the shape checks come without the exercise content.
 *
 *   header     {v: 1, exerciseId, exerciseVersion} or, for a space's question of the day,
 *              {v: 1, exerciseId, exerciseVersion, day: 'YYYY-MM-DD'} (daily/, ADR 022)
 *   submission {v: 1, exerciseId, answers}
 *   draft      answers (possibly partial)
 */
import type { Exercise, ExerciseItem } from '../../../shared/content.ts';
import type { Answers, AnswerValue } from './types.ts';
import { isPlainObject } from '../../platform/plain-object.ts';
import { isDay } from './daily/day.ts';

/** Mirrors CONTENT_LIMITS (src/shared/content.ts; a test keeps them equal) without importing zod. */
export const ANSWER_LIMITS = {
  idChars: 64,
  items: 30,
  answerChars: 2000,
  scaleMin: -100,
  scaleMax: 100,
  exerciseVersionMax: 1_000_000,
} as const;

const KEBAB_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export interface RoundHeader {
  v: 1;
  exerciseId: string;
  exerciseVersion: number;
  /** Set on a daily question's round: the calendar day it is the question of. */
  day?: string;
}

export interface SubmissionBody {
  v: 1;
  exerciseId: string;
  answers: Answers;
}

function hasExactly(value: Record<string, unknown>, keys: string[]): boolean {
  const own = Object.keys(value);
  return own.length === keys.length && keys.every((k) => Object.hasOwn(value, k));
}

export function isContentId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= ANSWER_LIMITS.idChars && KEBAB_RE.test(value);
}

/** One answer's shape, before knowing the exercise: kinds, types and the global limits. */
function parseAnswerShape(value: unknown): AnswerValue | null {
  if (!isPlainObject(value)) return null;
  switch (value.kind) {
    case 'pass':
      return hasExactly(value, ['kind']) ? { kind: 'pass' } : null;
    case 'text':
      return hasExactly(value, ['kind', 'text']) && typeof value.text === 'string' && value.text.length <= ANSWER_LIMITS.answerChars
        ? { kind: 'text', text: value.text }
        : null;
    case 'scale':
      return hasExactly(value, ['kind', 'value']) &&
        Number.isInteger(value.value) &&
        (value.value as number) >= ANSWER_LIMITS.scaleMin &&
        (value.value as number) <= ANSWER_LIMITS.scaleMax
        ? { kind: 'scale', value: value.value as number }
        : null;
    case 'choice':
      return hasExactly(value, ['kind', 'optionId']) && isContentId(value.optionId) ? { kind: 'choice', optionId: value.optionId } : null;
    default:
      return null;
  }
}

/** Answers' shape (any exercise): at most ANSWER_LIMITS.items entries keyed by content ids. */
export function parseAnswersShape(value: unknown): Answers | null {
  if (!isPlainObject(value)) return null;
  const keys = Object.keys(value);
  if (keys.length > ANSWER_LIMITS.items) return null;
  const out: Answers = {};
  for (const key of keys) {
    if (!isContentId(key)) return null;
    const answer = parseAnswerShape(value[key]);
    if (!answer) return null;
    out[key] = answer;
  }
  return out;
}

/** Whether `answer` is a valid answer to `item` (pass always is). Text must be non-blank. */
function answerFits(item: ExerciseItem, answer: AnswerValue): boolean {
  if (answer.kind === 'pass') return true;
  if (answer.kind !== item.kind) return false;
  switch (answer.kind) {
    case 'text':
      return item.kind === 'text' && answer.text.trim().length > 0 && answer.text.length <= item.maxChars;
    case 'scale':
      return item.kind === 'scale' && Number.isInteger(answer.value) && answer.value >= item.min && answer.value <= item.max;
    case 'choice':
      return item.kind === 'choice' && item.options.some((o) => o.id === answer.optionId);
  }
}

/**
 * Checks answers against the exercise and returns them complete: one entry per item, in item
 * order, unanswered items (and blank text) as pass. Null when any answer is invalid or names an
 * item the exercise does not have.
 */
export function completeAnswers(exercise: Exercise, answers: Answers): Answers | null {
  const shaped = parseAnswersShape(answers);
  if (!shaped) return null;
  const items = new Map(exercise.items.map((item) => [item.id, item]));
  for (const id of Object.keys(shaped)) if (!items.has(id)) return null;
  const out: Answers = {};
  for (const item of exercise.items) {
    let answer: AnswerValue = shaped[item.id] ?? { kind: 'pass' };
    if (answer.kind === 'text') {
      const text = answer.text.trim();
      answer = text.length === 0 ? { kind: 'pass' } : { kind: 'text', text };
    }
    if (!answerFits(item, answer)) return null;
    out[item.id] = answer;
  }
  return out;
}

function decodeJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return undefined;
  }
}

function encodeJson(value: unknown): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(value));
}

function parseHeader(value: unknown): RoundHeader | null {
  if (!isPlainObject(value) || value.v !== 1) return null;
  const daily = Object.hasOwn(value, 'day');
  if (!hasExactly(value, daily ? ['v', 'exerciseId', 'exerciseVersion', 'day'] : ['v', 'exerciseId', 'exerciseVersion'])) return null;
  const { exerciseId, exerciseVersion, day } = value;
  if (!isContentId(exerciseId)) return null;
  if (!Number.isInteger(exerciseVersion) || (exerciseVersion as number) < 1 || (exerciseVersion as number) > ANSWER_LIMITS.exerciseVersionMax) return null;
  if (daily && !isDay(day)) return null;
  const header: RoundHeader = { v: 1, exerciseId, exerciseVersion: exerciseVersion as number };
  if (daily) header.day = day as string;
  return header;
}

export function encodeHeader(header: { exerciseId: string; exerciseVersion: number; day?: string }): Uint8Array {
  const parsed = parseHeader({ v: 1, exerciseId: header.exerciseId, exerciseVersion: header.exerciseVersion, ...(header.day === undefined ? {} : { day: header.day }) });
  if (!parsed) throw new TypeError('invalid round header');
  return encodeJson(parsed);
}

export function decodeHeader(bytes: Uint8Array): RoundHeader | null {
  return parseHeader(decodeJson(bytes));
}

/**
 * A submission's plaintext, checked against the exercise when it is known on this device (an
 * unknown exercise, from a newer app, gets only the shape checks). The answers come back
 * complete (missing items as pass).
 */
function parseSubmission(value: unknown, exercise: Exercise | undefined): SubmissionBody | null {
  if (!isPlainObject(value) || !hasExactly(value, ['v', 'exerciseId', 'answers']) || value.v !== 1) return null;
  if (!isContentId(value.exerciseId)) return null;
  if (exercise && exercise.id !== value.exerciseId) return null;
  const shaped = parseAnswersShape(value.answers);
  if (!shaped) return null;
  if (!exercise) return { v: 1, exerciseId: value.exerciseId, answers: shaped };
  for (const [id, answer] of Object.entries(shaped)) {
    if (answer.kind === 'text' && (answer.text.length === 0 || answer.text.trim() !== answer.text)) return null; // sealed text is trimmed, never blank
    if (!exercise.items.some((item) => item.id === id)) return null;
  }
  const answers = completeAnswers(exercise, shaped);
  return answers ? { v: 1, exerciseId: value.exerciseId, answers } : null;
}

export function encodeSubmission(exercise: Exercise, answers: Answers): Uint8Array {
  const complete = completeAnswers(exercise, answers);
  if (!complete) throw new TypeError('invalid answers');
  return encodeJson({ v: 1, exerciseId: exercise.id, answers: complete });
}

export function decodeSubmission(bytes: Uint8Array, exercise: Exercise | undefined): SubmissionBody | null {
  return parseSubmission(decodeJson(bytes), exercise);
}

export function encodeDraft(answers: Answers): Uint8Array {
  const shaped = parseAnswersShape(answers);
  if (!shaped) throw new TypeError('invalid draft');
  return encodeJson(shaped);
}

/** A draft that does not parse is treated as no draft. */
export function decodeDraft(bytes: Uint8Array): Answers {
  return parseAnswersShape(decodeJson(bytes)) ?? {};
}
