import { describe, expect, it } from 'vitest';
import type { SpaceSummary } from '../../shared/api.ts';
import { applyBody, checkinDocs, decodeBody, encodeBody, libraryDocs, roundDocs, type RecordBody } from './documents.ts';
import { emptySpaceState } from './space-state.ts';

const summary: SpaceSummary = {
  id: '01890000-0000-7000-8000-000000000001',
  kind: 'shared',
  epoch: 1,
  needsRotation: false,
  createdAt: 0,
  headSeq: 0,
  members: [],
  myKeys: [],
};

describe('record documents', () => {
  it('round-trips a profile body', () => {
    const body = { k: 'profile', v: 1, displayName: 'Sam', pronouns: 'they/them' } as const;
    expect(decodeBody(encodeBody(body))).toEqual(body);
  });

  it('rejects bodies that are not ours: bad JSON, unknown kind, oversized or empty names, bad UTF-8', () => {
    const enc = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));
    expect(decodeBody(new TextEncoder().encode('{nope'))).toBeNull();
    expect(decodeBody(enc({ k: 'mystery', v: 1 }))).toBeNull();
    expect(decodeBody(enc({ k: 'profile', v: 1, displayName: 'x'.repeat(61), pronouns: '' }))).toBeNull();
    expect(decodeBody(enc({ k: 'profile', v: 1, displayName: '   ', pronouns: '' }))).toBeNull();
    expect(decodeBody(enc({ k: 'profile', v: 2, displayName: 'Sam', pronouns: '' }))).toBeNull();
    expect(decodeBody(new Uint8Array([0xff, 0xfe]))).toBeNull();
  });

  it('keeps the last writer by server order, per author, whatever order records arrive in', () => {
    const state = emptySpaceState(summary);
    applyBody(state, { k: 'profile', v: 1, displayName: 'Later', pronouns: '' }, { authorId: 'a', seq: 5, epoch: 1 });
    applyBody(state, { k: 'profile', v: 1, displayName: 'Earlier', pronouns: '' }, { authorId: 'a', seq: 3, epoch: 1 });
    applyBody(state, { k: 'profile', v: 1, displayName: 'Other', pronouns: 'she/her' }, { authorId: 'b', seq: 4, epoch: 1 });
    expect(state.profiles.get('a')?.displayName).toBe('Later');
    expect(state.profiles.get('b')).toMatchObject({ displayName: 'Other', pronouns: 'she/her', seq: 4 });
  });

  it('names the space by the latest name record', () => {
    const state = emptySpaceState(summary);
    applyBody(state, { k: 'space-name', v: 1, name: 'Us' }, { authorId: 'a', seq: 1, epoch: 1 });
    applyBody(state, { k: 'space-name', v: 1, name: 'Home' }, { authorId: 'b', seq: 2, epoch: 2 });
    expect(state.name).toEqual({ value: 'Home', seq: 2, epoch: 2 });
  });
});

describe('record body validation', () => {
  it('accepts only the exact keys, and trims', () => {
    const enc = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));
    expect(decodeBody(enc({ k: 'space-name', v: 1, name: '  Us ' }))).toEqual({ k: 'space-name', v: 1, name: 'Us' });
    expect(decodeBody(enc({ k: 'space-name', v: 1, name: 'Us', extra: true }))).toBeNull();
    expect(decodeBody(enc({ k: 'profile', v: 1, displayName: 'Sam' }))).toBeNull();
    expect(decodeBody(enc({ k: 'profile', v: 1, displayName: 'Sam', pronouns: 7 }))).toBeNull();
    expect(decodeBody(enc(['profile']))).toBeNull();
    expect(decodeBody(enc(null))).toBeNull();
  });

  it('refuses to encode a body it would not accept back', () => {
    expect(() => encodeBody({ k: 'profile', v: 1, displayName: '', pronouns: '' })).toThrow();
  });
});

