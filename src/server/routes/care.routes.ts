import { Hono } from 'hono';
import type { CareSettings } from '../../shared/help-resources.ts';
import { DEFAULT_QUICK_EXIT_URL } from '../../shared/https-url.ts';
import type { AppEnv } from '../context.ts';
import type { RouteDeps } from './deps.ts';

/**
 * Mounted at /api: the operator's crisis and abuse resources and the quick-exit address, for
 * anyone (the help centre works signed out and on the lock screen). The app fetches this once at
 * start and keeps it on the device, so opening help asks the server for nothing (ADR 028).
 */
export function careRoutes(deps: Pick<RouteDeps, 'config'>) {
  const settings: CareSettings = deps.config.care ?? { resources: null, quickExitUrl: DEFAULT_QUICK_EXIT_URL };
  // Every /api answer is no-store (security headers): the app asks once per start and keeps it.
  return new Hono<AppEnv>().get('/care', (c) => c.json(settings, 200));
}
