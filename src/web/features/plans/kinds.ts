/**
 * The record kinds of plans and moments (docs/decisions/027-plans-time-and-calendar.md). All of
 * them travel encrypted; the server sees only that a record was written.
 * - 'plans-rhythm' (mutable, any space): a rhythm we keep ("a date every week on Saturday at
 *   19:00"), anchored in the time zone of whoever set it; anyone may change or end it.
 * - 'plan' (mutable, any space): a proposal for a time, an idea from the content (by id) or our
 *   own words, what to bring; anyone in the place may change or cancel it (a new version).
 * - 'plan-response' (mutable, shared): each member's answer to a plan at the time it then had:
 *   yes, another time (with the time), or pass.
 * - 'plan-after' (mutable, personal only): my "How was it?" (a feeling, a few words, or skipped).
 * - 'moment' (append-only, any space): a moment of connection in the place's log; a small step may be marked.
 * - 'plans-energy' (mutable, shared, one per member): how much energy I have for plans these days,
 *   shared by a tap so suggestions can fit the most tired of us.
 * - 'idea-favourite' (mutable, personal only) and 'own-idea' (mutable, any space): favourites and
 *   ideas we wrote ourselves.
 */
import { z } from 'zod/mini';
import { ENERGY_LEVELS, IDEA_PLACES, IDEA_RHYTHMS, type EnergyLevel, type IdeaPlace, type IdeaRhythm } from '../../../shared/ideas.ts';
import { contentId, parsedBy, trimmed, uuid } from '../../sync/fields.ts';
import { defineKind, docsFor } from '../../sync/kinds.ts';
import { DAY_RE, HHMM_RE, isTimeZone } from './zone.ts';

export const PLAN_LIMITS = { titleChars: 80, bringChars: 200, wordsChars: 500, momentChars: 500 } as const;

/** The rhythms a place can keep (each maps to the ideas of the same rhythm). */
export const RHYTHM_KINDS = ['daily', 'morning', 'evening', 'weekly', 'monthly'] as const satisfies readonly IdeaRhythm[];
export type RhythmKind = (typeof RHYTHM_KINDS)[number];
/** How often: every day, on weekdays, weekly, every other week, or on the first given weekday of a month. */
export const EVERY = ['day', 'weekday', 'week', 'two-weeks', 'month'] as const;
export type Every = (typeof EVERY)[number];
export const ANSWERS = ['yes', 'other-time', 'pass'] as const;
export type Answer = (typeof ANSWERS)[number];
/** Feelings for "How was it?" and for moments (words in messages.ts). */
export const FEELINGS = ['warm', 'close', 'calm', 'happy', 'playful', 'tender', 'tired', 'mixed'] as const;
export type Feeling = (typeof FEELINGS)[number];

const time = z.number().check(z.int(), z.minimum(0), z.maximum(Number.MAX_SAFE_INTEGER));
const minutes = z.number().check(z.int(), z.minimum(5), z.maximum(24 * 60));
const zone = parsedBy((v) => (isTimeZone(v) ? v : null));
const hhmm = z.string().check(z.regex(HHMM_RE));
const day = z.string().check(z.regex(DAY_RE));

export interface RhythmDoc {
  id: string;
  kind: RhythmKind;
  every: Every;
  /** ISO weekday 1 (Monday) to 7: the day of a weekly, fortnightly or monthly rhythm. */
  weekday: number;
  time: string;
  tz: string;
  minutes: number;
  /** The first day it may fall on ('YYYY-MM-DD' in tz): every other week counts from here. */
  start: string;
  by: string;
}

export interface PlanDoc {
  id: string;
  idea?: string;
  title?: string;
  bring?: string;
  at: number;
  minutes: number;
  tz: string;
  rhythm?: string;
  remind?: string;
  /** Who proposed it (the first version's author). */
  by: string;
  cancelled: boolean;
  /** Who wrote the version in force (a change shows "changed by"). */
  changedBy: string;
  n: number;
}

export interface ResponseDoc {
  plan: string;
  from: string;
  at: number;
  answer: Answer;
  other?: number;
  tz: string;
}

export interface AfterDoc {
  space: string;
  plan: string;
  feeling?: Feeling;
  words?: string;
  skipped: boolean;
}

export interface MomentDoc {
  id: string;
  from: string;
  text: string;
  at: number;
  step: boolean;
  feeling?: Feeling;
  plan?: string;
}

export interface EnergyDoc {
  from: string;
  level: EnergyLevel;
  at: number;
  tz: string;
}

export interface OwnIdeaDoc {
  id: string;
  by: string;
  title: string;
  bring?: string;
  rhythm: IdeaRhythm;
  energy: EnergyLevel;
  place: IdeaPlace;
}

export interface PlansDocs {
  rhythms: Map<string, RhythmDoc>;
  plans: Map<string, PlanDoc>;
  /** `${planId} ${userId}` -> answer. */
  responses: Map<string, ResponseDoc>;
  /** Personal space: plan id -> my "How was it?". */
  after: Map<string, AfterDoc>;
  moments: Map<string, MomentDoc>;
  energy: Map<string, EnergyDoc>;
  /** Personal space: idea ids I keep. */
  favourites: Set<string>;
  ownIdeas: Map<string, OwnIdeaDoc>;
}

