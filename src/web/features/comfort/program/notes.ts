/**
 * Sealing and opening the touch program's notes for one pair (src/crypto/pair.ts): the pair key
 * from my identity key and the partner's key in the place's verified membership history (never
 * the server's word), a note's body as JSON, checked with its schema once opened. A note that
 * does not open, or does not parse, is treated as absent: the app shows nothing it cannot trust.
 */
import { fromUtf8, utf8 } from '../../../../crypto/bytes.ts';
import { openPairNote, sealPairNote, touchPairKey } from '../../../../crypto/pair.ts';
import { fromB64, toB64 } from '../../../../shared/base64.ts';
import type { SpaceState } from '../../../sync/space-state.ts';
import type { KeyRing } from '../../../vault/keyring.ts';

/** The pair's key, or null when the partner's keys are not vouched for by a verified history. */
export function pairKeyFor(ring: KeyRing, state: SpaceState, partnerId: string): Uint8Array | null {
  if (state.integrityWarning === 'membership' || partnerId === ring.userId) return null;
  const partner = state.knownKeys.get(partnerId);
  if (!partner) return null;
  return touchPairKey({ spaceId: state.summary.id, myId: ring.userId, partnerId, myX25519Secret: ring.identity.x25519.secretKey, partnerX25519Public: partner.x25519 });
}

export interface NoteBinding {
  spaceId: string;
  kind: string;
  authorId: string;
  partnerId: string;
}

export function sealNote(key: Uint8Array, binding: NoteBinding, body: unknown): string {
  return toB64(sealPairNote(key, binding, utf8(JSON.stringify(body))));
}

/** The note's body, checked by `parse` (null when it does not open or is not what it should be). */
export function openNote<T>(key: Uint8Array, binding: NoteBinding, sealed: string, parse: (value: unknown) => T | null): T | null {
  try {
    return parse(JSON.parse(fromUtf8(openPairNote(key, binding, fromB64(sealed)))));
  } catch {
    return null;
  }
}
