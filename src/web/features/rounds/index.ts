/** Exercises: rounds in a shared space (answer alone, reveal together), and alone in "Just me". */
import type { Feature } from '../../platform/feature.ts';

export const roundsFeature: Feature = {
  routes: [
    { path: '/spaces/:id/exercises/new', access: 'unlocked', screen: () => import('./screens/new-round.tsx') },
    { path: '/spaces/:id/rounds/:roundId/read', access: 'unlocked', screen: () => import('./screens/read-together.tsx') },
    { path: '/spaces/:id/rounds/:roundId', access: 'unlocked', screen: () => import('./screens/round.tsx') },
    { path: '/just-me', access: 'unlocked', screen: () => import('./screens/just-me.tsx') },
    { path: '/just-me/exercises/:exerciseId', access: 'unlocked', screen: () => import('./screens/reflection-new.tsx') },
    { path: '/just-me/reflections/:reflectionId', access: 'unlocked', screen: () => import('./screens/reflection.tsx') },
  ],
  today: [{ place: 'first', load: () => import('./today-lines.tsx') }],
  spaceSections: [() => import('./rounds-region.tsx')],
};
