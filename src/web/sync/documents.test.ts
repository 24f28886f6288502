import { describe, expect, it } from 'vitest';
import type { SpaceSummary } from '../../shared/api.ts';
import { applyBody, decodeBody, encodeBody } from './documents.ts';
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
