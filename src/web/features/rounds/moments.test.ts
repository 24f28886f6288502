import { describe, expect, it } from 'vitest';
import { OPENED_NEWS_MS, READING_NOW_MS, readingInvitation, todayRoundCards } from './moments.ts';
import type { ReadPosition, RoundView } from './types.ts';

const NOW = 1_800_000_000_000;

function round(id: string, status: RoundView['status'], extra: Partial<RoundView> = {}): RoundView {
  return {
    id,
    spaceId: 's',
    exerciseId: 'sentence-completion',
    startedBy: 'me',
    startedAt: NOW - 1000,
    status,
    cancelReason: null,
    participants: [
      { userId: 'me', displayName: 'Ari', isMe: true, sealed: status !== 'open', sealedAt: null },
      { userId: 'sam', displayName: 'Sam', isMe: false, sealed: status !== 'open', sealedAt: null },
    ],
    iAmParticipant: true,
    iHaveSealed: status !== 'open',
    revealedAt: status === 'revealed' ? NOW - 500 : null,
    ...extra,
  };
}

describe('Today: what is new with the people I share with', () => {
  it('offers opened answers I have not looked at, newest first, before anything to do', () => {
    const older = round('old', 'revealed', { revealedAt: NOW - 5000 });
    const newer = round('new', 'revealed', { revealedAt: NOW - 100 });
    const toAnswer = round('todo', 'open', { iHaveSealed: false });
    const cards = todayRoundCards({ rounds: [toAnswer, older, newer], seen: new Set(), thanked: new Set(), now: NOW });
    expect(cards.map((c) => `${c.kind}:${c.round.id}`)).toEqual(['opened:new', 'opened:old', 'answer:todo']);
  });

  it('stops offering answers once looked at here, thanked for anywhere, or no longer recent', () => {
    const rounds = [
      round('seen', 'revealed'),
      round('thanked', 'revealed'),
      round('long-ago', 'revealed', { revealedAt: NOW - OPENED_NEWS_MS - 1 }),
      round('fresh', 'revealed'),
    ];
    const cards = todayRoundCards({ rounds, seen: new Set(['seen']), thanked: new Set(['thanked']), now: NOW });
    expect(cards.map((c) => c.round.id)).toEqual(['fresh']);
  });

  it('offers no opened answers while the device has not said what was seen (no flash of old news)', () => {
    expect(todayRoundCards({ rounds: [round('r', 'revealed')], seen: null, thanked: new Set(), now: NOW })).toEqual([]);
  });

  it('never offers an exercise I already answered, or a closed one', () => {
    const rounds = [round('in', 'open', { iHaveSealed: true }), round('gone', 'withdrawn'), round('stopped', 'cancelled')];
    expect(todayRoundCards({ rounds, seen: new Set(), thanked: new Set(), now: NOW })).toEqual([]);
  });
});

describe('an invitation to read together, live', () => {
  const position = (roundId: string, updatedBy: string, step: number, at = NOW - 1000): ReadPosition => ({ roundId, updatedBy, step, at });
  const base = {
    closingStepOf: () => 21,
    answered: new Set<string>(),
    readingHere: null,
    now: NOW,
  };

  it('invites me when a partner is reading our answers now', () => {
    const r = round('r', 'revealed');
    const invitation = readingInvitation({ ...base, rounds: [r], positions: new Map([['r', position('r', 'sam', 3)]]) });
    expect(invitation).toEqual({ round: r, byUserId: 'sam', step: 3 });
  });

  it('stays quiet for my own reading, an old one, a finished one, one I answered, or where I already am', () => {
    const r = round('r', 'revealed');
    const quiet = (over: Partial<Parameters<typeof readingInvitation>[0]>, p = position('r', 'sam', 3)) =>
      readingInvitation({ ...base, rounds: [r], positions: new Map([['r', p]]), ...over });
    expect(quiet({}, position('r', 'me', 3))).toBeNull();
    expect(quiet({}, position('r', 'sam', 3, NOW - READING_NOW_MS - 1))).toBeNull();
    expect(quiet({}, position('r', 'sam', 21))).toBeNull();
    expect(quiet({ answered: new Set(['r']) })).toBeNull();
    expect(quiet({ readingHere: 'r' })).toBeNull();
    expect(quiet({ closingStepOf: () => null })).toBeNull();
    // Someone who is not taking part cannot lead anyone anywhere.
    expect(quiet({}, position('r', 'mallory', 3))).toBeNull();
  });

  it('picks the newest reading when two are under way', () => {
    const a = round('a', 'revealed');
    const b = round('b', 'revealed');
    const positions = new Map([
      ['a', position('a', 'sam', 1, NOW - 5000)],
      ['b', position('b', 'sam', 1, NOW - 10)],
    ]);
    expect(readingInvitation({ ...base, rounds: [a, b], positions })?.round.id).toBe('b');
  });
});