export const plansDocs = docsFor<PlansDocs>(() => ({
  rhythms: new Map(),
  plans: new Map(),
  responses: new Map(),
  after: new Map(),
  moments: new Map(),
  energy: new Map(),
  favourites: new Set(),
  ownIdeas: new Map(),
}));

export const rhythmKind = defineKind({
  kind: 'plans-rhythm',
  schema: z.strictObject({
    rhythm: uuid,
    kind: z.enum(RHYTHM_KINDS),
    every: z.enum(EVERY),
    weekday: z.number().check(z.int(), z.minimum(1), z.maximum(7)),
    time: hhmm,
    tz: zone,
    minutes,
    start: day,
    ended: z.boolean(),
  }),
  placement: 'any',
  mutable: true,
  docKey: (body) => body.rhythm,
  apply(state, body, meta) {
    const docs = plansDocs(state);
    if (body.ended) {
      docs.rhythms.delete(body.rhythm);
      return;
    }
    const { rhythm, ended: _ended, ...rest } = body;
    docs.rhythms.set(rhythm, { id: rhythm, ...rest, by: meta.authorId });
  },
});

export const planKind = defineKind({
  kind: 'plan',
  schema: z
    .strictObject({
      plan: uuid,
      idea: z.optional(contentId),
      title: z.optional(trimmed(1, PLAN_LIMITS.titleChars)),
      bring: z.optional(trimmed(1, PLAN_LIMITS.bringChars)),
      at: time,
      minutes,
      tz: zone,
      rhythm: z.optional(uuid),
      by: uuid,
      cancelled: z.boolean(),
      /** The reminder's opaque id (made on the device; the server knows only this and when). */
      remind: z.optional(uuid),
    })
    .check(z.refine((b) => (b.idea === undefined) !== (b.title === undefined), 'an idea or a title')),
  placement: 'any',
  mutable: true,
  docKey: (body) => body.plan,
  apply(state, body, meta) {
    const { plan, ...rest } = body;
    plansDocs(state).plans.set(plan, { id: plan, ...rest, changedBy: meta.authorId, n: meta.n });
  },
});

export const responseKind = defineKind({
  kind: 'plan-response',
  schema: z.strictObject({ plan: uuid, at: time, answer: z.enum(ANSWERS), other: z.optional(time), tz: zone }),
  placement: 'shared',
  mutable: true,
  // Each member's own answer: another member's record lands on their own document.
  docKey: (body, authorId) => `${body.plan} ${authorId}`,
  apply(state, body, meta) {
    plansDocs(state).responses.set(`${body.plan} ${meta.authorId}`, { ...body, from: meta.authorId });
  },
});

export const afterKind = defineKind({
  kind: 'plan-after',
  schema: z.strictObject({
    space: uuid,
    plan: uuid,
    feeling: z.optional(z.enum(FEELINGS)),
    words: z.optional(trimmed(1, PLAN_LIMITS.wordsChars)),
    skipped: z.boolean(),
  }),
  placement: 'personal',
  mutable: true,
  docKey: (body) => body.plan,
  apply(state, body) {
    plansDocs(state).after.set(body.plan, body);
  },
});

export const momentKind = defineKind({
  kind: 'moment',
  schema: z.strictObject({
    text: trimmed(1, PLAN_LIMITS.momentChars),
    at: time,
    step: z.boolean(),
    feeling: z.optional(z.enum(FEELINGS)),
    plan: z.optional(uuid),
  }),
  placement: 'any',
  mutable: false,
  apply(state, body, meta) {
    plansDocs(state).moments.set(meta.id, { id: meta.id, from: meta.authorId, ...body });
  },
});

export const energyKind = defineKind({
  kind: 'plans-energy',
  schema: z.strictObject({ level: z.enum(ENERGY_LEVELS), at: time, tz: zone }),
  placement: 'shared',
  mutable: true,
  docKey: (_body, authorId) => authorId,
  apply(state, body, meta) {
    plansDocs(state).energy.set(meta.authorId, { from: meta.authorId, ...body });
  },
});

export const favouriteKind = defineKind({
  kind: 'idea-favourite',
  schema: z.strictObject({ idea: contentId, on: z.boolean() }),
  placement: 'personal',
  mutable: true,
  docKey: (body) => body.idea,
  apply(state, body) {
    const favourites = plansDocs(state).favourites;
    if (body.on) favourites.add(body.idea);
    else favourites.delete(body.idea);
  },
});

export const ownIdeaKind = defineKind({
  kind: 'own-idea',
  schema: z.strictObject({
    idea: uuid,
    title: trimmed(1, PLAN_LIMITS.titleChars),
    bring: z.optional(trimmed(1, PLAN_LIMITS.bringChars)),
    rhythm: z.enum(IDEA_RHYTHMS),
    energy: z.enum(ENERGY_LEVELS),
    place: z.enum(IDEA_PLACES),
    removed: z.boolean(),
  }),
  placement: 'any',
  mutable: true,
  docKey: (body) => body.idea,
  apply(state, body, meta) {
    const own = plansDocs(state).ownIdeas;
    if (body.removed) {
      own.delete(body.idea);
      return;
    }
    const { idea, removed: _removed, ...rest } = body;
    own.set(idea, { id: idea, by: meta.authorId, ...rest });
  },
});

export const plansKinds = [rhythmKind, planKind, responseKind, afterKind, momentKind, energyKind, favouriteKind, ownIdeaKind];
