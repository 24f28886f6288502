/** The library actions the screens call: the engine loads only when a screen needs it. */
import { lazyEngine } from '../../platform/lazy.ts';
import type { LibraryActions } from './store.ts';

export const library = lazyEngine<LibraryActions>('library', () => import('./engine.ts'), {
  setProgramStatus: true,
  setStepDone: true,
  keep: true,
  chooseReason: true,
  saveAssessment: true,
  saveProgressSharing: true,
});
export const libraryActions = library.actions;
