/** The plans actions the screens call: the engine loads only when needed. */
import { lazyEngine } from '../../platform/lazy.ts';
import type { PlansActions } from './store.ts';

export const plans = lazyEngine<PlansActions>('plans', () => import('./engine.ts'), {
  keepRhythm: true,
  endRhythm: true,
  propose: true,
  answer: true,
  changePlan: true,
  cancelPlan: true,
  setEnergy: true,
  setFavourite: true,
  addOwnIdea: true,
  removeOwnIdea: true,
  howWasIt: true,
  addMoment: true,
  removeMoment: true,
});
export const plansActions = plans.actions;
