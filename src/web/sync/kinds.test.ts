import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import { beats, defineKind, docsFor, encodeRecord, registerKinds, type RecordMeta } from './kinds.ts';
import { apply, decoded, PERSONAL, SHARED, spaceOf } from './testing.ts';

// Two kinds of our own, so the registry is tested without any feature.
const notes = docsFor(() => ({ byId: new Map<string, string>(), title: null as string | null, mine: new Map<string, string>() }));
const noteKind = defineKind({
  kind: 'test-note',
  schema: z.strictObject({ text: z.string().check(z.trim(), z.minLength(1), z.maxLength(10)) }),
  placement: 'any',
  mutable: false,
  apply: (state, body, meta) => void notes(state).byId.set(meta.id, body.text),
});
const titleKind = defineKind({
  kind: 'test-title',
  schema: z.strictObject({ title: z.string() }),
  placement: 'shared',
  mutable: true,
  docKey: () => 'title',
  apply: (state, body) => void (notes(state).title = body.title),
});
/** A mutable kind whose "closed" versions win a tie with one written beside them. */
const doorKind = defineKind({
  kind: 'test-door',
  schema: z.strictObject({ state: z.enum(['open', 'closed']) }),
  placement: 'shared',
  mutable: true,
  docKey: () => 'door',
  tieRank: (body) => (body.state === 'closed' ? 1 : 0),
  apply: (state, body) => void (notes(state).title = body.state),
});
const mineKind = defineKind({
  kind: 'test-mine',
  schema: z.strictObject({ value: z.string() }),
  placement: 'personal',
  mutable: true,
  docKey: (_b, authorId) => authorId,
  apply: (state, body, meta) => void notes(state).mine.set(meta.authorId, body.value),
});

beforeAll(() => registerKinds(noteKind, titleKind, mineKind, doorKind));

describe('the record envelope', () => {
  it('round-trips, canonicalising (trim) and carrying the version of mutable kinds only', () => {
    expect(decoded(JSON.parse(new TextDecoder().decode(encodeRecord(noteKind, { text: ' hi ' }, null))))).toEqual({ k: 'test-note', text: 'hi' });
    expect(decoded({ k: 'test-title', v: 1, n: 3, title: 'Us' })).toEqual({ k: 'test-title', n: 3, title: 'Us' });
  });

  it('refuses what is not exactly ours', () => {
    for (const raw of [
      { k: 'test-note', v: 1, text: 'x', extra: 1 },
      { k: 'test-note', v: 2, text: 'x' },
      { k: 'test-note', v: 1, n: 1, text: 'x' }, // append-only kinds carry no version
      { k: 'test-title', v: 1, title: 'x' }, // mutable kinds must
      { k: 'test-title', v: 1, n: 0, title: 'x' },
      { k: 'test-title', v: 1, n: 1.5, title: 'x' },
      { k: 'test-title', v: 1, n: 2 ** 53, title: 'x' },
      { k: 'mystery', v: 1 },
      { k: 'test-note', v: 1, text: '          ' },
      ['test-note'],
      null,
    ]) {
      expect(decoded(raw), JSON.stringify(raw)).toBeNull();
    }
    expect(() => encodeRecord(noteKind, { text: '' }, null)).toThrow(TypeError);
    expect(() => encodeRecord(titleKind, { title: 'x' }, null)).toThrow(TypeError);
  });

  it('refuses to register two kinds under one name', () => {
    expect(() => registerKinds({ ...noteKind })).toThrow(/twice/);
    expect(() => registerKinds(noteKind)).not.toThrow();
  });
});

