/** Care's actions: the notes engine loads only when a sheet's note is opened or saved. */
import { lazyEngine } from '../../platform/lazy.ts';
import type { CareActions } from './store.ts';

export const care = lazyEngine<CareActions>('care', () => import('./engine.ts'), { saveNote: true });
export const careActions = care.actions;
