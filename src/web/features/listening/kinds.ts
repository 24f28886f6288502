/**
 * The record kinds of listening turns and the bad-day share (docs/decisions/032-listening-turns.md).
 * All travel encrypted; the server sees only that a record was written.
 * - 'listening-turn' (mutable, shared): the state of one turn (machine.ts), one document per turn;
 *   either person writes its next version. No words in it, and nothing says who paused.
 * - 'listening-line' (append-only, shared): a piece of the typed mode, shown live; its author
 *   deletes it (a signed tombstone) when the turn ends.
 * - 'listening-summary' (append-only, shared): the short summary kept when both chose to.
 * - 'bad-day' (append-only, shared): "I'm having a hard day", an optional line, what would help.
 *   One per author per place: sharing again deletes the earlier one; it goes after a day.
 * - 'bad-day-reply' (append-only, shared): a kind reply, or one's own words, to a bad-day share.
 */
import { z } from 'zod/mini';
import { LISTENING_TOPICS } from '../../../shared/listening.ts';
import { trimmed, uuid } from '../../sync/fields.ts';
import { defineKind, docsFor } from '../../sync/kinds.ts';
import { CUES, DEVICES, ENDINGS, MODES, PHASES, STEPS, type Turn } from './machine.ts';

export const LISTENING_LIMITS = { lineChars: 1000, summaryChars: 300, badDayChars: 200, replyChars: 200 } as const;

/** What would help on a hard day (words in messages.ts). */
export const HELPS = ['talk', 'company', 'space', 'practical'] as const;
export type Help = (typeof HELPS)[number];
/** The kind replies to a bad-day share, by stable id. */
export const BAD_DAY_REPLIES = ['here', 'talk-tonight', 'bring-something', 'hug'] as const;
export type BadDayReplyId = (typeof BAD_DAY_REPLIES)[number];
export const ROLES = ['speaker', 'listener'] as const;
export type Role = (typeof ROLES)[number];

export interface LineDoc {
  id: string;
  from: string;
  turn: string;
  round: 0 | 1;
  role: Role;
  text: string;
  at: number;
}

export interface SummaryDoc {
  id: string;
  from: string;
  turn: string;
  text: string;
  at: number;
}

export interface BadDayDoc {
  id: string;
  from: string;
  help: Help[];
  line?: string;
  at: number;
}

export interface BadDayReplyDoc {
  id: string;
  from: string;
  to: string;
  share: string;
  reply?: BadDayReplyId;
  words?: string;
  at: number;
}

export interface ListeningDocs {
  turns: Map<string, Turn & { author: string }>;
  /** Every version of a turn applied here, by turn id: record id -> author (to delete one's own when it ends). */
  versions: Map<string, Map<string, string>>;
  lines: Map<string, LineDoc>;
  summaries: Map<string, SummaryDoc>;
  badDays: Map<string, BadDayDoc>;
  replies: Map<string, BadDayReplyDoc>;
}

export const listeningDocs = docsFor<ListeningDocs>(() => ({ turns: new Map(), versions: new Map(), lines: new Map(), summaries: new Map(), badDays: new Map(), replies: new Map() }));

const time = z.number().check(z.int(), z.minimum(0), z.maximum(Number.MAX_SAFE_INTEGER));
const optional = <T extends z.core.SomeType>(schema: T) => z.optional(schema);

/** The author's clock, no later than the server's time of storage (a clock far ahead cannot keep something up longer). */
const sentAt = (at: number, createdAt: number) => (createdAt > 0 ? Math.min(at, createdAt) : at);

export const turnSchema = z.strictObject({
  id: uuid,
  by: uuid,
  with: uuid,
  topic: z.enum(LISTENING_TOPICS),
  mode: z.enum(MODES),
  device: z.enum(DEVICES),
  phase: z.enum(PHASES),
  step: z.enum(STEPS),
  speaker: uuid,
  round: z.union([z.literal(0), z.literal(1)]),
  cue: optional(z.enum(CUES)),
  later: optional(time),
  back: optional(time),
  remind: optional(uuid),
  keep: z.array(uuid).check(z.maxLength(2)),
  ending: optional(z.enum(ENDINGS)),
  kept: z.boolean(),
  at: time,
});

export const turnKind = defineKind<Turn>({
  kind: 'listening-turn',
  schema: turnSchema as z.ZodMiniType<Turn, unknown>,
  placement: 'shared',
  mutable: true,
  docKey: (body) => body.id,
  // "Let go" while the other taps "keep" (each before seeing the other's tap): letting go is one
  // person's choice and ends the talk, so an ended version wins the tie.
  tieRank: (body) => (body.phase === 'ended' ? 1 : 0),
  apply(state, body, meta) {
    // Only the two people in the turn move it; a version by anyone else is not theirs to write.
    if (meta.authorId !== body.by && meta.authorId !== body.with) return;
    if (body.by === body.with || (body.speaker !== body.by && body.speaker !== body.with)) return;
    const docs = listeningDocs(state);
    docs.turns.set(body.id, { ...body, author: meta.authorId });
    const versions = docs.versions.get(body.id) ?? new Map<string, string>();
    versions.set(meta.id, meta.authorId);
    docs.versions.set(body.id, versions);
  },
});

export const lineKind = defineKind({
  kind: 'listening-line',
  schema: z.strictObject({ turn: uuid, round: z.union([z.literal(0), z.literal(1)]), role: z.enum(ROLES), text: trimmed(1, LISTENING_LIMITS.lineChars), at: time }),
  placement: 'shared',
  mutable: false,
  apply(state, body, meta) {
    listeningDocs(state).lines.set(meta.id, { id: meta.id, from: meta.authorId, ...body, at: sentAt(body.at, meta.createdAt) });
  },
});

export const summaryKind = defineKind({
  kind: 'listening-summary',
  schema: z.strictObject({ turn: uuid, text: trimmed(1, LISTENING_LIMITS.summaryChars), at: time }),
  placement: 'shared',
  mutable: false,
  apply(state, body, meta) {
    listeningDocs(state).summaries.set(meta.id, { id: meta.id, from: meta.authorId, ...body, at: sentAt(body.at, meta.createdAt) });
  },
});

const helps = z.array(z.enum(HELPS)).check(
  z.maxLength(HELPS.length),
  z.refine((list) => new Set(list).size === list.length, 'must not repeat'),
);

export const badDayKind = defineKind({
  kind: 'bad-day',
  schema: z.strictObject({ help: helps, line: optional(trimmed(1, LISTENING_LIMITS.badDayChars)), at: time }),
  placement: 'shared',
  mutable: false,
  apply(state, body, meta) {
    listeningDocs(state).badDays.set(meta.id, { id: meta.id, from: meta.authorId, help: body.help, ...(body.line ? { line: body.line } : {}), at: sentAt(body.at, meta.createdAt) });
  },
});

export const badDayReplyKind = defineKind({
  kind: 'bad-day-reply',
  schema: z
    .strictObject({ share: uuid, to: uuid, reply: optional(z.enum(BAD_DAY_REPLIES)), words: optional(trimmed(1, LISTENING_LIMITS.replyChars)), at: time })
    .check(z.refine((b) => (b.reply === undefined) !== (b.words === undefined), 'a kind reply or own words, one of them')),
  placement: 'shared',
  mutable: false,
  apply(state, body, meta) {
    if (body.to === meta.authorId) return;
    listeningDocs(state).replies.set(meta.id, { id: meta.id, from: meta.authorId, ...body, at: sentAt(body.at, meta.createdAt) });
  },
});

export const listeningKinds = [turnKind, lineKind, summaryKind, badDayKind, badDayReplyKind];
