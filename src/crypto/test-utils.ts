/** Helpers for the crypto tests only (not exported from index.ts). */
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { expect } from 'vitest';
import { CryptoError, type CryptoErrorCode } from './errors.ts';

export const hex = (b: Uint8Array): string => bytesToHex(b);
export const unhex = (h: string): Uint8Array => hexToBytes(h);

/** Asserts that `fn` throws a CryptoError with exactly `code` (or one of `codes`). */
export function expectCryptoError(fn: () => unknown, ...codes: CryptoErrorCode[]): void {
  let thrown: unknown;
  try {
    fn();
  } catch (e) {
    thrown = e;
  }
  expect(thrown, `expected CryptoError(${codes.join(' | ')})`).toBeInstanceOf(CryptoError);
  expect(codes).toContain((thrown as CryptoError).code);
}

export async function expectCryptoErrorAsync(fn: () => Promise<unknown>, code: CryptoErrorCode): Promise<void> {
  let thrown: unknown;
  try {
    await fn();
  } catch (e) {
    thrown = e;
  }
  expect(thrown, `expected CryptoError(${code})`).toBeInstanceOf(CryptoError);
  expect((thrown as CryptoError).code).toBe(code);
}

export function flipped(bytes: Uint8Array, index: number, mask: number): Uint8Array {
  const copy = bytes.slice();
  copy[index] = copy[index]! ^ mask;
  return copy;
}

/**
 * Calls `check` with every single-byte modification of `bytes`: each index, with the lowest and
 * the highest bit flipped. Returns how many variants were checked (so tests can assert coverage).
 */
export function forEveryFlip(bytes: Uint8Array, check: (tampered: Uint8Array, index: number) => void): number {
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    for (const mask of [0x01, 0x80]) {
      check(flipped(bytes, i, mask), i);
      n++;
    }
  }
  return n;
}

export const ZERO32 = new Uint8Array(32);
