/// <reference lib="webworker" />
/**
 * The app's service worker (vite-plugin-pwa's injectManifest builds it: ADR 025). It does what
 * the generated one did (precache the app shell so it opens offline; serve index.html for the
 * app's addresses; wait for the person before updating) and adds notifications: every push shows
 * one, and a tap opens the right screen (features/notifications/service-worker.ts).
 */
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { onNotificationClick, onPush } from '../../features/notifications/service-worker.ts';

declare let self: ServiceWorkerGlobalScope;

// The app shell: every built script, style, icon and wasm module (the list is injected at build).
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
registerRoute(new NavigationRoute(createHandlerBoundToURL('/index.html'), { denylist: [/^\/api\//, /^\/(healthz|readyz|metrics)/] }));

// Updates wait for the person (register.ts): the page says when to take over.
self.addEventListener('message', (event) => {
  if ((event.data as { type?: unknown } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

self.addEventListener('push', (event) => onPush(event, self.registration));
self.addEventListener('notificationclick', (event) => onNotificationClick(event, self));
