import { describe, expect, it } from 'vitest';
import { CHECKIN_LIMITS, SCALES, SCALE_LABELS, isTimeZone, parseCheckin, scaleLabelKey } from './checkin.ts';

const base = { v: 1, at: Date.UTC(2024, 4, 1, 20), tz: 'Europe/Berlin', emotional: 6, physical: 4 };

describe('parseCheckin', () => {
  it('accepts the minimal and the full body', () => {
    expect(parseCheckin(base)).toEqual(base);
    const full = { ...base, energy: 0, pain: 10, stress: 5, note: 'a quiet evening, "nice"' };
    expect(parseCheckin(full)).toEqual(full);
    expect(parseCheckin({ ...base, tz: 'UTC' })).not.toBeNull();
    expect(parseCheckin({ ...base, note: 'x'.repeat(CHECKIN_LIMITS.noteChars) })).not.toBeNull();
  });

  it('returns a copy, not the input', () => {
    const input = { ...base };
    const out = parseCheckin(input);
    expect(out).not.toBe(input);
  });

  it.each([
    ['null', null],
    ['an array', [base]],
    ['a string', 'checkin'],
    ['a class instance', Object.assign(new (class X {})(), base)],
    ['wrong version', { ...base, v: 2 }],
    ['missing v', (({ v: _v, ...rest }) => rest)(base)],
    ['missing at', (({ at: _a, ...rest }) => rest)(base)],
    ['missing tz', (({ tz: _t, ...rest }) => rest)(base)],
    ['missing emotional', (({ emotional: _e, ...rest }) => rest)(base)],
    ['missing physical', (({ physical: _p, ...rest }) => rest)(base)],
    ['an unknown key', { ...base, mood: 3 }],
    ['a kind key', { ...base, k: 'checkin' }],
    ['emotional above 10', { ...base, emotional: 11 }],
    ['physical below 0', { ...base, physical: -1 }],
    ['a fractional score', { ...base, emotional: 5.5 }],
    ['a string score', { ...base, emotional: '5' }],
    ['NaN', { ...base, physical: Number.NaN }],
    ['energy out of range', { ...base, energy: 12 }],
    ['pain as a string', { ...base, pain: 'high' }],
    ['stress null', { ...base, stress: null }],
    ['an explicit undefined', { ...base, energy: undefined }],
    ['a note too long', { ...base, note: 'x'.repeat(CHECKIN_LIMITS.noteChars + 1) }],
    ['a note that is not a string', { ...base, note: 42 }],
    ['a negative time', { ...base, at: -1 }],
    ['a fractional time', { ...base, at: 1.5 }],
    ['an infinite time', { ...base, at: Infinity }],
    ['a time past year 9999', { ...base, at: 8.64e15 }],
    ['a time as a string', { ...base, at: '2024-05-01' }],
    ['an unknown zone', { ...base, tz: 'Mars/Olympus_Mons' }],
    ['an offset instead of a zone', { ...base, tz: '+01:00' }],
    ['an empty zone', { ...base, tz: '' }],
    ['a zone that is not a string', { ...base, tz: 1 }],
    ['an overlong zone', { ...base, tz: `Europe/${'x'.repeat(80)}` }],
  ])('rejects %s', (_name, value) => {
    expect(parseCheckin(value)).toBeNull();
  });
});

describe('isTimeZone', () => {
  it('knows IANA names and refuses others', () => {
    expect(isTimeZone('America/New_York')).toBe(true);
    expect(isTimeZone('Asia/Kolkata')).toBe(true);
    expect(isTimeZone('Not/AZone')).toBe(false);
    expect(isTimeZone('Not/AZone')).toBe(false); // cached answer is the same
    expect(isTimeZone(undefined)).toBe(false);
  });
});

describe('SCALE_LABELS', () => {
  it('has kind words for the ends and middle of every scale', () => {
    for (const scale of SCALES) {
      for (const point of ['low', 'mid', 'high'] as const) {
        expect(SCALE_LABELS[scale][point].trim().length).toBeGreaterThan(0);
        expect(scaleLabelKey(scale, point)).toBe(`checkin.${scale}.${point}`);
      }
    }
    expect(SCALE_LABELS.emotional).toEqual({ low: 'far apart', mid: 'somewhat close', high: 'very close' });
  });

  it('never grades (no words like bad, poor, fail, score)', () => {
    const all = Object.values(SCALE_LABELS).flatMap((l) => Object.values(l)).join(' ').toLowerCase();
    for (const word of ['bad', 'poor', 'fail', 'score', 'good', 'wrong']) expect(all).not.toContain(word);
  });
});
