/**
 * The part of the help centre the shell holds from the first screen (ADR 028): where quick exit
 * goes, and asking the server for the operator's settings once per start, while the browser is
 * idle. Free of screens and of zod: the settings are checked with their schema in settings.ts,
 * which loads with the help screens (or with this fetch), never on the first screen's path.
 */
import { DEFAULT_QUICK_EXIT_URL, isHttpsUrl } from '../../../shared/https-url.ts';
import { call, client } from '../../platform/api.ts';

export const SETTINGS_KEY = 'innermost.care';

export function readKept(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function keep(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Storage refused (private mode, full): the value holds for this visit.
  }
}

/** Where quick exit goes: the kept address when it is an https one, else an ordinary weather page. */
export function quickExitUrl(): string {
  try {
    const kept = (JSON.parse(readKept(SETTINGS_KEY) ?? 'null') as { quickExitUrl?: unknown } | null)?.quickExitUrl;
    if (typeof kept === 'string' && isHttpsUrl(kept)) return kept;
  } catch {
    // Not JSON: the default.
  }
  return DEFAULT_QUICK_EXIT_URL;
}

/** Asks the server once per start (while idle); keeps the answer when it is valid. Failure keeps what was kept. */
export async function refreshCareSettings(): Promise<void> {
  try {
    const body = await call(client.api.care.$get());
    const { keepSettings } = await import('./settings.ts');
    keepSettings(body);
  } catch {
    // Offline or refused: the help centre shows what this device kept, or the defaults.
  }
}
