/**
 * The comfort map's record kinds (issue 13; ADR 026), both in my personal place, read by nobody else:
 * - 'comfort-answers' (mutable): my map. `answers` holds only the items I marked yes or maybe;
 *   an item absent is "not now" (the default, never explained). `hiddenGroups`: groups I chose
 *   not to see at all.
 * - 'comfort-match' (append-only): the result of one match with one partner in one shared place,
 *   kept privately by each of the two: the items both marked, 'both-yes' or 'open' (yes or maybe
 *   on both sides, not both yes). Nothing about any other item is ever known, so nothing else is kept.
 * - 'comfort-run-secret' (mutable, one per run): what one side keeps between the phases of a
 *   match it takes part in (its secret scalar and which slot holds which element), so any of my
 *   devices can carry the run on; deleted once the run ends.
 * The touch program's kinds (content's, in program/kinds.ts) join this feature's list.
 */
import { z } from 'zod/mini';
import { B64URL_RE } from '../../../shared/base64.ts';
import { contentId, uuid } from '../../sync/fields.ts';
import { defineKind, docsFor } from '../../sync/kinds.ts';
import { programKinds } from './program/kinds.ts';

/** Far beyond the catalog's size; only bounds hostile input. */
const MAX_ITEMS = 400;

export type ComfortAnswer = 'yes' | 'maybe';
export type ComfortOutcome = 'both-yes' | 'open';

export interface ComfortAnswers {
  answers: Record<string, ComfortAnswer>;
  hiddenGroups: string[];
}

export interface ComfortMatch {
  id: string;
  spaceId: string;
  partnerId: string;
  runId: string;
  at: number;
  items: Record<string, ComfortOutcome>;
}

export interface ComfortRunSecret {
  runId: string;
  /** The scalar's 32 bytes, base64url. */
  scalar: string;
  /** Per slot of my phase 1 message: `${itemId}\u0000${tier}`, or null for padding. */
  labels: (string | null)[];
  /** Every stored version's record id (all are deleted when the run ends). */
  ids: string[];
}

export interface ComfortDocs {
  answers: ComfortAnswers | null;
  /** By run id (one result per run). */
  matches: Map<string, ComfortMatch>;
  /** By run id: runs of mine still under way. */
  secrets: Map<string, ComfortRunSecret>;
}

export const comfortDocs = docsFor<ComfortDocs>(() => ({ answers: null, matches: new Map(), secrets: new Map() }));

const time = z.number().check(z.int(), z.minimum(0), z.maximum(Number.MAX_SAFE_INTEGER));
const bounded = <T extends z.ZodMiniType>(schema: T) =>
  schema.check(z.refine((v: unknown) => Object.keys(v as object).length <= MAX_ITEMS, 'too many items'));

export const comfortAnswersKind = defineKind({
  kind: 'comfort-answers',
  schema: z.strictObject({
    answers: bounded(z.record(contentId, z.enum(['yes', 'maybe']))),
    hiddenGroups: z.array(contentId).check(z.maxLength(64)),
  }),
  placement: 'personal',
  mutable: true,
  docKey: () => 'comfort-answers',
  apply(state, body) {
    comfortDocs(state).answers = { answers: { ...body.answers }, hiddenGroups: [...body.hiddenGroups] };
  },
});

export const comfortMatchKind = defineKind({
  kind: 'comfort-match',
  schema: z.strictObject({
    spaceId: uuid,
    partnerId: uuid,
    runId: uuid,
    at: time,
    items: bounded(z.record(contentId, z.enum(['both-yes', 'open']))),
  }),
  placement: 'personal',
  mutable: false,
  apply(state, body, meta) {
    comfortDocs(state).matches.set(body.runId, { id: meta.id, ...body, items: { ...body.items } });
  },
});

/** An element label: an item id, a NUL, a tier (psi.ts). */
const LABEL_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*\u0000(?:open|yes)$/;

export const comfortRunSecretKind = defineKind({
  kind: 'comfort-run-secret',
  schema: z.strictObject({
    runId: uuid,
    scalar: z.string().check(z.length(43), z.regex(B64URL_RE)),
    labels: z.array(z.nullable(z.string().check(z.maxLength(80), z.regex(LABEL_RE)))).check(z.minLength(2), z.maxLength(MAX_ITEMS)),
  }),
  placement: 'personal',
  // Only a run of this account can use it; it ends with the run, so copies leave it out.
  copied: false,
  mutable: true,
  docKey: (body) => `comfort-run-secret ${body.runId}`,
  apply(state, body, meta) {
    const secrets = comfortDocs(state).secrets;
    const ids = secrets.get(body.runId)?.ids ?? [];
    secrets.set(body.runId, { runId: body.runId, scalar: body.scalar, labels: [...body.labels], ids: ids.includes(meta.id) ? ids : [...ids, meta.id] });
  },
});

export const comfortKinds = [comfortAnswersKind, comfortMatchKind, comfortRunSecretKind, ...programKinds];
