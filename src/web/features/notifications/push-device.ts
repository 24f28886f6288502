/**
 * Turning notifications on and off on this device, and keeping the server's copy of its choices.
 * The order in `turnOn` matters: the permission question comes first, straight from the tap
 * (Safari grants it only inside the gesture, and asking on load is never done), then the server's
 * public identifier, the browser's subscription, and the PUT with the choices.
 */
import { fromB64 } from '../../../shared/base64.ts';
import { call, client } from '../../platform/api.ts';
import { ActionError } from '../../platform/errors/action-error.ts';
import { shareableSpaces } from '../../spaces/my-spaces.ts';
import { spaceTitle } from '../../spaces/names.ts';
import type { SpaceView } from '../../spaces/types.ts';
import { clearSettings, readSettings, writePlaceNames, writeSettings, type DeviceSettings } from './device-settings.ts';
import { buildPrefs, DEFAULT_FORM, deviceTimeZone, type PushPrefs } from './prefs.ts';

export type DeviceState = { status: 'off' } | { status: 'blocked' } | { status: 'on'; settings: DeviceSettings };

/** The registration, or null where no service worker runs (an old browser, a private window). */
async function registration(): Promise<ServiceWorkerRegistration | null> {
  return (await navigator.serviceWorker.getRegistration().catch(() => undefined)) ?? null;
}

async function subscriptionHere(): Promise<PushSubscription | null> {
  const reg = await registration();
  return (await reg?.pushManager.getSubscription().catch(() => null)) ?? null;
}

/** On: permission granted, a subscription in the browser and this device's settings beside it. */
export async function deviceState(): Promise<DeviceState> {
  if (Notification.permission === 'denied') return { status: 'blocked' };
  const [subscription, settings] = await Promise.all([subscriptionHere(), readSettings()]);
  if (Notification.permission === 'granted' && subscription && settings) return { status: 'on', settings };
  return { status: 'off' };
}

function sameBytes(a: ArrayBuffer | null, b: Uint8Array): boolean {
  if (!a || a.byteLength !== b.length) return false;
  const view = new Uint8Array(a);
  return view.every((byte, i) => byte === b[i]);
}

/**
 * The browser's subscription for the server's current public identifier: the one there already,
 * unless it was made for another (a subscription cannot change its server), else a new one.
 */
async function subscribe(): Promise<PushSubscription> {
  const { publicKey } = await call(client.api.push.key.$get());
  const serverKey = fromB64(publicKey);
  const reg = await navigator.serviceWorker.ready;
  let subscription = await reg.pushManager.getSubscription();
  if (subscription && !sameBytes(subscription.options.applicationServerKey, serverKey)) {
    await subscription.unsubscribe().catch(() => undefined);
    subscription = null;
  }
  try {
    // userVisibleOnly: every push shows a notification (browsers require the promise).
    return subscription ?? (await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: serverKey.slice().buffer }));
  } catch (error) {
    // Subscribing needs the browser's push service: offline, or a browser without one, it fails.
    if (navigator.onLine === false) throw new ActionError('offline');
    throw new ActionError('push-unsupported', (error as Error).message);
  }
}

async function send(subscription: PushSubscription, prefs: PushPrefs): Promise<void> {
  const json = subscription.toJSON();
  const keys = json.keys ?? {};
  if (!json.endpoint || !keys.p256dh || !keys.auth) throw new ActionError('push-unsupported', 'subscription without keys');
  await call(client.api.push.subscription.$put({ json: { endpoint: json.endpoint, keys: { p256dh: keys.p256dh, auth: keys.auth }, prefs } }));
}

/** Called from the tap on "Turn on notifications": asks, subscribes, tells the server (discreet, all events). */
export async function turnOn(): Promise<DeviceSettings> {
  // Offline, nothing can finish: say so before the browser asks a question that leads nowhere.
  if (navigator.onLine === false) throw new ActionError('offline');
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') throw new ActionError('push-denied');
  const settings: DeviceSettings = { prefs: buildPrefs(DEFAULT_FORM, deviceTimeZone()), detail: 'discreet' };
  await send(await subscribe(), settings.prefs);
  await writeSettings(settings);
  return settings;
}

/** Saves new choices: the server gets the prefs, this device keeps them and the detail level. */
export async function save(settings: DeviceSettings): Promise<void> {
  // The browser may have dropped the subscription meanwhile; permission stands, so make a new one.
  const subscription = (await subscriptionHere()) ?? (await subscribe());
  await send(subscription, settings.prefs);
  await writeSettings(settings);
  if (settings.detail === 'places') await keepPlaceNames();
}

/**
 * The one switch: the server forgets this device and the browser drops the subscription. Offline,
 * the server's copy stays until its next send finds the subscription gone (the push service answers
 * 404 or 410 and the server deletes it), so turning off still works here and now.
 */
export async function turnOff(): Promise<void> {
  await call(client.api.push.subscription.$delete()).catch(() => undefined);
  await (await subscriptionHere())?.unsubscribe().catch(() => undefined);
  await clearSettings();
}

/**
 * With "places" chosen, the names of my shared places for the service worker, written while
 * unlocked (the spaces are known only then). Without it, nothing is kept.
 */
export async function keepPlaceNames(list: readonly SpaceView[] = shareableSpaces()): Promise<void> {
  const settings = await readSettings();
  if (settings?.detail !== 'places') return;
  await writePlaceNames(Object.fromEntries(shareableSpaces(list).map((s) => [s.id, spaceTitle(s)])));
}
