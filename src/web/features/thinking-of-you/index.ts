/** "Thinking of you": one tap lets a partner (or everyone in a space) know; a few kind replies. */
import type { Feature } from '../../platform/feature.ts';

export const thinkingFeature: Feature = {
  routes: [],
  // People before tasks: it loads with Today and comes before the exercises and the check-in.
  today: [{ place: 'first', load: () => import('./today-thoughts.tsx') }],
  spaceSections: [() => import('./space-section.tsx')],
};
