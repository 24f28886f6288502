/** The "thinking of you" actions the screens call: the engine loads only when needed. */
import { lazyEngine } from '../../platform/lazy.ts';
import type { ThinkingActions } from './store.ts';

export const thinking = lazyEngine<ThinkingActions>('thinking of you', () => import('./engine.ts'), { send: true, reply: true, close: true });
export const thinkingActions = thinking.actions;