describe('round and reflection bodies', () => {
  const enc = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));
  const roundId = '01890000-0000-7000-8000-0000000000d1';
  const shared = summary;
  const personal: SpaceSummary = { ...summary, kind: 'personal' };

  it('round-trips notes, positions and reflections', () => {
    const note = { k: 'round-note', v: 1, roundId, itemId: 'say', text: 'Thank you' } as const;
    const position = { k: 'read-position', v: 1, roundId, step: 0 } as const;
    const reflection = { k: 'reflection', v: 1, exerciseId: 'appreciations', answers: { 'glad-when': { kind: 'text', text: 'now' } } } as const;
    expect(decodeBody(encodeBody(note))).toEqual(note);
    expect(decodeBody(encodeBody(position))).toEqual(position);
    expect(decodeBody(encodeBody(reflection))).toEqual(reflection);
  });

  it('validates by hand: ids, lengths, integers, exact keys', () => {
    expect(decodeBody(enc({ k: 'round-note', v: 1, roundId, itemId: 'say', text: ' hi ' }))).toEqual({ k: 'round-note', v: 1, roundId, itemId: 'say', text: 'hi' });
    expect(decodeBody(enc({ k: 'round-note', v: 1, roundId, itemId: 'say', text: 'x'.repeat(1000) }))).not.toBeNull();
    expect(decodeBody(enc({ k: 'round-note', v: 1, roundId, itemId: 'say', text: 'x'.repeat(1001) }))).toBeNull();
    expect(decodeBody(enc({ k: 'round-note', v: 1, roundId, itemId: 'say', text: '  ' }))).toBeNull();
    expect(decodeBody(enc({ k: 'round-note', v: 1, roundId: 'not-a-uuid', itemId: 'say', text: 'hi' }))).toBeNull();
    expect(decodeBody(enc({ k: 'round-note', v: 1, roundId, itemId: 'Say It', text: 'hi' }))).toBeNull();
    expect(decodeBody(enc({ k: 'round-note', v: 1, roundId, itemId: 'say', text: 'hi', by: 'x' }))).toBeNull();
    expect(decodeBody(enc({ k: 'read-position', v: 1, roundId, step: -1 }))).toBeNull();
    expect(decodeBody(enc({ k: 'read-position', v: 1, roundId, step: 1.5 }))).toBeNull();
    expect(decodeBody(enc({ k: 'read-position', v: 1, roundId, step: '2' }))).toBeNull();
    expect(decodeBody(enc({ k: 'read-position', v: 1, roundId, step: 10_001 }))).toBeNull();
    expect(decodeBody(enc({ k: 'read-position', v: 1, roundId }))).toBeNull();
    expect(decodeBody(enc({ k: 'reflection', v: 1, exerciseId: 'x', answers: { a: { kind: 'scale', value: 1.5 } } }))).toBeNull();
    expect(decodeBody(enc({ k: 'reflection', v: 1, exerciseId: 'x', answers: [] }))).toBeNull();
    expect(decodeBody(enc({ k: 'reflection', v: 1, exerciseId: 'Bad Id', answers: {} }))).toBeNull();
  });

  it('keeps the last read-together position per author by seq, and notes once per record', () => {
    const state = emptySpaceState(shared);
    applyBody(state, { k: 'read-position', v: 1, roundId, step: 4 }, { authorId: 'a', seq: 9, epoch: 1 });
    applyBody(state, { k: 'read-position', v: 1, roundId, step: 2 }, { authorId: 'a', seq: 7, epoch: 1 });
    applyBody(state, { k: 'read-position', v: 1, roundId, step: 3 }, { authorId: 'b', seq: 8, epoch: 1 });
    expect(roundDocs(state).positions.get(roundId)?.get('a')).toEqual({ step: 4, seq: 9 });
    expect(roundDocs(state).positions.get(roundId)?.get('b')).toEqual({ step: 3, seq: 8 });
    const note = { k: 'round-note', v: 1, roundId, itemId: 'say', text: 'hi' } as const;
    applyBody(state, note, { authorId: 'a', seq: 10, epoch: 1, id: 'r1', createdAt: 5 });
    applyBody(state, note, { authorId: 'a', seq: 10, epoch: 1, id: 'r1', createdAt: 5 });
    expect([...roundDocs(state).notes.values()]).toEqual([{ id: 'r1', roundId, itemId: 'say', text: 'hi', authorId: 'a', seq: 10, createdAt: 5 }]);
  });

  it('takes reflections only from the personal space, and round records only from shared ones', () => {
    const reflection = { k: 'reflection', v: 1, exerciseId: 'appreciations', answers: {} } as const;
    const inShared = emptySpaceState(shared);
    applyBody(inShared, reflection, { authorId: 'a', seq: 1, epoch: 1, id: 'r1', createdAt: 1 });
    expect(roundDocs(inShared).reflections.size).toBe(0);
    const inPersonal = emptySpaceState(personal);
    applyBody(inPersonal, reflection, { authorId: 'a', seq: 1, epoch: 1, id: 'r1', createdAt: 1 });
    applyBody(inPersonal, { k: 'read-position', v: 1, roundId, step: 1 }, { authorId: 'a', seq: 2, epoch: 1 });
    expect(roundDocs(inPersonal).reflections.get('r1')).toMatchObject({ exerciseId: 'appreciations', seq: 1 });
    expect(roundDocs(inPersonal).positions.size).toBe(0);
  });
});

