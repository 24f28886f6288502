/**
 * The plaintext inside records (after decryption), validated like any other untrusted input:
 * a member's device could be buggy or hostile. The kind lives inside the ciphertext, so the
 * server never learns what a record is.
 */
import { z } from 'zod';
import type { SpaceState } from './space-state.ts';

export const MAX_DISPLAY_NAME_CHARS = 60;
export const MAX_PRONOUNS_CHARS = 40;
export const MAX_SPACE_NAME_CHARS = 60;

export const RecordBody = z.discriminatedUnion('k', [
  z.object({
    k: z.literal('profile'),
    v: z.literal(1),
    displayName: z.string().trim().min(1).max(MAX_DISPLAY_NAME_CHARS),
    pronouns: z.string().trim().max(MAX_PRONOUNS_CHARS),
  }),
  z.object({ k: z.literal('space-name'), v: z.literal(1), name: z.string().trim().max(MAX_SPACE_NAME_CHARS) }),
]);
export type RecordBody = z.infer<typeof RecordBody>;

export function encodeBody(body: RecordBody): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(RecordBody.parse(body)));
}

export function decodeBody(bytes: Uint8Array): RecordBody | null {
  try {
    const parsed = RecordBody.safeParse(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)));
    return parsed.success ? parsed.data : null;
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
