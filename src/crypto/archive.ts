/**
 * The encrypted export archive (ADR 031): what a person takes to a new account, sealed with a
 * passphrase they choose, so the file can sit in a download folder or a cloud drive safely.
 *
 *   key   = Argon2id(NFKC(passphrase), salt, params) -> 32 bytes
 *   file  = header || envelope(key, padBucket(plaintext, 4096), ad = encodeContext('innermost/archive/v1', [header]))
 *   header (30 bytes, never change once released):
 *     [4 bytes "IMXA"][0x01 format version][u32 memoryKiB][u32 iterations][u8 parallelism][16-byte salt]
 *
 * The cost parameters travel in the header (a later build may raise them) and are checked against
 * the account KDF's floor and ceiling before any work, so a crafted file can neither make the
 * passphrase cheap to guess nor make the device allocate absurd memory. The whole header is the
 * envelope's associated data: changing a parameter, the salt or the version makes opening fail.
 * What the plaintext holds is the web app's business (src/web/features/export/archive-format.ts).
 */
import { decryptEnvelope, encryptEnvelope, padBucket, unpadBucket } from './aead.ts';
import { concatBytes, equalBytes, randomBytes, readU32be, u32be, utf8 } from './bytes.ts';
import { encodeContext, LABELS } from './context.ts';
import { CryptoError } from './errors.ts';
import { argon2idRaw, assertKdfParams, KDF_FLOOR, SALT_BYTES, type KdfParams } from './kdf.ts';

/** Never change once released. */
export const ARCHIVE_MAGIC = utf8('IMXA');
/** Never change once released. */
export const ARCHIVE_FORMAT_VERSION = 0x01;
export const ARCHIVE_HEADER_BYTES = 4 + 1 + 4 + 4 + 1 + SALT_BYTES;
/** Sizes leak only to this granularity (an archive is one file, so a coarse bucket costs little). */
export const ARCHIVE_PAD_BYTES = 4096;
/** The account KDF's cost (RFC 9106's second recommended option, see kdf.ts). */
export const ARCHIVE_KDF: Readonly<KdfParams> = Object.freeze({ ...KDF_FLOOR });
const KEY_BYTES = 32;

export interface ArchiveHeader {
  params: KdfParams;
  salt: Uint8Array;
}

function encodeHeader({ params, salt }: ArchiveHeader): Uint8Array {
  return concatBytes(ARCHIVE_MAGIC, Uint8Array.of(ARCHIVE_FORMAT_VERSION), u32be(params.memoryKiB), u32be(params.iterations), Uint8Array.of(params.parallelism), salt);
}

/** A fresh salt with the current cost: what a new archive is sealed with. */
export function newArchiveHeader(): ArchiveHeader {
  return { params: { ...ARCHIVE_KDF }, salt: randomBytes(SALT_BYTES) };
}

/**
 * Reads (and checks) the header of an archive file. 'invalid-input' when it is not an archive at
 * all, 'unsupported-version' for a format this build does not know, the KDF checks' codes for
 * parameters out of bounds.
 */
export function readArchiveHeader(file: Uint8Array): ArchiveHeader {
  if (file.length < ARCHIVE_HEADER_BYTES || !equalBytes(file.subarray(0, 4), ARCHIVE_MAGIC)) throw new CryptoError('invalid-input', 'not an archive');
  if (file[4] !== ARCHIVE_FORMAT_VERSION) throw new CryptoError('unsupported-version');
  const params: KdfParams = { algorithm: 'argon2id', memoryKiB: readU32be(file, 5), iterations: readU32be(file, 9), parallelism: file[13]! };
  assertKdfParams(params);
  return { params, salt: file.slice(14, ARCHIVE_HEADER_BYTES) };
}

/** The archive key from the passphrase (Argon2id; run it off the main thread in the app). */
export async function deriveArchiveKey(passphrase: string, header: ArchiveHeader): Promise<Uint8Array> {
  assertKdfParams(header.params);
  if (header.salt.length !== SALT_BYTES) throw new CryptoError('invalid-input', 'salt length');
  if (typeof passphrase !== 'string' || passphrase.length === 0) throw new CryptoError('invalid-input', 'empty passphrase');
  return argon2idRaw(utf8(passphrase.normalize('NFKC')), header.salt, header.params, KEY_BYTES);
}

export function sealArchive(key: Uint8Array, header: ArchiveHeader, plaintext: Uint8Array): Uint8Array {
  const head = encodeHeader(header);
  const padded = padBucket(plaintext, ARCHIVE_PAD_BYTES);
  try {
    return concatBytes(head, encryptEnvelope(key, padded, encodeContext(LABELS.archive, [head])));
  } finally {
    padded.fill(0);
  }
}

/** The plaintext, or CryptoError('decrypt-failed') for a wrong passphrase or any changed byte. */
export function openArchive(key: Uint8Array, file: Uint8Array): Uint8Array {
  readArchiveHeader(file);
  const head = file.subarray(0, ARCHIVE_HEADER_BYTES);
  const padded = decryptEnvelope(key, file.subarray(ARCHIVE_HEADER_BYTES), encodeContext(LABELS.archive, [head]));
  try {
    return unpadBucket(padded, ARCHIVE_PAD_BYTES);
  } catch {
    throw new CryptoError('decrypt-failed');
  } finally {
    padded.fill(0);
  }
}
