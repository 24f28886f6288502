/** Listening turns (a guided speaker and listener exchange) and the bad-day share. */
import type { Feature } from '../../platform/feature.ts';

export const listeningFeature: Feature = {
  routes: [
    { path: '/spaces/:spaceId/listening', access: 'unlocked', screen: () => import('./screens/talks.tsx') },
    { path: '/spaces/:spaceId/listening/new', access: 'unlocked', screen: () => import('./screens/ask.tsx') },
    { path: '/spaces/:spaceId/listening/:turnId', access: 'unlocked', screen: () => import('./screens/turn.tsx') },
    { path: '/spaces/:spaceId/hard-day', access: 'unlocked', screen: () => import('./screens/bad-day.tsx') },
  ],
  // People first: a partner's hard day and a request to talk load with Today.
  today: [{ place: 'first', load: () => import('./today-listening.tsx') }],
  spaceSections: [() => import('./space-section.tsx')],
};