describe('authenticated order', () => {
  it('the latest is the highest version, then the higher author id, then the record id: never the server order', () => {
    expect(beats({ n: 2, authorId: 'a', id: 'x' }, { n: 1, authorId: 'z', id: 'z', scope: '' })).toBe(true);
    expect(beats({ n: 1, authorId: 'b', id: 'a' }, { n: 1, authorId: 'a', id: 'z', scope: '' })).toBe(true);
    expect(beats({ n: 1, authorId: 'a', id: 'b' }, { n: 1, authorId: 'a', id: 'a', scope: '' })).toBe(true);
    expect(beats({ n: 1, authorId: 'a', id: 'a' }, { n: 1, authorId: 'a', id: 'a', scope: '' })).toBe(false);
    expect(beats({ n: 1, authorId: 'z', id: 'z' }, { n: 2, authorId: 'a', id: 'a', scope: '' })).toBe(false);
  });

  it('a server that replays or reorders versions cannot roll a document back (any order, any duplicates)', () => {
    const versions = [1, 2, 3, 4, 5].map((n) => ({ raw: { k: 'test-title', v: 1, n, title: `t${n}` }, id: `0190aaaa-0000-7000-8000-00000000000${n}` }));
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 20 }), (order) => {
        const state = spaceOf(SHARED);
        const seen = new Set<number>();
        order.forEach((i, seq) => {
          seen.add(i);
          apply(state, versions[i]!.raw, { authorId: 'sam', id: versions[i]!.id, seq });
        });
        expect(notes(state).title).toBe(`t${Math.max(...seen) + 1}`);
      }),
    );
  });

  it('concurrent versions from two members settle the same way on every device', () => {
    const a = spaceOf(SHARED);
    const b = spaceOf(SHARED);
    const fromKit = { k: 'test-title', v: 1, n: 2, title: 'Kit’s' };
    const fromSam = { k: 'test-title', v: 1, n: 2, title: 'Sam’s' };
    apply(a, fromKit, { authorId: 'kit' });
    apply(a, fromSam, { authorId: 'sam' });
    apply(b, fromSam, { authorId: 'sam' });
    apply(b, fromKit, { authorId: 'kit' });
    expect(notes(a).title).toBe('Sam’s');
    expect(notes(b).title).toBe('Sam’s');
  });

  it('a kind can rank concurrent versions: the one that closes wins the tie, whoever wrote it and in any order', () => {
    const closed = { k: 'test-door', v: 1, n: 2, state: 'closed' };
    const open = { k: 'test-door', v: 1, n: 2, state: 'open' };
    for (const [first, second] of [
      [closed, open],
      [open, closed],
    ]) {
      const state = spaceOf(SHARED);
      // The opener has the higher author id, which alone would win.
      apply(state, first, { authorId: first === closed ? 'kit' : 'sam' });
      apply(state, second, { authorId: second === closed ? 'kit' : 'sam' });
      expect(notes(state).title).toBe('closed');
    }
    // A later version still beats a ranked one.
    const state = spaceOf(SHARED);
    apply(state, closed, { authorId: 'kit' });
    apply(state, { ...open, n: 3 }, { authorId: 'kit' });
    expect(notes(state).title).toBe('open');
  });

  it('a document scoped by author cannot be overwritten by another member', () => {
    const state = spaceOf(PERSONAL);
    apply(state, { k: 'test-mine', v: 1, n: 1, value: 'mine' }, { authorId: 'me' });
    apply(state, { k: 'test-mine', v: 1, n: 9, value: 'theirs' }, { authorId: 'other' });
    expect(notes(state).mine.get('me')).toBe('mine');
  });
});

describe('placement and idempotence', () => {
  it('applies a kind only where it may live', () => {
    const personal = spaceOf(PERSONAL);
    apply(personal, { k: 'test-title', v: 1, n: 1, title: 'x' }, { authorId: 'me' });
    expect(notes(personal).title).toBeNull();
    const shared = spaceOf(SHARED);
    apply(shared, { k: 'test-mine', v: 1, n: 1, value: 'x' }, { authorId: 'me' });
    expect(notes(shared).mine.size).toBe(0);
  });

  it('append-only records apply once per record id, however often they are replayed', () => {
    const state = spaceOf(SHARED);
    const meta: Partial<RecordMeta> & { authorId: string } = { authorId: 'sam', id: '0190bbbb-0000-7000-8000-000000000001' };
    apply(state, { k: 'test-note', v: 1, text: 'hi' }, meta);
    apply(state, { k: 'test-note', v: 1, text: 'hi' }, meta);
    expect([...notes(state).byId.values()]).toEqual(['hi']);
  });
});
