/**
 * The record kinds of spaces themselves: each member's profile (name and pronouns, as the others
 * see them) and the space's name. Both are mutable documents: the latest by version wins.
 */
import { z } from 'zod/mini';
import { defineKind, docsFor } from '../sync/kinds.ts';
import { trimmed } from '../sync/fields.ts';

const MAX_DISPLAY_NAME_CHARS = 60;
const MAX_PRONOUNS_CHARS = 40;
const MAX_SPACE_NAME_CHARS = 60;

export interface ProfileDoc {
  displayName: string;
  pronouns: string;
  /** The epoch it was written under: members who joined later cannot read older epochs. */
  epoch: number;
}

export interface SpaceDocs {
  /** By member id: a profile is only ever its author's own (the doc key holds the author). */
  profiles: Map<string, ProfileDoc>;
  name: { value: string; epoch: number } | null;
}

export const spaceDocs = docsFor<SpaceDocs>(() => ({ profiles: new Map(), name: null }));

export const profileKind = defineKind({
  kind: 'profile',
  schema: z.strictObject({ displayName: trimmed(1, MAX_DISPLAY_NAME_CHARS), pronouns: trimmed(0, MAX_PRONOUNS_CHARS) }),
  placement: 'any',
  mutable: true,
  docKey: (_body, authorId) => authorId,
  apply(state, body, meta) {
    spaceDocs(state).profiles.set(meta.authorId, { displayName: body.displayName, pronouns: body.pronouns, epoch: meta.epoch });
  },
});

export const spaceNameKind = defineKind({
  kind: 'space-name',
  schema: z.strictObject({ name: trimmed(0, MAX_SPACE_NAME_CHARS) }),
  placement: 'shared',
  mutable: true,
  // One name per space, which any member may change: concurrent renames settle by author id.
  docKey: () => 'name',
  apply(state, body, meta) {
    spaceDocs(state).name = { value: body.name, epoch: meta.epoch };
  },
});

export const spacesKinds = [profileKind, spaceNameKind];
