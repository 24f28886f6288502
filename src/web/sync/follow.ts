/**
 * The one way a feature (or spaces) follows sync: after every change it publishes its signals
 * from the engine's documents, and when sync stops (lock, sign out) it resets them.
 */
import type { LiveEvent } from '../../shared/api.ts';
import type { EngineChange } from './engine.ts';
import { engine } from './index.ts';

export interface Follower {
  /** Recomputes the signals from the engine's state; 'start' is the first call, at activation. */
  publish(change: Exclude<EngineChange, 'stopped'> | 'start'): void;
  /** Back to the empty state (nobody unlocked). */
  reset(): void;
  /** Live events as they arrive (most followers need only the changes they cause). */
  onLiveEvent?(event: LiveEvent): void;
}

/** Returns `activate`: the first call subscribes, publishes once and returns true; later calls do nothing. */
export function followSync(follower: Follower): () => boolean {
  let activated = false;
  return () => {
    if (activated) return false;
    activated = true;
    if (follower.onLiveEvent) engine.onLiveEvent((event) => follower.onLiveEvent?.(event));
    engine.onChange((change) => (change === 'stopped' ? follower.reset() : follower.publish(change)));
    follower.publish('start');
    return true;
  };
}
