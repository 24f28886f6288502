/**
 * Every record kind the app knows, registered with sync before the first sync (the cache is
 * replayed at start, so a kind registered later would miss its records). Each feature declares
 * its kinds in its own folder; this list is the one place that names them all.
 */
import { careKinds } from '../features/care/kinds.ts';
import { checkinsKinds } from '../features/checkins/kinds.ts';
import { comfortKinds } from '../features/comfort/kinds.ts';
import { libraryKinds } from '../features/library/kinds.ts';
import { listeningKinds } from '../features/listening/kinds.ts';
import { plansKinds } from '../features/plans/kinds.ts';
import { roundsKinds } from '../features/rounds/kinds.ts';
import { thinkingKinds } from '../features/thinking-of-you/kinds.ts';
import { spacesKinds } from '../spaces/kinds.ts';
import { registerKinds } from '../sync/kinds.ts';

export const ALL_KINDS = [...spacesKinds, ...checkinsKinds, ...roundsKinds, ...libraryKinds, ...thinkingKinds, ...comfortKinds, ...plansKinds, ...careKinds, ...listeningKinds];

export function registerAllKinds(): void {
  registerKinds(...ALL_KINDS);
}
