/** Plans and moments: ideas by rhythm, our rhythms, plans in both calendars, and a log of moments. */
import type { Feature } from '../../platform/feature.ts';

export const plansFeature: Feature = {
  routes: [
    { path: '/spaces/:spaceId/plans', access: 'unlocked', screen: () => import('./screens/plans.tsx') },
    { path: '/spaces/:spaceId/plans/new', access: 'unlocked', screen: () => import('./screens/new-plan.tsx') },
    { path: '/spaces/:spaceId/ideas', access: 'unlocked', screen: () => import('./screens/ideas.tsx') },
    { path: '/spaces/:spaceId/moments', access: 'unlocked', screen: () => import('./screens/moments.tsx') },
  ],
  // Below everything else on Today (it loads after Today shows, so nothing moves).
  today: [{ place: 'last', load: () => import('./today-plans.tsx') }],
  spaceSections: [() => import('./space-section.tsx')],
};
