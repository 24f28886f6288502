/** Check-ins: emotional and physical closeness, and the two lines over time. */
import type { Feature } from '../../platform/feature.ts';

export const checkinsFeature: Feature = {
  routes: [
    { path: '/checkin', access: 'unlocked', screen: () => import('./screens/checkin.tsx') },
    { path: '/closeness', access: 'unlocked', screen: () => import('./screens/closeness.tsx') },
    { path: '/checkins/settings', access: 'unlocked', screen: () => import('./screens/checkin-settings.tsx') },
  ],
  today: [{ place: 'first', load: () => import('./today-card.tsx') }],
};
