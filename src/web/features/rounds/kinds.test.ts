import { beforeAll, describe, expect, it } from 'vitest';
import { registerKinds } from '../../sync/kinds.ts';
import { apply, decoded, PERSONAL, SHARED, spaceOf } from '../../sync/testing.ts';
import { roundDocs, roundsKinds } from './kinds.ts';

beforeAll(() => registerKinds(...roundsKinds));

const roundId = '01890000-0000-7000-8000-0000000000d1';

describe('round and reflection records', () => {
  it('round-trip notes, positions and reflections', () => {
    expect(decoded({ k: 'round-note', v: 1, roundId, itemId: 'say', text: ' Thank you ' })).toEqual({ k: 'round-note', roundId, itemId: 'say', text: 'Thank you' });
    expect(decoded({ k: 'read-position', v: 1, n: 1, roundId, step: 0 })).toEqual({ k: 'read-position', n: 1, roundId, step: 0 });
    const answers = { 'glad-when': { kind: 'text', text: 'now' } };
    expect(decoded({ k: 'reflection', v: 1, exerciseId: 'appreciations', answers })).toEqual({ k: 'reflection', exerciseId: 'appreciations', answers });
  });

  it('validate ids, lengths, integers and exact keys', () => {
    expect(decoded({ k: 'round-note', v: 1, roundId, itemId: 'say', text: 'x'.repeat(1000) })).not.toBeNull();
    for (const raw of [
      { k: 'round-note', v: 1, roundId, itemId: 'say', text: 'x'.repeat(1001) },
      { k: 'round-note', v: 1, roundId, itemId: 'say', text: '  ' },
      { k: 'round-note', v: 1, roundId: 'not-a-uuid', itemId: 'say', text: 'hi' },
      { k: 'round-note', v: 1, roundId, itemId: 'Say It', text: 'hi' },
      { k: 'round-note', v: 1, roundId, itemId: 'say', text: 'hi', by: 'x' },
      { k: 'read-position', v: 1, n: 1, roundId, step: -1 },
      { k: 'read-position', v: 1, n: 1, roundId, step: 1.5 },
      { k: 'read-position', v: 1, n: 1, roundId, step: '2' },
      { k: 'read-position', v: 1, n: 1, roundId, step: 10_001 },
      { k: 'read-position', v: 1, n: 1, roundId },
      { k: 'reflection', v: 1, exerciseId: 'x', answers: { a: { kind: 'scale', value: 1.5 } } },
      { k: 'reflection', v: 1, exerciseId: 'x', answers: [] },
      { k: 'reflection', v: 1, exerciseId: 'Bad Id', answers: {} },
    ]) {
      expect(decoded(raw), JSON.stringify(raw)).toBeNull();
    }
  });

  it('keep each member’s newest position by version, and notes once per record', () => {
    const state = spaceOf(SHARED);
    apply(state, { k: 'read-position', v: 1, n: 3, roundId, step: 4 }, { authorId: 'a', seq: 7 });
    apply(state, { k: 'read-position', v: 1, n: 1, roundId, step: 2 }, { authorId: 'a', seq: 9 });
    apply(state, { k: 'read-position', v: 1, n: 2, roundId, step: 3 }, { authorId: 'b', seq: 8 });
    expect(roundDocs(state).positions.get(roundId)?.get('a')).toMatchObject({ step: 4, n: 3 });
    expect(roundDocs(state).positions.get(roundId)?.get('b')).toMatchObject({ step: 3, n: 2 });
    const id = '01890000-0000-7000-8000-0000000000e1';
    const note = { k: 'round-note', v: 1, roundId, itemId: 'say', text: 'hi' };
    apply(state, note, { authorId: 'a', seq: 10, id, createdAt: 5 });
    apply(state, note, { authorId: 'a', seq: 10, id, createdAt: 5 });
    expect([...roundDocs(state).notes.values()]).toEqual([{ id, roundId, itemId: 'say', text: 'hi', authorId: 'a', seq: 10, createdAt: 5 }]);
  });

  it('keep each member’s own thank-you, a later note replacing one without', () => {
    expect(decoded({ k: 'round-thanks', v: 1, n: 1, roundId })).toEqual({ k: 'round-thanks', n: 1, roundId });
    expect(decoded({ k: 'round-thanks', v: 1, n: 1, roundId, note: ' thank you ' })).toEqual({ k: 'round-thanks', n: 1, roundId, note: 'thank you' });
    for (const raw of [
      { k: 'round-thanks', v: 1, n: 1, roundId, note: '   ' },
      { k: 'round-thanks', v: 1, n: 1, roundId, note: 'x'.repeat(1001) },
      { k: 'round-thanks', v: 1, n: 1, roundId: 'nope' },
      { k: 'round-thanks', v: 1, n: 1, roundId, to: 'b' },
    ]) {
      expect(decoded(raw), JSON.stringify(raw)).toBeNull();
    }
    const state = spaceOf(SHARED);
    apply(state, { k: 'round-thanks', v: 1, n: 1, roundId }, { authorId: 'a', createdAt: 10 });
    apply(state, { k: 'round-thanks', v: 1, n: 2, roundId, note: 'that was good' }, { authorId: 'a', createdAt: 20 });
    apply(state, { k: 'round-thanks', v: 1, n: 1, roundId }, { authorId: 'b', createdAt: 15 });
    const thanks = roundDocs(state).thanks.get(roundId)!;
    expect(thanks.get('a')).toEqual({ note: 'that was good', at: 20 });
    expect(thanks.get('b')).toEqual({ note: null, at: 15 });
    // A personal space holds no round records.
    const personal = spaceOf(PERSONAL);
    apply(personal, { k: 'round-thanks', v: 1, n: 1, roundId }, { authorId: 'a' });
    expect(roundDocs(personal).thanks.size).toBe(0);
  });

  it('take reflections only from the personal space, and round records only from shared ones', () => {
    const reflection = { k: 'reflection', v: 1, exerciseId: 'appreciations', answers: {} };
    const inShared = spaceOf(SHARED);
    apply(inShared, reflection, { authorId: 'a' });
    expect(roundDocs(inShared).reflections.size).toBe(0);
    const inPersonal = spaceOf(PERSONAL);
    apply(inPersonal, reflection, { authorId: 'a', seq: 1 });
    apply(inPersonal, { k: 'read-position', v: 1, n: 1, roundId, step: 1 }, { authorId: 'a' });
    expect([...roundDocs(inPersonal).reflections.values()][0]).toMatchObject({ exerciseId: 'appreciations', seq: 1 });
    expect(roundDocs(inPersonal).positions.size).toBe(0);
  });
});
