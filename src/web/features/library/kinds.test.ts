import { beforeAll, describe, expect, it } from 'vitest';
import { registerKinds } from '../../sync/kinds.ts';
import { apply, decoded, PERSONAL, SHARED, spaceOf } from '../../sync/testing.ts';
import { libraryDocs, libraryKinds } from './kinds.ts';

beforeAll(() => registerKinds(...libraryKinds));

describe('library records', () => {
  it('round-trip each kind, and refuse what is not exactly ours', () => {
    const bodies = [
      { k: 'program-step', n: 1, programId: 'after-cancer', stepId: 'keep-talking', done: true },
      { k: 'program-state', n: 1, programId: 'after-cancer', status: 'paused' },
      { k: 'keep', n: 1, what: 'favourite', ref: 'emotional/e-light-01', kept: true },
      { k: 'onboarding', n: 1, reasonId: 'drifted-apart' },
      { k: 'assessment', scores: { emotional: { now: 3, matters: 9 }, sexual: {} } },
      { k: 'progress-sharing', n: 1, shareWith: [SHARED.id] },
    ];
    for (const body of bodies) expect(decoded({ ...body, v: 1 })).toEqual(body);
    for (const raw of [
      { k: 'program-step', v: 1, n: 1, programId: 'After Cancer', stepId: 'x', done: true },
      { k: 'program-state', v: 1, n: 1, programId: 'x', status: 'finished' },
      { k: 'keep', v: 1, n: 1, what: 'favourite', ref: 'no-slash', kept: true },
      { k: 'keep', v: 1, n: 1, what: 'bookmark', ref: 'a/b', kept: true },
      { k: 'assessment', v: 1, scores: { emotional: { now: 11 } } },
      { k: 'assessment', v: 1, scores: { emotional: { now: 1, later: 2 } } },
      { k: 'assessment', v: 1, scores: {} },
    ]) {
      expect(decoded(raw), JSON.stringify(raw)).toBeNull();
    }
  });

  it('keep the newest step state per author by version; a program remembers when it was first started', () => {
    const state = spaceOf(SHARED);
    const step = (n: number, done: boolean) => ({ k: 'program-step', v: 1, n, programId: 'p', stepId: 's', done });
    apply(state, step(2, true), { authorId: 'sam', seq: 3 });
    apply(state, step(1, false), { authorId: 'sam', seq: 5 });
    apply(state, step(1, false), { authorId: 'kit', seq: 4 });
    const docs = libraryDocs(state);
    expect(docs.steps.get('sam p/s')).toEqual({ value: true, n: 2, at: 0 });
    expect(docs.steps.get('kit p/s')).toEqual({ value: false, n: 1, at: 0 });

    apply(state, { k: 'program-state', v: 1, n: 1, programId: 'p', status: 'active' }, { authorId: 'sam', createdAt: 200 });
    apply(state, { k: 'program-state', v: 1, n: 2, programId: 'p', status: 'paused' }, { authorId: 'sam', createdAt: 900 });
    expect(docs.programs.get('sam p')).toEqual({ value: 'paused', n: 2, startedAt: 200 });
  });

  it('take keeps, onboarding, assessments and sharing only in the personal space; sharing cannot be rolled back', () => {
    const shared = spaceOf(SHARED);
    apply(shared, { k: 'onboarding', v: 1, n: 1, reasonId: 'x' }, { authorId: 'sam' });
    apply(shared, { k: 'keep', v: 1, n: 1, what: 'intention', ref: 'p/s', kept: true }, { authorId: 'sam' });
    expect(libraryDocs(shared).onboarding).toBeNull();
    expect(libraryDocs(shared).keeps.size).toBe(0);

    const mine = spaceOf(PERSONAL);
    apply(mine, { k: 'onboarding', v: 1, n: 2, reasonId: 'later' }, { authorId: 'me', seq: 6 });
    apply(mine, { k: 'onboarding', v: 1, n: 1, reasonId: 'earlier' }, { authorId: 'me', seq: 7 });
    expect(libraryDocs(mine).onboarding).toEqual({ value: 'later', n: 2 });
    // Finding 2 for progress: shared (1), then not (2), delivered in the opposite order.
    apply(mine, { k: 'progress-sharing', v: 1, n: 2, shareWith: [] }, { authorId: 'me', seq: 8 });
    apply(mine, { k: 'progress-sharing', v: 1, n: 1, shareWith: [SHARED.id] }, { authorId: 'me', seq: 9 });
    expect(libraryDocs(mine).progressSharing).toEqual({ value: [], n: 2 });
    const id = '01890000-0000-7000-8000-0000000000a1';
    apply(mine, { k: 'assessment', v: 1, scores: { emotional: { now: 2 } } }, { authorId: 'me', seq: 10, id, createdAt: 5 });
    expect(libraryDocs(mine).assessments.get(id)).toEqual({ scores: { emotional: { now: 2 } }, seq: 10, createdAt: 5 });
  });
});
