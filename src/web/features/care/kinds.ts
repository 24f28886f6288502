/**
 * The one record kind of care: 'care-note' (mutable, personal space only), a question sheet made
 * into my own private note, one per sheet. Nothing of the help centre, the "I don't feel safe"
 * page or quick exit is ever written anywhere; only a note the person saves on purpose.
 */
import { z } from 'zod/mini';
import { defineKind, docsFor } from '../../sync/kinds.ts';
import { contentId } from '../../sync/fields.ts';

/** About four printed pages of questions and answers. */
export const NOTE_MAX_CHARS = 8000;

export interface CareNote {
  /** Empty when the person cleared it (a note from before clearing deleted its versions). */
  text: string;
  n: number;
  /** Every version's record id applied here, so clearing can delete them all. */
  ids: string[];
}

export interface CareDocs {
  /** By sheet id. */
  notes: Map<string, CareNote>;
}

export const careDocs = docsFor<CareDocs>(() => ({ notes: new Map() }));

export const careNoteKind = defineKind({
  kind: 'care-note',
  schema: z.strictObject({ sheet: contentId, text: z.string().check(z.maxLength(NOTE_MAX_CHARS)) }),
  placement: 'personal',
  mutable: true,
  docKey: (body) => body.sheet,
  apply(state, body, meta) {
    const notes = careDocs(state).notes;
    const ids = notes.get(body.sheet)?.ids ?? [];
    notes.set(body.sheet, { text: body.text, n: meta.n, ids: ids.includes(meta.id) ? ids : [...ids, meta.id] });
  },
});

export const careKinds = [careNoteKind];
