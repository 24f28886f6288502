/**
 * Password -> account keys, the Standard Notes 004 pattern: one Argon2id run (RFC 9106) whose
 * 64-byte output is split into a master key that never leaves the device and a login key that
 * proves the password to the server. Because the halves are independent outputs of the KDF, the
 * server (which sees loginKey) learns nothing about masterKey.
 */
import { argon2id } from 'hash-wasm';
import { utf8 } from './bytes.ts';
import { CryptoError } from './errors.ts';

export type KdfParams = {
  algorithm: 'argon2id';
  memoryKiB: number;
  iterations: number;
  parallelism: number;
};

/**
 * The floor the client hard-codes. The server hands out the KDF parameters (they are stored per
 * account), so without a floor a malicious or compromised server could hand out m=8 KiB, t=1
 * and make the password cheap to brute-force from the loginKey it receives. 64 MiB, t=3, p=1 is
 * RFC 9106 section 4's second recommended option ("if much less memory is available":
 * 64 MiB, t=3, p=4); we use p=1 because hash-wasm runs lanes sequentially in one thread, so
 * more lanes would only slow honest users down. Never lower the floor; raising it refuses
 * accounts whose stored parameters are below it, so it needs a migration first (docs/crypto.md).
 */
export const KDF_FLOOR: Readonly<KdfParams> = Object.freeze({
  algorithm: 'argon2id',
  memoryKiB: 65536,
  iterations: 3,
  parallelism: 1,
});

export const KDF_DEFAULT: Readonly<KdfParams> = Object.freeze({ ...KDF_FLOOR });

/**
 * Sanity ceiling, the same bounds as the shared API schema (src/shared/api.ts KdfParams), so a
 * server cannot make the client try to allocate absurd amounts of memory or spin forever.
 */
export const KDF_CEILING = Object.freeze({
  memoryKiB: 4 * 1024 * 1024,
  iterations: 64,
  parallelism: 16,
});

/** Per-user random salt length (RFC 9106 section 3.1 recommends 16 bytes). */
export const SALT_BYTES = 16;
/** Argon2id output: masterKey (32) || loginKey (32). Never change once released. */
export const ACCOUNT_KDF_OUTPUT_BYTES = 64;

function isIntAtLeast(value: unknown, min: number): boolean {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= min;
}

/**
 * Downgrade protection: throws CryptoError('kdf-params-too-weak') unless the algorithm is
 * Argon2id and every cost is an integer at or above KDF_FLOOR; throws 'kdf-params-invalid'
 * above KDF_CEILING.
 */
export function assertKdfParams(p: KdfParams): void {
  if (
    typeof p !== 'object' ||
    p === null ||
    p.algorithm !== 'argon2id' ||
    !isIntAtLeast(p.memoryKiB, KDF_FLOOR.memoryKiB) ||
    !isIntAtLeast(p.iterations, KDF_FLOOR.iterations) ||
    !isIntAtLeast(p.parallelism, KDF_FLOOR.parallelism)
  ) {
    throw new CryptoError('kdf-params-too-weak');
  }
  if (
    p.memoryKiB > KDF_CEILING.memoryKiB ||
    p.iterations > KDF_CEILING.iterations ||
    p.parallelism > KDF_CEILING.parallelism ||
    // RFC 9106 section 3.1: m must be at least 8 * p kibibytes.
    p.memoryKiB < 8 * p.parallelism
  ) {
    throw new CryptoError('kdf-params-invalid');
  }
}

/**
 * Plain Argon2id (version 0x13) with no secret and no associated data, no floor check. Used by
 * deriveAccountKeys and by the known-answer tests (which need RFC-sized, tiny parameters).
 */
export async function argon2idRaw(
  password: Uint8Array,
  salt: Uint8Array,
  params: KdfParams,
  outLen: number,
): Promise<Uint8Array> {
  if (params.algorithm !== 'argon2id') throw new CryptoError('kdf-params-too-weak');
  // RFC 9106 section 3.1 bounds that hash-wasm also enforces; checked here so the error is ours.
  if (password.length < 1 || salt.length < 8 || !Number.isSafeInteger(outLen) || outLen < 4) {
    throw new CryptoError('invalid-input', 'argon2id input out of range');
  }
  try {
    return await argon2id({
      password,
      salt,
      iterations: params.iterations,
      parallelism: params.parallelism,
      memorySize: params.memoryKiB,
      hashLength: outLen,
      outputType: 'binary',
    });
  } catch {
    // hash-wasm validates its options (e.g. memory >= 8 x parallelism) with plain Errors.
    throw new CryptoError('invalid-input', 'argon2id parameters out of range');
  }
}

/**
 * Argon2id(NFKC(password), salt, params) -> masterKey (first 32 bytes) || loginKey (last 32).
 * NFKC (as in RFC 8265's OpaqueString profile, which uses NFC; NFKC additionally folds
 * compatibility forms such as full-width letters) makes the same password typed on two
 * keyboards give the same keys.
 */
export async function deriveAccountKeys(
  password: string,
  salt: Uint8Array,
  params: KdfParams,
): Promise<{ masterKey: Uint8Array; loginKey: Uint8Array }> {
  assertKdfParams(params);
  if (salt.length < SALT_BYTES) throw new CryptoError('invalid-input', 'salt too short');
  if (typeof password !== 'string' || password.length === 0) {
    throw new CryptoError('invalid-input', 'empty password');
  }
  const out = await argon2idRaw(utf8(password.normalize('NFKC')), salt, params, ACCOUNT_KDF_OUTPUT_BYTES);
  const masterKey = out.slice(0, 32);
  const loginKey = out.slice(32, 64);
  out.fill(0);
  return { masterKey, loginKey };
}
