/**
 * The record kinds of check-ins:
 * - 'checkin' (append-only): in my personal space in full; in a shared space where I share my
 *   scores, a copy with the two closeness scores only (and the note when I shared that one note).
 * - 'checkin-settings' (mutable, personal space only): the health scales shown, the spaces I share with.
 */
import { z } from 'zod/mini';
import { defineKind, docsFor } from '../../sync/kinds.ts';
import { parsedBy, spaceIdSet } from '../../sync/fields.ts';
import { parseCheckin, type Checkin } from './checkin.ts';

export interface CheckinDoc {
  id: string;
  authorId: string;
  checkin: Checkin;
  seq: number;
}

export interface CheckinSettingsDoc {
  health: boolean;
  shareWith: string[];
}

export interface CheckinDocs {
  /** By record id (idempotent when the cache is replayed). */
  checkins: Map<string, CheckinDoc>;
  /** My latest choices (personal space only). */
  settings: CheckinSettingsDoc | null;
}

export const checkinDocs = docsFor<CheckinDocs>(() => ({ checkins: new Map(), settings: null }));

export const checkinKind = defineKind({
  kind: 'checkin',
  schema: z.strictObject({ checkin: parsedBy(parseCheckin) }),
  placement: 'any',
  mutable: false,
  apply(state, body, meta) {
    // The author is bound into the ciphertext, so a check-in is always the author's own.
    checkinDocs(state).checkins.set(meta.id, { id: meta.id, authorId: meta.authorId, checkin: body.checkin, seq: meta.seq });
  },
});

export const checkinSettingsKind = defineKind({
  kind: 'checkin-settings',
  schema: z.strictObject({ health: z.boolean(), shareWith: spaceIdSet }),
  placement: 'personal',
  mutable: true,
  docKey: () => 'settings',
  apply(state, body) {
    checkinDocs(state).settings = { health: body.health, shareWith: body.shareWith };
  },
});

export const checkinsKinds = [checkinKind, checkinSettingsKind];
