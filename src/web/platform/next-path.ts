/**
 * Where to go after signing in or up (`?next=/join`). Only paths inside this app are accepted, so
 * a crafted link cannot send someone to another site after they type their password.
 */
export function safeNextPath(value: string | null | undefined, fallback = '/'): string {
  if (!value) return fallback;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  if (/[\u0000-\u001f]/.test(value)) return fallback;
  return value;
}

/** `/signin?next=/join`, or just `/signin` when the next step is the start. */
export function withNext(path: string, next: string | null | undefined): string {
  const safe = safeNextPath(next, '');
  return safe && safe !== '/' ? `${path}?next=${encodeURIComponent(safe)}` : path;
}
