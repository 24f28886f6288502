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

/**
 * A sign-up link's token (`/signup#link=...`, made by whoever runs the instance), taken out of
 * the address bar as soon as the sign-up screen opens. Memory only.
 */
export const signupLink = signal<string | null>(null);

const LINK_FRAGMENT = /^#link=([A-Za-z0-9_-]{43})$/;

/** Takes a sign-up link's token from the address bar (once), so it is not left in history. */
export function captureSignupLink(): void {
  if (typeof location === 'undefined') return;
  const match = LINK_FRAGMENT.exec(location.hash);
  if (!match) return;
  signupLink.value = match[1]!;
  history.replaceState(history.state, '', `${location.pathname}${location.search}`);
}

/** For useFormSubmit's onBusy: holds the signed-out screens in place while a flow runs. */
export function holdAuthFlow(busy: boolean): void {
  authFlowBusy.value = busy;
}
