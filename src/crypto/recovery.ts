/**
 * Recovery codes: 128 random bits shown once at sign-up, written down by the user.
 *
 * Text form: Crockford base32 (https://www.crockford.com/base32.html), 26 symbols. 26 x 5 = 130
 * bits, so the 128 bits are read most-significant first, 5 at a time, and the last symbol
 * carries the final 3 bits followed by 2 zero bits (like RFC 4648 base32 without padding).
 * Grouped XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XX. The alphabet has no I, L, O or U, so nothing is
 * ambiguous when handwritten; on input, as Crockford specifies, O is read as 0 and I and L as
 * 1, case is ignored, and spaces and dashes are ignored.
 *
 * Keys: HKDF-SHA256 (RFC 5869), ikm = the 16 code bytes, salt = the account email (trimmed,
 * lowercased, UTF-8), two independent outputs:
 *   recoveryKey  (info 'innermost/recovery/key/v1')  wraps UK; never leaves the device
 *   recoveryAuth (info 'innermost/recovery/auth/v1') proves the code; the server keeps only an
 *                 HMAC of it, as with loginKey
 * No slow KDF: the code is 128 uniformly random bits, so guessing costs 2^127 tries on average
 * whatever the per-try cost; Argon2 would add a factor of about 2^20 to an already infeasible
 * number and cost every honest recovery seconds. Slow KDFs exist for low-entropy passwords.
 * The email salt makes keys of different accounts independent even for equal codes and rules
 * out any precomputation across accounts. It is the email and not the user id because the
 * client knows only the email before the server has accepted the recovery proof.
 */
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { randomBytes, utf8 } from './bytes.ts';
import { CryptoError } from './errors.ts';

export const RECOVERY_CODE_BYTES = 16;
/** ceil(128 / 5). Never change once released. */
export const RECOVERY_CODE_SYMBOLS = 26;
/** Crockford's alphabet. Never change once released. */
export const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** Group sizes of the displayed form. */
const GROUPS = [4, 4, 4, 4, 4, 4, 2];

const DECODE: Record<string, number> = {};
for (let i = 0; i < CROCKFORD_ALPHABET.length; i++) DECODE[CROCKFORD_ALPHABET[i]!] = i;
DECODE['O'] = 0;
DECODE['I'] = 1;
DECODE['L'] = 1;

/** Characters ignored on input: whitespace and the dashes people or keyboards produce. */
const IGNORED_RE = /[\s\-\u2010-\u2015\u2212]/g;

export function formatRecoveryCode(code: Uint8Array): string {
  if (!(code instanceof Uint8Array) || code.length !== RECOVERY_CODE_BYTES) {
    throw new CryptoError('recovery-code-malformed');
  }
  let symbols = '';
  let acc = 0;
  let bits = 0;
  for (const byte of code) {
    acc = (acc << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      symbols += CROCKFORD_ALPHABET[(acc >> bits) & 31];
    }
    acc &= (1 << bits) - 1;
  }
  // 128 = 25 x 5 + 3: the last 3 bits, shifted left over 2 zero bits.
  symbols += CROCKFORD_ALPHABET[(acc << (5 - bits)) & 31];
  const groups: string[] = [];
  let at = 0;
  for (const size of GROUPS) {
    groups.push(symbols.slice(at, at + size));
    at += size;
  }
  return groups.join('-');
}

export function generateRecoveryCode(): string {
  return formatRecoveryCode(randomBytes(RECOVERY_CODE_BYTES));
}

/** Accepts any spacing, dashes and case; throws CryptoError('recovery-code-malformed'). */
export function parseRecoveryCode(input: string): Uint8Array {
  if (typeof input !== 'string') throw new CryptoError('recovery-code-malformed');
  const cleaned = input.replace(IGNORED_RE, '');
  // ASCII only before upper-casing: 'ı'.toUpperCase() is 'I', and we want no such surprises.
  if (cleaned.length !== RECOVERY_CODE_SYMBOLS || !/^[0-9A-Za-z]+$/.test(cleaned)) {
    throw new CryptoError('recovery-code-malformed');
  }
  const symbols = cleaned.toUpperCase();
  const out = new Uint8Array(RECOVERY_CODE_BYTES);
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < symbols.length; i++) {
    const value = DECODE[symbols[i]!];
    if (value === undefined) throw new CryptoError('recovery-code-malformed');
    acc = (acc << 5) | value;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      if (o < RECOVERY_CODE_BYTES) out[o++] = (acc >> bits) & 0xff;
    }
    acc &= (1 << bits) - 1;
  }
  // The 2 trailing bits must be zero: exactly one text form per code (and a typo in the last
  // symbol is caught in 3 cases out of 4 instead of silently yielding another code).
  if (o !== RECOVERY_CODE_BYTES || bits !== 2 || acc !== 0) throw new CryptoError('recovery-code-malformed');
  return out;
}

/** The canonical grouped upper-case form of whatever the user typed. */
export function normalizeRecoveryCode(input: string): string {
  return formatRecoveryCode(parseRecoveryCode(input));
}

/** Same normalisation as the API's Email schema (src/shared/api.ts): trim, then lowercase. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** HKDF info strings. Never change once released. */
export const RECOVERY_KEY_INFO = 'innermost/recovery/key/v1';
export const RECOVERY_AUTH_INFO = 'innermost/recovery/auth/v1';

export function deriveRecoveryKeys(
  code: Uint8Array,
  email: string,
): { recoveryKey: Uint8Array; recoveryAuth: Uint8Array } {
  if (!(code instanceof Uint8Array) || code.length !== RECOVERY_CODE_BYTES) {
    throw new CryptoError('recovery-code-malformed');
  }
  const salt = utf8(normalizeEmail(email));
  if (salt.length === 0) throw new CryptoError('invalid-input', 'email required');
  return {
    recoveryKey: hkdf(sha256, code, salt, utf8(RECOVERY_KEY_INFO), 32),
    recoveryAuth: hkdf(sha256, code, salt, utf8(RECOVERY_AUTH_INFO), 32),
  };
}