describe('check-in records', () => {
  const enc = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));
  const checkin = { v: 1, at: Date.UTC(2026, 10, 20, 19), tz: 'Europe/Berlin', emotional: 6, physical: 4 } as const;
  const personal: SpaceSummary = { ...summary, id: '01890000-0000-7000-8000-000000000002', kind: 'personal' };

  it('round-trips a check-in, with and without the optional parts', () => {
    const full = { k: 'checkin', v: 1, checkin: { ...checkin, energy: 2, pain: 7, stress: 5, note: 'tired, but we laughed' } } as const;
    expect(decodeBody(encodeBody(full))).toEqual(full);
    expect(decodeBody(encodeBody({ k: 'checkin', v: 1, checkin }))).toEqual({ k: 'checkin', v: 1, checkin });
  });

  it('refuses a check-in that is not exactly ours: out of range, extra keys, a bad zone', () => {
    expect(decodeBody(enc({ k: 'checkin', v: 1, checkin: { ...checkin, emotional: 11 } }))).toBeNull();
    expect(decodeBody(enc({ k: 'checkin', v: 1, checkin: { ...checkin, physical: 2.5 } }))).toBeNull();
    expect(decodeBody(enc({ k: 'checkin', v: 1, checkin: { ...checkin, tz: 'Mars/Olympus' } }))).toBeNull();
    expect(decodeBody(enc({ k: 'checkin', v: 1, checkin, extra: 1 }))).toBeNull();
    expect(decodeBody(enc({ k: 'checkin', v: 1, checkin: { ...checkin, mood: 3 } }))).toBeNull();
    expect(() => encodeBody({ k: 'checkin', v: 1, checkin: { ...checkin, emotional: -1 } })).toThrow(TypeError);
  });

  it('validates settings: booleans, space ids only, no duplicates kept, bounded', () => {
    const id = '01890000-0000-7000-8000-00000000000a';
    expect(decodeBody(enc({ k: 'checkin-settings', v: 1, health: true, shareWith: [id, id] }))).toEqual({
      k: 'checkin-settings',
      v: 1,
      health: true,
      shareWith: [id],
    });
    expect(decodeBody(enc({ k: 'checkin-settings', v: 1, health: 'yes', shareWith: [] }))).toBeNull();
    expect(decodeBody(enc({ k: 'checkin-settings', v: 1, health: false, shareWith: ['home'] }))).toBeNull();
    expect(decodeBody(enc({ k: 'checkin-settings', v: 1, health: false, shareWith: Array(101).fill(id) }))).toBeNull();
    expect(decodeBody(enc({ k: 'checkin-settings', v: 1, health: false }))).toBeNull();
  });

  it('keeps every check-in by record id, idempotent on replay, with its author', () => {
    const state = emptySpaceState(summary);
    const body = { k: 'checkin', v: 1, checkin } as const;
    applyBody(state, body, { authorId: 'sam', seq: 1, epoch: 1, id: 'r1' });
    applyBody(state, body, { authorId: 'sam', seq: 1, epoch: 1, id: 'r1' });
    applyBody(state, { k: 'checkin', v: 1, checkin: { ...checkin, at: checkin.at + 1 } }, { authorId: 'kit', seq: 2, epoch: 1, id: 'r2' });
    const docs = checkinDocs(state).checkins;
    expect(docs.size).toBe(2);
    expect(docs.get('r1')).toEqual({ id: 'r1', authorId: 'sam', checkin, seq: 1 });
    expect(docs.get('r2')?.authorId).toBe('kit');
  });

  it('takes settings only in the personal space, the latest by seq', () => {
    const shared = emptySpaceState(summary);
    applyBody(shared, { k: 'checkin-settings', v: 1, health: true, shareWith: [] }, { authorId: 'sam', seq: 1, epoch: 1 });
    expect(checkinDocs(shared).settings).toBeNull();

    const mine = emptySpaceState(personal);
    applyBody(mine, { k: 'checkin-settings', v: 1, health: true, shareWith: [] }, { authorId: 'me', seq: 4, epoch: 1 });
    applyBody(mine, { k: 'checkin-settings', v: 1, health: false, shareWith: [summary.id] }, { authorId: 'me', seq: 2, epoch: 1 });
    expect(checkinDocs(mine).settings).toEqual({ health: true, shareWith: [], seq: 4 });
  });
});

