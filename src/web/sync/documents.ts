/**
 * The plaintext inside records (after decryption), validated like any other untrusted input:
 * a member's device could be buggy or hostile. The kind lives inside the ciphertext, so the
 * server never learns what a record is.
 */
import type { SpaceState } from './space-state.ts';

export const MAX_DISPLAY_NAME_CHARS = 60;
export const MAX_PRONOUNS_CHARS = 40;
export const MAX_SPACE_NAME_CHARS = 60;

// Hand-written rather than zod: this module is on the first screen's path, and zod would add
// ~23 KB gzip to it. The shapes are small and the checks strict (exact keys, types, lengths).
export type RecordBody =
  | { k: 'profile'; v: 1; displayName: string; pronouns: string }
  | { k: 'space-name'; v: 1; name: string };

function text(value: unknown, min: number, max: number): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed.length >= min && trimmed.length <= max ? trimmed : null;
}

function hasExactly(value: Record<string, unknown>, keys: string[]): boolean {
  const own = Object.keys(value);
  return own.length === keys.length && keys.every((k) => Object.hasOwn(value, k));
}

/** Returns the body in canonical (trimmed) form, or null when it is not one we understand. */
export function parseBody(value: unknown): RecordBody | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const o = value as Record<string, unknown>;
  if (o.v !== 1) return null;
  if (o.k === 'profile' && hasExactly(o, ['k', 'v', 'displayName', 'pronouns'])) {
    const displayName = text(o.displayName, 1, MAX_DISPLAY_NAME_CHARS);
    const pronouns = text(o.pronouns, 0, MAX_PRONOUNS_CHARS);
    return displayName !== null && pronouns !== null ? { k: 'profile', v: 1, displayName, pronouns } : null;
  }
  if (o.k === 'space-name' && hasExactly(o, ['k', 'v', 'name'])) {
    const name = text(o.name, 0, MAX_SPACE_NAME_CHARS);
    return name !== null ? { k: 'space-name', v: 1, name } : null;
  }
  return null;
}

export function encodeBody(body: RecordBody): Uint8Array {
  const parsed = parseBody(body);
  if (!parsed) throw new TypeError('invalid record body');
  return new TextEncoder().encode(JSON.stringify(parsed));
}

export function decodeBody(bytes: Uint8Array): RecordBody | null {
  try {
    return parseBody(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)));
  } catch {
    return null;
  }
}

/**
 * Applies one decrypted record. Mutable documents are last-writer-wins by the server's order
 * (seq); a profile can only be written by the member it describes (the author is bound into
 * the ciphertext's associated data, so it cannot be forged by another member or the server).
 */
export function applyBody(state: SpaceState, body: RecordBody, meta: { authorId: string; seq: number; epoch: number }): void {
  switch (body.k) {
    case 'profile': {
      const current = state.profiles.get(meta.authorId);
      if (!current || current.seq < meta.seq) {
        state.profiles.set(meta.authorId, { displayName: body.displayName, pronouns: body.pronouns, seq: meta.seq, epoch: meta.epoch });
      }
      return;
    }
    case 'space-name': {
      if (!state.name || state.name.seq < meta.seq) state.name = { value: body.name, seq: meta.seq, epoch: meta.epoch };
      return;
    }
  }
}
