/// <reference lib="webworker" />
/**
 * The service worker's part of notifications (app/pwa/sw.ts wires these to its events). A push
 * ALWAYS ends in showNotification inside event.waitUntil: browsers may revoke the permission of a
 * site whose pushes show nothing (Safari does after a few), and the server's message never decides
 * whether one shows. The words follow this device's detail level, read from IndexedDB; when that
 * cannot be read in time, the discreet words are used.
 */
import { detailOf, readPlaceNames, readSettings, type PlaceNames } from './device-settings.ts';
import { NOTIFICATION_ICON, notificationFor } from './notification-text.ts';
import type { DetailLevel } from './prefs.ts';
import { OPEN_MESSAGE, type OpenMessage } from './open-message.ts';
import { parsePushMessage } from './push-message.ts';

/** A notification must not wait on a slow or broken database: past this, discreet words. */
const SETTINGS_WAIT_MS = 2_000;

async function deviceChoices(): Promise<{ detail: DetailLevel; places: PlaceNames }> {
  const detail = detailOf(await readSettings());
  return { detail, places: detail === 'places' ? await readPlaceNames() : {} };
}

function withTimeout<T>(work: Promise<T>, fallback: T, ms: number): Promise<T> {
  return Promise.race([work.catch(() => fallback), new Promise<T>((resolve) => setTimeout(() => resolve(fallback), ms))]);
}

export async function showPush(registration: ServiceWorkerRegistration, text: string | null): Promise<void> {
  const message = parsePushMessage(text);
  const { detail, places } = await withTimeout(deviceChoices(), { detail: 'discreet' as DetailLevel, places: {} }, SETTINGS_WAIT_MS);
  const view = notificationFor(message, detail, places);
  await registration.showNotification(view.title, { body: view.body, tag: view.tag, icon: NOTIFICATION_ICON, data: { url: view.url } });
}

export function onPush(event: PushEvent, registration: ServiceWorkerRegistration): void {
  let text: string | null = null;
  try {
    text = event.data?.text() ?? null;
  } catch {
    // Unreadable data still gets the discreet notification.
  }
  event.waitUntil(showPush(registration, text));
}

/** Only a path of this app (not "//elsewhere"): the data is ours, but a path is cheap to check. */
export function safePath(url: unknown): string {
  return typeof url === 'string' && url.startsWith('/') && !url.startsWith('//') ? url : '/';
}

/** Focuses a window of the app and moves it to the screen, or opens one there. */
export async function openApp(clients: Clients, origin: string, path: string): Promise<void> {
  const windows = await clients.matchAll({ type: 'window', includeUncontrolled: true });
  const open = windows.find((w) => new URL(w.url).origin === origin);
  if (open) {
    const focused = await open.focus().catch(() => open);
    focused.postMessage({ type: OPEN_MESSAGE, path } satisfies OpenMessage);
    return;
  }
  await clients.openWindow(new URL(path, origin).href);
}

export function onNotificationClick(event: NotificationEvent, scope: ServiceWorkerGlobalScope): void {
  event.notification.close();
  const path = safePath((event.notification.data as { url?: unknown } | null)?.url);
  event.waitUntil(openApp(scope.clients, scope.location.origin, path));
}
