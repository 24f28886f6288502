import { describe, expect, it } from 'vitest';
import type { MemberView, SpaceView } from './types.ts';
import { membershipNews, snapshot } from './announcements.ts';

const member = (userId: string, status: MemberView['status'], displayName: string | null, isMe = false): MemberView => ({
  userId,
  status,
  displayName,
  isMe,
  pronouns: null,
});
const space = (members: MemberView[], name: string | null = 'Us'): SpaceView => ({
  id: 's1',
  kind: 'shared',
  name,
  members,
  myProfile: null,
  integrityWarning: null,
});

describe('membershipNews', () => {
  it('announces a confirmed joiner by name, or kindly without one', () => {
    const before = snapshot([space([member('me', 'active', 'Robin', true), member('a', 'pending', null)])]);
    expect(membershipNews(before, [space([member('me', 'active', 'Robin', true), member('a', 'active', 'Alex')])])).toEqual([
      'Alex joined Us',
    ]);
    expect(membershipNews(before, [space([member('me', 'active', 'Robin', true), member('a', 'active', null)], null)])).toEqual([
      'Someone new joined Shared space',
    ]);
  });

  it('announces my own confirmation', () => {
    const before = snapshot([space([member('a', 'active', 'Alex'), member('me', 'pending', null, true)])]);
    expect(membershipNews(before, [space([member('a', 'active', 'Alex'), member('me', 'active', null, true)])])).toEqual([
      'You are in. Welcome to Us.',
    ]);
  });

  it('says nothing for spaces that just appeared or for no change', () => {
    const list = [space([member('me', 'active', 'Robin', true), member('a', 'active', 'Alex')])];
    expect(membershipNews(new Map(), list)).toEqual([]);
    expect(membershipNews(snapshot(list), list)).toEqual([]);
  });
});
