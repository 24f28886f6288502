/**
 * The one check for an address the app may send someone to (help links, quick exit): https, a
 * host, no credentials. Free of zod so the shell's quick exit can use it on the first screen.
 */

/** Longer than any real help or exit address; bounds what a file or a device may hold. */
export const URL_MAX_CHARS = 500;

export function isHttpsUrl(value: string): boolean {
  if (value.length > URL_MAX_CHARS) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname !== '' && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

/**
 * Where quick exit goes when the operator chose nowhere (QUICK_EXIT_URL): an ordinary weather
 * page, which looks like nothing on a shared screen or in a history list.
 */
export const DEFAULT_QUICK_EXIT_URL = 'https://www.bbc.com/weather';
