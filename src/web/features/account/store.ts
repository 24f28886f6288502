/**
 * UI state of the account flows (who is signed in lives in vault/status.ts).
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

/** For useFormSubmit's onBusy: holds the signed-out screens in place while a flow runs. */
export function holdAuthFlow(busy: boolean): void {
  authFlowBusy.value = busy;
}
