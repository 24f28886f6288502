import { describe, expect, it } from 'vitest';
import type { MemberView, SpaceView } from '../../spaces/types.ts';
import { shareableSpaces } from '../../spaces/my-spaces.ts';
import { sharedSpaces, sharedSpacesLine } from './sharing.ts';

const member = (userId: string, isMe: boolean, status: MemberView['status'] = 'active'): MemberView => ({
  userId,
  isMe,
  status,
  displayName: isMe ? 'Me' : 'Sam',
  pronouns: null,
});
const space = (id: string, name: string | null, members: MemberView[], kind: SpaceView['kind'] = 'shared'): SpaceView => ({
  id,
  kind,
  name,
  members,
  myProfile: null,
  integrityWarning: null,
});

const personal = space('p', null, [member('me', true)], 'personal');
const home = space('home', 'Home', [member('me', true), member('sam', false)]);
const weekend = space('weekend', 'Weekend', [member('me', true), member('kit', false)]);
const waiting = space('waiting', 'Not yet', [member('me', true, 'pending'), member('ash', false)]);

describe('check-in sharing on screen', () => {
  it('offers only shared spaces where I am an active member', () => {
    expect(shareableSpaces([personal, home, weekend, waiting]).map((s) => s.id)).toEqual(['home', 'weekend']);
  });

  it('names the spaces that receive my scores, ignoring ones I left or cannot write to', () => {
    const list = [personal, home, weekend, waiting];
    expect(sharedSpaces(list, ['weekend', 'gone', 'waiting']).map((s) => s.id)).toEqual(['weekend']);
    expect(sharedSpacesLine(list, ['home', 'weekend'])).toBe('Home and Weekend');
    expect(sharedSpacesLine(list, [])).toBeNull();
    expect(sharedSpacesLine(list, ['gone'])).toBeNull();
  });
});
