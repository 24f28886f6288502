import { describe, expect, it } from 'vitest';
import type { MemberView, SpaceView } from './types.ts';
import { membershipNews, snapshot, welcomeLine } from './announcements.ts';

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
    expect(membershipNews(before, [space([member('me', 'active', 'Robin', true), member('a', 'active', 'Alex')])]).news).toEqual([
      'Alex joined Us',
    ]);
    expect(membershipNews(before, [space([member('me', 'active', 'Robin', true), member('a', 'active', null)], null)]).news).toEqual([
      'Someone new joined Shared place',
    ]);
  });

  it('notes my own confirmation once, welcoming me by the place’s name or by who is there', () => {
    const before = snapshot([space([member('a', 'active', 'Alex'), member('me', 'pending', null, true)])]);
    const after = space([member('a', 'active', 'Alex'), member('me', 'active', null, true)]);
    expect(membershipNews(before, [after])).toEqual({ news: [], joined: ['s1'] });
    expect(membershipNews(snapshot([after]), [after]).joined).toEqual([]);
    expect(welcomeLine(after)).toBe('You are in. Welcome to Us.');
    expect(welcomeLine({ ...after, name: null })).toBe('You are in, with Alex.');
    // Nothing readable yet: wait rather than call it "a shared place".
    expect(welcomeLine({ ...after, name: null, members: [member('a', 'active', null), member('me', 'active', null, true)] })).toBeNull();
  });

  it('says nothing for spaces that just appeared or for no change', () => {
    const list = [space([member('me', 'active', 'Robin', true), member('a', 'active', 'Alex')])];
    expect(membershipNews(new Map(), list)).toEqual({ news: [], joined: [] });
    expect(membershipNews(snapshot(list), list)).toEqual({ news: [], joined: [] });
  });
});
