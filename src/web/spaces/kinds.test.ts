import { beforeAll, describe, expect, it } from 'vitest';
import { registerKinds } from '../sync/kinds.ts';
import { apply, decoded, SHARED, spaceOf } from '../sync/testing.ts';
import { spaceDocs, spacesKinds } from './kinds.ts';

beforeAll(() => registerKinds(...spacesKinds));

describe('profile and space-name records', () => {
  it('validate exactly, and trim', () => {
    expect(decoded({ k: 'profile', v: 1, n: 1, displayName: ' Sam ', pronouns: 'they/them' })).toEqual({ k: 'profile', n: 1, displayName: 'Sam', pronouns: 'they/them' });
    expect(decoded({ k: 'space-name', v: 1, n: 2, name: '  Us ' })).toEqual({ k: 'space-name', n: 2, name: 'Us' });
    for (const raw of [
      { k: 'profile', v: 1, n: 1, displayName: 'x'.repeat(61), pronouns: '' },
      { k: 'profile', v: 1, n: 1, displayName: '   ', pronouns: '' },
      { k: 'profile', v: 1, n: 1, displayName: 'Sam' },
      { k: 'profile', v: 1, n: 1, displayName: 'Sam', pronouns: 7 },
      { k: 'space-name', v: 1, n: 1, name: 'Us', extra: true },
    ]) {
      expect(decoded(raw), JSON.stringify(raw)).toBeNull();
    }
  });

  it('keep each member’s newest profile by version, whatever order records arrive in', () => {
    const state = spaceOf(SHARED);
    apply(state, { k: 'profile', v: 1, n: 2, displayName: 'Later', pronouns: '' }, { authorId: 'a', seq: 3 });
    apply(state, { k: 'profile', v: 1, n: 1, displayName: 'Earlier', pronouns: '' }, { authorId: 'a', seq: 5 });
    apply(state, { k: 'profile', v: 1, n: 7, displayName: 'Other', pronouns: 'she/her' }, { authorId: 'b', seq: 4 });
    expect(spaceDocs(state).profiles.get('a')?.displayName).toBe('Later');
    expect(spaceDocs(state).profiles.get('b')).toMatchObject({ displayName: 'Other', pronouns: 'she/her' });
  });

  it('name the space by the newest name, whoever wrote it', () => {
    const state = spaceOf(SHARED);
    apply(state, { k: 'space-name', v: 1, n: 2, name: 'Home' }, { authorId: 'b', seq: 1, epoch: 2 });
    apply(state, { k: 'space-name', v: 1, n: 1, name: 'Us' }, { authorId: 'a', seq: 2 });
    expect(spaceDocs(state).name).toEqual({ value: 'Home', epoch: 2 });
  });
});
