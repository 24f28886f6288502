/**
 * Exercises: rounds in a shared space (answer alone, reveal together), and alone in "Just me";
 * and the question of the day (a round of one question, daily/).
 */
import type { Feature } from '../../platform/feature.ts';

export const roundsFeature: Feature = {
  routes: [
    { path: '/spaces/:id/exercises/new', access: 'unlocked', screen: () => import('./screens/new-round.tsx') },
    { path: '/spaces/:id/rounds/:roundId/read', access: 'unlocked', screen: () => import('./screens/read-together.tsx') },
    { path: '/spaces/:id/rounds/:roundId', access: 'unlocked', screen: () => import('./screens/round.tsx') },
    { path: '/spaces/:id/question', access: 'unlocked', screen: () => import('./daily/screens/question.tsx') },
    { path: '/spaces/:id/question/:day', access: 'unlocked', screen: () => import('./daily/screens/question.tsx') },
    { path: '/spaces/:id/questions', access: 'unlocked', screen: () => import('./daily/screens/history.tsx') },
    { path: '/just-me', access: 'unlocked', screen: () => import('./screens/just-me.tsx') },
    { path: '/just-me/exercises/:exerciseId', access: 'unlocked', screen: () => import('./screens/reflection-new.tsx') },
    { path: '/just-me/reflections/:reflectionId', access: 'unlocked', screen: () => import('./screens/reflection.tsx') },
  ],
  // The question of the day comes after what is new (it is something I could do, not news).
  today: [
    { place: 'first', load: () => import('./today-lines.tsx') },
    { place: 'last', load: () => import('./daily/today-card.tsx') },
  ],
  spaceSections: [() => import('./daily/space-section.tsx'), () => import('./rounds-region.tsx')],
};
