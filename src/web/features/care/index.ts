/**
 * Care and safety (issue 16): the help centre (professional help, question sheets, helplines, "I
 * don't feel safe", discretion on this device). Its screens show in every state, the lock screen
 * included ('always'), hold bundled words, and load early (app.tsx, preloadAlwaysScreens) so opening them asks the
 * server for nothing. Quick exit lives in the shell (app/quick-exit.tsx), which reads this
 * feature's device-care.ts for the operator's address.
 */
import type { Feature } from '../../platform/feature.ts';

export const careFeature: Feature = {
  routes: [
    { path: '/help', access: 'always', screen: () => import('./screens/help.tsx') },
    { path: '/help/professional', access: 'always', screen: () => import('./screens/professional.tsx') },
    { path: '/help/unsafe', access: 'always', screen: () => import('./screens/unsafe.tsx') },
    { path: '/help/resources', access: 'always', screen: () => import('./screens/resources.tsx') },
    { path: '/help/device', access: 'always', screen: () => import('./screens/device.tsx') },
    { path: '/help/sheets/:id', access: 'always', screen: () => import('./screens/sheet.tsx') },
  ],
};

/**
 * The notes' engine, loaded ahead of need (the shell preloads the help screens themselves), so a
 * sheet opened while unlocked needs no code from anywhere; the service worker keeps it offline.
 */
export function preloadNotes(): void {
  void import('./engine.ts').catch(() => undefined);
}
