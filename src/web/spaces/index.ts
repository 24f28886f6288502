/** Spaces' own screens: a space, a new one, its safety code, and joining by invite. */
import type { Feature } from '../platform/feature.ts';
import { loadSpaceSections } from './sections.ts';

export const spacesFeature: Feature = {
  routes: [
    { path: '/join', access: 'anyone', screen: () => import('./screens/join.tsx') },
    { path: '/spaces/new', access: 'unlocked', screen: () => import('./screens/new-space.tsx') },
    { path: '/spaces/:id/safety', access: 'unlocked', screen: () => import('./screens/safety-code.tsx') },
    {
      path: '/spaces/:id',
      access: 'unlocked',
      // The features' sections of the screen load with it, so it shows whole.
      screen: () => Promise.all([import('./screens/space.tsx'), loadSpaceSections()]).then(([screen]) => screen),
    },
  ],
  today: [{ place: 'first', load: () => import('./today-spaces.tsx') }],
};
