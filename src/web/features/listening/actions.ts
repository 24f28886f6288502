/** The listening actions the screens call: the engine loads only when needed. */
import { lazyEngine } from '../../platform/lazy.ts';
import type { ListeningActions } from './store.ts';

export const listening = lazyEngine<ListeningActions>('listening', () => import('./engine.ts'), {
  ask: true,
  act: true,
  keepSummary: true,
  shareBadDay: true,
  withdrawBadDay: true,
  replyBadDay: true,
});
export const listeningActions = listening.actions;
