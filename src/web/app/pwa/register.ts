/**
 * Registers the service worker from our own module (no inline script, so the CSP can forbid
 * them). Updates wait for the person ("prompt"): reloading on its own could lose what they are
 * typing.
 */
import { signal } from '@preact/signals';
import { registerSW } from 'virtual:pwa-register';
import { openPathOf } from '../../features/notifications/open-message.ts';
import { announce } from '../../ui/live-region.tsx';
import { t } from '../messages.ts';

export const updateReady = signal(false);
let update: ((reloadPage?: boolean) => Promise<void>) | null = null;

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  listenForNotificationTaps();
  update = registerSW({
    immediate: true,
    onNeedRefresh() {
      updateReady.value = true;
      announce(t('update.ready'));
    },
    onOfflineReady() {
      announce(t('update.offlineReady'));
    },
  });
}

export function applyUpdate(): void {
  void update?.(true);
}

export function dismissUpdate(): void {
  updateReady.value = false;
}

/**
 * A tapped notification with the app already open: the service worker focuses this window and
 * names the screen; the router moves there as it does for a link (preact-iso follows popstate).
 */
function listenForNotificationTaps(): void {
  navigator.serviceWorker.addEventListener('message', (event) => {
    const path = openPathOf(event.data);
    if (!path || path === location.pathname) return;
    history.pushState(null, '', path);
    dispatchEvent(new PopStateEvent('popstate'));
  });
  navigator.serviceWorker.startMessages();
}
