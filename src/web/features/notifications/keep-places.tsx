/**
 * Keeps the names of my shared places on this device for the service worker while "places" is
 * chosen (features/notifications/device-settings.ts): a part of Today that shows nothing and
 * rewrites the small map whenever my spaces change while unlocked. With another level, nothing.
 */
import { useEffect } from 'preact/hooks';
import { spaces } from '../../spaces/store.ts';
import { keepPlaceNames } from './push-device.ts';

export default function KeepPlaceNames() {
  const list = spaces.value;
  useEffect(() => {
    void keepPlaceNames(list).catch(() => undefined);
  }, [list]);
  return null;
}
