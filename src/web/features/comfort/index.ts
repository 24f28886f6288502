/** The comfort map (issue 13): mark it alone, match it in private with one partner, then a gentle plan and the touch program. */
import type { Feature } from '../../platform/feature.ts';

export const comfortFeature: Feature = {
  routes: [
    { path: '/comfort', access: 'unlocked', screen: () => import('./map/map-screen.tsx') },
    { path: '/spaces/:spaceId/comfort', access: 'unlocked', screen: () => import('./match/match-screen.tsx') },
    // The plan from a match and the touch program, per pair (content's part: plan/, program/).
    { path: '/comfort/together', access: 'unlocked', screen: () => import('./plan/together-screen.tsx') },
    { path: '/spaces/:spaceId/comfort/:partnerId/plan', access: 'unlocked', screen: () => import('./plan/plan-screen.tsx') },
    { path: '/spaces/:spaceId/comfort/:partnerId/touch', access: 'unlocked', screen: () => import('./program/program-screen.tsx') },
  ],
  // A calm line when someone asked to match (no count); it loads after Today has shown.
  today: [{ place: 'last', load: () => import('./match/today-asking.tsx') }],
  spaceSections: [() => import('./match/space-section.tsx'), () => import('./plan/space-section.tsx')],
};
