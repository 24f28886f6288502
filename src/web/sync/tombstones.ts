/**
 * Deletion that the protocol understands. A tombstone is a record like any other (encrypted, in
 * the log, so every device sees it in order) that names records of its author and carries the
 * author's signature over them (crypto/tombstone.ts). The server deletes the named records when
 * it stores the tombstone; each device deletes its copies when it syncs. Only a record's author
 * can delete it, even with the server's help. Someone who already saw a record may remember it:
 * the screens say so.
 *
 * The tombstone is sync's own kind (the only one): features delete through engine.deleteRecords.
 */
import { z } from 'zod/mini';
import { fromB64 } from '../../shared/base64.ts';
import { MAX_TOMBSTONE_TARGETS, verifyTombstone } from '../../crypto/tombstone.ts';
import { uuid } from './fields.ts';
import { defineKind } from './kinds.ts';

const B64URL_RE = /^[A-Za-z0-9_-]+$/;

export const tombstoneKind = defineKind({
  kind: 'tombstone',
  schema: z.strictObject({
    targets: z.array(uuid).check(z.minLength(1), z.maxLength(MAX_TOMBSTONE_TARGETS)),
    sig: z.string().check(z.length(86), z.regex(B64URL_RE)),
  }),
  placement: 'any',
  mutable: false,
  apply(state, body, meta) {
    const author = state.knownKeys.get(meta.authorId);
    if (!author) return;
    const valid = verifyTombstone({ spaceId: state.summary.id, authorId: meta.authorId, recordIds: body.targets, signature: fromB64(body.sig), verifyKey: author.ed25519 });
    if (!valid) {
      state.integrityWarning ??= 'record';
      return;
    }
    for (const id of body.targets) {
      state.tombstoned.set(id, meta.authorId);
      if (state.applied.get(id)?.authorId === meta.authorId) state.needsRebuild = true;
    }
  },
});
