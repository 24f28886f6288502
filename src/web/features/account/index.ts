/** Account: sign-up, sign-in, recovery, the lock screen and the account's settings. */
import type { Feature } from '../../platform/feature.ts';
import { unconfirmedOnThisDevice } from './recovery-flag.ts';

export const accountFeature: Feature = {
  routes: [
    { path: '/signup', access: 'signed-out', screen: () => import('./screens/sign-up.tsx') },
    { path: '/signin', access: 'signed-out', screen: () => import('./screens/sign-in.tsx') },
    { path: '/recover', access: 'signed-out', screen: () => import('./screens/recover.tsx') },
    { path: '/settings', access: 'unlocked', screen: () => import('./screens/settings.tsx') },
  ],
  // A recovery code shown on this device and never confirmed: a calm card, first on Today. Its
  // code and words load only then (most visits, nothing but the device's note is read).
  today: [
    {
      place: 'first',
      load: async () =>
        (await unconfirmedOnThisDevice()) ? import('./today-reminder.tsx') : { default: () => null },
    },
  ],
};
