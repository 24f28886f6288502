/**
 * Whether this device showed a recovery code that was never confirmed (the app closed on the
 * code's screen, say). The code itself is gone by then (it lives in memory only), so the reminder
 * offers to make a new one. Kept on this device until the code is confirmed; signing out clears it.
 */
import { signal } from '@preact/signals';
import { setUnconfirmed, unconfirmedOnThisDevice } from './recovery-flag.ts';
import { recoveryCodeToShow } from './store.ts';

/** True while a shown code waits for its confirmation; false once read and clear. */
export const recoveryUnconfirmed = signal(false);

export async function readRecoveryReminder(): Promise<void> {
  recoveryUnconfirmed.value = await unconfirmedOnThisDevice();
}

/** Shows a new recovery code once (sign-up, recovery, a new code); if the app closes before it is confirmed, the reminder stays. */
export async function showRecoveryCode(code: string, next: string): Promise<void> {
  await setUnconfirmed(true);
  recoveryUnconfirmed.value = true;
  recoveryCodeToShow.value = { code, next };
}

export async function recoveryCodeConfirmed(): Promise<void> {
  await setUnconfirmed(false);
  recoveryUnconfirmed.value = false;
}
