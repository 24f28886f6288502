/**
 * Notes made from question sheets, on top of the sync engine: a mutable record per sheet in my
 * personal space (only I can read it), written through the outbox (works offline); clearing one
 * deletes all its versions. Nothing here writes to a shared place.
 */
import { ActionError } from '../../platform/errors/action-error.ts';
import { sameJson } from '../../platform/same-json.ts';
import { personalSpaceId } from '../../spaces/my-spaces.ts';
import { followSync } from '../../sync/follow.ts';
import { engine } from '../../sync/index.ts';
import { NOTE_MAX_CHARS, careDocs, careNoteKind } from './kinds.ts';
import { careNotes, careReady, type CareActions } from './store.ts';

export const activate = followSync({ publish: () => publish(), reset });

function reset(): void {
  careNotes.value = new Map();
  careReady.value = false;
}

function publish(): void {
  const personalId = personalSpaceId();
  if (!personalId) return;
  const notes = new Map<string, string>();
  const state = engine.spaceState(personalId);
  if (state) for (const [sheet, note] of careDocs(state).notes) notes.set(sheet, note.text);
  for (const q of engine.queuedOf(personalId, careNoteKind)) notes.set(q.body.sheet, q.body.text);
  for (const [sheet, text] of notes) if (text === '') notes.delete(sheet);
  if (!sameJson([...careNotes.value], [...notes])) careNotes.value = notes;
  careReady.value = true;
}

export const actions: CareActions = {
  async saveNote({ sheet, text }) {
    const personalId = personalSpaceId();
    if (!personalId) throw new ActionError('unauthenticated');
    const body = text.trim();
    if (body.length > NOTE_MAX_CHARS) throw new ActionError('payload-too-large');
    if (body === '') {
      // Cleared means gone: every version of the note is deleted (a signed tombstone; writes still
      // in the outbox are cancelled), not hidden behind an empty one.
      const state = engine.spaceState(personalId);
      const ids = [
        ...(state ? (careDocs(state).notes.get(sheet)?.ids ?? []) : []),
        ...engine.queuedOf(personalId, careNoteKind).filter((q) => q.body.sheet === sheet).map((q) => q.id),
      ];
      if (ids.length > 0) await engine.deleteRecords(personalId, ids);
    } else {
      await engine.write(personalId, careNoteKind, { sheet, text: body });
    }
    publish();
  },
};
