/** The touch program's actions the screens call: the engine loads only when needed. */
import { lazyEngine } from '../../../platform/lazy.ts';
import type { TouchProgramActions } from './store.ts';

export const touchProgram = lazyEngine<TouchProgramActions>('touch program', () => import('./engine.ts'), {
  setReady: true,
  stepBack: true,
  setPaused: true,
  checkIn: true,
});
export const touchProgramActions = touchProgram.actions;
