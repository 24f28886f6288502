import { beforeAll, describe, expect, it } from 'vitest';
import { registerKinds } from '../../sync/kinds.ts';
import { apply, decoded, PERSONAL, SHARED, spaceOf } from '../../sync/testing.ts';
import { checkinDocs, checkinsKinds } from './kinds.ts';

beforeAll(() => registerKinds(...checkinsKinds));

const checkin = { v: 1, at: Date.UTC(2026, 10, 20, 19), tz: 'Europe/Berlin', emotional: 6, physical: 4 } as const;

describe('check-in records', () => {
  it('round-trip a check-in, with and without the optional parts', () => {
    const full = { ...checkin, energy: 2, pain: 7, stress: 5, note: 'tired, but we laughed' };
    expect(decoded({ k: 'checkin', v: 1, checkin: full })).toEqual({ k: 'checkin', checkin: full });
    expect(decoded({ k: 'checkin', v: 1, checkin })).toEqual({ k: 'checkin', checkin });
  });

  it('refuse a check-in that is not exactly ours: out of range, extra keys, a bad zone', () => {
    for (const raw of [
      { k: 'checkin', v: 1, checkin: { ...checkin, emotional: 11 } },
      { k: 'checkin', v: 1, checkin: { ...checkin, physical: 2.5 } },
      { k: 'checkin', v: 1, checkin: { ...checkin, tz: 'Mars/Olympus' } },
      { k: 'checkin', v: 1, checkin, extra: 1 },
      { k: 'checkin', v: 1, checkin: { ...checkin, mood: 3 } },
    ]) {
      expect(decoded(raw), JSON.stringify(raw)).toBeNull();
    }
  });

  it('validate settings: booleans, space ids only, no duplicates kept, bounded', () => {
    const id = '01890000-0000-7000-8000-00000000000a';
    expect(decoded({ k: 'checkin-settings', v: 1, n: 1, health: true, shareWith: [id, id] })).toEqual({ k: 'checkin-settings', n: 1, health: true, shareWith: [id] });
    for (const raw of [
      { k: 'checkin-settings', v: 1, n: 1, health: 'yes', shareWith: [] },
      { k: 'checkin-settings', v: 1, n: 1, health: false, shareWith: ['home'] },
      { k: 'checkin-settings', v: 1, n: 1, health: false, shareWith: Array(101).fill(id) },
      { k: 'checkin-settings', v: 1, n: 1, health: false },
    ]) {
      expect(decoded(raw), JSON.stringify(raw)).toBeNull();
    }
  });

  it('keep every check-in by record id, idempotent on replay, with its author', () => {
    const state = spaceOf(SHARED);
    const r1 = '01890000-0000-7000-8000-0000000000f1';
    apply(state, { k: 'checkin', v: 1, checkin }, { authorId: 'sam', id: r1, seq: 1 });
    apply(state, { k: 'checkin', v: 1, checkin }, { authorId: 'sam', id: r1, seq: 1 });
    apply(state, { k: 'checkin', v: 1, checkin: { ...checkin, at: checkin.at + 1 } }, { authorId: 'kit', seq: 2 });
    const docs = checkinDocs(state).checkins;
    expect(docs.size).toBe(2);
    expect(docs.get(r1)).toEqual({ id: r1, authorId: 'sam', checkin, seq: 1 });
  });

  it('take settings only in the personal space; turning sharing off cannot be undone by re-ordering', () => {
    const shared = spaceOf(SHARED);
    apply(shared, { k: 'checkin-settings', v: 1, n: 1, health: true, shareWith: [] }, { authorId: 'sam' });
    expect(checkinDocs(shared).settings).toBeNull();

    // Finding 2: sharing on (version 1), then off (version 2); the server swaps their order.
    const mine = spaceOf(PERSONAL);
    apply(mine, { k: 'checkin-settings', v: 1, n: 2, health: false, shareWith: [] }, { authorId: 'me', seq: 1 });
    apply(mine, { k: 'checkin-settings', v: 1, n: 1, health: false, shareWith: [SHARED.id] }, { authorId: 'me', seq: 2 });
    expect(checkinDocs(mine).settings).toEqual({ health: false, shareWith: [] });
  });
});
