import { describe, expect, it } from 'vitest';
import { ask, backDue, next, PAUSE_GRACE_MS, PAUSE_MAX_MS, PAUSE_MIN_MS, settle, type Turn, type TurnEvent } from './machine.ts';

const A = '01900000-0000-7000-8000-00000000000a';
const B = '01900000-0000-7000-8000-00000000000b';
const C = '01900000-0000-7000-8000-00000000000c';
const ID = '01900000-0000-7000-8000-000000000001';
const R = '01900000-0000-7000-8000-000000000002';
const NOW = Date.parse('2026-03-01T18:00:00Z');

const asked = (device: 'each' | 'one' = 'each') => ask({ id: ID, by: A, with: B, topic: 'stress', mode: 'typed', device }, NOW);

/** Applies events in order, each by its actor; fails the test on a refusal. */
function run(turn: Turn, ...steps: [TurnEvent, string][]): Turn {
  return steps.reduce((t, [event, actor]) => {
    const out = next(t, event, actor, NOW);
    if (!out.ok) throw new Error(`${event.type} by ${actor === A ? 'A' : 'B'} refused: ${out.reason}`);
    return out.turn;
  }, turn);
}
const refused = (turn: Turn, event: TurnEvent, actor: string, now = NOW) => {
  const out = next(turn, event, actor, now);
  return out.ok ? null : out.reason;
};

describe('asking for a turn', () => {
  it('on two phones it is a request; on one phone it starts at once with the asker on the floor', () => {
    expect(asked()).toMatchObject({ phase: 'asked', speaker: A, round: 0, step: 'share', keep: [], kept: false });
    expect(asked('one')).toMatchObject({ phase: 'talking', speaker: A, step: 'share' });
  });

  it('the one asked can accept: talking, the asker has the floor', () => {
    expect(run(asked(), [{ type: 'accept' }, B])).toMatchObject({ phase: 'talking', step: 'share', speaker: A });
    expect(refused(asked(), { type: 'accept' }, A)).toBe('not-your-part');
  });

  it('picks a time later today (with the reminder id), then either starts when ready', () => {
    const later = next(asked(), { type: 'later', at: NOW + 3 * 3_600_000 }, B, NOW, R);
    expect(later).toMatchObject({ ok: true, turn: { phase: 'later', later: NOW + 3 * 3_600_000, remind: R } });
    const turn = (later as { turn: Turn }).turn;
    expect(run(turn, [{ type: 'start' }, A])).toMatchObject({ phase: 'talking', speaker: A });
    expect(run(turn, [{ type: 'start' }, B]).remind).toBeUndefined();
    expect(refused(asked(), { type: 'later', at: NOW - 1 }, B)).toBe('bad-time');
    expect(refused(asked(), { type: 'later', at: NOW + 25 * 3_600_000 }, B)).toBe('bad-time');
    expect(refused(asked(), { type: 'later', at: NOW + 60_000 }, A)).toBe('not-your-part');
    expect(refused(asked(), { type: 'start' }, B)).toBe('wrong-phase');
  });

  it('"not now" ends it kindly; the asker can take it back; an outsider can do nothing', () => {
    expect(run(asked(), [{ type: 'not-now' }, B])).toMatchObject({ phase: 'ended', ending: 'not-now' });
    expect(refused(asked(), { type: 'not-now' }, A)).toBe('not-your-part');
    expect(run(asked(), [{ type: 'stop' }, A])).toMatchObject({ phase: 'ended', ending: 'withdrawn' });
    expect(refused(asked(), { type: 'stop' }, B)).toBe('not-your-part');
    expect(refused(asked(), { type: 'accept' }, C)).toBe('not-in-turn');
  });
});

describe('the guided exchange', () => {
  const talking = () => run(asked(), [{ type: 'accept' }, B]);

  it('share, reflect, check, validate, heard: each step by its role only', () => {
    let turn = talking();
    expect(refused(turn, { type: 'said' }, B)).toBe('not-your-part');
    turn = run(turn, [{ type: 'said' }, A]);
    expect(turn.step).toBe('reflect');
    expect(refused(turn, { type: 'reflected' }, A)).toBe('not-your-part');
    turn = run(turn, [{ type: 'reflected' }, B]);
    expect(turn.step).toBe('check');
    expect(refused(turn, { type: 'check', answer: 'yes' }, B)).toBe('not-your-part');
    turn = run(turn, [{ type: 'check', answer: 'yes' }, A]);
    expect(turn.step).toBe('validate');
    expect(refused(turn, { type: 'validated' }, A)).toBe('not-your-part');
    turn = run(turn, [{ type: 'validated' }, B]);
    expect(turn.step).toBe('heard');
    expect(refused(turn, { type: 'heard', answer: 'yes' }, B)).toBe('not-your-part');
  });

  it('"not quite" asks the speaker to say it again; "there\'s more" to go on; validation waits for a yes', () => {
    const atCheck = run(talking(), [{ type: 'said' }, A], [{ type: 'reflected' }, B]);
    expect(run(atCheck, [{ type: 'check', answer: 'not-quite' }, A])).toMatchObject({ step: 'share', cue: 'again', speaker: A });
    expect(run(atCheck, [{ type: 'check', answer: 'more' }, A])).toMatchObject({ step: 'share', cue: 'more', speaker: A });
    expect(refused(atCheck, { type: 'validated' }, B)).toBe('wrong-phase');
    expect(refused(talking(), { type: 'reflected' }, B)).toBe('wrong-phase');
  });

  it('the floor passes only when the speaker says they were heard; after both rounds, closing', () => {
    const round = (turn: Turn, s: string, l: string) =>
      run(turn, [{ type: 'said' }, s], [{ type: 'reflected' }, l], [{ type: 'check', answer: 'yes' }, s], [{ type: 'validated' }, l]);
    const atHeard = round(talking(), A, B);
    expect(run(atHeard, [{ type: 'heard', answer: 'not-yet' }, A])).toMatchObject({ step: 'share', speaker: A, round: 0, cue: 'more' });
    const swapped = run(atHeard, [{ type: 'heard', answer: 'yes' }, A]);
    expect(swapped).toMatchObject({ phase: 'talking', step: 'share', speaker: B, round: 1 });
    expect(swapped.cue).toBeUndefined();
    const done = run(round(swapped, B, A), [{ type: 'heard', answer: 'yes' }, B]);
    expect(done).toMatchObject({ phase: 'closing', keep: [] });
  });

  it('on one phone, its owner taps for both (the phone is passed)', () => {
    const one = asked('one');
    const turn = run(one, [{ type: 'said' }, A], [{ type: 'reflected' }, A], [{ type: 'check', answer: 'yes' }, A], [{ type: 'validated' }, A], [{ type: 'heard', answer: 'yes' }, A]);
    expect(turn).toMatchObject({ speaker: B, round: 1 });
  });
});

