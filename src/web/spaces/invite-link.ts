/**
 * An invite link can carry the inviter's name, so the person who opens it sees who invites them
 * ("Alex invited you"). The name rides in the fragment after the invite's own part
 * (`/join#<inviteId>.<secret>~<name>`): a fragment never reaches a server, and the app takes it
 * out of the address bar at once (join-fragment.ts). It is a claim made by whoever sent the link,
 * shown as such; once joined, the members' signed and encrypted profiles are what name people.
 */

const NAME_MARK = '~';
const MAX_INVITER_NAME_CHARS = 60;

/** The link to share: the invite's address with my name added (when I have one). */
export function withInviterName(url: string, name: string | null | undefined): string {
  const clean = cleanName(name ?? '');
  return clean ? `${url}${NAME_MARK}${encodeURIComponent(clean)}` : url;
}

/** Splits a captured fragment into the invite's own part and the inviter's name, if any. */
export function splitInviteFragment(fragment: string): { invite: string; inviterName: string | null } {
  const at = fragment.indexOf(NAME_MARK);
  if (at < 0) return { invite: fragment, inviterName: null };
  let name = fragment.slice(at + 1);
  try {
    name = decodeURIComponent(name);
  } catch {
    // Already decoded when the app captured it (or garbled): show what is there, cleaned.
  }
  return { invite: fragment.slice(0, at), inviterName: cleanName(name) || null };
}

/** One line of plain text: no control characters, no runs of spaces, not too long. */
function cleanName(name: string): string {
  return [...name.replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, ' ').replace(/\s+/g, ' ').trim()].slice(0, MAX_INVITER_NAME_CHARS).join('').trim();
}
