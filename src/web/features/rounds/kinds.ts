/**
 * The record kinds of rounds and reflections:
 * - 'round-note' (append-only, shared spaces): a follow-up note on one item of a revealed round;
 * - 'read-position' (mutable, shared spaces): where each member is on a round's read-together screen;
 * - 'round-thanks' (mutable, shared spaces): a member's thank-you at the end of reading together,
 *   with an optional short note for the others;
 * - 'reflection' (append-only, personal space): an exercise done alone;
 * - and the question of the day's own kinds (daily/kinds.ts).
 */
import { z } from 'zod/mini';
import type { Answers } from './types.ts';
import { defineKind, docsFor } from '../../sync/kinds.ts';
import { contentId, parsedBy, trimmed, uuid } from '../../sync/fields.ts';
import { parseAnswersShape } from './answers.ts';
import { dailyKinds } from './daily/kinds.ts';

export const MAX_ROUND_NOTE_CHARS = 1000;
/** Far beyond any reading order (30 items x 12 people + prompts); only bounds hostile input. */
export const MAX_READ_STEP = 10_000;

export interface RoundNoteDoc {
  id: string;
  roundId: string;
  itemId: string;
  authorId: string;
  text: string;
  seq: number;
  createdAt: number;
}

export interface ReflectionDoc {
  id: string;
  exerciseId: string;
  answers: Answers;
  seq: number;
  createdAt: number;
}

/** The latest read-together position of one member in one round. */
export interface ReadPositionDoc {
  step: number;
  /** Its version: the newest position wins, whatever order records arrive in. */
  n: number;
  /** When the server stored it (informational: only to tell a reading happening now from an old one). */
  at: number;
}

/** One member's thank-you after reading a round together. */
export interface RoundThanksDoc {
  note: string | null;
  at: number;
}

export interface RoundDocs {
  /** By record id (idempotent when the cache is replayed). */
  notes: Map<string, RoundNoteDoc>;
  /** roundId -> authorId -> latest position. */
  positions: Map<string, Map<string, ReadPositionDoc>>;
  /** By record id; personal space only. */
  reflections: Map<string, ReflectionDoc>;
  /** roundId -> authorId -> their thank-you. */
  thanks: Map<string, Map<string, RoundThanksDoc>>;
}

export const roundDocs = docsFor<RoundDocs>(() => ({ notes: new Map(), positions: new Map(), reflections: new Map(), thanks: new Map() }));

export const roundNoteKind = defineKind({
  kind: 'round-note',
  schema: z.strictObject({ roundId: uuid, itemId: contentId, text: trimmed(1, MAX_ROUND_NOTE_CHARS) }),
  placement: 'shared',
  mutable: false,
  apply(state, body, meta) {
    const { roundId, itemId, text } = body;
    roundDocs(state).notes.set(meta.id, { id: meta.id, roundId, itemId, text, authorId: meta.authorId, seq: meta.seq, createdAt: meta.createdAt });
  },
});

export const readPositionKind = defineKind({
  kind: 'read-position',
  schema: z.strictObject({ roundId: uuid, step: z.number().check(z.int(), z.minimum(0), z.maximum(MAX_READ_STEP)) }),
  placement: 'shared',
  mutable: true,
  docKey: (body, authorId) => `${body.roundId} ${authorId}`,
  // "Where we are" is the newest position of any participant: one counter per round.
  versionScope: (body) => body.roundId,
  apply(state, body, meta) {
    const positions = roundDocs(state).positions;
    let byAuthor = positions.get(body.roundId);
    if (!byAuthor) positions.set(body.roundId, (byAuthor = new Map()));
    byAuthor.set(meta.authorId, { step: body.step, n: meta.n, at: meta.createdAt });
  },
});

export const roundThanksKind = defineKind({
  kind: 'round-thanks',
  schema: z.strictObject({ roundId: uuid, note: z.optional(trimmed(1, MAX_ROUND_NOTE_CHARS)) }),
  placement: 'shared',
  mutable: true,
  // Each member's own: a note added later replaces their thank-you without a note.
  docKey: (body, authorId) => `${body.roundId} ${authorId}`,
  apply(state, body, meta) {
    const thanks = roundDocs(state).thanks;
    let byAuthor = thanks.get(body.roundId);
    if (!byAuthor) thanks.set(body.roundId, (byAuthor = new Map()));
    byAuthor.set(meta.authorId, { note: body.note ?? null, at: meta.createdAt });
  },
});

export const reflectionKind = defineKind({
  kind: 'reflection',
  schema: z.strictObject({ exerciseId: contentId, answers: parsedBy(parseAnswersShape) }),
  placement: 'personal',
  mutable: false,
  apply(state, body, meta) {
    roundDocs(state).reflections.set(meta.id, { id: meta.id, exerciseId: body.exerciseId, answers: body.answers, seq: meta.seq, createdAt: meta.createdAt });
  },
});

export const roundsKinds = [roundNoteKind, readPositionKind, reflectionKind, roundThanksKind, ...dailyKinds];