describe('library records', () => {
  const enc = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));
  const personal: SpaceSummary = { ...summary, id: '01890000-0000-7000-8000-000000000003', kind: 'personal' };

  it('round-trips each kind, and refuses what is not exactly ours', () => {
    const bodies: RecordBody[] = [
      { k: 'program-step', v: 1, programId: 'after-cancer', stepId: 'keep-talking', done: true },
      { k: 'program-state', v: 1, programId: 'after-cancer', status: 'paused' },
      { k: 'keep', v: 1, what: 'favourite', ref: 'emotional/e-light-01', kept: true },
      { k: 'onboarding', v: 1, reasonId: 'drifted-apart' },
      { k: 'assessment', v: 1, scores: { emotional: { now: 3, matters: 9 }, sexual: {} } },
      { k: 'progress-sharing', v: 1, shareWith: [summary.id] },
    ];
    for (const body of bodies) expect(decodeBody(encodeBody(body))).toEqual(body);
    expect(decodeBody(enc({ k: 'program-step', v: 1, programId: 'After Cancer', stepId: 'x', done: true }))).toBeNull();
    expect(decodeBody(enc({ k: 'program-state', v: 1, programId: 'x', status: 'finished' }))).toBeNull();
    expect(decodeBody(enc({ k: 'keep', v: 1, what: 'favourite', ref: 'no-slash', kept: true }))).toBeNull();
    expect(decodeBody(enc({ k: 'keep', v: 1, what: 'bookmark', ref: 'a/b', kept: true }))).toBeNull();
    expect(decodeBody(enc({ k: 'assessment', v: 1, scores: { emotional: { now: 11 } } }))).toBeNull();
    expect(decodeBody(enc({ k: 'assessment', v: 1, scores: { emotional: { now: 1, later: 2 } } }))).toBeNull();
    expect(decodeBody(enc({ k: 'assessment', v: 1, scores: {} }))).toBeNull();
  });

  it('keeps the latest step state per author by seq; a program remembers when it was first started', () => {
    const state = emptySpaceState(summary);
    const step = (done: boolean) => ({ k: 'program-step', v: 1, programId: 'p', stepId: 's', done }) as const;
    applyBody(state, step(true), { authorId: 'sam', seq: 5, epoch: 1 });
    applyBody(state, step(false), { authorId: 'sam', seq: 3, epoch: 1 });
    applyBody(state, step(false), { authorId: 'kit', seq: 4, epoch: 1 });
    const docs = libraryDocs(state);
    expect(docs.steps.get('sam p/s')).toEqual({ value: true, seq: 5 });
    expect(docs.steps.get('kit p/s')).toEqual({ value: false, seq: 4 });

    applyBody(state, { k: 'program-state', v: 1, programId: 'p', status: 'paused' }, { authorId: 'sam', seq: 9, epoch: 1, createdAt: 900 });
    applyBody(state, { k: 'program-state', v: 1, programId: 'p', status: 'active' }, { authorId: 'sam', seq: 2, epoch: 1, createdAt: 200 });
    expect(docs.programs.get('sam p')).toEqual({ value: 'paused', seq: 9, startedAt: 200 });
  });

  it('takes keeps, onboarding, assessments and sharing only in the personal space', () => {
    const shared = emptySpaceState(summary);
    applyBody(shared, { k: 'onboarding', v: 1, reasonId: 'x' }, { authorId: 'sam', seq: 1, epoch: 1 });
    applyBody(shared, { k: 'keep', v: 1, what: 'intention', ref: 'p/s', kept: true }, { authorId: 'sam', seq: 2, epoch: 1 });
    expect(libraryDocs(shared).onboarding).toBeNull();
    expect(libraryDocs(shared).keeps.size).toBe(0);

    const mine = emptySpaceState(personal);
    applyBody(mine, { k: 'onboarding', v: 1, reasonId: 'later' }, { authorId: 'me', seq: 7, epoch: 1 });
    applyBody(mine, { k: 'onboarding', v: 1, reasonId: 'earlier' }, { authorId: 'me', seq: 6, epoch: 1 });
    applyBody(mine, { k: 'assessment', v: 1, scores: { emotional: { now: 2 } } }, { authorId: 'me', seq: 8, epoch: 1, id: 'a1', createdAt: 5 });
    expect(libraryDocs(mine).onboarding).toEqual({ value: 'later', seq: 7 });
    expect(libraryDocs(mine).assessments.get('a1')).toEqual({ scores: { emotional: { now: 2 } }, seq: 8, createdAt: 5 });
  });
});
