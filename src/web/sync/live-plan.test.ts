import { describe, expect, it } from 'vitest';
import { planFor } from './live-plan.ts';

const spaceId = '01890000-0000-7000-8000-000000000001';

describe('what a live notice asks for', () => {
  it('a new record: pull that one space, nothing else', () => {
    expect(planFor({ spaceId, type: 'records', seq: 4 }, true)).toEqual({ drop: false, sync: 'space', membership: false });
  });

  it('a membership or key change: that space with its membership', () => {
    for (const type of ['members', 'epoch'] as const) expect(planFor({ spaceId, type }, true)).toEqual({ drop: false, sync: 'space', membership: true });
  });

  it('a space this device does not know yet: the whole list', () => {
    for (const type of ['records', 'members', 'epoch'] as const) expect(planFor({ spaceId, type }, false).sync).toBe('all');
  });

  it('rounds and invites: nothing for the record sync; removed: forget the space', () => {
    expect(planFor({ spaceId, type: 'rounds' }, true).sync).toBe('none');
    expect(planFor({ spaceId, type: 'invites' }, true).sync).toBe('none');
    expect(planFor({ spaceId, type: 'removed' }, true)).toEqual({ drop: true, sync: 'none', membership: false });
  });
});