describe('a safe pause', () => {
  const mid = () => run(asked(), [{ type: 'accept' }, B], [{ type: 'said' }, A], [{ type: 'reflected' }, B]);

  it('either may pause, from 20 minutes to a day; nothing says who paused', () => {
    const out = next(mid(), { type: 'pause', back: NOW + PAUSE_MIN_MS }, B, NOW, R);
    expect(out).toMatchObject({ ok: true, turn: { phase: 'paused', back: NOW + PAUSE_MIN_MS, remind: R, step: 'check', speaker: A } });
    expect(JSON.stringify((out as { turn: Turn }).turn)).not.toContain('"pausedBy"');
    expect(refused(mid(), { type: 'pause', back: NOW + PAUSE_MIN_MS - PAUSE_GRACE_MS }, A)).toBeNull();
    expect(refused(mid(), { type: 'pause', back: NOW + PAUSE_MIN_MS - PAUSE_GRACE_MS - 1 }, A)).toBe('bad-time');
    expect(refused(mid(), { type: 'pause', back: NOW + PAUSE_MAX_MS + 1 }, A)).toBe('bad-time');
  });

  it('resumes exactly where it was (either of us, early too), and the reminder id goes', () => {
    const paused = (next(mid(), { type: 'pause', back: NOW + PAUSE_MIN_MS }, A, NOW, R) as { turn: Turn }).turn;
    expect(backDue(paused, NOW + PAUSE_MIN_MS - 1)).toBe(false);
    expect(backDue(paused, NOW + PAUSE_MIN_MS)).toBe(true);
    const resumed = run(paused, [{ type: 'resume' }, B]);
    expect(resumed).toMatchObject({ phase: 'talking', step: 'check', speaker: A, round: 0 });
    expect(resumed.back).toBeUndefined();
    expect(resumed.remind).toBeUndefined();
    expect(refused(paused, { type: 'check', answer: 'yes' }, A)).toBe('wrong-phase');
    expect(run(paused, [{ type: 'stop' }, B]).phase).toBe('closing');
  });
});

describe('the end: nothing kept unless both choose', () => {
  const closing = () => run(asked(), [{ type: 'accept' }, B], [{ type: 'stop' }, B]);

  it('one "let go" ends it with nothing kept', () => {
    expect(run(closing(), [{ type: 'keep', keep: true }, A], [{ type: 'keep', keep: false }, B])).toMatchObject({ phase: 'ended', ending: 'done', kept: false });
  });

  it('kept only when both chose to keep; on one phone one tap says "we both"', () => {
    const half = run(closing(), [{ type: 'keep', keep: true }, A]);
    expect(half).toMatchObject({ phase: 'closing', keep: [A], kept: false });
    expect(run(half, [{ type: 'keep', keep: true }, A]).phase).toBe('closing');
    expect(run(half, [{ type: 'keep', keep: true }, B])).toMatchObject({ phase: 'ended', kept: true });
    const one = run(asked('one'), [{ type: 'stop' }, A], [{ type: 'keep', keep: true }, A]);
    expect(one).toMatchObject({ phase: 'ended', kept: true });
  });

  it('nothing moves an ended turn', () => {
    const ended = run(closing(), [{ type: 'keep', keep: false }, A]);
    for (const event of [{ type: 'resume' }, { type: 'stop' }, { type: 'accept' }, { type: 'left' }] as TurnEvent[]) expect(refused(ended, event, A)).toBe('wrong-phase');
  });
});

describe('a partner leaving the place', () => {
  it('ends the turn in any phase ("left"), nothing kept, the reminder id dropped', () => {
    const paused = (next(run(asked(), [{ type: 'accept' }, B]), { type: 'pause', back: NOW + PAUSE_MIN_MS }, A, NOW, R) as { turn: Turn }).turn;
    for (const turn of [asked(), run(asked(), [{ type: 'accept' }, B]), paused, run(asked(), [{ type: 'accept' }, B], [{ type: 'stop' }, A], [{ type: 'keep', keep: true }, A])]) {
      const settled = settle(turn, new Set([A]), NOW);
      expect(settled).toMatchObject({ phase: 'ended', ending: 'left', kept: false, keep: [] });
      expect(settled.remind).toBeUndefined();
    }
  });

  it('changes nothing while both are still here', () => {
    const turn = asked();
    expect(settle(turn, new Set([A, B, C]), NOW)).toBe(turn);
  });
});
