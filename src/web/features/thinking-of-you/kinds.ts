/**
 * The record kinds of "thinking of you" (docs/decisions/023-thinking-of-you.md):
 * - 'thinking-of-you' (append-only, shared spaces): a content-free notice from its author to one
 *   member (`to`: their user id) or to everyone in the space (`to`: 'all'). Who it is for stays
 *   inside the ciphertext; the server sees only that a record was written.
 * - 'thinking-of-you-reply' (append-only, shared spaces): one of a few fixed kind replies to a
 *   notice (its record id), for the notice's author.
 * - 'thinking-of-you-seen' (mutable, personal space only): a notice or a reply I closed without
 *   answering, so it leaves my other devices too. Nobody else learns of it.
 *
 * Each author keeps at most one notice per person (and one reply per person) in a space: sending
 * again deletes the earlier one (a signed tombstone), so no history builds up of who sent more.
 */
import { z } from 'zod/mini';
import { defineKind, docsFor } from '../../sync/kinds.ts';
import { uuid } from '../../sync/fields.ts';

/** The replies, by stable id (never reused; their words live in messages.ts). */
export const REPLY_IDS = ['thinking-of-you-too', 'made-me-smile', 'sending-a-hug', 'cant-talk-now'] as const;
export type ReplyId = (typeof REPLY_IDS)[number];

/** Everyone in the space, rather than one member. */
export const EVERYONE = 'all';

export interface NoticeDoc {
  id: string;
  from: string;
  /** A member's user id, or 'all'. */
  to: string;
  /** When it was sent: the author's clock, no later than the server's time of storage. */
  at: number;
}

export interface ReplyDoc {
  id: string;
  from: string;
  /** The notice's author. */
  to: string;
  notice: string;
  reply: ReplyId;
  at: number;
}

export interface ThinkingDocs {
  /** Shared spaces: by record id. */
  notices: Map<string, NoticeDoc>;
  replies: Map<string, ReplyDoc>;
  /** Personal space: `${spaceId} ${userId} ${what}` -> the record id closed. */
  seen: Map<string, string>;
}

export const thinkingDocs = docsFor<ThinkingDocs>(() => ({ notices: new Map(), replies: new Map(), seen: new Map() }));

/** Epoch milliseconds: a whole, non-negative number. */
const time = z.number().check(z.int(), z.minimum(0), z.maximum(Number.MAX_SAFE_INTEGER));

/**
 * The author's clock says when; a clock far ahead cannot keep a notice up longer than the
 * server's time of storage allows (a server can only make it look older, never newer).
 */
function sentAt(at: number, createdAt: number): number {
  return createdAt > 0 ? Math.min(at, createdAt) : at;
}

export const thinkingKind = defineKind({
  kind: 'thinking-of-you',
  schema: z.strictObject({ to: z.union([z.literal(EVERYONE), uuid]), at: time }),
  placement: 'shared',
  mutable: false,
  apply(state, body, meta) {
    if (body.to === meta.authorId) return; // not a notice to oneself
    thinkingDocs(state).notices.set(meta.id, { id: meta.id, from: meta.authorId, to: body.to, at: sentAt(body.at, meta.createdAt) });
  },
});

export const thinkingReplyKind = defineKind({
  kind: 'thinking-of-you-reply',
  schema: z.strictObject({ notice: uuid, to: uuid, reply: z.enum(REPLY_IDS), at: time }),
  placement: 'shared',
  mutable: false,
  apply(state, body, meta) {
    if (body.to === meta.authorId) return;
    thinkingDocs(state).replies.set(meta.id, {
      id: meta.id,
      from: meta.authorId,
      to: body.to,
      notice: body.notice,
      reply: body.reply,
      at: sentAt(body.at, meta.createdAt),
    });
  },
});

export const thinkingSeenKind = defineKind({
  kind: 'thinking-of-you-seen',
  schema: z.strictObject({ spaceId: uuid, userId: uuid, what: z.enum(['notice', 'reply']), record: uuid }),
  placement: 'personal',
  mutable: true,
  docKey: (body) => `${body.spaceId} ${body.userId} ${body.what}`,
  apply(state, body) {
    thinkingDocs(state).seen.set(`${body.spaceId} ${body.userId} ${body.what}`, body.record);
  },
});

export const thinkingKinds = [thinkingKind, thinkingReplyKind, thinkingSeenKind];
