/** The comfort map's actions the screens call: the engine loads only when needed. */
import { lazyEngine } from '../../platform/lazy.ts';
import type { ComfortActions } from './store.ts';

export const comfort = lazyEngine<ComfortActions>('comfort map', () => import('./engine.ts'), {
  saveAnswers: true,
  startMatch: true,
  joinMatch: true,
  declineMatch: true,
  refresh: true,
});
export const comfortActions = comfort.actions;
