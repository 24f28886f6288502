/**
 * Registers the service worker from our own module (no inline script, so the CSP can forbid
 * them). Updates wait for the person ("prompt"): reloading on its own could lose what they are
 * typing.
 */
import { signal } from '@preact/signals';
import { registerSW } from 'virtual:pwa-register';
import { announce } from '../../ui/live-region.tsx';
import { t } from '../messages.ts';

export const updateReady = signal(false);
let update: ((reloadPage?: boolean) => Promise<void>) | null = null;

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
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
