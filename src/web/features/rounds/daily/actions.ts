/** The daily question's actions; its engine (with the rounds engine) loads on first use. */
import { lazyEngine } from '../../../platform/lazy.ts';
import type { DailyActions } from './types.ts';

export const daily = lazyEngine<DailyActions>('daily question', () => import('./engine.ts'), { answer: true, setDepth: true });
export const dailyActions = daily.actions;
