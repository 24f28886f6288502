/**
 * Every record kind the app knows, registered with sync before the first sync (the cache is
 * replayed at start, so a kind registered later would miss its records). Each feature declares
 * its kinds in its own folder; this list is the one place that names them all.
 */
import { checkinsKinds } from '../features/checkins/kinds.ts';
import { libraryKinds } from '../features/library/kinds.ts';
import { roundsKinds } from '../features/rounds/kinds.ts';
import { spacesKinds } from '../spaces/kinds.ts';
import { registerKinds } from '../sync/kinds.ts';

export const ALL_KINDS = [...spacesKinds, ...checkinsKinds, ...roundsKinds, ...libraryKinds];

export function registerAllKinds(): void {
  registerKinds(...ALL_KINDS);
}
