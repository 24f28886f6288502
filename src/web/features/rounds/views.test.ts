import { describe, expect, it } from 'vitest';
import type { RoundSummary } from '../../../shared/api.ts';
import type { RoundNoteDoc } from './kinds.ts';
import { latestPosition, notesOf, thanksOf, sortRounds, toRoundView } from './views.ts';

const summary: RoundSummary = {
  id: '01890000-0000-7000-8000-0000000000d1',
  spaceId: '01890000-0000-7000-8000-000000000001',
  createdBy: 'a',
  createdAt: 100,
  epoch: 2,
  header: 'AA',
  status: 'open',
  cancelReason: null,
  revealedAt: null,
  closedAt: null,
  participants: [
    { userId: 'a', submitted: true, submittedAt: 120 },
    { userId: 'b', submitted: false, submittedAt: null },
  ],
};
const names: Record<string, string> = { a: 'Ana', b: 'Bo' };
const nameOf = (id: string) => names[id] ?? null;

describe('round views', () => {
  it('maps a summary for me, with names and my state', () => {
    const view = toRoundView(summary, 'b', 'test-exercise', nameOf);
    expect(view).toMatchObject({ id: summary.id, exerciseId: 'test-exercise', startedBy: 'a', startedAt: 100, iAmParticipant: true, iHaveSealed: false });
    expect(view.participants).toEqual([
      { userId: 'a', displayName: 'Ana', isMe: false, sealed: true, sealedAt: 120 },
      { userId: 'b', displayName: 'Bo', isMe: true, sealed: false, sealedAt: null },
    ]);
    expect(toRoundView(summary, 'a', null, nameOf)).toMatchObject({ exerciseId: null, iHaveSealed: true });
    expect(toRoundView(summary, 'z', null, nameOf).iAmParticipant).toBe(false);
  });

  it('sorts newest first', () => {
    const older = toRoundView({ ...summary, id: 'x1', createdAt: 1 }, 'a', null, nameOf);
    const newer = toRoundView({ ...summary, id: 'x2', createdAt: 2 }, 'a', null, nameOf);
    expect(sortRounds([older, newer]).map((r) => r.id)).toEqual(['x2', 'x1']);
  });
});

describe('read-together position', () => {
  const byAuthor = new Map([
    ['a', { step: 3, n: 10, at: 100 }],
    ['b', { step: 5, n: 12, at: 90 }],
    ['mallory', { step: 99, n: 50, at: 80 }],
  ]);
  it('is the last one written by a participant', () => {
    expect(latestPosition('r', byAuthor, new Set(['a', 'b']))).toEqual({ roundId: 'r', step: 5, updatedBy: 'b', at: 90 });
    expect(latestPosition('r', byAuthor, null)).toEqual({ roundId: 'r', step: 99, updatedBy: 'mallory', at: 80 });
    expect(latestPosition('r', byAuthor, new Set(['c']))).toBeNull();
  });
});

describe('thank-yous after reading together', () => {
  it('lists the participants’ own, oldest first, mine marked', () => {
    const byAuthor = new Map([
      ['b', { note: 'that was lovely', at: 20 }],
      ['a', { note: null, at: 10 }],
      ['mallory', { note: 'x', at: 5 }],
    ]);
    expect(thanksOf('r', byAuthor, new Set(['a', 'b']), 'a', nameOf)).toEqual([
      { roundId: 'r', userId: 'a', authorName: 'Ana', isMe: true, note: null, at: 10 },
      { roundId: 'r', userId: 'b', authorName: nameOf('b'), isMe: false, note: 'that was lovely', at: 20 },
    ]);
  });
});

describe('follow-up notes', () => {
  const note = (id: string, roundId: string, authorId: string, seq: number): RoundNoteDoc => ({ id, roundId, itemId: 'say', authorId, text: id, seq, createdAt: seq });
  it('keeps a round’s notes by participants, in log order, queued ones last', () => {
    const docs = [note('n3', 'r', 'a', Infinity), note('n1', 'r', 'b', 5), note('n2', 'r', 'a', 2), note('x', 'other', 'a', 1), note('m', 'r', 'mallory', 3)];
    const notes = notesOf('r', docs, new Set(['a', 'b']), nameOf);
    expect(notes.map((n) => n.id)).toEqual(['n2', 'n1', 'n3']);
    expect(notes[0]).toEqual({ id: 'n2', roundId: 'r', itemId: 'say', authorId: 'a', authorName: 'Ana', text: 'n2', createdAt: 2 });
  });
});
