import { describe, expect, it } from 'vitest';
import { TOUCH_PROGRAM, comfortItems } from '../../../../../content/comfort.ts';
import { NOT_STARTED, pairPlace, sessionSuggestions, steppedBack, withReady, type PersonProgress } from './progress.ts';

const P = TOUCH_PROGRAM;
const [s1, s2, s3] = P.sessions.map((s) => s.id) as [string, string, string];
const ready = (...ids: string[]): PersonProgress => ({ ready: ids, paused: false });

describe('the pair’s place in the touch program', () => {
  it('starts at the first session, touch that asks nothing', () => {
    const place = pairPlace(P, null, null);
    expect(place).toMatchObject({ index: 0, last: false, readyNow: null, pausedBy: null });
    expect(place.session.level).toBe(1);
  });

  it('moves on only when both are ready (the pace of the slowest)', () => {
    expect(pairPlace(P, ready(s1), null)).toMatchObject({ index: 0, readyNow: 'me' });
    expect(pairPlace(P, null, ready(s1))).toMatchObject({ index: 0, readyNow: 'partner' });
    expect(pairPlace(P, ready(s1), ready(s1))).toMatchObject({ index: 1, readyNow: null });
    expect(pairPlace(P, ready(s1, s2), ready(s1))).toMatchObject({ index: 1, readyNow: 'me' });
    expect(pairPlace(P, ready(s1, s2), ready(s1, s2))).toMatchObject({ index: 2 });
  });

  it('does not skip a session someone said ready for ahead of time', () => {
    // A "ready" for session 2 without one for session 1 moves nothing.
    expect(pairPlace(P, ready(s2), ready(s1, s2))).toMatchObject({ index: 0, readyNow: 'partner' });
  });

  it('stops at the last session, where there is no next to be ready for', () => {
    const all = P.sessions.map((s) => s.id);
    const place = pairPlace(P, ready(...all), ready(...all));
    expect(place).toMatchObject({ index: P.sessions.length - 1, last: true, readyNow: null });
    expect(withReady(P, place, ready(...all), true)).toEqual(ready(...all));
  });

  it('keeps the place through a pause: either can pause, each resumes only their own', () => {
    const mine = { ready: [s1], paused: true };
    const place = pairPlace(P, mine, ready(s1));
    expect(place).toMatchObject({ index: 1, pausedBy: 'me' });
    expect(pairPlace(P, { ...mine, paused: false }, { ready: [s1], paused: true })).toMatchObject({ index: 1, pausedBy: 'partner' });
    expect(pairPlace(P, mine, { ready: [s1], paused: true })).toMatchObject({ index: 1, pausedBy: 'both' });
    expect(pairPlace(P, { ...mine, paused: false }, ready(s1))).toMatchObject({ index: 1, pausedBy: null });
  });

  it('saying ready is not possible while paused, and only for the session the pair is at', () => {
    const paused = pairPlace(P, { ready: [], paused: false }, { ready: [], paused: true });
    expect(withReady(P, paused, NOT_STARTED, true)).toEqual(NOT_STARTED);
    const at2 = pairPlace(P, ready(s1), ready(s1));
    // A stray "ready" for a later session is dropped when I say ready here.
    expect(withReady(P, at2, ready(s1, s3), true)).toEqual(ready(s1, s2));
    expect(withReady(P, at2, ready(s1, s2), false)).toEqual(ready(s1));
  });

  it('lets one person step back a session on their own', () => {
    const at3 = pairPlace(P, ready(s1, s2), ready(s1, s2));
    const back = steppedBack(P, at3, ready(s1, s2));
    expect(back).toEqual(ready(s1));
    expect(pairPlace(P, back, ready(s1, s2))).toMatchObject({ index: 1, readyNow: 'partner' });
    expect(steppedBack(P, pairPlace(P, null, null), null)).toEqual(NOT_STARTED);
  });
});

describe('a session’s suggestions', () => {
  const catalog = comfortItems();
  const [first, second] = P.sessions as [(typeof P.sessions)[number], (typeof P.sessions)[number]];

  it('are only the items both matched, in catalog order', () => {
    const matched = new Set(['spooning', 'holding-hands', 'oral-sex', 'back-massage']);
    expect(sessionSuggestions(first, matched, catalog).map((i) => i.id)).toEqual(['holding-hands', 'spooning']);
    expect(sessionSuggestions(second, matched, catalog).map((i) => i.id)).toEqual(['back-massage']);
  });

  it('never go above the session’s level, even if a session named such an item', () => {
    const tampered = { ...first, suggestions: [...first.suggestions, 'oral-sex'] };
    expect(sessionSuggestions(tampered, new Set(['oral-sex', 'sitting-close']), catalog).map((i) => i.id)).toEqual(['sitting-close']);
  });

  it('are empty without a match', () => {
    expect(sessionSuggestions(first, new Set(), catalog)).toEqual([]);
  });
});
