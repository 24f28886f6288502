/**
 * The record kinds of the question of the day:
 * - 'daily-settings' (mutable, any space): how deep the space's questions go; any member may change it;
 * - 'daily-answer' (append-only, personal space): a question answered alone, kept only for me.
 * The shared answers are not records: they go through the rounds' reveal gate.
 */
import { z } from 'zod/mini';
import { defineKind, docsFor } from '../../../sync/kinds.ts';
import { contentId, trimmed, uuid } from '../../../sync/fields.ts';
import { DAILY_DEPTHS, type DailyDepth } from './draw.ts';
import { isDay } from './day.ts';
import { MAX_DAILY_ANSWER_CHARS, type PrivateDailyAnswer } from './types.ts';

export interface DailyDocs {
  /** The space's chosen depth; null until someone chose (the default applies). */
  depth: DailyDepth | null;
  /** By record id; personal space only. */
  answers: Map<string, PrivateDailyAnswer & { seq: number }>;
}

export const dailyDocs = docsFor<DailyDocs>(() => ({ depth: null, answers: new Map() }));

const day = z.string().check(z.refine(isDay, 'must be a calendar day'));

export const dailySettingsKind = defineKind({
  kind: 'daily-settings',
  schema: z.strictObject({ depth: z.enum(DAILY_DEPTHS) }),
  placement: 'any',
  mutable: true,
  // One setting per space, which any member may change: concurrent changes settle by version.
  docKey: () => 'settings',
  apply(state, body) {
    dailyDocs(state).depth = body.depth;
  },
});

export const dailyAnswerKind = defineKind({
  kind: 'daily-answer',
  schema: z.strictObject({ spaceId: uuid, day, exerciseId: contentId, text: z.nullable(trimmed(1, MAX_DAILY_ANSWER_CHARS)) }),
  placement: 'personal',
  mutable: false,
  apply(state, body, meta) {
    dailyDocs(state).answers.set(meta.id, { id: meta.id, ...body, createdAt: meta.createdAt, seq: meta.seq });
  },
});

export const dailyKinds = [dailySettingsKind, dailyAnswerKind];
