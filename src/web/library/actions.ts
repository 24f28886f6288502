/**
 * The library actions the screens call (LibraryActions in ../state/library-store.ts). A thin
 * facade like ../checkins/actions.ts: the engine loads only when a screen needs it.
 */
import type { LibraryActions } from '../state/library-store.ts';

let loading: Promise<LibraryActions> | null = null;

function load(): Promise<LibraryActions> {
  loading ??= import('./engine.ts')
    .then((m) => {
      m.activate();
      return m.libraryActionsImpl;
    })
    .catch((error: unknown) => {
      loading = null; // a failed chunk load (offline) may succeed later
      throw error;
    });
  return loading;
}

/** Loads the engine and starts keeping the library signals up to date (idempotent). */
export async function activateLibrary(): Promise<void> {
  await load().catch((error: unknown) => console.warn('library did not load', (error as Error).message));
}

export const libraryActions: LibraryActions = {
  setProgramStatus: async (programId, status) => (await load()).setProgramStatus(programId, status),
  setStepDone: async (programId, stepId, done) => (await load()).setStepDone(programId, stepId, done),
  keep: async (what, ref, keep) => (await load()).keep(what, ref, keep),
  chooseReason: async (reasonId) => (await load()).chooseReason(reasonId),
  saveAssessment: async (scores) => (await load()).saveAssessment(scores),
  saveProgressSharing: async (shareWith) => (await load()).saveProgressSharing(shareWith),
};
