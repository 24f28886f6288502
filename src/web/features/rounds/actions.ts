/**
 * The rounds actions the screens call: the engine, the exercise content and the round crypto load
 * only when an action needs them (or a screen first reads a rounds signal).
 */
import { lazyEngine } from '../../platform/lazy.ts';
import type { RoundActions } from './store.ts';

export const rounds = lazyEngine<RoundActions>('rounds', () => import('./engine.ts'), {
  startRound: true,
  loadDraft: true,
  saveDraft: true,
  clearDraft: true,
  sealAnswers: true,
  withdrawRound: true,
  openRevealed: true,
  addFollowUpNote: true,
  deleteFollowUpNote: true,
  setReadPosition: true,
  saveReflection: true,
  sayThanks: true,
});
export const roundActions = rounds.actions;
