/**
 * Signed out (or the account deleted, or the session ended elsewhere): the server ends the
 * session's push subscription itself; this drops the browser's too, so nothing of this account
 * lingers on the device. The app calls it when it sees the signed-out state (app/main.tsx); the
 * settings and place names went with the device's database when it was wiped.
 */
export async function forgetPushHere(): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  const registration = await navigator.serviceWorker.getRegistration().catch(() => undefined);
  const subscription = await registration?.pushManager?.getSubscription().catch(() => null);
  await subscription?.unsubscribe().catch(() => undefined);
}
