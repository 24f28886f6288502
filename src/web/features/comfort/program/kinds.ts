/**
 * The touch program's record kinds, in the pair's shared place (issue 13, item 4), sealed to the
 * pair (ADR 026, "The touch program"): a third member of the place holds the place's key, so the
 * body the place's key protects says only who wrote for whom (`with`); what they wrote is a note
 * sealed under the key of the two (src/crypto/pair.ts), opened by the program's engine.
 * - 'touch-program' (mutable): one person's own progress with one partner: the sessions after
 *   which they said "ready for the next", and whether they paused. Each writes only their own
 *   document (the author is part of its key), so nobody can say "ready" or "resume" for another.
 * - 'touch-program-check-in' (append-only): one person's check-in after a session with one
 *   partner: how safe and how close it felt (0-10), and anything to change, in their words.
 * What the note holds is checked with `progressNote` and `checkInNote` once opened.
 */
import { z } from 'zod/mini';
import { B64URL_RE } from '../../../../shared/base64.ts';
import { contentId, trimmed, uuid } from '../../../sync/fields.ts';
import { defineKind, docsFor } from '../../../sync/kinds.ts';

/** Far beyond the program's sessions; only bounds hostile input. */
const MAX_SESSIONS = 20;
export const CHECK_IN_NOTE_CHARS = 500;
/** A sealed note in base64url: a 2 KiB plaintext bucket is far beyond any note of ours. */
const MAX_SEALED_CHARS = 3_000;

export interface ProgressDoc {
  ready: string[];
  paused: boolean;
}

export interface CheckInDoc {
  id: string;
  from: string;
  with: string;
  session: string;
  safe: number;
  close: number;
  change: string | null;
  at: number;
}

/** A note as the place's key shows it: who wrote it for whom, and the sealed bytes. */
export interface SealedNote {
  id: string;
  from: string;
  with: string;
  sealed: string;
  /** The server's time of storage (0 while only queued here). */
  createdAt: number;
}

export interface TouchProgramDocs {
  /** `${authorId} ${partnerId}` -> that author's sealed progress with that partner. */
  progress: Map<string, SealedNote>;
  /** By record id. */
  checkIns: Map<string, SealedNote>;
}

export const touchProgramDocs = docsFor<TouchProgramDocs>(() => ({ progress: new Map(), checkIns: new Map() }));

const score = z.number().check(z.int(), z.minimum(0), z.maximum(10));
const time = z.number().check(z.int(), z.minimum(0), z.maximum(Number.MAX_SAFE_INTEGER));
const sessionIds = z.pipe(
  z.array(contentId).check(z.maxLength(MAX_SESSIONS)),
  z.transform((ids: string[]) => [...new Set(ids)]),
);
const sealed = z.string().check(z.minLength(1), z.maxLength(MAX_SEALED_CHARS), z.regex(B64URL_RE));

/** What a progress note holds, once opened. */
export const progressNote = z.strictObject({ ready: sessionIds, paused: z.boolean() });
/** What a check-in note holds, once opened. */
export const checkInNote = z.strictObject({
  session: contentId,
  safe: score,
  close: score,
  change: z.optional(trimmed(1, CHECK_IN_NOTE_CHARS)),
  at: time,
});

export const touchProgressKind = defineKind({
  kind: 'touch-program',
  schema: z.strictObject({ with: uuid, sealed }),
  placement: 'shared',
  mutable: true,
  docKey: (body, authorId) => `${authorId} ${body.with}`,
  apply(state, body, meta) {
    if (body.with === meta.authorId) return; // a program is with someone else
    touchProgramDocs(state).progress.set(`${meta.authorId} ${body.with}`, { id: meta.id, from: meta.authorId, with: body.with, sealed: body.sealed, createdAt: meta.createdAt });
  },
});

export const touchCheckInKind = defineKind({
  kind: 'touch-program-check-in',
  schema: z.strictObject({ with: uuid, sealed }),
  placement: 'shared',
  mutable: false,
  apply(state, body, meta) {
    if (body.with === meta.authorId) return;
    touchProgramDocs(state).checkIns.set(meta.id, { id: meta.id, from: meta.authorId, with: body.with, sealed: body.sealed, createdAt: meta.createdAt });
  },
});

export const programKinds = [touchProgressKind, touchCheckInKind];
