/**
 * A departure: a member's own signed statement that they leave a space. The other members'
 * apps sign a log entry that removes someone only on the strength of this statement (or of an
 * explicit, confirmed removal in the app), so a server that hides a member from the list cannot
 * make anyone's app sign them out of the space.
 *
 * Format (never change once released):
 *   [0x01 version][u32 length n][n bytes: encodeContext('innermost/departure/v1',
 *     [spaceId, userId, head (32 bytes), erase (0 or 1)])][64-byte Ed25519 signature by userId over the first 5 + n bytes]
 * `head` is the entryHash of the newest membership entry the leaver's device knew. It ties the
 * statement to a point in the space's history, so a statement from an earlier stay cannot be
 * replayed to remove the same person after they rejoined (see departureHolds).
 * `erase`: the member also takes back what they shared in the space. The server deletes their
 * records there, and the others' apps delete their copies when they next sync (see erasedUpTo).
 */
import { concatBytes, equalBytes, readU32be, u32be } from './bytes.ts';
import { decodeContext, encodeContext, LABELS } from './context.ts';
import { CryptoError } from './errors.ts';
import { MEMBERSHIP_HASH_BYTES, type VerifiedEntry } from './membership.ts';
import { SIGNATURE_BYTES, sign, verify } from './sign.ts';

/** Never change once released. */
export const DEPARTURE_VERSION = 0x01;
const HEADER_BYTES = 5;

export type Departure = { spaceId: string; userId: string; head: Uint8Array; erase: boolean };

function invalid(): never {
  throw new CryptoError('membership-invalid');
}

function encode(d: Departure): Uint8Array {
  if (typeof d.spaceId !== 'string' || d.spaceId === '' || typeof d.userId !== 'string' || d.userId === '') invalid();
  if (!(d.head instanceof Uint8Array) || d.head.length !== MEMBERSHIP_HASH_BYTES || typeof d.erase !== 'boolean') invalid();
  return encodeContext(LABELS.departure, [d.spaceId, d.userId, d.head, d.erase ? 1 : 0]);
}

export function signDeparture(departure: Departure, signingSecretKey: Uint8Array): Uint8Array {
  const encoding = encode(departure);
  const signed = concatBytes(Uint8Array.of(DEPARTURE_VERSION), u32be(encoding.length), encoding);
  return concatBytes(signed, sign(signingSecretKey, signed));
}

/**
 * Parses and verifies a departure against the leaver's signing key (taken from the verified
 * membership log by clients, from the account's public keys by the server). Throws
 * CryptoError('membership-invalid') for anything malformed, non-canonical or badly signed.
 */
export function openDeparture(bytes: Uint8Array, verifyKey: Uint8Array): Departure {
  if (!(bytes instanceof Uint8Array) || bytes.length === 0) invalid();
  if (bytes[0] !== DEPARTURE_VERSION) throw new CryptoError('unsupported-version');
  if (bytes.length < HEADER_BYTES + SIGNATURE_BYTES) invalid();
  const n = readU32be(bytes, 1);
  if (bytes.length !== HEADER_BYTES + n + SIGNATURE_BYTES) invalid();
  const encoding = bytes.subarray(HEADER_BYTES, HEADER_BYTES + n);
  const { label, fields } = decodeContext(encoding, 'membership-invalid');
  const [spaceId, userId, head, erase] = fields;
  if (
    label !== LABELS.departure ||
    fields.length !== 4 ||
    typeof spaceId !== 'string' ||
    typeof userId !== 'string' ||
    !(head instanceof Uint8Array) ||
    (erase !== 0 && erase !== 1)
  ) {
    invalid();
  }
  const departure = { spaceId, userId, head, erase: erase === 1 };
  if (!equalBytes(encode(departure), encoding)) invalid();
  if (!verify(verifyKey, bytes.subarray(0, HEADER_BYTES + n), bytes.subarray(HEADER_BYTES + n))) invalid();
  return departure;
}

/**
 * Whether a verified departure still speaks for the member now: its head is an entry of the
 * verified history and the member has been in every entry since (they have not left and come
 * back in between, which would make it a statement about an earlier stay).
 */
export function departureHolds(departure: Departure, history: readonly VerifiedEntry[]): boolean {
  const from = history.findIndex((e) => equalBytes(e.hash, departure.head));
  if (from < 0) return false;
  return history.slice(from).every((e) => e.members.some((m) => m.userId === departure.userId));
}

/**
 * The last epoch whose records an erasing departure takes back: the epoch of the first entry
 * after the departure's head that no longer lists the member (what they wrote until they were
 * out), or every epoch while that entry has not been signed yet. Records the member writes after
 * rejoining, in later epochs, are not touched. Null when the departure points at no entry.
 */
export function erasedUpTo(departure: Departure, history: readonly VerifiedEntry[]): number | null {
  const from = history.findIndex((e) => equalBytes(e.hash, departure.head));
  if (from < 0) return null;
  const out = history.slice(from + 1).find((e) => !e.members.some((m) => m.userId === departure.userId));
  return out ? out.epoch : Number.MAX_SAFE_INTEGER;
}
