/**
 * Signals and actions for care's one kind of data: private notes made from question sheets.
 * The implementation lives in engine.ts and loads on demand (see actions.ts).
 */
import { signal } from '@preact/signals';
import { care } from './actions.ts';

const { watched } = care;

export interface CareActions {
  /** Saves my note for a sheet in my personal space (an empty text clears it). */
  saveNote(input: { sheet: string; text: string }): Promise<void>;
}

/** My notes by sheet id (personal space; a queued save shows at once). */
export const careNotes = signal<ReadonlyMap<string, string>>(new Map(), watched);
/** False until the notes have been read from the synced data. */
export const careReady = signal(false, watched);
