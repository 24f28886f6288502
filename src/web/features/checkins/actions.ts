/** The check-in actions the screens call: the engine loads only when a screen needs it. */
import { lazyEngine } from '../../platform/lazy.ts';
import type { CheckinActions } from './store.ts';

export const checkins = lazyEngine<CheckinActions>('check-ins', () => import('./engine.ts'), { checkIn: true, saveCheckinSettings: true });
export const checkinActions = checkins.actions;
