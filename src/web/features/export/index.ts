/** Taking my data with me: a copy to read, an encrypted copy, and bringing one into this account. */
import type { Feature } from '../../platform/feature.ts';

export const exportFeature: Feature = {
  routes: [{ path: '/settings/data', access: 'unlocked', screen: () => import('./screens/your-data.tsx') }],
};
