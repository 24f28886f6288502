/**
 * Notifications: Web Push on this device, discreet by default. Its settings live on the device
 * (IndexedDB, read by the service worker too) and on the server as the subscription's prefs; no
 * record of its own is synced. Account's settings link here by address.
 */
import type { Feature } from '../../platform/feature.ts';

export const notificationsFeature: Feature = {
  routes: [{ path: '/settings/notifications', access: 'unlocked', screen: () => import('./screens/notifications.tsx') }],
  // Shows nothing: keeps the shared places' names for the notifications while "places" is chosen.
  today: [{ place: 'last', load: () => import('./keep-places.tsx') }],
};
