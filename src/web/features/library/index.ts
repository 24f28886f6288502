/** The library: programs, conversation decks, the self-assessment, obstacles and onboarding. */
import type { Feature } from '../../platform/feature.ts';

export const libraryFeature: Feature = {
  routes: [
    { path: '/explore', access: 'unlocked', screen: () => import('./screens/explore.tsx') },
    { path: '/start', access: 'unlocked', screen: () => import('./screens/onboarding.tsx') },
    { path: '/programs', access: 'unlocked', screen: () => import('./screens/programs.tsx') },
    { path: '/programs/:programId/:stepId', access: 'unlocked', screen: () => import('./screens/program-step.tsx') },
    { path: '/programs/:programId', access: 'unlocked', screen: () => import('./screens/program.tsx') },
    { path: '/decks', access: 'unlocked', screen: () => import('./screens/decks.tsx') },
    { path: '/decks/:deckId', access: 'unlocked', screen: () => import('./screens/deck.tsx') },
    { path: '/assessment', access: 'unlocked', screen: () => import('./screens/assessment.tsx') },
    { path: '/obstacles', access: 'unlocked', screen: () => import('./screens/obstacles.tsx') },
  ],
  // The next step: its text loads after Today has shown, so it comes last on the page (nothing
  // below it moves when it arrives).
  today: [{ place: 'last', load: () => import('./today-library.tsx') }],
};
