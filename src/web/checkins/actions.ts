/**
 * The check-in actions the screens call (CheckinActions in ../state/checkins-store.ts): the
 * engine loads only when a screen needs it.
 */
import { lazyActions, loadOnce } from '../lib/lazy.ts';
import type { CheckinActions } from '../state/checkins-store.ts';

const load = loadOnce(() =>
  import('./engine.ts').then((m) => {
    m.activate();
    return m.checkinActionsImpl;
  }),
);

/** Loads the engine and starts keeping the check-in signals up to date (idempotent). */
export async function activateCheckins(): Promise<void> {
  await load().catch((error: unknown) => console.warn('check-ins did not load', (error as Error).message));
}

export const checkinActions = lazyActions<CheckinActions>(load, { checkIn: true, saveCheckinSettings: true });
