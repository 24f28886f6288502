import { spaces } from './store.ts';
import { syncState } from '../sync/status.ts';
import type { SpaceView } from './types.ts';

/**
 * The space with this id, 'loading' while the first sync has not brought it yet, or null when
 * it is not one of mine.
 */
export function useSpace(id: string): SpaceView | 'loading' | null {
  const space = spaces.value.find((s) => s.id === id);
  if (space) return space;
  if (syncState.value.lastSyncedAt === null) return 'loading';
  return null;
}
