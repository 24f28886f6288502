/**
 * The library actions the screens call (LibraryActions in ../state/library-store.ts): the engine
 * loads only when a screen needs it.
 */
import { lazyActions, loadOnce } from '../lib/lazy.ts';
import type { LibraryActions } from '../state/library-store.ts';

const load = loadOnce(() =>
  import('./engine.ts').then((m) => {
    m.activate();
    return m.libraryActionsImpl;
  }),
);

/** Loads the engine and starts keeping the library signals up to date (idempotent). */
export async function activateLibrary(): Promise<void> {
  await load().catch((error: unknown) => console.warn('library did not load', (error as Error).message));
}

export const libraryActions = lazyActions<LibraryActions>(load, {
  setProgramStatus: true,
  setStepDone: true,
  keep: true,
  chooseReason: true,
  saveAssessment: true,
  saveProgressSharing: true,
});
