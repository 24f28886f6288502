/**
 * How a recovery code is shown and checked on screen. The code itself is made by the vault; here
 * we only split it into groups for reading and compare what the person typed back, ignoring
 * spaces, dashes and capitals (people write codes down in many ways). The vault's format is
 * Crockford base32 in groups of 4,4,4,4,4,4,2 joined by dashes (src/crypto/recovery.ts).
 */

/** Size of a group when the code arrives without separators. */
const FALLBACK_GROUP_CHARS = 4;

/** Whitespace and the dashes people or keyboards produce (as the vault's parser ignores them). */
const SEPARATORS_RE = /[\s\-\u2010-\u2015\u2212]+/g;

export function codeGroups(code: string): string[] {
  const parts = code.trim().split(SEPARATORS_RE).filter(Boolean);
  if (parts.length > 1) return parts;
  const single = parts[0] ?? '';
  const groups: string[] = [];
  for (let i = 0; i < single.length; i += FALLBACK_GROUP_CHARS) groups.push(single.slice(i, i + FALLBACK_GROUP_CHARS));
  return groups;
}

/** Crockford base32 reads O as 0 and I or L as 1, so a code copied by hand still matches. */
export function normalizeCode(text: string): string {
  return text.replace(SEPARATORS_RE, '').toUpperCase().replace(/O/g, '0').replace(/[IL]/g, '1');
}

/** The last two groups, as the person is asked to type them back. */
export function lastTwoGroups(code: string): string {
  return codeGroups(code).slice(-2).join(' ');
}

export function matchesLastTwoGroups(code: string, typed: string): boolean {
  const expected = normalizeCode(lastTwoGroups(code));
  return expected.length > 0 && normalizeCode(typed) === expected;
}
