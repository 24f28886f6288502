/**
 * The check-in actions the screens call (CheckinActions in ../state/checkins-store.ts). A thin
 * facade like ../rounds/actions.ts: the engine loads only when a screen needs it.
 */
import type { CheckinActions } from '../state/checkins-store.ts';

let loading: Promise<CheckinActions> | null = null;

function load(): Promise<CheckinActions> {
  loading ??= import('./engine.ts')
    .then((m) => {
      m.activate();
      return m.checkinActionsImpl;
    })
    .catch((error: unknown) => {
      loading = null; // a failed chunk load (offline) may succeed later
      throw error;
    });
  return loading;
}

/** Loads the engine and starts keeping the check-in signals up to date (idempotent). */
export async function activateCheckins(): Promise<void> {
  await load().catch((error: unknown) => console.warn('check-ins did not load', (error as Error).message));
}

export const checkinActions: CheckinActions = {
  checkIn: async (input) => (await load()).checkIn(input),
  saveCheckinSettings: async (settings) => (await load()).saveCheckinSettings(settings),
};
