/**
 * What this device keeps about its notifications, in the app's IndexedDB (platform/local-db.ts)
 * where the service worker reads it too: the prefs last sent and the detail level, and (only while
 * "places" is chosen) a small map from shared place to its name, so a notification can name the
 * place without the server knowing it. Sign-out wipes that database, and with it all of this.
 */
import { deleteDevice, getDevice, putDevice } from '../../platform/local-db.ts';
import { DETAIL_LEVELS, type DetailLevel, type PushPrefs } from './prefs.ts';

const SETTINGS_KEY = 'push-settings';
const PLACES_KEY = 'push-places';

export interface DeviceSettings {
  prefs: PushPrefs;
  detail: DetailLevel;
}

export type PlaceNames = Readonly<Record<string, string>>;

export async function readSettings(): Promise<DeviceSettings | null> {
  const saved = await getDevice<DeviceSettings>(SETTINGS_KEY).catch(() => undefined);
  return saved ?? null;
}

/** The detail level to show with: discreet unless this device chose otherwise. */
export function detailOf(settings: DeviceSettings | null): DetailLevel {
  const detail = settings?.detail;
  return detail && DETAIL_LEVELS.includes(detail) ? detail : 'discreet';
}

export async function writeSettings(settings: DeviceSettings): Promise<void> {
  await putDevice(SETTINGS_KEY, settings);
  if (settings.detail !== 'places') await deleteDevice(PLACES_KEY);
}

/** Everything off on this device: the settings and the place names go. */
export async function clearSettings(): Promise<void> {
  await deleteDevice(SETTINGS_KEY).catch(() => undefined);
  await deleteDevice(PLACES_KEY).catch(() => undefined);
}

export async function readPlaceNames(): Promise<PlaceNames> {
  return (await getDevice<PlaceNames>(PLACES_KEY).catch(() => undefined)) ?? {};
}

export async function writePlaceNames(names: PlaceNames): Promise<void> {
  await putDevice(PLACES_KEY, names);
}
