/**
 * The push message the server sends (the contract in issue 12): a kind and two opaque ids, padded
 * to one size, nothing a person wrote. Read defensively: a message that does not parse still ends
 * in a notification (the service worker must always show one), just the discreet one.
 */
export const PUSH_KINDS = ['joined', 'opened', 'waiting', 'thinking', 'reply', 'reminder', 'plan', 'listening', 'bad-day'] as const;
export type PushKind = (typeof PUSH_KINDS)[number];

export interface PushMessage {
  kind: PushKind;
  /** The shared place it concerns, or '' (a reminder). */
  spaceId: string;
  /** An opaque id (a round's), or ''. */
  id: string;
}

/** Ids go into a path on click: only the characters our ids use (UUIDs), nothing like "../". */
const SAFE_ID = /^[A-Za-z0-9-]{0,64}$/;

export function isPushKind(value: unknown): value is PushKind {
  return typeof value === 'string' && (PUSH_KINDS as readonly string[]).includes(value);
}

/** The message from the push's text, or null when it is not one we know (a newer version, noise). */
export function parsePushMessage(text: string | null | undefined): PushMessage | null {
  if (!text) return null;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (!data || typeof data !== 'object') return null;
  const { v, k, s, i } = data as Record<string, unknown>;
  if (v !== 1 || !isPushKind(k)) return null;
  const spaceId = typeof s === 'string' && SAFE_ID.test(s) ? s : '';
  const id = typeof i === 'string' && SAFE_ID.test(i) ? i : '';
  return { kind: k, spaceId, id };
}
