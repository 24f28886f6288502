import { describe, expect, it } from 'vitest';
import { ARCHIVE_HEADER_BYTES, ARCHIVE_KDF, deriveArchiveKey, newArchiveHeader, openArchive, readArchiveHeader, sealArchive } from './archive.ts';
import { randomBytes, utf8, fromUtf8 } from './bytes.ts';
import { CryptoError } from './errors.ts';

const code = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (error) {
    return error instanceof CryptoError ? error.code : 'not a CryptoError';
  }
  return undefined;
};

describe('encrypted archive', () => {
  it('seals and opens, the header carrying the cost and the salt', () => {
    const key = randomBytes(32);
    const header = newArchiveHeader();
    const file = sealArchive(key, header, utf8('{"hello":"world"}'));
    expect(readArchiveHeader(file)).toEqual({ params: ARCHIVE_KDF, salt: header.salt });
    expect(fromUtf8(openArchive(key, file))).toBe('{"hello":"world"}');
    // Sizes leak only to 4 KiB.
    expect(file.length - ARCHIVE_HEADER_BYTES).toBe(1 + 24 + 4096 + 16);
  });

  it('refuses any changed byte, in the header or the ciphertext, and another key', () => {
    const key = randomBytes(32);
    const file = sealArchive(key, newArchiveHeader(), utf8('a few words'));
    for (const at of [15, 20, ARCHIVE_HEADER_BYTES + 3, file.length - 1]) {
      const tampered = file.slice();
      tampered[at]! ^= 0x01;
      expect(code(() => openArchive(key, tampered))).toBe('decrypt-failed');
    }
    expect(code(() => openArchive(randomBytes(32), file))).toBe('decrypt-failed');
  });

  it('tells a file that is no archive, a newer format and hostile costs apart', () => {
    const file = sealArchive(randomBytes(32), newArchiveHeader(), utf8('x'));
    expect(code(() => readArchiveHeader(utf8('PK\u0003\u0004 a zip file, not ours')))).toBe('invalid-input');
    const newer = file.slice();
    newer[4] = 2;
    expect(code(() => readArchiveHeader(newer))).toBe('unsupported-version');
    const cheap = file.slice();
    new DataView(cheap.buffer).setUint32(5, 8); // 8 KiB of memory: cheap to guess
    expect(code(() => readArchiveHeader(cheap))).toBe('kdf-params-too-weak');
    const huge = file.slice();
    new DataView(huge.buffer).setUint32(5, 0xffffffff);
    expect(code(() => readArchiveHeader(huge))).toBe('kdf-params-invalid');
  });

  it('derives the key from the passphrase (NFKC), a wrong one does not open it', async () => {
    const header = newArchiveHeader();
    const key = await deriveArchiveKey('ｆｕｌｌ width lantern', header);
    const file = sealArchive(key, header, utf8('mine'));
    const again = await deriveArchiveKey('full width lantern', readArchiveHeader(file));
    expect(fromUtf8(openArchive(again, file))).toBe('mine');
    const wrong = await deriveArchiveKey('full width lanterns', readArchiveHeader(file));
    expect(code(() => openArchive(wrong, file))).toBe('decrypt-failed');
  }, 30_000);
});
