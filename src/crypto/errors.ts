/**
 * The one error type of src/crypto. Callers switch on `code`, never on `message`; a code never
 * changes meaning once released. Messages are deliberately vague: a decryption or verification
 * failure never says which byte or which check failed, so an attacker who can submit forged
 * input learns nothing beyond "rejected".
 */
export type CryptoErrorCode =
  /** Authentication failed: wrong key, wrong context, or a modified ciphertext. */
  | 'decrypt-failed'
  /** The format's version byte is not one this build understands. */
  | 'unsupported-version'
  /** KDF parameters below the hard-coded floor, or not Argon2id (downgrade protection). */
  | 'kdf-params-too-weak'
  /** KDF parameters above the sanity ceiling (a server trying to exhaust the device). */
  | 'kdf-params-invalid'
  /** An Ed25519 signature did not verify. */
  | 'bad-signature'
  | 'recovery-code-malformed'
  | 'invite-link-malformed'
  /** A membership entry or log broke a rule (see membership.ts). */
  | 'membership-invalid'
  /** Bucket padding is not canonical. */
  | 'padding-invalid'
  /** A key of the wrong length, or a public key that is a low-order point. */
  | 'invalid-key'
  /** An argument a caller controls is out of range (a programming error, not an attack). */
  | 'invalid-input';

export class CryptoError extends Error {
  readonly code: CryptoErrorCode;

  constructor(code: CryptoErrorCode, message?: string) {
    super(message ?? code);
    this.name = 'CryptoError';
    this.code = code;
  }
}

