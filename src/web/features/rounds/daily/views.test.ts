import { describe, expect, it } from 'vitest';
import type { RoundView } from '../types.ts';
import type { PrivateDailyAnswer } from './types.ts';
import { dayState, historyOf, neighbourDayOpen } from './views.ts';

const SPACE = 's1';
const DAY = '2026-05-17';

function round(over: Partial<RoundView> = {}): RoundView {
  return {
    id: 'r1',
    spaceId: SPACE,
    exerciseId: 'emotional-q1',
    startedBy: 'u2',
    startedAt: 1,
    status: 'open',
    cancelReason: null,
    participants: [],
    iAmParticipant: true,
    iHaveSealed: false,
    revealedAt: null,
    ...over,
  };
}

function kept(over: Partial<PrivateDailyAnswer> = {}): PrivateDailyAnswer {
  return { id: 'a1', spaceId: SPACE, day: DAY, exerciseId: 'emotional-q9', text: 'a line', createdAt: 1, ...over };
}

const base = { spaceId: SPACE, day: DAY, rounds: [], privateAnswers: [], drawn: 'playful-q3' };

describe('dayState', () => {
  it('asks the drawn question while nobody has started the day', () => {
    expect(dayState(base)).toEqual({ kind: 'ask', day: DAY, exerciseId: 'playful-q3', round: null });
  });

  it('asks the round’s question once someone started the day, whatever my draw says', () => {
    const r = round();
    expect(dayState({ ...base, rounds: [{ day: DAY, round: r }] })).toEqual({ kind: 'ask', day: DAY, exerciseId: 'emotional-q1', round: r });
  });

  it('waits once I am in, and opens when the round is revealed', () => {
    expect(dayState({ ...base, rounds: [{ day: DAY, round: round({ iHaveSealed: true }) }] })?.kind).toBe('waiting');
    expect(dayState({ ...base, rounds: [{ day: DAY, round: round({ iHaveSealed: true, status: 'revealed' }) }] })?.kind).toBe('open');
  });

  it('ignores another day’s round', () => {
    expect(dayState({ ...base, rounds: [{ day: '2026-05-16', round: round({ iHaveSealed: true }) }] })?.kind).toBe('ask');
  });

  it('shows a private answer (alone), and a stopped round unless I kept my answer for me', () => {
    expect(dayState({ ...base, privateAnswers: [kept()] })).toMatchObject({ kind: 'private', exerciseId: 'emotional-q9' });
    expect(dayState({ ...base, privateAnswers: [kept({ spaceId: 'other' })] })?.kind).toBe('ask');
    const stopped = round({ status: 'cancelled', cancelReason: 'participant-left' });
    expect(dayState({ ...base, rounds: [{ day: DAY, round: stopped }] })?.kind).toBe('stopped');
    expect(dayState({ ...base, rounds: [{ day: DAY, round: stopped }], privateAnswers: [kept()] })?.kind).toBe('private');
  });

  it('prefers an open round I take part in over an earlier private answer (a partner joined later that day)', () => {
    expect(dayState({ ...base, rounds: [{ day: DAY, round: round() }], privateAnswers: [kept()] })?.kind).toBe('ask');
  });

  it('has nothing to ask without a question', () => {
    expect(dayState({ ...base, drawn: null })).toBeNull();
  });
});

describe('historyOf', () => {
  it('lists this space’s rounds and private answers, newest day first', () => {
    const r1 = round({ id: 'r1' });
    const r2 = round({ id: 'r2' });
    const entries = historyOf(SPACE, [{ day: '2026-05-15', round: r1 }, { day: '2026-05-17', round: r2 }], [kept({ day: '2026-05-16' }), kept({ id: 'a2', spaceId: 'other' })]);
    expect(entries.map((e) => [e.kind, e.day])).toEqual([
      ['round', '2026-05-17'],
      ['private', '2026-05-16'],
      ['round', '2026-05-15'],
    ]);
  });
});

describe('neighbourDayOpen', () => {
  const on = (day: string, over: Partial<RoundView> = {}) => ({ day, round: round({ id: `r-${day}`, ...over }) });

  it('finds the round of the day before or after, open, with me in it and my answer not in', () => {
    expect(neighbourDayOpen(DAY, [on('2026-05-16')])?.day).toBe('2026-05-16');
    expect(neighbourDayOpen(DAY, [on('2026-05-18')])?.day).toBe('2026-05-18');
    // Across a month's end, counted on the calendar.
    expect(neighbourDayOpen('2026-06-01', [on('2026-05-31')])?.day).toBe('2026-05-31');
  });

  it('prefers the earlier of the two neighbours', () => {
    expect(neighbourDayOpen(DAY, [on('2026-05-18'), on('2026-05-16')])?.day).toBe('2026-05-16');
  });

  it('leaves out today, days further away, answered, opened, stopped rounds and rounds I am not in', () => {
    expect(
      neighbourDayOpen(DAY, [
        on(DAY),
        on('2026-05-15'),
        on('2026-05-19'),
        on('2026-05-16', { iHaveSealed: true }),
        on('2026-05-18', { status: 'revealed' }),
        on('2026-05-16', { status: 'cancelled' }),
        on('2026-05-18', { iAmParticipant: false }),
      ]),
    ).toBeNull();
  });
});
