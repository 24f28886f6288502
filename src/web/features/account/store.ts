/**
 * UI state of the account flows (not the account itself, which lives in state/store.ts).
 */
import { signal } from '@preact/signals';

/**
 * A recovery code to show once, right after sign-up or recovery, and where to go once the person
 * has confirmed they wrote it down. Memory only: it never touches storage.
 */
export const recoveryCodeToShow = signal<{ code: string; next: string } | null>(null);

/**
 * True while sign-up, sign-in or recovery is running: the actions switch to 'unlocked' before
 * they return (and before the recovery code is in our hands), so the guards wait for the flow.
 */
export const authFlowBusy = signal(false);
