/**
 * The record kinds of the library (programs, keeps, onboarding, self-assessments):
 * - 'program-step' and 'program-state' (mutable): my progress; in my personal space, and copied to
 *   the shared spaces I share progress with;
 * - 'keep', 'onboarding', 'progress-sharing' (mutable) and 'assessment' (append-only): personal space only.
 */
import { z } from 'zod/mini';
import { defineKind, docsFor } from '../../sync/kinds.ts';
import { contentId, spaceIdSet } from '../../sync/fields.ts';

export type ProgramStatus = 'active' | 'paused';
/** dimensionId -> {now, matters} on 0-10; a passed question is absent. */
export type AssessmentScores = Record<string, { now?: number; matters?: number }>;

const MAX_DIMENSIONS = 20;

/** A document's value with its version (the newest wins; versions compare across spaces too). */
export interface Versioned<T> {
  value: T;
  n: number;
}

export interface LibraryDocs {
  /** `${authorId} ${programId}/${stepId}` -> done, with when that version was stored (informational). */
  steps: Map<string, Versioned<boolean> & { at: number }>;
  /** `${authorId} ${programId}` -> status, with the time it was first started. */
  programs: Map<string, Versioned<ProgramStatus> & { startedAt: number }>;
  /** Personal space only: `${what} ${ref}` -> kept. */
  keeps: Map<string, Versioned<boolean>>;
  onboarding: Versioned<string> | null;
  assessments: Map<string, { scores: AssessmentScores; seq: number; createdAt: number }>;
  progressSharing: Versioned<string[]> | null;
}

export const libraryDocs = docsFor<LibraryDocs>(() => ({
  steps: new Map(),
  programs: new Map(),
  keeps: new Map(),
  onboarding: null,
  assessments: new Map(),
  progressSharing: null,
}));

const score = z.number().check(z.int(), z.minimum(0), z.maximum(10));
const Scores = z
  .record(contentId, z.strictObject({ now: z.optional(score), matters: z.optional(score) }))
  .check(z.refine((s) => Object.keys(s).length > 0 && Object.keys(s).length <= MAX_DIMENSIONS, 'one to twenty dimensions'));

/** "programId/stepId" or "deckId/questionId". */
const Ref = z.string().check(z.refine((s) => {
  const parts = s.split('/');
  return parts.length === 2 && parts.every((p) => contentId.safeParse(p).success);
}, 'must be two content ids'));

export const programStepKind = defineKind({
  kind: 'program-step',
  schema: z.strictObject({ programId: contentId, stepId: contentId, done: z.boolean() }),
  placement: 'any',
  mutable: true,
  docKey: (body, authorId) => `${authorId} ${body.programId}/${body.stepId}`,
  apply(state, body, meta) {
    libraryDocs(state).steps.set(`${meta.authorId} ${body.programId}/${body.stepId}`, { value: body.done, n: meta.n, at: meta.createdAt });
  },
});

export const programStateKind = defineKind({
  kind: 'program-state',
  schema: z.strictObject({ programId: contentId, status: z.enum(['active', 'paused']) }),
  placement: 'any',
  mutable: true,
  docKey: (body, authorId) => `${authorId} ${body.programId}`,
  apply(state, body, meta) {
    const programs = libraryDocs(state).programs;
    const key = `${meta.authorId} ${body.programId}`;
    // When it started: the earliest version seen (informational, shown as "started on").
    const startedAt = Math.min(programs.get(key)?.startedAt ?? Infinity, meta.createdAt);
    programs.set(key, { value: body.status, n: meta.n, startedAt });
  },
});

export const keepKind = defineKind({
  kind: 'keep',
  schema: z.strictObject({ what: z.enum(['intention', 'favourite']), ref: Ref, kept: z.boolean() }),
  placement: 'personal',
  mutable: true,
  docKey: (body) => `${body.what} ${body.ref}`,
  apply(state, body, meta) {
    libraryDocs(state).keeps.set(`${body.what} ${body.ref}`, { value: body.kept, n: meta.n });
  },
});

export const onboardingKind = defineKind({
  kind: 'onboarding',
  schema: z.strictObject({ reasonId: contentId }),
  placement: 'personal',
  mutable: true,
  docKey: () => 'reason',
  apply(state, body, meta) {
    libraryDocs(state).onboarding = { value: body.reasonId, n: meta.n };
  },
});

export const assessmentKind = defineKind({
  kind: 'assessment',
  schema: z.strictObject({ scores: Scores }),
  placement: 'personal',
  mutable: false,
  apply(state, body, meta) {
    libraryDocs(state).assessments.set(meta.id, { scores: body.scores, seq: meta.seq, createdAt: meta.createdAt });
  },
});

export const progressSharingKind = defineKind({
  kind: 'progress-sharing',
  schema: z.strictObject({ shareWith: spaceIdSet }),
  placement: 'personal',
  mutable: true,
  docKey: () => 'sharing',
  apply(state, body, meta) {
    libraryDocs(state).progressSharing = { value: body.shareWith, n: meta.n };
  },
});

export const libraryKinds = [programStepKind, programStateKind, keepKind, onboardingKind, assessmentKind, progressSharingKind];
